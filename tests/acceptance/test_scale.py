"""A site of 1,000 generated providers: every service gets its page, the directory's browse
lists lead to every one of them, and the directory's script can show and find every one.
Slow (a whole build); `pytest -m "not slow"` leaves it out."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from posixpath import normpath

import pytest

from build_tools.bench.generate import generate_providers
from build_tools.directory.browse import facets
from build_tools.entries.catalog import load_catalog
from build_tools.search.word_index import words_of
from tests.sites import GENERATED, built_site_dir

COUNT = 1000
DIRECTORY = "services/"


# mailto:, tel:, sms: and any other scheme: links out of the site.
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href and "://" not in href and not _SCHEME.match(href) and href[0] != "#":
            self.hrefs.append(href.split("#", 1)[0])


def links_from(site: Path, page: str) -> Iterator[str]:
    """Site paths ("services/x/") linked from the page at site path `page`."""
    parser = _Links()
    parser.feed((site / page / "index.html").read_text(encoding="utf-8"))
    for href in parser.hrefs:
        if href:
            target = normpath(str(PurePosixPath(page) / href))
            yield "" if target == "." else target.rstrip("/") + "/"


def reached_from(site: Path, scope: str, services: set[str]) -> set[str]:
    """Services linked from the directory and from the browse pages under `scope` it leads to,
    following no link out of a service page."""
    seen, queue, reached = {DIRECTORY}, [DIRECTORY], set()
    while queue:
        for target in links_from(site, queue.pop()):
            if target in services:
                reached.add(target)
            elif target.startswith(scope) and target not in seen:
                seen.add(target)
                queue.append(target)
    return reached


def _generated_providers(folder: Path) -> Path:
    # Dated from this week's Monday, not today: the same files all week, so the pages made from
    # them come from the page cache (.cache/localoffer/pages/) after the week's first run. Their
    # review dates are then at most 336 days old, so every one is shown without a warning.
    today = dt.date.today()
    generate_providers(COUNT, folder, today - dt.timedelta(days=today.weekday()))
    return folder


GENERATED["scale"] = _generated_providers


@pytest.fixture(scope="module")
def big_site() -> tuple[Path, set[str]]:
    """A strict build of the real content plus 1,000 generated providers, and their pages.
    Built once in the run (tests/sites.py), by the one xdist worker that runs this file's
    tests (tests/conftest.py), while the other workers go on."""
    site = built_site_dir("scale")
    providers = site.parent / "providers"
    catalog = load_catalog(providers, dt.date.today())
    assert catalog.validation.ok and len(catalog.providers) == COUNT
    return site, {f"services/{p.slug}/" for p in catalog.providers}


@pytest.mark.slow
def test_every_service_has_its_page(big_site: tuple[Path, set[str]]) -> None:
    site, services = big_site
    missing = [page for page in sorted(services) if not (site / page / "index.html").is_file()]
    assert missing == []


@pytest.mark.slow
@pytest.mark.parametrize("segment", [facet.segment for facet in facets()])
def test_each_way_to_browse_reaches_every_service(
    big_site: tuple[Path, set[str]], segment: str
) -> None:
    site, services = big_site
    reached = reached_from(site, f"{DIRECTORY}{segment}/", services)
    assert sorted(services - reached) == []


@pytest.mark.slow
def test_the_directory_script_can_reach_and_find_every_service(
    big_site: tuple[Path, set[str]],
) -> None:
    """The cards the script shows hold every service once, in its numbering, and the word
    index finds every service by the first word of its name."""
    site, services = big_site
    card_files = sorted(
        (site / "services/directory/cards").glob("*.json"), key=lambda p: int(p.stem)
    )
    urls = [card["url"] for path in card_files for card in json.loads(path.read_bytes())]
    assert len(urls) == len(set(urls)) and set(urls) == services
    for number, url in enumerate(urls):
        name = json.loads(card_files[number // 20].read_bytes())[number % 20]["meta"]["title"]
        word = words_of(name)[0]
        shard = json.loads((site / "search/words" / f"{word[:2]}.json").read_bytes())
        in_heading = shard["found"][shard["words"][word]][0]
        assert number in itertools.accumulate(in_heading), (url, word)
