"""Read the answers in the body of an issue made with the "Add or update a service" form.

Pure functions, tested on issue bodies as GitHub writes them: each answer under a `### Label`
heading; `_No response_` for an empty answer; `- [X] Label` for a ticked box; a box with `render`
wrapped in a fenced code block. Only the form's own labels start an answer, so an answer that
contains a `###` line of its own stays whole. The body is untrusted text: nothing here runs it.
"""

from __future__ import annotations

import re
from typing import Any

from .formspec import Field
from .issue_form import NO, SERVICE_FILE, YES, Question, questions

EMPTY_ANSWERS = {"", "_No response_", "_no response_"}
# GitHub writes "None" for a dropdown nobody chose from.
EMPTY_CHOICES = EMPTY_ANSWERS | {"None"}
_HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*$")
_TICK = re.compile(r"^\s*[-*]\s+\[([ xX])\]\s+(.*?)\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})[\w-]*\s*\n(.*?)\n?\s*\1\s*$", re.DOTALL)
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_WHOLE = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


def sections(body: str, labels: list[str]) -> dict[str, str]:
    """The raw text under each known heading, by label."""
    known = set(labels)
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        heading = _HEADING.match(line)
        if heading and heading.group(1) in known:
            current = found.setdefault(heading.group(1), [])
            continue
        if current is not None:
            current.append(line)
    return {label: "\n".join(lines).strip() for label, lines in found.items()}


def unfence(text: str) -> str:
    """The inside of a fenced code block, or the text as it is."""
    match = _FENCE.match(text)
    return match.group(2) if match else text


def ticked(text: str) -> list[str]:
    """The labels of the ticked boxes."""
    return [m.group(2) for m in map(_TICK.match, text.split("\n")) if m and m.group(1) in "xX"]


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
