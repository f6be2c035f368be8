"""The journeys of issue 14, as a parent takes them: on a 360 x 800 phone, on the keyboard, and
without JavaScript (the browse pages); and the phone layout that puts results first."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .test_directory import wait_for_results
from .test_routes import Keyboard, assert_no_sideways_scroll

pytestmark = pytest.mark.browser

PHONE_SCREEN = {"width": 360, "height": 800}


def phone(page: Page, url: str) -> Page:
    page.set_viewport_size(PHONE_SCREEN)
    page.goto(url)
    wait_for_results(page)
    return page


def cards(page: Page) -> list[str]:
    """The result cards' addresses, in order, ending at the service's folder."""
    links = page.locator("#lo-results > li.lo-card h3 a")
    return [h.rstrip("/").rsplit("/", 1)[-1] for h in links.evaluate_all("l => l.map(a => a.href)")]


def first_card_top(page: Page) -> float:
    box = page.locator("#lo-results > li.lo-card").first.bounding_box()
    assert box is not None
    return box["y"] + page.evaluate("scrollY")


@pytest.mark.parametrize(
    "address",
    [
        "services/",
        "services/?q=autism",
        "services/?q=speach",
        # The journey's own search, with its chips and the "Happening in Stourbridge" heading.
        "services/?q=autism&need=ASD&age=7&area=stourbridge",
    ],
)
def test_on_a_phone_the_first_result_starts_on_the_first_screen(
    phone_page: Page, sample_url: str, address: str
) -> None:
    page = phone(phone_page, f"{sample_url}{address}")
    assert first_card_top(page) < PHONE_SCREEN["height"]
    # The filters wait behind one button, which says how many are applied.
    expect(page.get_by_label("Need")).to_be_hidden()
    expect(page.locator("#lo-filters > summary")).to_be_visible()


def test_free_service_for_an_autistic_7_year_old_in_stourbridge(
    phone_page: Page, sample_url: str
) -> None:
    page = phone(phone_page, f"{sample_url}services/")
    page.get_by_label("Search words").fill("autistic")
    page.locator("#lo-filters > summary").tap()
    page.get_by_label("Age of the child or young person").fill("7")
    page.get_by_label("Town or area").select_option(label="Stourbridge")
    page.get_by_label("Free, or with free places").tap()
    page.get_by_role("button", name="Show services").tap()
    wait_for_results(page, "free, or with free places")
    assert_no_sideways_scroll(page)
    found = cards(page)
    assert found[0] == "stourbridge-autism-parents-group"
    # Happening in Stourbridge first; services for the whole borough follow under a heading.
    headings = page.locator("#lo-results > li.lo-also h3").all_inner_texts()
    assert headings[0].startswith("Happening in Stourbridge")
    assert headings[1].startswith("Also open to families in Stourbridge")
    # Each filter shows as a chip that removes it, and "Filter" counts them.
    expect(page.locator("#lo-filters-count")).to_have_text("(3 applied)")
    page.locator("#lo-filters > summary").tap()  # close the filters to see the chips
    page.get_by_role("button", name="Remove Stourbridge").tap()
    expect(page.locator("#lo-filters-count")).to_have_text("(2 applied)")
    expect(page.locator("#lo-results > li.lo-also")).to_have_count(0)


def test_holiday_club_for_a_9_year_old_in_halesowen_in_the_summer_holidays(
    phone_page: Page, sample_url: str
) -> None:
    page = phone(phone_page, f"{sample_url}services/")
    page.get_by_label("Search words").fill("holiday club")
    page.locator("#lo-filters > summary").tap()
    page.get_by_label("Age of the child or young person").fill("9")
    page.get_by_label("Town or area").select_option(label="Halesowen")
    page.get_by_label("When").select_option(label="In the school holidays")
    page.get_by_role("button", name="Show services").tap()
    wait_for_results(page, "when: In the school holidays")
    assert cards(page)[0] == "sunny-days-holiday-playscheme"
    card = page.locator("#lo-results > li.lo-card").first
    # What a family decides on: where, when, and each price with what it is for.
    expect(card).to_contain_text("Halesowen")
    expect(card).to_contain_text("school holidays")
    expect(card).to_contain_text("£25.00 per day (One day, 10am to 3pm")
    expect(card).to_contain_text("Free places:")


def test_speech_therapy_for_a_3_year_old_typed_as_speach(phone_page: Page, sample_url: str) -> None:
    page = phone(phone_page, f"{sample_url}services/")
    page.get_by_label("Search words").fill("speach therapy")
    page.locator("#lo-filters > summary").tap()
    page.get_by_label("Age of the child or young person").fill("3")
    page.get_by_role("button", name="Show services").tap()
    wait_for_results(page, "age 3")
    assert cards(page)[:2] == [
        "speech-and-language-therapy-for-children",
        "castle-hill-speech-drop-in",
    ]
    expect(page.locator("#lo-status")).to_contain_text("Showing results for speech")


def test_speach_therapy_on_the_keyboard(page: Page, sample_url: str) -> None:
    page.goto(f"{sample_url}services/")
    wait_for_results(page)
    keys = Keyboard(page)
    keys.skip_to_content()
    keys.tab_to("Search words", tag="input")
    keys.type("speach therapy")
    keys.press("Enter")
    wait_for_results(page, 'words "speach therapy"')
    expect(page.locator("#lo-results-heading")).to_be_focused()
    keys.press("Tab")
    expect(page.locator("#lo-results > li.lo-card h3 a").first).to_be_focused()
    assert cards(page)[0] == "speech-and-language-therapy-for-children"


def test_without_javascript_a_town_lists_what_happens_there_first(
    no_js_page: Page, sample_url: str
) -> None:
    page = no_js_page
    page.goto(f"{sample_url}services/")
    page.get_by_role("link", name="Stourbridge").first.click()
    headings = page.locator("article h2").all_inner_texts()
    assert headings[:2] == ["Happening in Stourbridge", "Also open to families in Stourbridge"]
    here = page.locator("article h2 + ol").first.locator("h3").all_inner_texts()
    assert "Stourbridge Autism Parents Group" in here
    assert "Blue Badge and Disabled Travel Advice" not in here


def test_every_inner_page_has_a_search_box_in_its_header(page: Page, sample_url: str) -> None:
    page.goto(f"{sample_url}guidance/health/")
    page.get_by_role("searchbox", name="Search the Local Offer").fill("speach")
    page.get_by_role("searchbox", name="Search the Local Offer").press("Enter")
    expect(page).to_have_url(f"{sample_url}search/?q=speach")
    wait_for_results(page, 'words "speach"')
