"""The shortlist, in Chromium: add and remove from cards and service pages, announced; the
shortlist page with contacts, printed, shared as a link, opened in a fresh browser, emailed."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import DESKTOP, PageWatch
from .test_directory import wait_for_results
from .test_near_me import axe_findings

pytestmark = pytest.mark.browser

SPEECH = "Castle Hill Speech Drop-in"
SPEECH_SLUG = "castle-hill-speech-drop-in"
SWIMMING = "Splash Together Inclusive Swimming"
SWIMMING_SLUG = "splash-together-inclusive-swimming"


def stored(page: Page) -> list[str]:
    return page.evaluate("JSON.parse(localStorage.getItem('lo-shortlist') || '[]')")


def announced(page: Page) -> str:
    status = page.locator("#lo-shortlist-status")
    expect(status).not_to_have_text("")
    return status.inner_text()


def shortlist_two(page: Page, sample_url: str) -> None:
    """Add one service from its page and one from a browse list's card."""
    page.goto(f"{sample_url}services/{SPEECH_SLUG}/")
    page.get_by_role("button", name=f"Add to shortlist: {SPEECH}").click()
    page.goto(f"{sample_url}services/type/leisure/")
    page.get_by_role("button", name=f"Add to shortlist: {SWIMMING}").click()
    expect(page.get_by_role("button", name=f"Remove from shortlist: {SWIMMING}")).to_be_visible()


def test_adding_and_removing_from_a_service_page_is_announced(page: Page, sample_url: str) -> None:
    page.goto(f"{sample_url}services/{SPEECH_SLUG}/")
    status = page.locator("#lo-shortlist-status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_attribute("aria-live", "polite")
    add = page.get_by_role("button", name=f"Add to shortlist: {SPEECH}")
    add.focus()
    page.keyboard.press("Enter")
    assert announced(page) == f"{SPEECH} added to your shortlist. It now has 1 service."
    assert stored(page) == [SPEECH_SLUG]
    expect(page.get_by_role("link", name="Your shortlist (1 service)")).to_be_visible()

    remove = page.get_by_role("button", name=f"Remove from shortlist: {SPEECH}")
    expect(remove).to_be_focused()
    page.keyboard.press("Space")
    expect(page.locator("#lo-shortlist-status")).to_have_text(
        f"{SPEECH} removed from your shortlist. It now has 0 services."
    )
    assert stored(page) == []


def test_cards_in_the_directory_results_get_buttons(page: Page, sample_url: str) -> None:
    page.goto(f"{sample_url}services/?type=leisure")
    wait_for_results(page)
    card = page.locator("#lo-results > li").filter(has_text=SWIMMING)
    card.get_by_role("button", name=f"Add to shortlist: {SWIMMING}").click()
    assert announced(page).startswith(f"{SWIMMING} added to your shortlist.")
    assert stored(page) == [SWIMMING_SLUG]
    # Guidance pages in the site search are not services: no button.
    page.goto(f"{sample_url}search/?q=EHC+plan")
    wait_for_results(page)
    guidance = page.locator("#lo-results > li").filter(has_text="Guidance page").first
    expect(guidance.locator(".lo-shortlist-button")).to_have_count(0)


def test_the_shortlist_page_lists_contacts_and_removes(page: Page, sample_url: str) -> None:
    shortlist_two(page, sample_url)
    page.get_by_role("link", name="Your shortlist (2 services)").click()
    expect(page.locator("h1")).to_have_text("Your shortlist")
    expect(page.locator(".lo-nojs")).to_be_hidden()
    items = page.locator("#lo-shortlist-items > li")
    expect(items).to_have_count(2)
    expect(items.locator("h2")).to_have_text([SPEECH, SWIMMING])
    speech = items.nth(0)
    expect(speech.get_by_role("link", name="01632 960101")).to_have_attribute(
        "href", "tel:+441632960101"
    )
    expect(speech.get_by_role("link", name="therapy@castle-hill-therapy.example")).to_be_visible()
    expect(speech).to_contain_text("DY1 4QA")

    speech.get_by_role("button", name=f"Remove from shortlist: {SPEECH}").click()
    expect(items).to_have_count(1)
    expect(page.locator("#lo-shortlist-status")).to_have_text(
        f"{SPEECH} removed from your shortlist. 1 service left."
    )
    expect(items.nth(0).locator("h2")).to_be_focused()
    assert stored(page) == [SWIMMING_SLUG]


def test_a_full_shortlist_page_passes_axe(page: Page, sample_url: str) -> None:
    shortlist_two(page, sample_url)
    page.goto(f"{sample_url}shortlist/")
    expect(page.locator("#lo-shortlist-items > li")).to_have_count(2)
    assert axe_findings(page) == []


def test_the_shortlist_prints_cleanly(page: Page, sample_url: str) -> None:
    shortlist_two(page, sample_url)
    page.goto(f"{sample_url}shortlist/")
    expect(page.locator("#lo-shortlist-items > li")).to_have_count(2)
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", "#lo-shortlist-share", ".lo-remove"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.get_by_role("link", name="01632 960101")).to_be_visible()
    expect(page.get_by_text(f"Web page: {sample_url}services/{SPEECH_SLUG}/")).to_be_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_a_shared_link_opens_in_a_fresh_browser(
    page: Page, sample_url: str, browser: Browser
) -> None:
    shortlist_two(page, sample_url)
    page.goto(f"{sample_url}shortlist/")
    link = f"{sample_url}shortlist/?services={SPEECH_SLUG},{SWIMMING_SLUG}"
    expect(page.get_by_label("Link to this list")).to_have_value(link)

    fresh = browser.new_context(viewport=DESKTOP, locale="en-GB")  # type: ignore[arg-type]
    watch = PageWatch()
    watch.attach(fresh)
    other = fresh.new_page()
    other.goto(link)
    expect(other.locator("h1")).to_have_text("A shortlist shared with you")
    expect(other.locator("#lo-shortlist-items h2")).to_have_text([SPEECH, SWIMMING])
    expect(other.locator("#lo-shortlist-intro")).to_contain_text("Someone shared this list")
    assert stored(other) == [], "a shared list is not saved until the family chooses"
    other.get_by_role("button", name="Save these services to my shortlist").click()
    expect(other.locator("#lo-shortlist-status")).to_have_text(
        "Saved 2 services to your shortlist."
    )
    assert stored(other) == [SPEECH_SLUG, SWIMMING_SLUG]
    fresh.close()
    assert not watch.foreign_requests and not watch.errors


def test_the_email_link_holds_the_names_and_links(page: Page, sample_url: str) -> None:
    shortlist_two(page, sample_url)
    page.goto(f"{sample_url}shortlist/")
    expect(page.locator("#lo-shortlist-items > li")).to_have_count(2)
    href = page.get_by_role("link", name="Email this list").get_attribute("href") or ""
    assert href.startswith("mailto:?")
    fields = parse_qs(urlparse(href).query)
    assert fields["subject"] == ["Services from the Dudley SEND Local Offer"]
    body = unquote(fields["body"][0])
    assert f"- {SPEECH}\n  {sample_url}services/{SPEECH_SLUG}/" in body
    assert f"- {SWIMMING}" in body
    assert f"shortlist/?services={SPEECH_SLUG},{SWIMMING_SLUG}" in body


def test_copying_the_link_is_announced(page: Page, sample_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    shortlist_two(page, sample_url)
    page.goto(f"{sample_url}shortlist/")
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator("#lo-shortlist-status")).to_have_text(
        re.compile(r"^The link (to this list is copied|is selected)")
    )


def test_an_empty_shortlist_says_how_to_add(page: Page, sample_url: str) -> None:
    page.goto(f"{sample_url}shortlist/")
    expect(page.locator("#lo-shortlist-intro")).to_contain_text("Your shortlist is empty.")
    expect(page.locator("#lo-shortlist-share")).to_be_hidden()


def test_without_javascript_the_page_says_the_shortlist_needs_it(
    no_js_page: Page, sample_url: str
) -> None:
    no_js_page.goto(f"{sample_url}shortlist/")
    expect(no_js_page.locator(".lo-nojs")).to_have_text(
        re.compile(r"^Your shortlist needs JavaScript, which is switched off or not working")
    )
    expect(no_js_page.locator("#lo-shortlist")).to_be_hidden()
