"""Three ways to find "a free service for an autistic 7-year-old in Stourbridge" from the home.

On a small phone by touch, with the keyboard alone, and with JavaScript switched off. Each route
must end on the page of a service that really fits, with no sideways scrolling on the phone and
the keyboard focus always visible. Key presses are counted: a route that needs dozens of them is
too slow for a family, whatever the clock says.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Page, expect

from build_tools.entries.catalog import load_catalog
from build_tools.model import Provider
from tests.support import REPO_ROOT

from .test_directory import autism_age_7_free_stourbridge, wait_for_results

pytestmark = pytest.mark.browser

MAX_KEY_PRESSES = 40


def service_named(name: str) -> Provider:
    catalog = load_catalog(REPO_ROOT / "providers", dt.date.today())
    return next(p for p in catalog.providers if p.name == name)


def assert_fits(page: Page) -> None:
    """The page is a service page, for a service an autistic 7-year-old in Stourbridge can use."""
    expect(page).to_have_url(re.compile(r"/services/[a-z0-9-]+/$"))
    name = page.locator("h1").inner_text()
    assert autism_age_7_free_stourbridge(service_named(name)), f"{name} does not fit"


def assert_no_sideways_scroll(page: Page) -> None:
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at 360px wide"


def focus_description(page: Page) -> dict[str, str]:
    """The focused element's tag, text and whether a focus indicator is drawn around it."""
    return page.evaluate(
        """() => {
          const e = document.activeElement;
          const style = getComputedStyle(e);
          const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
          const shadowed = style.boxShadow && style.boxShadow !== "none";
          const label = e.labels && e.labels.length ? e.labels[0].textContent : "";
          return {
            tag: e.tagName.toLowerCase(),
            text: (label || e.getAttribute("aria-label") || e.textContent || "").trim(),
            visible: String(outlined || shadowed),
          };
        }"""
    )


class Keyboard:
    """Presses keys, counting them, and checks the focus can be seen after every Tab."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.presses = 0

    def press(self, key: str) -> None:
        self.presses += 1
        self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.presses += len(text)
        self.page.keyboard.type(text)

    def skip_to_content(self) -> None:
        """Use the skip link, as keyboard users do, to pass the menus at the top of each page."""
        self.tab_to("Skip to content")
        self.press("Enter")

    def tab_to(self, text: str, tag: str = "a") -> None:
        """Tab forward until the element with this tag and text (or label) has the focus."""
        for _ in range(MAX_KEY_PRESSES):
            self.press("Tab")
            focused = focus_description(self.page)
            assert focused["visible"] == "true", f"no visible focus on {focused}"
            if focused["tag"] == tag and focused["text"].startswith(text):
                return
        raise AssertionError(f"Tab never reached the {tag} {text!r}")


def test_on_a_small_phone_by_touch(phone_page: Page, sample_url: str) -> None:
    page = phone_page
    page.goto(sample_url)
    assert_no_sideways_scroll(page)
    page.get_by_role("link", name="Find a service").first.tap()
    expect(page).to_have_url(f"{sample_url}services/")
    assert_no_sideways_scroll(page)
    # On a phone the filters wait behind the "Filter" button, so the results come first.
    expect(page.get_by_label("Need")).to_be_hidden()
    page.get_by_text("Filter", exact=True).tap()
    page.get_by_label("Need").select_option(label="Autism")
    page.get_by_label("Age of the child or young person").tap()
    page.get_by_label("Age of the child or young person").fill("7")
    page.get_by_label("Town or area").select_option(label="Stourbridge")
    page.get_by_label("Free, or with free places").tap()
    page.get_by_role("button", name="Show services").tap()
    wait_for_results(page, "free, or with free places")
    assert_no_sideways_scroll(page)
    page.locator("#lo-results > li a").first.tap()
    assert_fits(page)
    assert_no_sideways_scroll(page)


def test_with_the_keyboard_alone(page: Page, sample_url: str) -> None:
    page.goto(sample_url)
    keys = Keyboard(page)
    keys.skip_to_content()
    keys.tab_to("Find a service")
    keys.press("Enter")
    expect(page).to_have_url(f"{sample_url}services/")
    # The address changes before the new page has loaded: a Tab then would land nowhere.
    page.wait_for_load_state("load")

    keys.skip_to_content()
    keys.tab_to("Need", tag="select")
    keys.type("Aut")  # a closed list jumps to the first choice that starts with what is typed
    keys.tab_to("Age of the child", tag="input")
    keys.type("7")
    keys.tab_to("Town or area", tag="select")
    keys.type("Stour")
    keys.tab_to("Free, or with free places", tag="input")
    keys.press("Space")
    keys.tab_to("Show services", tag="button")
    keys.press("Enter")
    wait_for_results(page, "free, or with free places")
    # After a search the focus moves to the results heading, so the next Tab is the first result.
    expect(page.locator("#lo-results-heading")).to_be_focused()
    keys.press("Tab")
    keys.press("Enter")

    assert_fits(page)
    assert keys.presses <= MAX_KEY_PRESSES, f"{keys.presses} key presses"


def test_with_javascript_switched_off(no_js_page: Page, sample_url: str) -> None:
    page = no_js_page
    page.goto(sample_url)
    page.get_by_role("link", name="Find a service").first.click()
    expect(page.locator("#lo-finder")).to_be_hidden()
    page.get_by_role("link", name="Autism").click()
    expect(page.locator("h1")).to_have_text("Need: Autism")

    # A family reads the facts on each card, as this loop does, and picks the first that fits.
    cards = page.locator("li.lo-card")
    chosen = None
    for index in range(cards.count()):
        terms = cards.nth(index).locator("dt").all_inner_texts()
        values = cards.nth(index).locator("dd").all_inner_texts()
        if card_fits(dict(zip(terms, values, strict=True))):
            chosen = cards.nth(index)
            break
    assert chosen is not None, "the Autism list should hold a free service for Stourbridge"
    chosen.locator("a").click()
    assert_fits(page)


def card_fits(facts: dict[str, str]) -> bool:
    """What a parent reads on a card: free, takes a 7-year-old, and covers Stourbridge."""
    ages = re.fullmatch(r"(birth|\d+)(?: to (\d+))? years?", facts["Ages"])
    assert ages, f"ages not in words a parent would use: {facts['Ages']!r}"
    low = 0 if ages[1] == "birth" else int(ages[1])
    high = int(ages[2] or ages[1])
    areas = facts["Open to"]
    in_area = "Stourbridge" in areas or "All of Dudley borough" in areas
    return facts["Cost"] == "Free" and low <= 7 <= high and in_area
