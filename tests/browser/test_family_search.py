"""Family search in Chromium: the query set editors keep (family-queries.yml), ranking by what
a service is for, no staff pages, text titles and excerpts that show why a page matched."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from build_tools.entries.catalog import load_catalog
from build_tools.schema import vocabulary, vocabulary_extra
from tests.support import REPO_ROOT

from .conftest import DESKTOP, watched_context

pytestmark = pytest.mark.browser

QUERIES_FILE = Path(__file__).with_name("family-queries.yml")
QUERIES: list[dict[str, Any]] = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))["queries"]
FIRST = 5


@pytest.fixture(scope="module")
def page(browser: Browser) -> Iterator[Page]:
    """One page for all of this file's searches. Each search loads its address afresh, so no
    search sees another's results; a new page for each cost more than the search itself (a new
    renderer process). Requests to other hosts and script errors still fail the tests."""
    for context in watched_context(browser, viewport=DESKTOP, locale="en-GB"):
        yield context.new_page()


def search(page: Page, base: str, words: str, on: str = "services") -> list[str]:
    """The addresses of the results for `words`, relative to the site, best first (the first
    batch of cards)."""
    page.goto(f"{base}{on}/?q={quote(words)}")
    expect(page.locator("#lo-form")).to_have_attribute("data-ready", "true")
    expect(page.locator("#lo-status")).to_contain_text("match")
    expect(page.locator("#lo-results")).not_to_have_attribute("aria-busy", "true")
    hrefs = page.locator("#lo-results > li h3 a").evaluate_all("links => links.map(a => a.href)")
    return [href.removeprefix(base) for href in hrefs]


def expected_address(name: str) -> str:
    return name if "/" in name else f"services/{name}/"


@pytest.mark.parametrize("item", QUERIES, ids=[str(q["query"]) for q in QUERIES])
def test_a_family_query_finds_its_services_in_the_first_five(
    page: Page, sample_url: str, item: dict[str, Any]
) -> None:
    found = search(page, sample_url, str(item["query"]), item.get("where", "services"))[:FIRST]
    missing = [name for name in item["first_5"] if expected_address(name) not in found]
    assert not missing, f"{item['query']!r}: {missing} not in the first {FIRST}: {found}"


def test_the_query_set_is_big_enough_and_names_real_pages() -> None:
    assert len(QUERIES) >= 40
    slugs = {path.stem for path in (REPO_ROOT / "providers").glob("*.yaml")}
    for item in QUERIES:
        for name in item["first_5"]:
            if "/" in name:
                assert (REPO_ROOT / "content" / f"{name.rstrip('/')}.md").is_file(), name
            else:
                assert name in slugs, name


def _specific_needs_in_the_sample() -> list[str]:
    broad = set(vocabulary_extra("x-broad-areas", "needs"))
    catalog = load_catalog(REPO_ROOT / "providers", dt.date.today())
    used = {need for p in catalog.providers for need in p.needs}
    return [n for n in vocabulary("needs") if n in used and n not in broad | {"all", "OTH"}]


@pytest.mark.parametrize("need", _specific_needs_in_the_sample())
def test_services_made_for_a_need_outrank_services_for_all_needs(
    page: Page, sample_url: str, need: str
) -> None:
    catalog = load_catalog(REPO_ROOT / "providers", dt.date.today())
    made_for = {f"services/{p.slug}/" for p in catalog.providers if need in p.needs}
    for_all = {f"services/{p.slug}/" for p in catalog.providers if "all" in p.needs}
    for words in (need, vocabulary("needs")[need]):
        found = search(page, sample_url, words)
        ranks = {address: n for n, address in enumerate(found)}
        lowest_made_for = max((ranks[a] for a in made_for if a in ranks), default=-1)
        assert lowest_made_for >= 0, f"{words!r} found no service made for {need}"
        above = [a for a in for_all if ranks.get(a, len(found)) < lowest_made_for]
        assert not above, f"{words!r}: all-needs services above {need} services: {above}"


@pytest.mark.parametrize("words", ["field reference", "problem codes", "yaml", "data report"])
def test_family_search_holds_no_page_for_providers_or_editors(
    page: Page, sample_url: str, words: str
) -> None:
    page.goto(f"{sample_url}search/?q={quote(words)}")
    expect(page.locator("#lo-form")).to_have_attribute("data-ready", "true")
    expect(page.locator("#lo-status")).to_contain_text("match")
    hrefs = page.locator("#lo-results > li h3 a").evaluate_all("links => links.map(a => a.href)")
    staff = [h for h in hrefs if "/providers/" in h or "/editors/" in h]
    assert not staff


def test_titles_and_excerpts_are_text_and_show_why_a_page_matched(
    page: Page, sample_url: str
) -> None:
    found = search(page, sample_url, "Dudley's inclusion charter", on="search")
    assert "guidance/inclusion-charter/" in found
    cards = page.locator("#lo-results > li")
    assert "&#" not in " ".join(cards.all_inner_texts())
    charter = cards.filter(has=page.locator('a[href$="guidance/inclusion-charter/"]'))
    expect(charter).to_contain_text("Dudley's Inclusion Charter")

    search(page, sample_url, "ASD")
    first = page.locator("#lo-results > li").first
    # "ASD" is in no card: the excerpt marks the words that mean the same ("autism", "autistic")
    expect(first.locator("mark").first).to_have_text(re.compile(r"^autis", re.IGNORECASE))


def test_a_typo_is_read_as_the_site_word_and_said_so(page: Page, sample_url: str) -> None:
    found = search(page, sample_url, "speach therapy")
    assert found[0] == "services/speech-and-language-therapy-for-children/"
    expect(page.locator("#lo-status")).to_contain_text("Showing results for speech")
