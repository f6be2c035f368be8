"""entries/problem_output.py: problems for people (text), programs (JSON) and pull requests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from build_tools.entries.load import LoadedFile
from build_tools.entries.problem_output import render_github, render_json, render_text, summary_line
from build_tools.entries.validate import Validation
from build_tools.problems import Problem, Severity


def files(count: int) -> list[LoadedFile]:
    return [
        LoadedFile(Path(f"providers/s{i}.yaml"), f"providers/s{i}.yaml", None) for i in range(count)
    ]


def problem(
    file: str = "providers/s0.yaml",
    *,
    line: int = 3,
    column: int = 7,
    code: str = "LO104",
    severity: Severity = Severity.ERROR,
    field: str = "needs[0]",
    message: str = '"autism" is not one of the choices for Need.',
    fix: str = "Did you mean ASD (Autism)? Write it exactly like that.",
) -> Problem:
    return Problem(file, line, column, code, severity, field, message, fix)


def warning(file: str = "providers/s0.yaml") -> Problem:
    return problem(
        file,
        code="LO205",
        severity=Severity.WARNING,
        field="last_reviewed",
        message="The entry was last checked on 2025-01-01, more than 12 months ago.",
        fix="Check every field with the provider.",
    )


# --- the summary line ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "problems", "expected"),
    [
        (0, [], "No service files found."),
        (1, [], "The service file is valid."),
        (148, [], "All 148 service files are valid."),
        (
            1,
            [problem()],
            "1 problem in 1 of 1 service file. Fix the problems before the site can be built.",
        ),
        (
            148,
            [
                problem("providers/s1.yaml"),
                problem("providers/s1.yaml", line=9),
                problem("providers/s2.yaml"),
            ],
            "3 problems in 2 of 148 service files. Fix the problems before the site can be built.",
        ),
        (
            148,
            [problem("providers/s1.yaml"), warning("providers/s2.yaml")],
            "1 problem in 1 of 148 service files, and 1 warning. Fix the problems before the site "
            "can be built.",
        ),
        (
            148,
            [
                warning("providers/s1.yaml"),
                warning("providers/s1.yaml"),
                warning("providers/s3.yaml"),
            ],
            "All 148 service files are valid. 3 warnings in 2 of 148 service files.",
        ),
        (1, [warning()], "The service file is valid. 1 warning in 1 of 1 service file."),
    ],
)
def test_summary_line(total: int, problems: list[Problem], expected: str) -> None:
    assert summary_line(Validation(files(total), problems)) == expected


# --- text ---------------------------------------------------------------------------------------


def test_text_report_shows_where_what_and_how_to_fix() -> None:
    report = Validation(files(2), [problem(), warning("providers/s1.yaml")])
    assert render_text(report) == (
        "providers/s0.yaml:3:7  error LO104  needs[0]\n"
        '  "autism" is not one of the choices for Need.\n'
        "  Fix: Did you mean ASD (Autism)? Write it exactly like that.\n"
        "\n"
        "providers/s1.yaml:3:7  warning LO205  last_reviewed\n"
        "  The entry was last checked on 2025-01-01, more than 12 months ago.\n"
        "  Fix: Check every field with the provider.\n"
        "\n"
        "1 problem in 1 of 2 service files, and 1 warning. Fix the problems before the site can "
        "be built.\n"
    )


def test_text_report_without_a_field() -> None:
    report = Validation(
        files(1), [problem(field="", code="LO005", message="Empty.", fix="Fill it.")]
    )
    assert render_text(report).startswith("providers/s0.yaml:3:7  error LO005\n  Empty.\n")


def test_text_report_when_all_is_well() -> None:
    assert render_text(Validation(files(3), [])) == "All 3 service files are valid.\n"


# --- JSON ---------------------------------------------------------------------------------------


def test_json_report() -> None:
    report = Validation(
        files(2), [problem(message="Caf\u00e9 \u00a3 \u201cquote\u201d"), warning()]
    )
    data = json.loads(render_json(report))
    assert data["files_checked"] == 2
    assert data["errors"] == 1
    assert data["warnings"] == 1
    assert data["summary"] == summary_line(report)
    assert data["problems"][0] == {
        "file": "providers/s0.yaml",
        "line": 3,
        "column": 7,
        "code": "LO104",
        "severity": "error",
        "field": "needs[0]",
        "message": "Caf\u00e9 \u00a3 \u201cquote\u201d",
        "fix": "Did you mean ASD (Autism)? Write it exactly like that.",
    }
    assert data["problems"][1]["severity"] == "warning"
    assert "Caf\u00e9" in render_json(report)  # readable, not \u escapes


def test_json_report_with_no_problems() -> None:
    data = json.loads(render_json(Validation(files(1), [])))
    assert data["problems"] == [] and data["errors"] == 0


# --- GitHub annotations -------------------------------------------------------------------------


def test_github_annotation_format() -> None:
    report = Validation(files(1), [problem()])
    lines = render_github(report).splitlines()
    assert lines == [
        "::error file=providers/s0.yaml,line=3,col=7,title=LO104 needs[0]::"
        '"autism" is not one of the choices for Need.%0A'
        "Fix: Did you mean ASD (Autism)? Write it exactly like that.",
        summary_line(report),
    ]


def test_github_warning_without_a_field() -> None:
    line = render_github(Validation(files(1), [warning()]))
    assert line.startswith(
        "::warning file=providers/s0.yaml,line=3,col=7,title=LO205 last_reviewed::"
    )
    no_field = problem(field="", code="LO005")
    assert "title=LO005::" in render_github(Validation(files(1), [no_field]))


def test_github_escapes_properties_and_data() -> None:
    odd = problem(
        "providers/a,b:c%d.yaml",
        field="x:y,z",
        message="100% sure\r\nsecond line: yes, really",
        fix="Fix: it, now",
    )
    (annotation, _summary) = render_github(Validation(files(1), [odd])).splitlines()
    properties, message = annotation.removeprefix("::error ").split("::", 1)
    assert properties == ("file=providers/a%2Cb%3Ac%25d.yaml,line=3,col=7,title=LO104 x%3Ay%2Cz")
    # In the message only %, CR and LF are escaped; colons and commas are fine.
    assert message == "100%25 sure%0D%0Asecond line: yes, really%0AFix: Fix: it, now"
    assert "\n" not in annotation and "\r" not in annotation


def test_github_report_ends_with_the_summary() -> None:
    report = Validation(files(4), [])
    assert render_github(report) == "All 4 service files are valid.\n"
