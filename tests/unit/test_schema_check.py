"""Schema problems explained in plain English, on the right line, with a useful suggestion."""

from __future__ import annotations

from typing import Any

import jsonschema_rs
import pytest
from jsonschema import Draft202012Validator

from build_tools.entries import schema_check
from build_tools.entries.safe_yaml import parse_yaml
from build_tools.entries.schema_check import check_against_schema, show_value
from build_tools.problems import Problem
from tests.support import MINIMAL_ENTRY

FILE = "providers/lye-online-parent-chat.yaml"


def check(text: str) -> list[Problem]:
    document, problems = parse_yaml(text.encode("utf-8"), FILE)
    assert document is not None, problems
    assert problems == []
    return check_against_schema(document, FILE)


def changed(old: str, new: str) -> str:
    assert old in MINIMAL_ENTRY, old
    return MINIMAL_ENTRY.replace(old, new, 1)


def test_minimal_entry_fits_the_schema() -> None:
    assert check(MINIMAL_ENTRY) == []


def test_missing_top_level_fields_are_each_reported_once_at_the_top() -> None:
    problems = check("name: Lye Online Parent Chat\n")
    missing = [p.field for p in problems if p.code == "LO101"]
    assert len(missing) == len(set(missing))  # once each
    assert {"summary", "cost", "contacts", "last_reviewed"} <= set(missing)
    assert all((p.line, p.column) == (1, 1) for p in problems)


def test_missing_nested_field_points_at_its_parent_line() -> None:
    problems = check(changed("  name: Lye Parent Carer Forum\n", "  website: https://x.example\n"))
    assert [(p.code, p.field, p.line, p.column) for p in problems] == [
        ("LO101", "organisation.name", 4, 1)
    ]
    assert problems[0].message == "Organisation name (name) is missing."
    assert "name: " in problems[0].fix


def test_missing_field_in_a_list_item_points_at_the_item() -> None:
    venue = "locations:\n  - name: Lye Library\n    town: Lye\n    postcode: DY9 8AA\n"
    problems = check(MINIMAL_ENTRY + venue)
    assert [(p.code, p.field, p.line, p.column) for p in problems] == [
        ("LO101", "locations[0].address", 23, 5)
    ]


@pytest.mark.parametrize(
    ("typo", "suggested"),
    [
        ("nmae", "name"),
        ("sumary", "summary"),
        ("Categories", "categories"),
        ("langauges", "languages"),
    ],
)
def test_unknown_field_suggests_the_closest_name(typo: str, suggested: str) -> None:
    problems = check(MINIMAL_ENTRY + f"{typo}: x\n")
    assert [(p.code, p.field, p.line, p.column) for p in problems] == [("LO102", typo, 22, 1)]
    assert f"Did you mean '{suggested}'?" in problems[0].fix


def test_unknown_field_with_nothing_close() -> None:
    problems = check(MINIMAL_ENTRY + "favourite_colour: blue\n")
    assert [p.code for p in problems] == ["LO102"]
    assert "Did you mean" not in problems[0].fix


def test_unknown_nested_field_says_where() -> None:
    problems = check(
        changed("  name: Lye Parent Carer Forum\n", "  name: Lye Forum\n  webiste: x\n")
    )
    assert [(p.code, p.field) for p in problems] == [("LO102", "organisation.webiste")]
    assert "under organisation" in problems[0].message
    assert "Did you mean 'website'?" in problems[0].fix


@pytest.mark.parametrize(
    ("old", "new", "suggestion"),
    [
        ("needs: [all]", "needs: [autism]", "Did you mean ASD (Autism)?"),
        ("needs: [all]", "needs: [asd]", "Did you mean ASD (Autism)?"),
        ("needs: [all]", "needs: [Hearing]", "Did you mean HI (Hearing)?"),
        ("categories: [support-groups]", "categories: [therapy]", "Did you mean therapies"),
        ("categories: [support-groups]", "categories: [Early Years]", "Did you mean early-years"),
        ("delivery: [online]", "delivery: [Online]", "Did you mean online (Online)?"),
        ("delivery: [online]", "delivery: [by post]", "Choose one of: in-person, online,"),
        ("needs: [all]", "needs: [blue]", "Choose a value from the field reference, for example"),
    ],
)
def test_choices_suggest_the_closest_value(old: str, new: str, suggestion: str) -> None:
    problems = check(changed(old, new))
    assert [p.code for p in problems] == ["LO104"]
    assert suggestion in problems[0].fix


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "  max: 25",
            "  max: '5'",
            ('Oldest age should be a whole number, but it is the text "5".'),
        ),
        (
            "  max: 25",
            "  max: 4.5",
            "Oldest age should be a whole number, but it is the number 4.5.",
        ),
        (
            "  free: true",
            "  free: 'true'",
            'Free should be true or false, but it is the text "true".',
        ),
        (
            "needs: [all]",
            "needs: all",
            'Needs supported should be a list, but it is the text "all".',
        ),
        ("  max: 25", "  max:", "Oldest age should be a whole number, but it is empty."),
        ("name: Lye Online Parent Chat", "name: 42", "Service name should be text"),
        (
            "name: Lye Online Parent Chat",
            "name: [a, b]",
            "Service name should be text, but it is a list.",
        ),
        ("name: Lye Online Parent Chat", "name: true", "but it is true (true or false)."),
    ],
)
def test_wrong_types_say_what_was_expected_and_found(old: str, new: str, expected: str) -> None:
    problems = check(changed(old, new))
    assert [p.code for p in problems] == ["LO103"]
    assert expected in problems[0].message
    assert problems[0].fix


def test_contact_without_a_way_in_is_one_plain_problem() -> None:
    problems = check(changed("    email: forum@lye-parents.example\n", ""))
    assert [(p.code, p.field, p.line) for p in problems] == [("LO117", "contacts[0]", 18)]
    assert "is not valid under any" not in problems[0].message


def test_paid_service_without_cost_detail() -> None:
    problems = check(changed("  free: true", "  free: false"))
    assert [(p.code, p.field) for p in problems] == [("LO116", "cost")]
    assert check(changed("  free: true", "  free: false\n  description: GBP 2 a session")) == []


@pytest.mark.parametrize(
    ("phone", "ok"),
    [
        ("01632 960123", True),
        ("01632960123", True),
        ("+44 1632 960123", True),
        ("+44 (0) 1632 960123", True),
        ("07700 900123", True),
        ("0800 123 4567", True),
        ("1632 960123", False),
        ("01632 9601", False),
        ("+1 555 123 4567", False),
        ("01632 960123 ext 4", False),
        ("ring us", False),
    ],
)
def test_phone_numbers(phone: str, ok: bool) -> None:
    problems = check(changed("    email: forum@lye-parents.example", f'    phone: "{phone}"'))
    assert [p.code for p in problems] == ([] if ok else ["LO110"])


@pytest.mark.parametrize(
    ("postcode", "ok"),
    [
        ("DY1 4AA", True),
        ("B63 3AA", True),
        ("DY10 1AA", True),
        ("dy1 4aa", False),
        ("DY14AA", False),
        ("DY1", False),
        ("DY1  4AA", False),
    ],
)
def test_postcodes(postcode: str, ok: bool) -> None:
    venue = (
        "locations:\n  - name: Lye Library\n    address: 1 Example Street\n    town: Lye\n"
        f'    postcode: "{postcode}"\n'
    )
    problems = check(MINIMAL_ENTRY + venue)
    assert [p.code for p in problems] == ([] if ok else ["LO111"])


@pytest.mark.parametrize(
    ("url", "detail"),
    [
        ("javascript:alert(1)", "Links starting with javascript: are not allowed."),
        ("JavaScript:alert(1)", "Links starting with javascript: are not allowed."),
        ("data:text/html,hi", "Links starting with data: are not allowed."),
        ("file:///etc/passwd", "Links starting with file: are not allowed."),
        ("www.lye-parents.example", "It must start with https://."),
        ("https://lye parents.example", "It has a space or is incomplete."),
        ("https://", "It has a space or is incomplete."),
    ],
)
def test_bad_web_addresses(url: str, detail: str) -> None:
    problems = check(changed("    email: forum@lye-parents.example", f'    website: "{url}"'))
    assert [p.code for p in problems] == ["LO112"]
    assert detail in problems[0].message


@pytest.mark.parametrize(
    ("email", "ok"),
    [
        ("forum@lye-parents.example", True),
        ("first.last+send@lye-parents.example", True),
        ("forum@localhost", False),
        ("forum@@lye-parents.example", False),
        ("forum @lye-parents.example", False),
        ("lye-parents.example", False),
    ],
)
def test_email_addresses(email: str, ok: bool) -> None:
    problems = check(changed("forum@lye-parents.example", f'"{email}"'))
    assert [p.code for p in problems] == ([] if ok else ["LO109"])


@pytest.mark.parametrize(
    ("date", "ok"),
    [
        ("2026-10-01", True),
        ("2024-02-29", True),
        ("2026-02-29", False),
        ("2026-02-30", False),
        ("2026-13-01", False),
        ("01/10/2026", False),
        ("2026-1-1", False),
        ("20261001", False),
    ],
)
def test_dates(date: str, ok: bool) -> None:
    problems = check(changed('last_reviewed: "2026-10-01"', f'last_reviewed: "{date}"'))
    assert [p.code for p in problems] == ([] if ok else ["LO107"])


def test_lengths_counts_ranges_and_repeats() -> None:
    text = changed("name: Lye Online Parent Chat", "name: Ly")
    text = text.replace("  min: 0", "  min: -1").replace("needs: [all]", "needs: [ASD, ASD]")
    problems = check(text)
    assert sorted(p.code for p in problems) == ["LO106", "LO113", "LO114"]
    out_of_range = next(p for p in problems if p.code == "LO113")
    assert out_of_range.message == "Youngest age is -1; it must be at least 0."


def test_summary_too_long_gives_the_length_and_limit() -> None:
    summary = "An online chat for parents " + "and carers " * 14
    problems = check(
        changed(
            "summary: An online chat where parents of disabled children share tips and support.",
            f"summary: {summary.strip()}",
        )
    )
    assert [p.code for p in problems] == ["LO105"]
    assert f"{len(summary.strip())} characters long; the most allowed is 160" in problems[0].message


def test_show_value_shortens_long_text() -> None:
    assert show_value("short") == '"short"'
    assert show_value(["a", 1]) == '"[\\"a\\", 1]"' or show_value(["a", 1]) == '"["a", 1]"'
    long = show_value("x" * 200)
    assert long.endswith('..."') and len(long) == 62


# --- fallbacks, checked against a stand-in schema ----------------------------------------------


def _with_schema(monkeypatch: pytest.MonkeyPatch, schema: dict[str, Any]) -> None:
    validator = Draft202012Validator(schema)
    monkeypatch.setattr(schema_check, "provider_validator", lambda: validator)
    quick = jsonschema_rs.Draft202012Validator(schema)
    monkeypatch.setattr(schema_check, "quick_validator", lambda: quick)


def test_unknown_keyword_falls_back_to_schema_other(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_schema(monkeypatch, {"properties": {"name": {"const": "Lye Online Parent Chat"}}})
    problems = check(changed("name: Lye Online Parent Chat", "name: Something Else"))
    assert [(p.code, p.field, p.line, p.column) for p in problems] == [("LO120", "name", 1, 7)]
    assert problems[0].message.startswith("Service name does not fit the format")
    assert problems[0].fix


def test_any_of_without_its_own_problem_is_explained_by_the_best_match(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _with_schema(
        monkeypatch,
        {
            "properties": {
                "name": {"anyOf": [{"type": "integer"}, {"type": "string", "maxLength": 5}]}
            }
        },
    )
    problems = check(MINIMAL_ENTRY)
    assert [(p.code, p.field) for p in problems] == [("LO105", "name")]
    assert "22 characters long; the most allowed is 5" in problems[0].message


def test_any_of_with_no_fitting_type_still_gets_one_plain_problem(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _with_schema(
        monkeypatch,
        {"properties": {"name": {"anyOf": [{"type": "integer"}, {"type": "boolean"}]}}},
    )
    problems = check(MINIMAL_ENTRY)
    assert [(p.code, p.field) for p in problems] == [("LO103", "name")]
