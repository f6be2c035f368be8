"""The directory in Chromium: filters, the URL, the announced count, sorting and search."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from urllib.parse import parse_qs, urlparse

import pytest
import snowballstemmer
from playwright.sync_api import Page, expect

from build_tools.entries.catalog import load_catalog
from build_tools.model import Provider
from build_tools.search.word_index import service_search_page, words_of
from tests.support import REPO_ROOT

pytestmark = pytest.mark.browser


def sample_services(keep: Callable[[Provider], bool]) -> set[str]:
    """Names of the sample services that pass `keep`, worked out from the data, not the site."""
    catalog = load_catalog(REPO_ROOT / "providers", dt.date.today())
    return {p.name for p in catalog.providers if keep(p)}


def autism_age_7_free_stourbridge(provider: Provider) -> bool:
    autism = {"ASD", "all", "communication-and-interaction"}
    return (
        bool(autism.intersection(provider.needs))
        and provider.min_age <= 7 <= provider.max_age
        and (provider.free or bool(provider.free_places))
        and bool({"stourbridge", "dudley-borough"}.intersection(provider.service_areas))
    )


def result_names(page: Page) -> list[str]:
    """Every result's name, pressing "Show more" until all are shown."""
    more = page.locator("#lo-more")
    while more.is_visible():
        count = page.locator("#lo-results > li.lo-card").count()
        more.click()
        expect(page.locator("#lo-results > li.lo-card")).not_to_have_count(count)
    return page.locator("#lo-results > li.lo-card h3").all_inner_texts()


def wait_for_results(page: Page, choices: str = "") -> str:
    """The announced result count, once the search for these choices (in words) has finished.

    With no choices, the directory's first cards (written into the page) count as results.
    """
    expect(page.locator("#lo-form")).to_have_attribute("data-ready", "true")
    status = page.locator("#lo-status")
    pattern = r"match.*" + re.escape(choices) if choices else r"match|, by name\."
    expect(status).to_have_text(re.compile(pattern))
    expect(page.locator("#lo-results")).not_to_have_attribute("aria-busy", "true")
    return status.inner_text()


def test_need_age_free_and_area_list_exactly_the_matching_services(
    page: Page, sample_url: str
) -> None:
    expected = sample_services(autism_age_7_free_stourbridge)
    assert len(expected) > 5, "the sample data should give this search several answers"
    page.goto(f"{sample_url}services/")
    page.get_by_label("Need").select_option(label="Autism")
    page.get_by_label("Age of the child or young person").fill("7")
    page.get_by_label("Town or area").select_option(label="Stourbridge")
    page.get_by_label("Free, or with free places").check()
    page.get_by_role("button", name="Show services").click()

    announced = wait_for_results(page, "free, or with free places")
    assert announced.startswith(f"{len(expected)} services match need: Autism, age 7")
    assert set(result_names(page)) == expected

    state = parse_qs(urlparse(page.url).query)
    assert state == {"need": ["ASD"], "age": ["7"], "area": ["stourbridge"], "cost": ["free"]}


def test_the_result_count_is_in_a_polite_live_region(page: Page, sample_url: str) -> None:
    page.goto(f"{sample_url}services/?need=HI")
    status = page.locator("#lo-status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_attribute("aria-live", "polite")
    expected = sample_services(lambda p: bool({"HI", "all", "sensory-and-physical"} & set(p.needs)))
    assert wait_for_results(page).startswith(f"{len(expected)} services match need: Hearing")


def test_a_shared_link_restores_the_filters_and_back_undoes_a_change(
    page: Page, sample_url: str
) -> None:
    page.goto(f"{sample_url}services/?need=ASD&age=7&cost=free")
    expect(page.get_by_label("Need")).to_have_value("ASD")
    expect(page.get_by_label("Age of the child or young person")).to_have_value("7")
    expect(page.get_by_label("Free, or with free places")).to_be_checked()
    first = wait_for_results(page)

    page.get_by_label("Town or area").select_option(label="Stourbridge")
    expect(page).to_have_url(re.compile(r"area=stourbridge"))
    expect(page.locator("#lo-status")).not_to_have_text(first)

    page.go_back()
    expect(page.get_by_label("Town or area")).to_have_value("")
    expect(page.locator("#lo-status")).to_have_text(first)


def test_clear_all_filters_shows_every_service(page: Page, sample_url: str) -> None:
    page.goto(f"{sample_url}services/?need=VI&cost=free")
    wait_for_results(page)
    page.get_by_role("link", name="Clear all filters").click()
    expect(page.get_by_label("Need")).to_have_value("")
    everything = sample_services(lambda p: True)
    first_visit = "services, by name. Choose a need, an age or an area to narrow them down."
    expect(page.locator("#lo-status")).to_have_text(f"{len(everything)} {first_visit}")
    assert set(result_names(page)) == everything


def test_a_first_visit_fetches_no_search_data(page: Page, sample_url: str) -> None:
    """The first cards are in the page: nothing else is needed until a family chooses."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{sample_url}services/")
    expect(page.locator("#lo-results > li")).to_have_count(20)
    page.wait_for_load_state("networkidle")
    fetched_data = [u for u in requested if "/search/" in u or "/services/directory/" in u]
    assert fetched_data == []
    page.get_by_role("button", name=re.compile("Show more")).click()
    expect(page.locator("#lo-results > li")).to_have_count(40)


def test_filters_without_words_never_load_the_word_index(page: Page, sample_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{sample_url}services/?need=ASD&age=7&sort=checked")
    wait_for_results(page, "need: Autism, age 7")
    assert not [u for u in requested if "/search/" in u]
    expected = sample_services(
        lambda p: (
            bool({"ASD", "all", "communication-and-interaction"} & set(p.needs))
            and p.min_age <= 7 <= p.max_age
        )
    )
    assert set(result_names(page)) == expected


def test_sorting_by_most_recently_checked(page: Page, sample_url: str) -> None:
    catalog = load_catalog(REPO_ROOT / "providers", dt.date.today())
    checked = {p.name: p.last_reviewed for p in catalog.providers}
    page.goto(f"{sample_url}services/?type=support-groups&sort=checked")
    wait_for_results(page)
    names = result_names(page)
    dates = [checked[name] for name in names]
    assert len(names) > 2
    assert dates == sorted(dates, reverse=True)


def test_a_wrong_age_is_explained_and_ignored(page: Page, sample_url: str) -> None:
    page.goto(f"{sample_url}services/?age=40")
    error = page.locator("#lo-filter-age-error")
    expect(error).to_have_text("Enter an age from 0 to 25 in whole years, for example 7.")
    expect(page.get_by_label("Age of the child or young person")).to_have_attribute(
        "aria-invalid", ""
    )


def test_search_words_find_services_and_guidance_together(page: Page, sample_url: str) -> None:
    page.goto(sample_url)
    page.get_by_label("Search services and guidance").fill("EHC plan")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/search/\?q=EHC\+plan"))
    wait_for_results(page)
    cards = page.locator("#lo-results > li")
    guidance = cards.filter(has_text="Guidance page")
    assert guidance.count() >= 1
    assert cards.count() > guidance.count(), "services should be found as well as guidance"
    expect(guidance.first.locator("a")).to_have_text(re.compile(r"EHC|education, health and care"))


def says(word: str) -> Callable[[Provider], bool]:
    """Whether a service's page uses `word` in any form (speech, speeches), as the search
    should find it; worked out from the data with the stemmer the index uses."""
    stem = snowballstemmer.stemmer("english").stemWord

    def keep(provider: Provider) -> bool:
        found = service_search_page(provider)
        text = " ".join((found.title_text, found.about_text, found.heading_text, found.body_text))
        return stem(word) in {stem(w) for w in words_of(text)}

    return keep


def test_search_words_find_every_service_that_uses_them(page: Page, sample_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{sample_url}services/?q=speech")
    wait_for_results(page, 'words "speech"')
    expected = sample_services(says("speech"))
    assert expected
    # Every service that says it; and those that say words meaning the same (content/
    # search-words.yml: "SALT", "speech and language therapist"), which tests elsewhere check.
    assert set(result_names(page)) >= expected
    # One small file for the word, and nothing like a search engine; no file fetched twice.
    # The browser fetches the favicon on its own, even when the page shows the same picture
    # (the council's logo is both).
    icon = page.evaluate("() => document.querySelector('link[rel~=icon]').href")
    assert sorted(u for u in set(requested) if requested.count(u) > 1 and u != icon) == []
    words = [u for u in requested if "/search/words/" in u]
    assert [u.rsplit("/", 1)[1] for u in words] == ["sp.json"]
    assert not [u for u in requested if u.endswith((".wasm", ".pagefind", "worker.js"))]


def test_another_form_of_a_word_finds_the_same_services(page: Page, sample_url: str) -> None:
    page.goto(f"{sample_url}services/?q=therapy")
    wait_for_results(page, 'words "therapy"')
    therapy = set(result_names(page))
    page.goto(f"{sample_url}services/?q=therapies")
    wait_for_results(page, 'words "therapies"')
    assert therapy and set(result_names(page)) == therapy


def test_words_and_filters_together(page: Page, sample_url: str) -> None:
    page.goto(f"{sample_url}services/?q=sessions&age=12")
    wait_for_results(page, 'words "sessions", age 12')
    expected = sample_services(lambda p: says("sessions")(p) and p.min_age <= 12 <= p.max_age)
    assert expected
    assert set(result_names(page)) == expected


def test_a_word_that_is_nowhere_says_so(page: Page, sample_url: str) -> None:
    page.goto(f"{sample_url}search/?q=zzyzx+speech")
    announced = wait_for_results(page, "")
    assert announced.startswith("No pages match")
    expect(page.locator("#lo-results > li")).to_have_count(0)


def test_a_name_ranks_above_a_passing_mention(page: Page, sample_url: str) -> None:
    """A word in a service's name or summary counts more than the same word in its text."""
    page.goto(f"{sample_url}services/?q=swimming")
    wait_for_results(page, 'words "swimming"')
    first = page.locator("#lo-results > li").first
    assert "swim" in first.inner_text().split("Ages")[0].lower()
