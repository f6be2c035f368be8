"""The built site's search files: every service and guidance page, never a list or a service's
easy-read twin, and words that lead to the pages that use them."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from build_tools.search.word_index import words_of


def word_pages(site: Path, word: str) -> set[int]:
    shard = json.loads((site / "search" / "words" / f"{word[:2]}.json").read_bytes())
    places = shard["found"][shard["words"][word]]
    return {number for gaps in places for number in itertools.accumulate(gaps)}


def test_guidance_cards_hold_content_pages_only(built_site: Path) -> None:
    urls = [page["url"] for page in json.loads((built_site / "search/pages.json").read_bytes())]
    assert {"", "guidance/ehc-plans/", "easy-read/ehc-plans/", "glossary/"} <= set(urls)
    assert not [url for url in urls if url.startswith(("services/", "search/"))]
    # Families search: pages for providers and editors are not in it.
    assert not [url for url in urls if url.startswith(("providers/", "editors/"))]
    assert len(urls) == len(set(urls))


def test_every_service_is_numbered_and_found_by_its_name(built_site: Path) -> None:
    cards = json.loads((built_site / "services/directory/cards/0.json").read_bytes())
    for number, card in enumerate(cards):
        first_word = words_of(card["meta"]["title"])[0]
        assert number in word_pages(built_site, first_word), card["url"]


def test_every_word_file_counts_the_same_pages(built_site: Path) -> None:
    counts = {
        json.loads(path.read_bytes())["pages"]
        for path in (built_site / "search" / "words").glob("*.json")
    }
    services = len(json.loads((built_site / "services/directory/cards/0.json").read_bytes()))
    guidance = len(json.loads((built_site / "search/pages.json").read_bytes()))
    assert counts == {services + guidance}
