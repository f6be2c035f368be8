"""The safe YAML reader: what values come out, where they were, and what it refuses."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_tools.entries import safe_yaml
from build_tools.entries.safe_yaml import MAX_DEPTH, YamlDocument, format_path, parse_yaml
from build_tools.problems import CATALOGUE, Position, Problem

FILE = "providers/example.yaml"


def parse(text: str | bytes) -> tuple[YamlDocument | None, list[Problem]]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return parse_yaml(raw, FILE)


def value_of(scalar: str) -> Any:
    """The value `v: <scalar>` reads as, asserting nothing was refused."""
    document, problems = parse(f"v: {scalar}\n")
    assert problems == [], problems
    assert document is not None
    return document.data["v"]


def codes(problems: list[Problem]) -> list[str]:
    return [problem.code for problem in problems]


# --- what plain values become -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("scalar", "expected"),
    [
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("False", False),
        ("null", None),
        ("~", None),
        ("", None),
        ("0", 0),
        ("42", 42),
        ("-7", -7),
        ("+5", 5),
        ("-0", 0),
        ("3.5", 3.5),
        ("0.5", 0.5),
        ("3.", 3.0),
        ("1e3", 1000.0),
        ("-2.0811", -2.0811),
    ],
)
def test_plain_scalars_resolve_to_json_values(scalar: str, expected: Any) -> None:
    value = value_of(scalar)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    "scalar",
    [
        "2026-10-01",  # dates stay text, so the schema's format check applies
        "2026-10-01T09:30:00Z",
        "2026-02-30",
        "0x1F",  # YAML 1.1 hex, octal, binary and underscores are not numbers here
        "0o17",
        "0b101",
        "1_000",
        ".inf",
        "-.inf",
        ".nan",
        "1e999",  # overflows a float: stays text instead of becoming infinity
        "-1e999",
        "1.7976931348623157e309",
        "9" * 31,  # longer than any real number in a provider file
        "9" * 5000,  # Python refuses to convert integers this long; we never try
        "Castle Hill",
        "DY1 4AA",
        "01632 960123",  # has a space, so it is not a number at all
        "+44 1632 960123",
    ],
)
def test_other_plain_scalars_stay_text(scalar: str) -> None:
    assert value_of(scalar) == scalar


@pytest.mark.parametrize(
    "scalar",
    ['"true"', "'false'", '"null"', '"42"', "'0123'", '"9:30"', '"yes"', '"2026-10-01"', "''"],
)
def test_quoted_scalars_are_always_text(scalar: str) -> None:
    assert value_of(scalar) == scalar[1:-1]


def test_block_text_is_always_text() -> None:
    document, problems = parse("a: |\n  true\nb: >\n  42\n")
    assert problems == []
    assert document is not None
    assert document.data == {"a": "true\n", "b": "42\n"}


def test_keys_are_always_text() -> None:
    document, problems = parse("1: one\ntrue: yes-please\nnull: x\n2026-01-01: date\n")
    assert problems == []
    assert document is not None
    assert list(document.data) == ["1", "true", "null", "2026-01-01"]


def test_nested_lists_and_mappings() -> None:
    document, problems = parse("a:\n  - b: [1, two, 3.5]\n  - {c: true}\n")
    assert problems == []
    assert document is not None
    assert document.data == {"a": [{"b": [1, "two", 3.5]}, {"c": True}]}


def test_windows_line_endings_are_fine() -> None:
    document, problems = parse(b"name: Lye Club\r\nsummary: For all\r\n")
    assert problems == []
    assert document is not None
    assert document.data == {"name": "Lye Club", "summary": "For all"}
    assert document.values[("summary",)] == Position(2, 10)


# --- YAML 1.1 surprises are refused with a hint to quote ---------------------------------------


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y", "n", "Yes", "NO", "Off"])
def test_yes_no_words_are_ambiguous(word: str) -> None:
    document, problems = parse(f"cost:\n  free: {word}\n")
    assert codes(problems) == ["LO013"]
    problem = problems[0]
    assert (problem.line, problem.column, problem.field) == (2, 9, "cost.free")
    assert f'"{word}"' in problem.fix
    assert document is not None
    assert document.data["cost"]["free"] == word  # kept as the word, not guessed as true/false


@pytest.mark.parametrize("number", ["0123", "007", "01632960123", "00", "01.5", "-012"])
def test_leading_zero_numbers_must_be_quoted(number: str) -> None:
    document, problems = parse(f"phone: {number}\n")
    assert codes(problems) == ["LO014"]
    assert problems[0].fix == f'Put it in quotes: "{number}".'
    assert document is not None
    assert document.data["phone"] == number


@pytest.mark.parametrize(
    ("value", "as_number", "quoted"),
    [("9:30", "570", "09:30"), ("1:30", "90", "01:30"), ("12:30:00", "45000", "12:30:00")],
)
def test_times_must_be_quoted(value: str, as_number: str, quoted: str) -> None:
    document, problems = parse(f"opens: {value}\n")
    assert codes(problems) == ["LO015"]
    assert problems[0].message.endswith(f"the number {as_number}.")
    assert problems[0].fix == f'Put it in quotes: "{quoted}".'
    assert document is not None
    assert document.data["opens"] == value


def test_not_a_time_is_just_text() -> None:
    assert value_of("1:70") == "1:70"


# --- positions --------------------------------------------------------------------------------


def test_positions_of_keys_and_values() -> None:
    text = "name: Lye Club\ncontacts:\n  - role: Team\n    email:  team@lye.example\n"
    document, problems = parse(text)
    assert problems == []
    assert document is not None
    assert document.keys[("name",)] == Position(1, 1)
    assert document.values[("name",)] == Position(1, 7)
    assert document.keys[("contacts",)] == Position(2, 1)
    assert document.values[("contacts", 0)] == Position(3, 5)
    assert document.keys[("contacts", 0, "email")] == Position(4, 5)
    assert document.values[("contacts", 0, "email")] == Position(4, 13)


def test_position_of_a_missing_path_is_its_nearest_ancestor() -> None:
    document, _ = parse("name: Lye Club\norganisation:\n  name: Lye Hub\n")
    assert document is not None
    assert document.position_of(("organisation", "website")) == Position(3, 3)
    assert document.position_of(("organisation",), prefer_key=True) == Position(2, 1)
    assert document.position_of(("nothing", 3, "here")) == Position(1, 1)
    assert document.position_of(()) == Position(1, 1)


def test_format_path() -> None:
    assert format_path(()) == ""
    assert format_path(("name",)) == "name"
    assert format_path(("contacts", 0, "email")) == "contacts[0].email"
    assert format_path(("a", 1, 2)) == "a[1][2]"


# --- structure that is refused -----------------------------------------------------------------


def test_duplicate_keys_are_errors_with_both_lines() -> None:
    document, problems = parse("name: One\nsummary: s\nname: Two\n")
    assert codes(problems) == ["LO008"]
    problem = problems[0]
    assert (problem.line, problem.column, problem.field) == (3, 1, "name")
    assert "first on line 1" in problem.message
    assert document is not None  # the rest of the file is still checked


def test_duplicate_keys_in_a_nested_flow_mapping() -> None:
    _, problems = parse("cost: {free: true, free: false}\n")
    assert codes(problems) == ["LO008"]
    assert problems[0].field == "cost.free"


@pytest.mark.parametrize(
    "text",
    [
        "name: !!python/object/apply:os.system ['echo hacked']\n",
        "name: !!python/name:os.system\n",
        "!!python/object:collections.OrderedDict {}\n",
        "name: !custom value\n",
        "name: !!binary aGk=\n",
        "name: !!set {a, b}\n",
        "name: !!omap [a: 1]\n",
        "!thing name: x\n",
        "%TAG !e! tag:example.com,2000:\n---\nname: !e!foo 1\n",
    ],
)
def test_tags_are_refused(text: str) -> None:
    document, problems = parse(text)
    assert document is None
    assert codes(problems) == ["LO010"]


def test_python_tag_is_shown_as_written_and_never_runs(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    document, problems = parse(f"name: !!python/object/apply:os.system ['touch {marker}']\n")
    assert document is None
    assert "'!!python/object/apply:os.system'" in problems[0].message
    assert not marker.exists()


@pytest.mark.parametrize(
    "text", ["!!map {name: x}\n", "name: !!str text\n", "a: !!seq [1]\n", "name: ! x\n"]
)
def test_standard_tags_for_plain_values_are_allowed(text: str) -> None:
    document, problems = parse(text)
    assert problems == []
    assert document is not None


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: &x 1\n",
        "base: &base {free: true}\ncost:\n  <<: *base\n",
        "a: [&x one, *x]\n",
    ],
)
def test_anchors_and_aliases_are_refused(text: str) -> None:
    document, problems = parse(text)
    assert document is None
    assert codes(problems) == ["LO009"]


def test_undefined_alias_is_a_syntax_error() -> None:
    document, problems = parse("name: *nothing\n")
    assert document is None
    assert codes(problems) == ["LO002"]


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for index in range(1, 10):
        this, previous = chr(97 + index), chr(96 + index)
        lines.append(f"{this}: &{this} [{', '.join(['*' + previous] * 10)}]")
    started = time.perf_counter()
    document, problems = parse("\n".join(lines) + "\n")
    assert time.perf_counter() - started < 2
    assert document is None
    assert codes(problems) == ["LO009"]


def _nested(depth: int) -> str:
    """A mapping whose deepest value is `depth` levels below the top."""
    return "a: " + "[" * depth + "]" * depth + "\n"


def test_nesting_up_to_the_limit_is_fine() -> None:
    document, problems = parse(_nested(MAX_DEPTH))
    assert problems == []
    assert document is not None


def test_nesting_beyond_the_limit_is_refused() -> None:
    document, problems = parse(_nested(MAX_DEPTH + 1))
    assert document is None
    assert codes(problems) == ["LO016"]
    assert str(MAX_DEPTH) in problems[0].message


@pytest.mark.parametrize("depth", [500, 5000, 50_000])
def test_absurd_nesting_never_crashes(depth: int) -> None:
    document, problems = parse(_nested(depth))
    assert document is None
    assert codes(problems) in (["LO016"], ["LO002"])


@pytest.mark.parametrize("depth", [500, 5000])
def test_absurd_nesting_without_libyaml_never_crashes(
    depth: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pure-Python parser (used when libyaml is missing) recurses: it must not crash."""
    monkeypatch.setattr(safe_yaml, "_Loader", yaml.SafeLoader)
    document, problems = parse(_nested(depth))
    assert document is None
    assert codes(problems) in (["LO016"], ["LO002"])


@pytest.mark.parametrize("text", ["? [a, b]\n: c\n", "? {a: 1}\n: c\n", "[a]: b\n"])
def test_lists_and_mappings_as_keys_are_refused(text: str) -> None:
    document, problems = parse(text)
    assert document is None
    assert codes(problems) == ["LO018"]


# --- the file as a whole ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "\n\n", "   \n", "# just a comment\n", "# a\n\n# b\n"])
def test_empty_files(text: str) -> None:
    document, problems = parse(text)
    assert document is None
    assert codes(problems) == ["LO005"]


def test_second_document_is_refused_with_its_line() -> None:
    document, problems = parse("name: One\n---\nname: Two\n")
    assert document is None
    assert codes(problems) == ["LO006"]
    assert problems[0].line == 2
    assert "line 2" in problems[0].message


def test_one_document_with_start_and_end_markers_is_fine() -> None:
    document, problems = parse("---\nname: One\n...\n")
    assert problems == []
    assert document is not None


@pytest.mark.parametrize(
    ("text", "found"), [("- a\n- b\n", "a list"), ("just words\n", "a single value"), ("42\n", "")]
)
def test_top_level_must_be_a_mapping(text: str, found: str) -> None:
    document, problems = parse(text)
    assert document is None
    assert codes(problems) == ["LO007"]
    assert found in problems[0].message


def test_byte_order_mark_is_a_warning_and_the_file_is_still_read() -> None:
    document, problems = parse(b"\xef\xbb\xbfname: Lye Club\n")
    assert codes(problems) == ["LO004"]
    assert problems[0].severity.value == "warning"
    assert document is not None
    assert document.data == {"name": "Lye Club"}
    assert document.values[("name",)] == Position(1, 7)


def test_byte_order_mark_does_not_hide_other_problems() -> None:
    document, problems = parse(b"\xef\xbb\xbf- a\n")
    assert document is None
    assert codes(problems) == ["LO004", "LO007"]


def test_text_that_is_not_utf8_points_at_the_byte() -> None:
    document, problems = parse("name: Lye\nsummary: Caf\u00e9 club\n".encode("latin-1"))
    assert document is None
    assert codes(problems) == ["LO001"]
    assert (problems[0].line, problems[0].column) == (2, 13)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_not_utf8(encoding: str) -> None:
    raw = "name: Lye Club\n".encode(encoding)
    if encoding != "utf-16":
        raw = ("\ufeff" + "name: Lye Club\n").encode(encoding)
    document, problems = parse(raw)
    assert document is None
    assert codes(problems) == ["LO001"]


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x0c"])
def test_control_characters_are_refused(char: str) -> None:
    document, problems = parse(f"name: Lye{char} Club\n")
    assert document is None
    assert codes(problems) == ["LO017"]
    assert (problems[0].line, problems[0].column) == (1, 10)
    assert f"U+{ord(char):04X}" in problems[0].message


def test_escaped_control_characters_are_refused_too() -> None:
    _, problems = parse('name: "Lye\\x07 Club"\n')
    assert codes(problems) == ["LO017"]


def test_tabs_inside_a_line_are_fine() -> None:
    document, problems = parse("name:\tLye\tClub\n")
    assert problems == []
    assert document is not None
    assert document.data == {"name": "Lye\tClub"}


def test_tab_indentation_is_refused_with_its_line() -> None:
    document, problems = parse("organisation:\n\tname: Lye Hub\n")
    assert document is None
    assert codes(problems) == ["LO003"]
    assert (problems[0].line, problems[0].column) == (2, 1)
    assert "line 2" in problems[0].fix


@pytest.mark.parametrize(
    "text",
    [
        "name: Lye: Club\n",
        "name: [unclosed\n",
        'name: "unclosed\n',
        "name: x\n  bad: indent\n",
        "- a\nb: c\n",
        "name: @home\n",
        "{",
    ],
)
def test_syntax_errors_have_a_position_and_plain_words(text: str) -> None:
    document, problems = parse(text)
    assert document is None
    assert codes(problems) == ["LO002"]
    problem = problems[0]
    assert problem.line >= 1 and problem.column >= 1
    assert problem.message and problem.fix
    assert "<unicode string>" not in problem.message


def test_every_problem_is_from_the_catalogue() -> None:
    known = {code.code for code in CATALOGUE}
    for text in ["a: yes\nb: 0123\nc: 9:30\na: 1\n", "x: !t 1\n", "- 1\n"]:
        _, problems = parse(text)
        assert problems
        assert {problem.code for problem in problems} <= known
        assert all(problem.file == FILE for problem in problems)
