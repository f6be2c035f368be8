"""axe-core on every page of the sample site, in Chromium, with the WCAG 2.0, 2.1 and 2.2 A and AA
rules: every service page, browse list, guidance page and easy-read page, not a sample of them.

Every page is checked with `pytest --every-page` (`make a11y-all`, run by CI after `make test`).
Without it, as in `make test`, the pages checked are one page of each kind (each template) and
every page that carries provider text: each service page and its easy-read page. The other
pages of a kind are the same template with the site's own text.

No rule is switched off and no element is excluded. If one ever must be, the reason goes in a
comment here and the exception is listed in the accessibility statement.
"""

from __future__ import annotations

from collections.abc import Iterator

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
# Runs axe with AXE_OPTIONS and hands back only its violations: the rest of its results (every
# rule's description, tags and one example of each pass) cost a tenth of a page's check to
# send back.
AXE_VIOLATIONS = "options => axe.run(document, options).then(results => results.violations)"

# Built while pytest collects the tests. A worker that finds another building it builds the
# fixture site meanwhile, which most other tests read, and the notices site, instead of waiting
# idle (the two take about as long as the sample).
SAMPLE = built_site_dir("sample", meanwhile=("fixture", "notices"))
PAGES = [page_url_path(SAMPLE, page) for page in html_pages(SAMPLE)]
SERVICES = {path.stem for path in SITES["sample"].glob("*.yaml")}
# One page of each kind, checked again at phone width, where the layout changes most.
TEMPLATES = [
    "",
    "services/",
    "services/castle-hill-speech-drop-in/",
    "services/need/asd/",
    "guidance/ehc-plans/",
    "search/",
]


def kind(path: str) -> str:
    """The kind of page at a URL path, from its shape: each page at the top is a kind of its
    own; below it, slugs become * (services/*/easy-read/, services/need/*/, guidance/*/)."""
    parts = path.rstrip("/").split("/")
    if len(parts) == 1:
        return path
    # Under services/, a second segment that is not a service names a way to browse.
    kept = {0, 1} if parts[0] == "services" and parts[1] not in SERVICES else {0}
    shape = [p if i in kept or p == "easy-read" else "*" for i, p in enumerate(parts)]
    return "/".join(shape) + "/"


# The kinds of page that show provider text: a service's page and its easy-read page.
PROVIDER_TEXT = {"services/*/", "services/*/easy-read/"}


def pages_for_make_test(pages: list[str]) -> list[str]:
    """The first page of each kind, the TEMPLATES, and every page that shows provider text."""
    first_of_kind: dict[str, str] = {}
    for path in pages:
        first_of_kind.setdefault(kind(path), path)
    chosen = set(first_of_kind.values()) | set(TEMPLATES)
    return [p for p in pages if p in chosen or kind(p) in PROVIDER_TEXT]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.function is test_no_axe_violations:
        every_page = metafunc.config.getoption("--every-page")
        metafunc.parametrize("path", PAGES if every_page else pages_for_make_test(PAGES))


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
    found = []
    for violation in page.evaluate(AXE_VIOLATIONS, AXE_OPTIONS):
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


def test_make_test_checks_each_kind_of_page_and_every_provider_page() -> None:
    chosen = pages_for_make_test(PAGES)
    assert {kind(p) for p in chosen} == {kind(p) for p in PAGES}
    assert set(TEMPLATES) <= set(chosen)
    for slug in SERVICES:
        assert {f"services/{slug}/", f"services/{slug}/easy-read/"} <= set(chosen)
    assert kind("services/need/asd/") == "services/need/*/"
    assert kind("services/castle-hill-speech-drop-in/easy-read/") == "services/*/easy-read/"
    assert kind("guidance/ehc-plans/") == "guidance/*/"
    assert kind("search/") == "search/" and kind("") == ""
    # Fewer pages than every page, or the split would gain nothing.
    assert len(chosen) < len(PAGES)


# Parametrized by pytest_generate_tests: the pages for `make test`, or with --every-page all.
def test_no_axe_violations(axe_desktop: Page, sample_url: str, path: str) -> None:
    found = violations(axe_desktop, sample_url + path)
    assert not found, f"/{path}\n" + "\n".join(found)


@pytest.mark.parametrize("path", TEMPLATES)
def test_no_axe_violations_on_a_phone(axe_phone: Page, sample_url: str, path: str) -> None:
    found = violations(axe_phone, sample_url + path)
    assert not found, f"/{path} at 360px\n" + "\n".join(found)
