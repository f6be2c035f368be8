"""The easy-read checker and layout: every problem names the page, line and sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.easy_read.rows import (
    check_easy_read,
    render_easy_read,
    sentences,
    unexplained_abbreviations,
    word_count,
)
from build_tools.guidance.glossary import Entry, Glossary, load_glossary
from tests.support import REPO_ROOT

GLOSSARY = Glossary(
    (
        Entry(
            "SEND", "Special needs.", "special educational needs and disabilities", "Extra help."
        ),
        Entry("mediation", "A meeting.", easy_read="A meeting to help you agree."),
        Entry("tribunal", "A court."),
    )
)
PAGE = "content/easy-read/test.md"


def codes(markdown: str) -> list[tuple[str, int]]:
    return [(p.code, p.line) for p in check_easy_read(markdown, PAGE, GLOSSARY)]


def test_a_good_page_has_no_problems() -> None:
    page = "# Title\n\n## Part\n\n![A phone](picture:phone)\nRing us.\nWe can help.\n"
    assert codes(page) == []


def test_long_sentence_reports_page_line_sentence() -> None:
    long = "This sentence goes on and on with far too many words for anyone to follow easily."
    problems = check_easy_read(
        f"# T\n\n![A phone](picture:phone)\nShort.\n{long}\n", PAGE, GLOSSARY
    )
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.file, problem.line, problem.code) == (PAGE, 5, "LO304")
    assert "16 words" in problem.message and long in problem.message


def test_row_without_picture() -> None:
    problems = check_easy_read("# T\n\nNo picture here. Second sentence.\n", PAGE, GLOSSARY)
    assert [(p.code, p.line) for p in problems] == [("LO305", 3)]
    assert '"No picture here."' in problems[0].message


def test_picture_without_alt_text() -> None:
    assert codes("![](picture:phone)\nRing us.\n") == [("LO306", 1)]


def test_unknown_picture_suggests_a_name() -> None:
    problems = check_easy_read("![A phone](picture:phnoe)\nRing us.\n", PAGE, GLOSSARY)
    assert [p.code for p in problems] == ["LO307"]
    assert "Did you mean 'phone'?" in problems[0].fix


def test_row_with_too_many_sentences() -> None:
    assert codes("![A phone](picture:phone)\nOne.\nTwo.\nThree. Four.\n") == [("LO313", 1)]


def test_list_items_do_not_count_as_row_sentences() -> None:
    assert codes("![A phone](picture:phone)\nYou can:\n- ring\n- email\n- visit\n- write\n") == []


def test_bold_word_needs_an_easy_read_meaning() -> None:
    page = "![A phone](picture:phone)\nTry **mediation** first.\nOr go to the **tribunal**.\n"
    problems = check_easy_read(page, PAGE, GLOSSARY)
    assert [(p.code, p.line) for p in problems] == [("LO310", 3)]
    assert "'tribunal'" in problems[0].message


def test_unexplained_abbreviation() -> None:
    page = "Help with SEND and SEND again.\nAsk your SENCO or the SENCOs.\nGo to DY1 4AA.\n"
    problems = unexplained_abbreviations(page, PAGE, GLOSSARY, first_line=10)
    assert [(p.code, p.line, p.message) for p in problems] == [
        ("LO308", 11, "SENCO is not explained in the glossary.")
    ]


def test_abbreviations_in_code_links_and_addresses_are_ignored() -> None:
    page = (
        "Run `localoffer YAML`.\n[Read it](https://GOV.UK/X)\n```\nJSON\n```\nMail AB@CD.example\n"
    )
    assert unexplained_abbreviations(page, PAGE, GLOSSARY) == []


def test_first_line_offset_counts_front_matter() -> None:
    problems = check_easy_read("No picture.\n", PAGE, GLOSSARY, first_line=7)
    assert problems[0].line == 7


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ring [01632 960200](tel:+441632960200).", 3),
        ("It costs £4.50 each time.", 5),
        ("Email team@dudley.example - we reply.", 4),
    ],
)
def test_word_count_ignores_link_targets_and_dashes(text: str, expected: int) -> None:
    assert [word_count(s) for s in sentences(text)] == [expected]


def test_render_puts_picture_and_text_in_a_row() -> None:
    page = "# Title\n\n![A phone](picture:phone)\nRing us.\nWe help with **mediation**.\n"
    html = render_easy_read(page, "../", GLOSSARY)
    assert html.startswith("# Title\n")
    assert '<div class="lo-easy-read" markdown="1">' in html
    assert '<div class="lo-er-row" markdown="1">' in html
    assert (
        '![A phone](../assets/easy-read/1F4DE.svg){ .lo-er-picture width="96" height="96" }' in html
    )
    assert "Ring us.\n\nWe help" in html  # each sentence a paragraph of its own
    assert "## Hard words" in html
    assert "**Mediation**\n:   A meeting to help you agree." in html


def test_every_easy_read_page_in_content_passes_the_checker() -> None:
    glossary, problems = load_glossary(REPO_ROOT / "content" / "glossary.yml", "glossary")
    assert problems == []
    pages = sorted((REPO_ROOT / "content" / "easy-read").glob("*.md"))
    assert len(pages) >= 8
    found = []
    for path in pages:
        text = path.read_text(encoding="utf-8")
        shown = str(path.relative_to(REPO_ROOT))
        if "kind: easy-read" in text:
            found += check_easy_read(text.split("---", 2)[2], shown, glossary)
            found += unexplained_abbreviations(text, shown, glossary)
    assert not found, "\n".join(f"{p.file}:{p.line} {p.code} {p.message}" for p in found)


def test_glossary_easy_read_meanings_are_short() -> None:
    glossary, _ = load_glossary(REPO_ROOT / "content" / "glossary.yml", "glossary")
    for entry in glossary.entries:
        for sentence in sentences(entry.easy_read or ""):
            assert word_count(sentence) <= 15, (entry.term, sentence)


def test_key_pages_have_easy_read_versions(repo_root: Path) -> None:
    for name in (
        "what-is-send",
        "ehc-plans",
        "help-and-advice",
        "preparing-for-adulthood",
        "disagreements-and-complaints",
        "send-strategy",
        "inclusion-charter",
        "other-ways-to-get-this-information",
    ):
        text = (repo_root / "content" / "easy-read" / f"{name}.md").read_text(encoding="utf-8")
        assert f"standard: ../guidance/{name}.md" in text
