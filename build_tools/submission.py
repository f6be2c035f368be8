"""Turn the answers of an issue-form submission into a provider file, or into problems to fix.

`build_submission` decides where the entry goes (a new file, or the file of the service being
updated), fills in the answers on top of what is already known, checks the result exactly as
`localoffer validate` would, and says what to do in plain English. It never writes a file: the
CLI does that, so everything here can be tested on text.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .characters import skeleton
from .formspec import Field, form_fields, walk
from .github_text import inert_markdown
from .issue_body import read_answers
from .issue_form import ANYTHING_ELSE, SERVICE_FILE, UPDATE_OF, Question, questions
from .load import find_provider_files, read_provider_file
from .problems import Problem, Severity
from .round_trip import updated_text
from .safe_yaml import Position, make_problem, parse_yaml
from .scaffold import render_entry, slug_for
from .validate import check_document

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Submission:
    """What a submission becomes: a file to write, or problems to explain."""

    path: Path | None
    text: str
    problems: tuple[Problem, ...]
    name: str
    updating: bool
    notes: str = ""

    @property
    def ok(self) -> bool:
        return self.path is not None and not any(
            p.severity is Severity.ERROR for p in self.problems
        )


def _repeats() -> set[tuple[str, ...]]:
    return {item.path for item in walk(form_fields()) if item.kind == "repeat"}


def set_answer(entry: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    """Put `value` at `path`, creating groups on the way; in a repeated group, the first one."""
    repeats = _repeats()
    node = entry
    for depth, key in enumerate(path[:-1]):
        child = node.get(key)
        if path[: depth + 1] in repeats:
            items = child if isinstance(child, list) else []
            if not items or not isinstance(items[0], dict):
                items = [{}, *items[1:]]
            node[key] = items
            node = items[0]
        else:
            if not isinstance(child, dict):
                child = node[key] = {}
            node = child
    node[path[-1]] = value


def in_schema_order(data: Any, fields: tuple[Field, ...]) -> Any:
    """The entry with its fields in the schema's order (unknown fields last, for validation)."""
    if not isinstance(data, dict):
        return data
    known = {item.key: item for item in fields}
    ordered = {}
    for key in [*known, *(k for k in data if k not in known)]:
        if key not in data:
            continue
        value, item = data[key], known.get(key)
        if item is not None and item.kind == "repeat" and isinstance(value, list):
            value = [in_schema_order(v, item.children) for v in value]
        elif item is not None and item.kind == "group":
            value = in_schema_order(value, item.children)
        ordered[key] = value
    return ordered


def slug_from_address(address: str) -> str | None:
    """castle-hill-speech-drop-in from a service page's address, or from the name alone."""
    path = urlsplit(address.strip()).path if "/" in address else address.strip()
    parts = [part for part in path.split("/") if part]
    slug = parts[-1] if parts else ""
    slug = slug.removesuffix(".yaml").removesuffix(".html")
    return slug if _SLUG.fullmatch(slug) else None


def _existing(providers: Path) -> dict[str, tuple[Path, dict[str, Any]]]:
    """Each readable provider file by slug, with its data."""
    found = {}
    for path in find_provider_files([providers]):
        loaded = read_provider_file(path)
        if loaded.document is not None and isinstance(loaded.document.data, dict):
            found[path.stem] = (path, loaded.document.data)
    return found


def _text_id(data: dict[str, Any]) -> bool:
    return isinstance(data.get("id"), str)


def _problem(file: str, name: str, **details: Any) -> Problem:
    return make_problem(file, Position(1, 1), name, "", **details)


@dataclass
class _Start:
    """The entry the answers are laid on, where it goes, and what stopped it, if anything."""

    entry: dict[str, Any]
    slug: str | None
    problems: list[Problem]


def _start(answers: dict[str, Any], providers: Path) -> _Start:
    existing = _existing(providers)
    start = _Start({}, None, [])
    if SERVICE_FILE in answers:
        document, read = parse_yaml(str(answers[SERVICE_FILE]).encode(), "the service file")
        start.problems += [p for p in read if p.severity is Severity.ERROR]
        if document is None:
            return start
        if not isinstance(document.data, dict):
            start.problems.append(_problem("the service file", "service-file-not-an-entry"))
            return start
        start.entry = copy.deepcopy(document.data)
        # Any value can be pasted as the id (a list, a number): only text can match a service.
        given = start.entry.get("id")
        by_id = {data.get("id"): slug for slug, (_, data) in existing.items() if _text_id(data)}
        start.slug = by_id.get(given) if isinstance(given, str) else None
    if UPDATE_OF in answers:
        address = str(answers[UPDATE_OF])
        slug = slug_from_address(address)
        if slug is None or slug not in existing:
            start.problems.append(_problem("", "update-not-found", value=address))
            return start
        start.slug = slug
        if SERVICE_FILE not in answers:
            start.entry = copy.deepcopy(existing[slug][1])
    return start


def build_submission(body: str, providers: Path, today: dt.date) -> Submission:
    """The provider file an issue body describes, with every problem found in it."""
    asked: list[Question] = questions()
    answers = read_answers(body, asked)
    notes = str(answers.get(ANYTHING_ELSE, ""))
    start = _start(answers, providers)
    entry = start.entry
    for question in asked:
        if question.field is not None and question.id in answers:
            set_answer(entry, question.field.path, answers[question.id])
    name = str(entry["name"]) if isinstance(entry.get("name"), str) else ""
    if start.problems:
        return Submission(None, "", tuple(start.problems), name, start.slug is not None, notes)
    entry.setdefault("id", str(uuid.uuid4()))
    entry["last_reviewed"] = today.isoformat()
    slug = start.slug or slug_for(name or "new service")
    path = providers / f"{slug}.yaml"
    problems: list[Problem] = []
    if start.slug is None and path.exists():
        problems.append(_problem(str(path), "name-taken", value=name, slug=slug))
    if start.slug is not None and path.is_file():
        # An update: the provider's own file changes only where the answers changed it.
        ordered = in_schema_order(entry, form_fields())
        text = updated_text(path.read_text(encoding="utf-8"), ordered)
    else:
        text = render_entry(in_schema_order(entry, form_fields()))
    document, read = parse_yaml(text.encode(), str(path))
    problems += read
    if document is not None:
        problems += check_document(document, str(path), read, today)
    problems += _look_alikes(path, name, providers)
    problems.sort(key=Problem.sort_key)
    return Submission(path, text, tuple(problems), name, start.slug is not None, notes)


def _look_alikes(path: Path, name: str, providers: Path) -> list[Problem]:
    """A warning if the name looks the same as another listed service's, but is spelt with
    other letters (`localoffer validate` warns the same across the providers folder)."""
    shown = skeleton(name)
    return [
        _problem(str(path), "look-alike-name", value=name, other_name=other, other=slug)
        for slug, (_, data) in _existing(providers).items()
        if slug != path.stem
        and isinstance(other := data.get("name"), str)
        and skeleton(other) == shown
        and other.strip().lower() != name.strip().lower()
    ]


def markdown_text(text: str) -> str:
    """Untrusted text made safe to quote in a GitHub comment: no formatting, links, @mentions
    or issue references (github_text.inert_markdown)."""
    return inert_markdown(text)


def question_for(field_path: str, asked: list[Question]) -> Question | None:
    """The question a problem's field (contacts[0].phone, cost) is about, if the form has one."""
    path = tuple(part for part in re.sub(r"\[\d+\]", "", field_path).split(".") if part)
    if not path:
        return None
    fields = [q for q in asked if q.field is not None]
    exact = [q for q in fields if q.field is not None and q.field.path == path]
    inside = [q for q in fields if q.field is not None and q.field.path[: len(path)] == path]
    matches = exact or inside
    return matches[0] if matches else None


def _problem_line(problem: Problem, asked: list[Question]) -> str:
    question = question_for(problem.field, asked)
    where = f"**{question.label}**: " if question else ""
    if problem.code == "LO101" and question:  # a missing answer
        return f"- {where}please answer this question."
    return f"- {where}{markdown_text(problem.message)} {markdown_text(problem.fix)}"


def render_issue_comment(submission: Submission) -> str:
    """The comment that tells the person who sent the issue what to change."""
    asked = questions()
    errors = [p for p in submission.problems if p.severity is Severity.ERROR]
    name = markdown_text(submission.name) if submission.name else "your service"
    lines = [
        f"Thank you for sending the details of **{name}**. Some answers need changing before a "
        "Local Offer editor can check them:",
        "",
        *(_problem_line(problem, asked) for problem in errors),
        "",
        "To change your answers, edit this issue (the ... menu at the top right of it, then "
        "Edit). They are checked again when you save.",
    ]
    return "\n".join(lines) + "\n"


def render_pr_body(submission: Submission, issue: int | None) -> str:
    """The pull request description: what changed, where from, and any warnings to review."""
    asked = questions()
    assert submission.path is not None
    action = "Updates" if submission.updating else "Adds"
    source = f" from #{issue}" if issue else ""
    lines = [
        f"{action} **{markdown_text(submission.name)}** (`{submission.path.as_posix()}`){source}.",
        "",
        "The entry passed `localoffer validate`.",
    ]
    warnings = [p for p in submission.problems if p.severity is Severity.WARNING]
    if warnings:
        lines += ["", "Warnings to look at:", ""]
        lines += [_problem_line(problem, asked) for problem in warnings]
    if submission.notes:
        lines += ["", "Anything else, from the person who sent it:", ""]
        lines += [f"> {markdown_text(line)}" for line in submission.notes.splitlines()]
    if issue:
        lines += ["", f"Closes #{issue}."]
    return "\n".join(lines) + "\n"
