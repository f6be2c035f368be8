"""The issue-body parser is linear (issue 15, finding 3): worst-case bodies of the largest size
GitHub allows parse in well under a second, and the line scanner gives exactly what the old
regular expressions gave, which are kept here as the reference on small inputs."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.submit.issue_body import read_answers, sections, ticked, unfence
from build_tools.submit.issue_form import questions

MAX_BODY = 65_536
# The patterns the parser used before: correct, but cubic (the fence) and quadratic (the others)
# in time. Fine as an oracle on inputs of a few dozen characters.
OLD_HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*$")
OLD_TICK = re.compile(r"^\s*[-*]\s+\[([ xX])\]\s+(.*?)\s*$")
OLD_FENCE = re.compile(r"^\s*(`{3,}|~{3,})[\w-]*\s*\n(.*?)\n?\s*\1\s*$", re.DOTALL)


def old_unfence(text: str) -> str:
    match = OLD_FENCE.match(text)
    return match.group(2) if match else text


def old_ticked(text: str) -> list[str]:
    return [m.group(2) for m in map(OLD_TICK.match, text.split("\n")) if m and m.group(1) in "xX"]


def old_sections(body: str, labels: list[str]) -> dict[str, str]:
    known, found, current = set(labels), {}, None
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        heading = OLD_HEADING.match(line)
        if heading and heading.group(1) in known:
            current = found.setdefault(heading.group(1), [])
            continue
        if current is not None:
            current.append(line)
    return {label: "\n".join(lines).strip() for label, lines in found.items()}


def worst_cases() -> dict[str, str]:
    """Bodies an attacker would write to make a backtracking parser slow, each 65,536 long."""
    label = questions()[0].label
    service_file = next(q.label for q in questions() if q.id == "service-file")
    cases = {
        "newlines after a fence": "```" + "\n" * MAX_BODY,
        "fence, newlines, no closing": "```yaml\n" + "\n \t" * MAX_BODY,
        "backticks": "`" * MAX_BODY,
        "fence runs": "```\n" * MAX_BODY,
        "tildes and spaces": "~~~" + " \n" * MAX_BODY,
        "hashes": "#" * MAX_BODY,
        "heading spaces": "### " + " \t" * MAX_BODY + "x",
        "heading words": "### " + "a " * MAX_BODY,
        "many headings": f"### {label}\n" * MAX_BODY,
        "tick spaces": "- " + " " * MAX_BODY + "[x]" + " " * MAX_BODY,
        "ticks": "- [x] " * MAX_BODY,
        "service file": f"### {service_file}\n\n```\n" + "\n`" * MAX_BODY,
    }
    return {name: body[:MAX_BODY] for name, body in cases.items()}


@pytest.mark.parametrize("name", sorted(worst_cases()))
def test_a_worst_case_body_parses_in_under_a_second(name: str) -> None:
    body = worst_cases()[name]
    assert len(body) == MAX_BODY
    started = time.process_time()
    read_answers(body)
    unfence(body)
    ticked(body)
    assert time.process_time() - started < 1.0, name


# Text built from the characters that matter to the three patterns.
PARTS = st.sampled_from(
    ["`", "```", "````", "~~~", "~", "\n", " ", "\t", "\r", "\x0b", "\x85", "\u2003", "#", "###",
     "-", "*", "[", "]", "x", "X", "a", "yaml", "é", "٣", "_", "[x]", "- [x]", "Name"]
)  # fmt: skip
snippets = st.lists(PARTS, max_size=14).map("".join)


@settings(max_examples=500)
@given(snippets)
def test_unfence_gives_what_the_old_pattern_gave(text: str) -> None:
    assert unfence(text) == old_unfence(text)
    assert unfence(text.strip()) == old_unfence(text.strip())


@settings(max_examples=300)
@given(snippets)
def test_ticked_gives_what_the_old_pattern_gave(text: str) -> None:
    assert ticked(text) == old_ticked(text)


HEADINGS = st.sampled_from(["### Name", "###\tName ", "####  Name", "###Name", "###  ", "x"])


@settings(max_examples=300)
@given(st.lists(HEADINGS, max_size=6), snippets)
def test_sections_give_what_the_old_pattern_gave(lines: list[str], text: str) -> None:
    # Labels never start or end with a space (checked below); "###  " alone is no heading.
    body = "\n".join([*lines, text])
    assert sections(body, ["Name", "x"]) == old_sections(body, ["Name", "x"])


def test_form_labels_are_trimmed() -> None:
    assert all(q.label == q.label.strip() and q.label for q in questions())


def _seconds(body: str) -> float:
    """Processor seconds of this process, the least of three runs: other processes on a busy
    machine (the other test workers) cannot inflate it."""
    runs = []
    for _ in range(3):
        started = time.process_time()
        read_answers(body)
        unfence(body)
        runs.append(time.process_time() - started)
    return min(runs)


@settings(max_examples=25, deadline=None)
@given(snippets.filter(bool))
def test_time_grows_linearly_with_repeats(unit: str) -> None:
    # Sixteen times the text must not take much more than sixteen times as long; the constant
    # absorbs timer noise on tiny inputs.
    small = unit * (4096 // len(unit) + 1)
    large = small * 16
    assert _seconds(large) < 40 * _seconds(small) + 0.05
