"""Say where a YAML syntax mistake really is, in plain words.

The parser notices a mistake where it can no longer go on, which is often far from the mistake
itself: a quote left open on line 2 swallows the lines after it until some later quote closes
it, and the parser then complains about indentation 20 lines down. Here we look back from the
place the parser stopped for the construct that was left open (a quote, a bracket, a block) and
report the line it starts on, saying on which line the parser noticed.

Pure functions of the text and the parser's error; this module knows nothing about providers.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import yaml

# A value that opens with a quote, after "key:" or "- " (keys may be quoted themselves).
_QUOTED_VALUE = re.compile(r"""^(\s*(?:-\s+)*(?:[^\s#'"][^:#]*?:\s+|-\s+))(["'])""")
# A line that looks like the start of a new field or list item.
_NEW_ENTRY = re.compile(r"""^\s*(?:-\s|[A-Za-z_][\w -]*:(?:\s|$))""")


class Diagnosis(NamedTuple):
    """Where to point (1-based line and column) and what to say."""

    line: int
    column: int
    explanation: str
    fix: str


def diagnose(text: str, error: yaml.MarkedYAMLError) -> Diagnosis | None:
    """The plain-English diagnosis of `error` in `text`, or None to fall back to the catalogue."""
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return None
    detected = mark.line + 1
    lines = text.splitlines()
    detail = " ".join(part for part in (error.context, error.problem) if part)
    context = error.context_mark
    checks = (
        lambda: _runaway_quote(lines, detected),
        lambda: _quote_at_end(detail, lines, context, detected),
        lambda: _unclosed_bracket(detail, context, detected),
        lambda: _text_after_quote(lines, detected, mark.column + 1),
        lambda: _deeper_indent(detail, lines, detected, mark.column + 1),
        lambda: _colon_in_value(detail, detected, mark.column + 1),
        lambda: _missing_colon(detail, context, detected),
        lambda: _reserved_start(detail, lines, detected, mark.column + 1),
        lambda: _misaligned(detail, lines, context, detected),
    )
    for check in checks:
        found = check()
        if found:
            return found
    return None


def _noticed(start: int, detected: int) -> str:
    return "" if detected == start else f" YAML noticed the problem on line {detected}."


def _closing_quote(rest: str, quote: str) -> int:
    """Where the quote opened just before `rest` closes on the same line, or -1."""
    index = 0
    while index < len(rest):
        char = rest[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and rest[index + 1 : index + 2] == "'":  # '' is a quote inside
                index += 2
                continue
            return index
        index += 1
    return -1


def _open_quotes(lines: list[str], last: int) -> list[tuple[int, int, str]]:
    """(line, column, quote) of each quoted value up to line `last` left open on its line."""
    found = []
    for number, line in enumerate(lines[:last], start=1):
        match = _QUOTED_VALUE.match(line)
        if match and _closing_quote(line[match.end() :], match.group(2)) < 0:
            found.append((number, match.end(), match.group(2)))
    return found


def _runaway_quote(lines: list[str], detected: int) -> Diagnosis | None:
    """A quote left open whose next line starts a new field: the quote ran on past it."""
    for number, column, quote in _open_quotes(lines, detected):
        following = next((line for line in lines[number:] if line.strip()), "")
        if number < detected and _NEW_ENTRY.match(following):
            return _quote_diagnosis(number, column, quote, detected)
    return None


def _quote_diagnosis(line: int, column: int, quote: str, detected: int) -> Diagnosis:
    name = "quote" if quote == '"' else "single quote"
    return Diagnosis(
        line,
        column,
        f"The {name} opened on line {line} is never closed.{_noticed(line, detected)}",
        f"Add the closing {quote} at the end of the text on line {line}.",
    )


def _quote_at_end(
    detail: str, lines: list[str], context: yaml.Mark | None, detected: int
) -> Diagnosis | None:
    """The scanner's own finding: a quote still open at the end of the file."""
    if "quoted scalar" not in detail or context is None:
        return None
    line, column = context.line + 1, context.column + 1
    text = lines[line - 1] if line <= len(lines) else ""
    quote = "'" if text[column - 1 : column] == "'" else '"'
    return _quote_diagnosis(line, column, quote, detected)


def _unclosed_bracket(detail: str, context: yaml.Mark | None, detected: int) -> Diagnosis | None:
    if context is None:
        return None
    line, column = context.line + 1, context.column + 1
    if "flow sequence" in detail:
        opened, closing = "square bracket [", "]"
    elif "flow mapping" in detail:
        opened, closing = "curly bracket {", "}"
    else:
        return None
    return Diagnosis(
        line,
        column,
        f"The {opened} opened on line {line} is never closed.{_noticed(line, detected)}",
        f"Add {closing} after the last item on line {line}, and put commas between items.",
    )


def _text_after_quote(lines: list[str], detected: int, column: int) -> Diagnosis | None:
    """`summary: "A "great" day"`: the second quote ends the value and text follows it."""
    line = lines[detected - 1] if detected <= len(lines) else ""
    match = _QUOTED_VALUE.match(line)
    if not match:
        return None
    rest = line[match.end() :]
    close = _closing_quote(rest, match.group(2))
    after = rest[close + 1 :].split(" #")[0].strip() if close >= 0 else ""
    if not after or after.startswith("#"):
        return None
    return Diagnosis(
        detected,
        match.end(),
        f"The quoted text on line {detected} ends at its second quote mark, "
        "but more text follows it.",
        "To use double quotes inside the text, wrap the whole value in single quotes "
        "(or the other way round).",
    )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _previous_line(lines: list[str], detected: int) -> tuple[int, str]:
    for number in range(detected - 1, 0, -1):
        text = lines[number - 1]
        if text.strip() and not text.lstrip().startswith("#"):
            return number, text
    return 0, ""


def _deeper_indent(detail: str, lines: list[str], detected: int, column: int) -> Diagnosis | None:
    """A field indented further than the one above, which already has a value."""
    if "mapping values are not allowed" not in detail or detected > len(lines):
        return None
    number, above = _previous_line(lines, detected)
    line = lines[detected - 1]
    above_has_value = bool(re.match(r"^\s*(?:-\s+)?[^:#]+:\s+\S", above))
    if not number or _indent(line) <= _indent(above) or not above_has_value:
        return None
    return Diagnosis(
        detected,
        _indent(line) + 1,
        f"Line {detected} is indented further than line {number} above it, so YAML reads it "
        f"as more of the value on line {number}.",
        f"Line up line {detected} with line {number} (the same number of spaces).",
    )


def _colon_in_value(detail: str, detected: int, column: int) -> Diagnosis | None:
    if "mapping values are not allowed" not in detail:
        return None
    return Diagnosis(
        detected,
        column,
        f"The value on line {detected} has a colon (:) in it, which YAML reads as the start "
        "of another field.",
        "Put the whole value in double quotes.",
    )


def _missing_colon(detail: str, context: yaml.Mark | None, detected: int) -> Diagnosis | None:
    if "could not find expected ':'" not in detail or context is None:
        return None
    line = context.line + 1
    return Diagnosis(
        line,
        context.column + 1,
        f"Line {line} has no colon (:) after its field name.{_noticed(line, detected)}",
        "Write each field as 'name: value'. If the line is more of the text above it, "
        "indent it under that field.",
    )


def _reserved_start(detail: str, lines: list[str], detected: int, column: int) -> Diagnosis | None:
    if "cannot start any token" not in detail or detected > len(lines):
        return None
    char = lines[detected - 1][column - 1 : column] or "this character"
    return Diagnosis(
        detected,
        column,
        f"The value on line {detected} starts with {char}, which YAML keeps for itself.",
        "Put the whole value in double quotes.",
    )


def _misaligned(
    detail: str, lines: list[str], context: yaml.Mark | None, detected: int
) -> Diagnosis | None:
    """A line that does not line up with the block (fields or list) it sits in."""
    if context is None or "block" not in detail:
        return None
    start = context.line + 1
    kind = "list" if "collection" in detail else "group of fields"
    line = lines[detected - 1] if detected <= len(lines) else ""
    where = f" in the {kind} that starts on line {start}" if start < detected - 1 else ""
    return Diagnosis(
        detected,
        _indent(line) + 1,
        f"Line {detected} does not line up with the lines above it{where}.",
        "Line up fields at the same level with the same number of spaces, and start every "
        "item of a list with '- ' at the same place.",
    )
