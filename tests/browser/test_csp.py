"""The Content Security Policy in Chromium: every kind of page works under it, with no violation.

The policy is a meta tag in every page (build_tools/pages/csp.py). Chromium reports each thing it
blocks as a securitypolicyviolation event and a console message; both are collected here. The
directory and search pages are used, so Pagefind's script, worker and WebAssembly all run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import DESKTOP, PageWatch
from .watch import SecurityWatch

pytestmark = pytest.mark.browser

# One page of each template.
TEMPLATES = [
    "",
    "services/castle-hill-speech-drop-in/",
    "services/castle-hill-speech-drop-in/easy-read/",
    "services/need/asd/",
    "guidance/ehc-plans/",
    "easy-read/ehc-plans/",
    "glossary/",
    "accessibility/",
    "providers/add-or-update/",
    "providers/add-or-update/?service=castle-hill-speech-drop-in",
    "editors/data-report/",
    "404.html",
]


@pytest.fixture(scope="module")
def watched(browser: Browser) -> Iterator[tuple[Page, SecurityWatch]]:
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")  # type: ignore[arg-type]
    watch = PageWatch()
    watch.attach(context)
    security = SecurityWatch(context)
    yield context.new_page(), security
    context.close()
    assert not watch.foreign_requests, f"requests to other hosts: {watch.foreign_requests}"
    assert not watch.errors, f"script errors: {watch.errors}"


def _no_violations(page: Page, security: SecurityWatch) -> None:
    found = security.page_findings(page) + security.console + security.dialogs
    security.console.clear()
    assert found == [], f"{page.url}\n" + "\n".join(found)


@pytest.mark.parametrize("path", TEMPLATES)
def test_page_works_under_the_policy(
    watched: tuple[Page, SecurityWatch], sample_url: str, path: str
) -> None:
    page, security = watched
    page.goto(sample_url + path)
    expect(page.locator("h1").first).to_be_visible()
    # The theme's script ran (it was allowed by its hash): it marks the page as having JS.
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bno-js\b"))
    _no_violations(page, security)


def test_directory_search_and_filters_work_under_the_policy(
    watched: tuple[Page, SecurityWatch], sample_url: str
) -> None:
    page, security = watched
    page.goto(f"{sample_url}services/")
    page.get_by_label("Need").select_option(label="Autism")
    status = page.locator("#lo-status")
    expect(status).to_have_text(re.compile(r"match"))
    expect(page.locator("#lo-results > li").first).to_be_visible()
    page.locator("#lo-results > li a").first.focus()
    _no_violations(page, security)


def test_search_page_finds_words_under_the_policy(
    watched: tuple[Page, SecurityWatch], sample_url: str
) -> None:
    page, security = watched
    page.goto(f"{sample_url}search/?q=speech")
    expect(page.locator("#lo-status")).to_have_text(re.compile(r"\d+ pages? match"))
    expect(page.locator("#lo-results > li").first).to_be_visible()
    _no_violations(page, security)


def test_a_blocked_inline_script_is_reported(
    watched: tuple[Page, SecurityWatch], sample_url: str
) -> None:
    """The listener works: an inline script added to a page is blocked and reported."""
    page, security = watched
    page.goto(sample_url)
    page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.__pwned = 1";
          document.body.append(script);
        }"""
    )
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")
    found = security.page_findings(page)
    security.console.clear()
    assert any("script-src" in item for item in found), found
    assert "a payload ran: window.__pwned is set" not in found
