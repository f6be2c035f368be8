"""YAML syntax mistakes are reported where they start, in plain words.

The golden examples in tests/examples/providers/invalid/syntax-*.yaml cover each kind in a whole
provider file; these tests pin the cases that a golden cannot show on its own.
"""

from __future__ import annotations

from build_tools.entries.safe_yaml import parse_yaml


def _only_problem(text: str) -> tuple[int, str]:
    document, problems = parse_yaml(text.encode(), "x.yaml")
    assert document is None
    assert len(problems) == 1, problems
    return problems[0].line, problems[0].message


def test_unclosed_quote_far_from_where_the_parser_stops() -> None:
    fields = "".join(f"field_{n}: value {n}\n" for n in range(40))
    line, message = _only_problem(f'name: "Sunny Days\n{fields}last: "x"\n')
    assert line == 1
    assert message.startswith("The quote opened on line 1 is never closed.")
    assert "line 42" in message


def test_quote_that_runs_over_two_lines_on_purpose_is_not_blamed() -> None:
    text = 'summary: "A long line\n  that goes on"\nname: [open\nother: 1\n'
    line, message = _only_problem(text)
    assert (line, message.split(".")[0]) == (
        3,
        "The square bracket [ opened on line 3 is never closed",
    )


def test_single_quote_with_doubled_quote_inside_is_closed() -> None:
    line, message = _only_problem("name: 'Sam''s club'\nsummary: {open\nx: 1\n")
    assert line == 2
    assert "curly bracket" in message


def test_escaped_double_quote_does_not_close_the_value() -> None:
    line, message = _only_problem('name: "Say \\"hi\nsummary: ok\nx: "y"\n')
    assert line == 1
    assert "never closed" in message


def test_mistake_found_on_its_own_line_says_nothing_about_another_line() -> None:
    line, message = _only_problem("name: Club\nsummary: Times: daily\n")
    assert line == 2
    assert "noticed" not in message
