"""axe-core on every page of the sample site, in Chromium, with the WCAG 2.0, 2.1 and 2.2 A and AA
rules: every service page, browse list, guidance page and easy-read page, not a sample of them.

No rule is switched off and no element is excluded. If one ever must be, the reason goes in a
comment here and the exception is listed in the accessibility statement.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Browser, Page, expect

from tests.sites import SITES, built_site_dir, html_pages, page_url_path

from .conftest import DESKTOP, PHONE, PageWatch

pytestmark = pytest.mark.browser

# axe-core's tags for the WCAG 2.0, 2.1 and 2.2 success criteria at levels A and AA. (axe files
# the new WCAG 2.2 level A criteria under its wcag22aa tag too.)
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}

SAMPLE = built_site_dir("sample")
PAGES = [page_url_path(SAMPLE, page) for page in html_pages(SAMPLE)]
# One page of each kind, checked again at phone width, where the layout changes most.
TEMPLATES = [
    "",
    "services/",
    "services/castle-hill-speech-drop-in/",
    "services/need/asd/",
    "guidance/ehc-plans/",
    "search/",
]


def _axe_page(browser: Browser, viewport: dict[str, int]) -> Iterator[Page]:
    context = browser.new_context(viewport=viewport, locale="en-GB")  # type: ignore[arg-type]
    watch = PageWatch()
    watch.attach(context)
    # Loaded into every page before its own scripts, instead of sent over for each page.
    context.add_init_script(AXE_SCRIPT)
    yield context.new_page()
    context.close()
    assert not watch.foreign_requests, f"requests to other hosts: {watch.foreign_requests}"
    assert not watch.errors, f"script errors: {watch.errors}"


@pytest.fixture(scope="module")
def axe_desktop(browser: Browser) -> Iterator[Page]:
    yield from _axe_page(browser, DESKTOP)


@pytest.fixture(scope="module")
def axe_phone(browser: Browser) -> Iterator[Page]:
    yield from _axe_page(browser, PHONE)


def violations(page: Page, url: str) -> list[str]:
    """axe's findings on the page at `url`, one readable line per element."""
    page.goto(url)
    # The directory and search pages fill in their results after loading: check them filled in.
    if page.locator("#lo-status").count():
        # expect() rather than wait_for_function(), whose string the Content Security Policy
        # would refuse to evaluate.
        expect(page.locator("#lo-status")).not_to_have_text("")
    results: dict[str, Any] = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    found = []
    for violation in results["violations"]:
        for node in violation["nodes"]:
            found.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
                f"    at {', '.join(map(str, node['target']))}: {node['html'][:160]}\n"
                f"    {node.get('failureSummary', '').replace(chr(10), ' ')}\n"
                f"    {violation['helpUrl']}"
            )
    return found


def test_every_kind_of_page_is_in_the_list() -> None:
    assert set(TEMPLATES) <= set(PAGES)
    slugs = {path.stem for path in SITES["sample"].glob("*.yaml")}
    assert {f"services/{slug}/" for slug in slugs} <= set(PAGES)
    assert any(p.startswith("services/need/") for p in PAGES)


@pytest.mark.parametrize("path", PAGES)
def test_no_axe_violations(axe_desktop: Page, sample_url: str, path: str) -> None:
    found = violations(axe_desktop, sample_url + path)
    assert not found, f"/{path}\n" + "\n".join(found)


@pytest.mark.parametrize("path", TEMPLATES)
def test_no_axe_violations_on_a_phone(axe_phone: Page, sample_url: str, path: str) -> None:
    found = violations(axe_phone, sample_url + path)
    assert not found, f"/{path} at 360px\n" + "\n".join(found)
