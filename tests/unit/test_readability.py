"""The plain-English report, and every guidance page meeting our target."""

from __future__ import annotations

import pytest

from build_tools.reports.readability import (
    MAX_SENTENCE_WORDS,
    TARGET_SCORE,
    guidance_pages,
    measure,
    prose_blocks,
    render_report,
    syllables,
)
from tests.support import REPO_ROOT

PAGES = guidance_pages(REPO_ROOT / "content")


def test_prose_leaves_out_headings_code_and_front_matter() -> None:
    page = (
        "---\ntitle: X\n---\n\n# Heading\n\nOne sentence. Two.\n\n- an item\n\n"
        "```\ncode here\n```\n\n| A | B |\n|---|---|\n| cell | other |\n\n"
        '!!! note "A title"\n    Inside the box.\n\n<!-- services -->\n'
    )
    assert prose_blocks(page) == [
        "One sentence. Two.",
        "an item",
        "cell",
        "other",
        "Inside the box.",
    ]


def test_measure_counts_words_sentences_and_longest() -> None:
    result = measure("The cat sat. The cat sat on the mat today.", "page.md")
    assert (result.words, result.sentences) == (10, 2)
    assert result.longest[0] == (7, "The cat sat on the mat today.")
    assert result.score > 90


def test_hard_text_scores_low() -> None:
    text = (
        "Notwithstanding the aforementioned statutory considerations, the authority's "
        "determination necessitates comprehensive multidisciplinary consultation."
    )
    assert measure(text, "x").score < 0


@pytest.mark.parametrize(("word", "count"), [("cat", 1), ("phone", 1), ("make", 1),
                                             ("disabilities", 5), ("people", 2)])  # fmt: skip
def test_syllables(word: str, count: int) -> None:
    assert syllables(word) == count


def test_report_lists_every_page_and_its_longest_sentences() -> None:
    results = [measure("Short and sweet.", "a.md"), measure("Also short.", "b.md")]
    report = render_report(results)
    assert "Target: reading ease 60 or more, and no sentence over 25 words." in report
    assert "a.md" in report and "3 words: Short and sweet." in report


def test_there_are_guidance_pages_to_check() -> None:
    names = {path.name for path in PAGES}
    assert {"ehc-plans.md", "send-strategy.md", "accessibility.md", "privacy.md"} <= names


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(REPO_ROOT / "content")))
def test_guidance_page_meets_the_plain_english_target(page) -> None:  # type: ignore[no-untyped-def]
    result = measure(page.read_text(encoding="utf-8"), page.name)
    assert result.score >= TARGET_SCORE, f"{page.name}: reading ease {result.score:.1f}"
    longest, sentence = result.longest[0]
    assert longest <= MAX_SENTENCE_WORDS, f"{page.name}: {longest} words: {sentence}"


def test_cli_reports_every_guidance_page_and_passes(cli, in_repo_root) -> None:  # type: ignore[no-untyped-def]
    result = cli("report", "readability")
    assert result.exit_code == 0, result.output
    assert "content/guidance/ehc-plans.md" in result.output
    assert "Longest sentences:" in result.output


def test_cli_fails_a_page_that_misses_the_target(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "hard.md"
    page.write_text(
        "# Hard\n\nNotwithstanding the aforementioned considerations, the authority's "
        "determination necessitates comprehensive multidisciplinary consultation.\n",
        encoding="utf-8",
    )
    result = cli("report", "readability", page)
    assert result.exit_code == 1
    assert " NO" in result.output
