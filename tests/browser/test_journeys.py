"""WCAG checks axe cannot make on its own: keyboard use of the directory, reflow, text spacing,
large text, reduced motion and print. Each runs on one page of every kind (a template)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .test_accessibility import TEMPLATES
from .test_directory import wait_for_results
from .test_routes import Keyboard, assert_no_sideways_scroll, focus_description

pytestmark = pytest.mark.browser

# WCAG 1.4.12: the spacing a user's own style sheet may set, which must not cut off any text.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
# WCAG 1.4.4: text resized to 200% (the theme's root size is 125%; every size follows it).
LARGE_TEXT = "html { font-size: 250% !important; }"

CLIPPED_TEXT = """() => {
  // Text an element hides: it overflows a box that clips (overflow hidden or clip).
  const clipped = [];
  for (const element of document.querySelectorAll("body *")) {
    if (!element.offsetParent && getComputedStyle(element).position !== "fixed") continue;
    const style = getComputedStyle(element);
    const clips = ["hidden", "clip"];
    const clipsX = clips.includes(style.overflowX), clipsY = clips.includes(style.overflowY);
    if (!clipsX && !clipsY) continue;
    if (!element.innerText || !element.innerText.trim()) continue;
    const wide = clipsX && element.scrollWidth > element.clientWidth + 1;
    const tall = clipsY && element.scrollHeight > element.clientHeight + 1;
    // Text for screen readers only is clipped on purpose.
    const skipped = "[hidden], .md-header__topic + .md-header__topic, " +
                    ".lo-visually-hidden, .md-visually-hidden";
    if ((wide || tall) && !element.closest(skipped)) {
      clipped.push(element.tagName + "." + element.className + ": " +
                   element.innerText.trim().slice(0, 60));
    }
  }
  return clipped;
}"""


def test_keyboard_sets_and_clears_every_filter(page: Page, sample_url: str) -> None:
    page.goto(f"{sample_url}services/")
    wait_for_results(page)
    keys = Keyboard(page)
    keys.skip_to_content()
    selects = page.locator("#lo-form select")
    page.locator("#lo-more-filters summary").focus()
    keys.press("Enter")  # open "More filters" from the keyboard
    expect(page.locator("#lo-more-filters")).to_have_attribute("open", "")
    for index in range(selects.count()):
        select = selects.nth(index)
        label = select.evaluate("e => e.labels[0].textContent")
        select.focus()
        keys.press("ArrowDown")  # the first real choice after "Any ..."
        assert select.input_value(), f"{label}: the keyboard could not choose a value"
        expect(page).to_have_url(re.compile(re.escape(select.get_attribute("name") or "") + "="))
        keys.press("ArrowUp")
        expect(select).to_have_value("")
    page.get_by_label("Free, or with free places").focus()
    keys.press("Space")
    expect(page).to_have_url(re.compile(r"cost=free"))
    page.get_by_role("link", name="Clear all filters").focus()
    keys.press("Enter")
    expect(page.get_by_label("Free, or with free places")).not_to_be_checked()
    expect(page).to_have_url(f"{sample_url}services/")


def test_tab_order_follows_the_form_and_focus_stays_visible(page: Page, sample_url: str) -> None:
    page.goto(f"{sample_url}services/")
    wait_for_results(page)
    keys = Keyboard(page)
    keys.skip_to_content()
    previous_top = -1.0
    for _ in range(12):
        keys.press("Tab")
        focused = focus_description(page)
        assert focused["visible"] == "true", f"focus cannot be seen on {focused}"
        top = page.evaluate("() => document.activeElement.getBoundingClientRect().top")
        top += page.evaluate("() => window.scrollY")
        # One column: each control is below (or level with) the one before it.
        assert top >= previous_top - 1, f"Tab went back up the page to {focused}"
        previous_top = top


def test_there_is_no_keyboard_trap(page: Page, sample_url: str) -> None:
    """Tab all the way through the directory: focus reaches the end and leaves the page."""
    page.goto(f"{sample_url}services/")
    wait_for_results(page)
    seen = set()
    for _ in range(400):
        page.keyboard.press("Tab")
        where = page.evaluate(
            "() => document.activeElement === document.body ? 'body' : "
            "document.activeElement.outerHTML.slice(0, 120)"
        )
        if where == "body" and seen:
            return  # focus left the last element: nothing held it
        seen.add(where)
    raise AssertionError(f"focus never left the page after {len(seen)} stops")


def test_opening_a_result_from_the_keyboard(page: Page, sample_url: str) -> None:
    page.goto(f"{sample_url}services/?need=VI")
    wait_for_results(page, "need: Vision")
    first = page.locator("#lo-results > li a").first
    name = first.inner_text()
    first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(name)


@pytest.mark.parametrize("path", TEMPLATES)
def test_reflow_at_320_pixels(reading_page: Page, sample_url: str, path: str) -> None:
    page = reading_page
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(sample_url + path)
    if page.locator("#lo-status").count():
        expect(page.locator("#lo-status")).not_to_have_text("")
    assert_no_sideways_scroll(page)


def add_user_style(page: Page, css: str) -> None:
    """Apply CSS as a reader's own stylesheet would. Through the CSS object model, because the
    site's Content Security Policy rightly refuses a <style> element added to the page."""
    page.evaluate(
        """css => {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
          document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
        }""",
        css,
    )


@pytest.mark.parametrize("path", TEMPLATES)
@pytest.mark.parametrize("style", [TEXT_SPACING, LARGE_TEXT], ids=["text-spacing", "200%-text"])
def test_no_text_is_cut_off(reading_page: Page, sample_url: str, path: str, style: str) -> None:
    page = reading_page
    page.goto(sample_url + path)
    add_user_style(page, style)
    assert page.evaluate(CLIPPED_TEXT) == []
    assert_no_sideways_scroll(page)


def test_the_clipped_text_check_finds_clipped_text(reading_page: Page, sample_url: str) -> None:
    page = reading_page
    page.goto(sample_url)
    # Styled through the CSS object model: the Content Security Policy refuses style="...".
    page.evaluate(
        """() => {
          const clipped = document.createElement("p");
          clipped.append("One", document.createElement("br"), "Two");
          clipped.append(document.createElement("br"), "Three");
          clipped.style.height = "1em";
          clipped.style.overflow = "hidden";
          document.querySelector("article").append(clipped);
        }"""
    )
    assert len(page.evaluate(CLIPPED_TEXT)) == 1


def test_reduced_motion_stops_animation(page: Page, sample_url: str) -> None:
    page.emulate_media(reduced_motion="reduce")
    page.goto(sample_url)
    longest = page.evaluate(
        """() => Math.max(...[...document.querySelectorAll("*")].flatMap(e => {
             const s = getComputedStyle(e);
             return [...s.transitionDuration.split(","), ...s.animationDuration.split(",")]
               .map(d => parseFloat(d) * (d.trim().endsWith("ms") ? 0.001 : 1));
           }))"""
    )
    assert longest <= 0.01, f"an animation or transition lasts {longest}s"


def test_a_service_page_prints_its_contacts_without_navigation(page: Page, sample_url: str) -> None:
    page.goto(f"{sample_url}services/castle-hill-speech-drop-in/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.get_by_role("heading", name="Contact")).to_be_visible()
    expect(page.get_by_role("link", name="01632 960101")).to_be_visible()
    expect(page.get_by_role("heading", name="Castle Hill Speech Drop-in")).to_be_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000


def test_controls_are_at_least_24_pixels(phone_page: Page, sample_url: str) -> None:
    phone_page.goto(f"{sample_url}services/")
    wait_for_results(phone_page)
    small = phone_page.evaluate(
        """() => [...document.querySelectorAll(
                 "#lo-form input, #lo-form select, #lo-form button, #lo-form summary, "
                 + ".md-button, .md-header label[for='__drawer']")]
             .filter(e => e.offsetParent)
             .map(e => [e.outerHTML.slice(0, 80), e.getBoundingClientRect()])
             .filter(([, r]) => r.width < 24 || r.height < 24)"""
    )
    assert small == []
