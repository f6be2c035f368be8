"""Read the answers in the body of an issue made with the "Add or update a service" form.

Pure functions, tested on issue bodies as GitHub writes them: each answer under a `### Label`
heading; `_No response_` for an empty answer; `- [X] Label` for a ticked box; a box with `render`
wrapped in a fenced code block. Only the form's own labels start an answer, so an answer that
contains a `###` line of its own stays whole. The body is untrusted text: nothing here runs it.

Headings, ticked boxes and fences are found by scanning each line once with string methods, not
with backtracking regular expressions: a body may be 65,536 characters and every edit of an
issue starts a job, so reading one must take time in proportion to its length (issue 15).
"""

from __future__ import annotations

import re
from typing import Any

from build_tools.submit.formspec import Field
from build_tools.submit.issue_form import NO, SERVICE_FILE, YES, Question, questions

EMPTY_ANSWERS = {"", "_No response_", "_no response_"}
# GitHub writes "None" for a dropdown nobody chose from.
EMPTY_CHOICES = EMPTY_ANSWERS | {"None"}
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_WHOLE = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


def sections(body: str, labels: list[str]) -> dict[str, str]:
    """The raw text under each known heading, by label."""
    known = set(labels)
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        label = _heading(line)
        if label is not None and label in known:
            current = found.setdefault(label, [])
            continue
        if current is not None:
            current.append(line)
    return {label: "\n".join(lines).strip() for label, lines in found.items()}


def _heading(line: str) -> str | None:
    """The label of a `### Label` line (spaces or tabs after the hashes), or None."""
    if not line.startswith("###") or line[3:4] not in (" ", "\t"):
        return None
    return line[3:].strip(" \t") or None


def _after_spaces(text: str) -> str | None:
    """The text after the whitespace it starts with, or None if it starts with none."""
    rest = text.lstrip()
    return rest if len(rest) < len(text) else None


def _tick(line: str) -> tuple[str, str] | None:
    """The box ("x", "X" or " ") and label of a `- [x] Label` line, or None."""
    line = line.lstrip()
    if line[:1] not in ("-", "*"):
        return None
    box = _after_spaces(line[1:])
    if box is None or len(box) < 3 or box[0] != "[" or box[1] not in " xX" or box[2] != "]":
        return None
    label = _after_spaces(box[3:])
    return None if label is None else (box[1], label.rstrip())


def _is_info(char: str) -> bool:
    """A character of a fence's info string (`yaml`, `my-lang`)."""
    return char.isalnum() or char in "_-"


def unfence(text: str) -> str:
    """The inside of a fenced code block, or the text as it is.

    The text must be only the block, with whitespace around it: an opening run of three or more
    backticks or tildes, an info word, a line break, and the same run at the very end."""
    start = len(text) - len(text.lstrip())
    end = start
    while end < len(text) and text[end] == text[start] and text[start] in "`~":
        end += 1
    fence = text[start:end]
    if len(fence) < 3:
        return text
    while end < len(text) and _is_info(text[end]):
        end += 1
    # The inside starts after the last line break of the whitespace after the info word.
    blank = len(text) - len(text[end:].lstrip())
    inside = text.rfind("\n", end, blank) + 1
    closing = len(text.rstrip()) - len(fence)
    if inside == 0 or closing < inside or not text.startswith(fence, closing):
        return text
    return text[inside:closing].rstrip()


def ticked(text: str) -> list[str]:
    """The labels of the ticked boxes."""
    found = (_tick(line) for line in text.split("\n"))
    return [box[1] for box in found if box is not None and box[0] in "xX"]


def _number(text: str, pattern: re.Pattern[str]) -> Any:
    """A number if the answer is one (a £ sign and thousands commas allowed); else the text,
    so that validation says what is wrong with it."""
    cleaned = text.replace("£", "").replace(",", "").strip()
    if not pattern.fullmatch(cleaned):
        return text
    number = float(cleaned)
    return int(number) if number.is_integer() else number


def convert(item: Field, text: str) -> Any:
    """One answer as the value the schema expects, or None when it was left empty."""
    if item.kind == "choices":
        labels = {label: value for value, label in item.options}
        chosen = {labels.get(label, label) for label in ticked(text)}
        return [value for value, _ in item.options if value in chosen] or None
    if item.kind in ("choice", "boolean"):
        if text in EMPTY_CHOICES:
            return None
        if item.kind == "boolean":
            return {YES: True, NO: False}.get(text, text)
        return {label: value for value, label in item.options}.get(text, text)
    if text in EMPTY_ANSWERS:
        return None
    if item.kind == "integer":
        return _number(text, _WHOLE)
    if item.kind == "number":
        return _number(text, _DECIMAL)
    if item.kind == "lines":
        lines = [_BULLET.sub("", line).strip() for line in text.split("\n")]
        return [line for line in lines if line] or None
    return text


def read_answers(body: str, asked: list[Question] | None = None) -> dict[str, Any]:
    """Each answered question's value, by question id. Empty answers are left out."""
    asked = asked if asked is not None else questions()
    raw = sections(body, [q.label for q in asked])
    answers: dict[str, Any] = {}
    for question in asked:
        text = raw.get(question.label)
        if text is None:
            continue
        if question.field is not None:
            value = convert(question.field, text)
        elif question.type == "checkboxes":
            value = ticked(text) or None
        elif text in EMPTY_ANSWERS:
            value = None
        else:
            value = unfence(text).strip() if question.id == SERVICE_FILE else text
        if value is not None:
            answers[question.id] = value
    return answers
