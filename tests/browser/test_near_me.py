"""Near you, in Chromium: distances from a typed postcode or the browser's location, never sent.

The expected orders are worked out here from the sample data with directory/places.py, and the first
services are also written out by hand, so a change in either the data or the sums shows up.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Browser, Page, expect

from build_tools.directory.filters import needs_of
from build_tools.directory.places import Point, district_centres, nearest_miles, service_points
from build_tools.entries.catalog import load_catalog
from build_tools.model import Provider
from tests.support import REPO_ROOT

from .conftest import DESKTOP, PageWatch
from .test_accessibility import AXE_OPTIONS, AXE_VIOLATIONS
from .test_directory import result_names, wait_for_results

pytestmark = pytest.mark.browser

# A point in Halesowen, for the browser's location.
HALESOWEN = {"latitude": 52.4490, "longitude": -2.0500}
# What a family in DY8 (Stourbridge) sees first, nearest first: every service within a mile.
NEAREST_TO_DY8 = [
    "Amblecote Growing Together Allotment",
    "Wollaston Counselling for Young People",
    "Dudley Inclusive Childminder Network",
    "Stourbridge Stars Inclusive Football",
    "Stourbridge Autism Parents Group",
    "Stour Valley College Foundation Learning",
    "Splash Together Inclusive Swimming",
]
COUNT_GEOLOCATION = """
  window.__locationAsked = 0;
  const real = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
  navigator.geolocation.getCurrentPosition = (...args) => {
    window.__locationAsked += 1;
    return real(...args);
  };
"""


def providers() -> tuple[Provider, ...]:
    return load_catalog(REPO_ROOT / "providers", dt.date.today()).providers


def expected_order(place: Point, within: float | None = None) -> list[str]:
    """Nearest first; services with no venue last; equal distances in name order."""
    services = providers()
    centres = district_centres(services)
    rows = []
    for provider in services:
        miles = nearest_miles(place, service_points(provider, centres))
        if within is None or miles is None or miles <= within:
            rows.append((miles is None, miles or 0.0, provider.name.casefold(), provider.name))
    return [name for *_, name in sorted(rows)]


def no_venue_names() -> set[str]:
    return {p.name for p in providers() if not p.locations}


def find_near(page: Page, postcode: str) -> None:
    page.get_by_label("Postcode").fill(postcode)
    page.get_by_role("button", name="Find services near this postcode").click()


@pytest.fixture
def located_page(browser: Browser) -> Iterator[Page]:
    """A page whose browser would give Halesowen as its location, once asked."""
    context = browser.new_context(
        viewport=DESKTOP,  # type: ignore[arg-type]
        locale="en-GB",
        permissions=["geolocation"],
        geolocation=HALESOWEN,  # type: ignore[arg-type]
    )
    watch = PageWatch()
    watch.attach(context)
    context.add_init_script(COUNT_GEOLOCATION)
    yield context.new_page()
    context.close()
    assert not watch.foreign_requests, f"requests to other hosts: {watch.foreign_requests}"
    assert not watch.errors, f"script errors: {watch.errors}"


def test_a_typed_postcode_sorts_nearest_first(page: Page, sample_url: str) -> None:
    page.goto(f"{sample_url}services/")
    wait_for_results(page)
    find_near(page, "dy8 1aw")

    announced = wait_for_results(page, "Nearest first, from the middle of DY8")
    assert announced.startswith(f"{len(providers())} services match.")
    expect(page.get_by_label("Postcode")).to_have_value("DY8 1AW")
    expect(page.locator("#lo-near-note")).to_contain_text("approximate")
    names = result_names(page)
    assert names[: len(NEAREST_TO_DY8)] == NEAREST_TO_DY8
    centre = district_centres(providers())["DY8"]
    assert names == expected_order(centre)
    # No venue: listed last, marked, never dropped.
    placeless = no_venue_names()
    assert set(names[-len(placeless) :]) == placeless
    last = page.locator("#lo-results > li").last
    expect(last.locator(".lo-distance")).to_have_text(re.compile(r"^No venue to visit"))
    first = page.locator("#lo-results > li").first
    expect(first.locator(".lo-distance")).to_have_text("About 0.4 miles away")
    # The postcode stays out of the address bar (and so out of any server's logs).
    assert "DY8" not in page.url.upper()
    assert re.search(r"sort=distance", page.url)


def test_within_a_distance_keeps_services_with_no_venue(page: Page, sample_url: str) -> None:
    page.goto(f"{sample_url}services/")
    wait_for_results(page)
    find_near(page, "DY8 1AW")
    wait_for_results(page, "Nearest first")
    page.get_by_label("Distance").select_option(label="Within 1 mile")

    expected = expected_order(district_centres(providers())["DY8"], within=1)
    assert expected[: len(NEAREST_TO_DY8)] == NEAREST_TO_DY8
    announced = wait_for_results(page, "They are kept in, whatever the distance")
    assert announced.startswith(f"{len(expected)} services match distance: Within 1 mile.")
    assert f"{len(no_venue_names())} services have no venue to visit" in announced
    assert result_names(page) == expected
    assert re.search(r"within=1", page.url)


def test_the_postcode_is_remembered_in_this_tab_only(page: Page, sample_url: str) -> None:
    page.goto(f"{sample_url}services/")
    wait_for_results(page)
    find_near(page, "DY8 1AW")
    wait_for_results(page, "Nearest first")
    page.goto(f"{sample_url}services/?need=HI")
    wait_for_results(page, "Distances are from the middle of DY8")
    expect(page).to_have_url(f"{sample_url}services/?need=HI")
    expect(page.get_by_label("Postcode")).to_have_value("DY8 1AW")
    expect(page.locator(".lo-distance").first).to_be_visible()
    assert page.evaluate("localStorage.length") == 0, "nothing about the place is kept for good"


def test_distances_work_with_the_other_filters(page: Page, sample_url: str) -> None:
    page.goto(f"{sample_url}services/?need=ASD&age=7&sort=name")
    wait_for_results(page)
    find_near(page, "B63 3AA")
    wait_for_results(page, "Nearest first, from the middle of B63")
    names = result_names(page)
    autism_age_7 = {
        p.name for p in providers() if "ASD" in needs_of(p) and p.min_age <= 7 <= p.max_age
    }
    assert set(names) == autism_age_7
    order = expected_order(district_centres(providers())["B63"])
    assert names == [name for name in order if name in autism_age_7]


def test_a_postcode_outside_the_area_is_said_plainly(page: Page, sample_url: str) -> None:
    page.goto(f"{sample_url}services/")
    first = wait_for_results(page)
    find_near(page, "WV1 1AA")
    error = page.locator("#lo-near-error")
    expect(error).to_have_text(
        re.compile(r"^WV1 1AA is outside Dudley borough, so we cannot measure distances from it\.")
    )
    expect(error).to_contain_text("start with B62, B63, DY1")
    expect(page.get_by_label("Postcode")).to_have_attribute("aria-invalid", "")
    expect(page.locator("#lo-status")).to_have_text(first)
    expect(page.locator(".lo-distance")).to_have_count(0)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter a postcode, for example B62 8AF."),
        (
            "hello",
            "“hello” is not a postcode. Enter a postcode like B62 8AF, or just the first part, "
            "like B62.",
        ),
    ],
)
def test_a_missing_or_wrong_postcode_gets_a_message_and_an_example(
    page: Page, sample_url: str, typed: str, message: str
) -> None:
    page.goto(f"{sample_url}services/")
    wait_for_results(page)
    page.get_by_label("Postcode").fill(typed)
    page.get_by_label("Postcode").press("Enter")
    expect(page.locator("#lo-near-error")).to_have_text(message)
    expect(page.get_by_label("Postcode")).to_be_focused()


def test_the_browser_location_is_used_only_after_the_button(
    located_page: Page, sample_url: str
) -> None:
    page = located_page
    page.goto(f"{sample_url}services/")
    wait_for_results(page)
    assert page.evaluate("window.__locationAsked") == 0, "asked for the location unprompted"

    page.get_by_role("button", name="Use my location").click()
    wait_for_results(page, "Nearest first, from your location")
    assert page.evaluate("window.__locationAsked") == 1
    expect(page.locator("#lo-near-note")).to_have_text(
        "Distances are from your location, as your browser gave it, in a straight line."
    )
    here = (HALESOWEN["latitude"], HALESOWEN["longitude"])
    assert result_names(page) == expected_order(here)
    assert "52.44" not in page.url and "latitude" not in page.url


def test_forgetting_the_location_stops_the_distances(located_page: Page, sample_url: str) -> None:
    page = located_page
    page.goto(f"{sample_url}services/")
    wait_for_results(page)
    page.get_by_role("button", name="Use my location").click()
    wait_for_results(page, "Nearest first")
    page.get_by_role("button", name="Forget my postcode or location").click()
    expect(page.locator("#lo-near-note")).to_have_text(
        "Your postcode or location has been forgotten."
    )
    expect(page.get_by_label("Sort by")).to_have_value("")
    expect(page.locator("#lo-status")).not_to_contain_text("Nearest")
    expect(page.locator(".lo-distance")).to_have_count(0)


def test_a_refused_location_is_explained(page: Page, sample_url: str) -> None:
    page.goto(f"{sample_url}services/")
    wait_for_results(page)
    page.context.clear_permissions()
    page.get_by_role("button", name="Use my location").click()
    expect(page.locator("#lo-near-note")).to_have_text(
        re.compile(r"^You did not let this website use your location|could not be found")
    )


def test_the_first_visit_loads_no_distance_data(page: Page, sample_url: str) -> None:
    """near-me.json is fetched only once a family asks for distances. Without search words,
    distances never need the word index: the directory's own data says what matches."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(f"{sample_url}services/")
    wait_for_results(page)
    assert not [url for url in fetched if url.endswith("near-me.json")]
    find_near(page, "DY1")
    wait_for_results(page, "Nearest first")
    assert [url for url in fetched if url.endswith("near-me.json")]
    assert not [url for url in fetched if "/search/" in url]


def test_distances_with_search_words(page: Page, sample_url: str) -> None:
    """With words, the word index finds the services and near-me.js measures them."""
    page.goto(f"{sample_url}services/?q=speech")
    wait_for_results(page, 'words "speech"')
    find_near(page, "DY8")
    announced = wait_for_results(page, "Nearest first")
    assert 'words "speech"' in announced
    distances = page.locator("#lo-results .lo-distance").all_inner_texts()
    miles = [float(m) for text in distances for m in re.findall(r"About ([0-9.]+) mile", text)]
    assert miles and miles == sorted(miles)


def axe_findings(page: Page) -> list[str]:
    """axe-core's WCAG A and AA findings on the page as it is now."""
    # Evaluated by the browser's debugging protocol, which the page's CSP does not restrict.
    page.evaluate(AXE_SCRIPT)
    found_violations = page.evaluate(AXE_VIOLATIONS, AXE_OPTIONS)
    return [
        f"{violation['id']}: {node['target']} {node['html'][:120]}"
        for violation in found_violations
        for node in violation["nodes"]
    ]


def test_distances_and_messages_pass_axe(page: Page, sample_url: str) -> None:
    page.goto(f"{sample_url}services/")
    wait_for_results(page)
    find_near(page, "DY8 1AW")
    wait_for_results(page, "Nearest first")
    assert axe_findings(page) == []
    find_near(page, "hello")
    expect(page.locator("#lo-near-error")).to_be_visible()
    assert axe_findings(page) == []
