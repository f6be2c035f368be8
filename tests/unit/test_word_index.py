"""The word index: how text is split into words, and the files the browser looks words up in."""

from __future__ import annotations

import json

from build_tools.search.word_index import (
    SearchPage,
    search_files,
    service_search_page,
    text_of_html,
    words_of,
)
from build_tools.search.write import guidance_search_page
from tests.unit.family_helpers import provider


def page(url: str, heading: str, body: str = "", kind: str = "service") -> SearchPage:
    """A page whose `heading` is its headings (the third place) and `body` its text."""
    return SearchPage(url, kind, heading, "", heading, body, title_text=" ")


def numbers(gaps: list[int]) -> list[int]:
    total, out = 0, []
    for gap in gaps:
        total += gap
        out.append(total)
    return out


def places(files: dict[str, bytes], word: str) -> list[list[int]]:
    """What search-words.js does for one word: its file, its stem's entry, each place's pages
    (name or title, what the page is about, headings, text)."""
    data = json.loads(files[f"search/words/{word[:2]}.json"])
    return [numbers(gaps) for gaps in data["found"][data["words"][word]]]


def lookup(files: dict[str, bytes], word: str) -> tuple[list[int], list[int]]:
    """The pages with the word in a heading, and those with it only in their text."""
    title, about, heading, text = places(files, word)
    return sorted(title + about + heading), text


def test_words_are_lower_case_without_accents_punctuation_or_stop_words() -> None:
    assert words_of("Café drop-in, for the Children's SENCO!") == [
        "cafe",
        "drop",
        "childrens",
        "senco",
    ]
    assert words_of("a I 7 to be") == []  # stop words and single letters help nobody


def test_a_word_finds_pages_that_use_another_form_of_it() -> None:
    files = search_files([page("s/a/", "Speech therapy"), page("s/b/", "Therapies at home")], 2)
    assert lookup(files, "therapies") == lookup(files, "therapy") == ([0, 1], [])


def test_a_word_in_a_heading_is_listed_apart_from_a_word_only_in_the_text() -> None:
    pages = [
        page("s/a/", "Swimming club", "Swimming every Saturday"),
        page("s/b/", "Youth club", "Swimming for teenagers"),
        page("s/c/", "Short breaks", "Nothing about water"),
    ]
    files = search_files(pages, 3)
    assert lookup(files, "swimming") == ([0], [1])
    assert lookup(files, "saturday") == ([], [0])


def test_files_are_named_by_the_first_two_letters_and_count_every_page() -> None:
    files = search_files([page("s/a/", "Speech"), page("guidance/x/", "Sport", kind="guidance")], 1)
    assert {f for f in files if not f.startswith("search/near/")} == {
        "search/words/sp.json",
        "search/pages.json",
    }
    shard = json.loads(files["search/words/sp.json"])
    assert shard["pages"] == 2
    assert sorted(shard["words"]) == ["speech", "sport"]


def test_gaps_between_page_numbers_are_stored() -> None:
    pages = [page(f"s/{n}/", "Club" if n in (3, 4, 9) else "Other") for n in range(10)]
    data = json.loads(search_files(pages, 10)["search/words/cl.json"])
    assert data["found"][data["words"]["club"]] == [[], [], [3, 1, 5], []]


def test_guidance_pages_have_cards_after_the_services() -> None:
    guidance = SearchPage("guidance/ehc-plans/", "guidance", "EHC plans", "What they are", "", "")
    files = search_files([page("services/a/", "A"), guidance], 1)
    assert json.loads(files["search/pages.json"]) == [
        {
            "url": "guidance/ehc-plans/",
            "meta": {"title": "EHC plans", "summary": "What they are", "kind": "Guidance"},
        }
    ]


def test_a_service_is_found_by_what_its_page_says() -> None:
    service = service_search_page(provider("speech-drop-in", name="Speech drop-in"))
    assert service.url == "services/speech-drop-in/"
    assert service.title_text == "Speech drop-in"
    files = search_files([service], 1)
    assert places(files, "speech")[0] == [0]


def test_the_same_pages_give_the_same_files() -> None:
    pages = [page("s/a/", "Speech and language", "Zebra"), page("s/b/", "Language")]
    assert search_files(pages, 2) == search_files(list(pages), 2)


def test_the_text_of_a_page_keeps_words_apart_and_drops_scripts() -> None:
    page = "<table><tr><td>Speech</td><td>Therapy</td></tr></table><script>alert(1)</script>"
    assert words_of(text_of_html(page + "<p>Fish &amp; chips</p>")) == [
        "speech",
        "therapy",
        "fish",
        "chips",
    ]


def test_content_pages_are_searched_but_lists_and_service_pages_are_not() -> None:
    page = guidance_search_page(
        "guidance/ehc-plans/",
        "EHC plans",
        {"description": "How to ask"},
        "<h2>Annual <em>review</em></h2><p>Once a year</p>",
    )
    assert page is not None
    assert (page.kind, page.summary, page.title_text, page.about_text) == (
        "guidance",
        "How to ask",
        "EHC plans How to ask",
        "Annual review",
    )
    assert page.headings == ("Annual review",)
    assert words_of(page.body_text) == ["annual", "review", "once", "year"]
    assert guidance_search_page("services/a/", "A", {"kind": "service"}, "") is None
    assert guidance_search_page("services/age/", "Ages", {"search": {"exclude": True}}, "") is None
