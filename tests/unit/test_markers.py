"""Service-list markers in guidance pages: lists that update themselves, and clear problems."""

from __future__ import annotations

from build_tools.model import provider_from_dict
from build_tools.pages.markers import expand_markers, parse_query
from tests.unit.test_pages import entry

PAGE = "content/guidance/test.md"


def provider(slug: str, **changes: object):  # type: ignore[no-untyped-def]
    return provider_from_dict(slug, entry(**changes))


PROVIDERS = (
    provider("autism-club", name="Autism Club", categories=["leisure"], needs=["ASD"]),
    provider("breaks", name="Big Breaks", categories=["short-breaks"], needs=["all"]),
    provider(
        "teen-breaks",
        name="Teen Breaks",
        categories=["short-breaks"],
        needs=["PD"],
        age_range={"min": 13, "max": 18},
        inclusion_charter=True,
    ),
)


def names(markdown: str) -> list[str]:
    return [
        line.split("]")[0].lstrip("- [") for line in markdown.splitlines() if line.startswith("- [")
    ]


def test_marker_lists_matching_services_linked_from_the_page() -> None:
    page = "# Breaks\n\n<!-- services category=short-breaks -->\n\nMore text.\n"
    out, problems = expand_markers(page, PAGE, PROVIDERS, "../")
    assert problems == []
    assert names(out) == ["Big Breaks", "Teen Breaks"]
    assert "- [Big Breaks](../services/breaks.md): A friendly play session" in out
    assert "More text." in out and "<!--" not in out


def test_options_combine_and_all_needs_services_match_every_need() -> None:
    out, _ = expand_markers("<!-- services category=short-breaks need=ASD -->", PAGE, PROVIDERS, "")
    assert names(out) == ["Big Breaks"]
    out, _ = expand_markers("<!-- services need=ASD,PD -->", PAGE, PROVIDERS, "")
    assert names(out) == ["Autism Club", "Big Breaks", "Teen Breaks"]
    out, _ = expand_markers("<!-- services need=ASD,PD age=14 -->", PAGE, PROVIDERS, "")
    assert names(out) == ["Teen Breaks"]


def test_charter_and_limit() -> None:
    out, _ = expand_markers("<!-- services charter=yes -->", PAGE, PROVIDERS, "")
    assert names(out) == ["Teen Breaks"]
    out, _ = expand_markers("<!-- services limit=1 -->", PAGE, PROVIDERS, "")
    assert names(out) == ["Autism Club"]


def test_no_match_says_so_and_links_to_the_directory() -> None:
    out, _ = expand_markers("<!-- services category=travel -->", PAGE, PROVIDERS, "../")
    assert out == (
        "No services of this kind are listed yet. [Find a service](../services/index.md) to see "
        "them all."
    )


def test_unknown_marker_name_is_a_problem() -> None:
    page = "# T\n\n<!-- servces category=travel -->\n"
    _, problems = expand_markers(page, PAGE, PROVIDERS, "", first_line=5)
    assert [(p.file, p.line, p.code) for p in problems] == [(PAGE, 7, "LO301")]
    assert "'servces'" in problems[0].message


def test_unknown_option_is_a_problem() -> None:
    _, problems = expand_markers("<!-- services colour=red -->", PAGE, PROVIDERS, "")
    assert [p.code for p in problems] == ["LO302"]
    assert "category, need, area, age, charter, limit" in problems[0].fix


def test_unknown_value_suggests_the_code() -> None:
    _, problems = expand_markers("<!-- services need=autism category=shortbreaks -->", PAGE, (), "")
    fixes = {p.code: p.fix for p in problems}
    assert [p.code for p in problems] == ["LO303", "LO303"]
    assert "need=ASD (Autism)" in problems[0].fix or "need=ASD (Autism)" in problems[1].fix
    assert any("category=short-breaks" in p.fix for p in problems), fixes


def test_bad_age_and_charter_values() -> None:
    _, problems = expand_markers("<!-- services age=30 charter=no limit=0 -->", PAGE, (), "")
    assert [p.code for p in problems] == ["LO303", "LO303", "LO303"]


def test_plain_comments_and_code_examples_are_left_alone() -> None:
    page = "<!-- check with the SEND team -->\n\n```\n<!-- services category=travel -->\n```\n"
    out, problems = expand_markers(page, PAGE, PROVIDERS, "")
    assert (out, problems) == (page, [])


def test_parse_query_reads_quoted_values_and_age_ranges() -> None:
    query, bad = parse_query(' category="health,therapies" age=16-25')
    assert bad == []
    assert query.categories == ("health", "therapies")
    assert query.ages == (16, 25)
