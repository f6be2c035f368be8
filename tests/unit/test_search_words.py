"""What a family's words find: groups of words that mean the same (content/search-words.yml and
the glossary), word forms, typos, ranking places, and which pages family search holds."""

from __future__ import annotations

import json
from pathlib import Path

from build_tools.guidance.glossary import Entry, Glossary
from build_tools.search.search_words import SEARCH_WORDS_FILE, WordGroups, load_search_words
from build_tools.search.typo_index import deletions, near_files
from build_tools.search.word_index import SearchPage, search_files, service_search_page
from build_tools.search.write import guidance_search_page
from tests.support import REPO_ROOT
from tests.unit.family_helpers import provider
from tests.unit.test_word_index import lookup, places


def text_page(url: str, text: str) -> SearchPage:
    return SearchPage(url, "service", url, "", "", text, title_text=" ")


def test_the_shipped_groups_file_is_valid(tmp_path: Path) -> None:
    groups, problems = load_search_words(REPO_ROOT / "content")
    assert problems == []
    assert groups.groups[0][:3] == ("autism", "autistic", "ASD")


def test_a_broken_groups_file_is_a_problem_with_its_line(tmp_path: Path) -> None:
    (tmp_path / SEARCH_WORDS_FILE).write_text("groups:\n  - [autism]\n  - [a<b>, cd]\n")
    groups, problems = load_search_words(tmp_path)
    assert groups == WordGroups()
    assert [(p.line, p.field) for p in problems] == [(2, "groups[0]"), (3, "groups[1][0]")]


def test_a_word_of_a_group_finds_the_pages_of_every_member() -> None:
    pages = [text_page("s/a/", "Autism base"), text_page("s/b/", "For autistic children")]
    pages.append(text_page("s/c/", "Respite care"))
    pages.append(text_page("s/d/", "Short breaks at weekends"))
    groups = WordGroups((("autism", "autistic", "ASD"), ("respite", "short breaks")))
    files = search_files(pages, 4, groups)
    assert lookup(files, "asd") == lookup(files, "autism") == ([], [0, 1])
    assert lookup(files, "respite") == ([], [2, 3])  # the phrase, word for word
    # Each word of an editors' phrase finds the group too: "short breaks" finds respite.
    assert lookup(files, "short")[1] == [2, 3]
    shard = json.loads(files["search/words/as.json"])
    assert shard["same"][str(shard["words"]["asd"])] == ["autism", "autistic", "asd"]


def test_glossary_abbreviations_find_what_they_stand_for_but_not_the_other_way() -> None:
    glossary = Glossary((Entry("SEN", "Needs.", stands_for="special educational needs"),))
    groups = WordGroups().with_glossary(glossary)
    pages = [text_page("s/a/", "Help with special educational needs"), text_page("s/b/", "SEN")]
    files = search_files(pages, 2, groups)
    assert lookup(files, "sen") == ([], [0, 1])
    assert lookup(files, "special") == ([], [0])


def test_forms_of_a_word_find_each_other() -> None:
    files = search_files([text_page("s/a/", "Dyslexia"), text_page("s/b/", "Dyslexic")], 2)
    assert lookup(files, "dyslexic") == lookup(files, "dyslexia") == ([], [0, 1])


def test_a_service_is_about_its_name_and_the_few_needs_it_is_made_for() -> None:
    base = service_search_page(provider("base", name="Autism base", needs=("ASD",)))
    many = service_search_page(provider("many", needs=("ASD", "SLD", "PD", "DS")))
    everyone = service_search_page(provider("all", needs=("all",)))
    files = search_files([base, many, everyone], 3)
    title, about, heading, _ = places(files, "autism")
    assert (title, about, heading) == ([0], [], [1])  # the name first, then a list of needs
    assert places(files, "asd")[1] == [0] or places(files, "asd")[0] == [0]
    assert 2 not in sum(places(files, "autism"), [])  # "all needs" names no need
    assert lookup(files, "needs")[1] == [2]  # it is only said in the text


def test_a_typo_and_its_word_meet_through_one_deletion_each() -> None:
    assert deletions("cat") == {"at", "ct", "ca"}
    files = near_files(["speech", "autism", "to", "2025"])
    keys = {k: v for path, data in files.items() for k, v in json.loads(data).items()}
    for typo, word in (("speach", "speech"), ("austism", "autism"), ("uatism", "autism")):
        assert any(word in keys.get(key, "").split() for key in {typo} | deletions(typo))
    assert "to" not in keys and not any("2025" in v for v in keys.values())
    # At most three files for a typo: its first two letters, first and third, second and third.
    shards = {key[:2] for key in {"sautism"} | deletions("sautism")}
    assert shards == {"sa", "au", "su"}


def test_family_search_leaves_out_pages_for_providers_and_editors() -> None:
    for url in ("providers/field-reference/", "providers/problem-codes/", "editors/"):
        assert guidance_search_page(url, "Field reference", {}, "<p>YAML</p>") is None
    found = guidance_search_page(
        "guidance/inclusion-charter/",
        "Dudley&#39;s Inclusion Charter",
        {"description": "Dudley&#39;s charter"},
        "",
    )
    assert found is not None
    assert (found.title, found.summary) == ("Dudley's Inclusion Charter", "Dudley's charter")
