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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from build_tools.entries.load import LoadedFile, find_provider_files, read_provider_file
from build_tools.entries.rules import check_across_files
from build_tools.entries.safe_yaml import parse_yaml
from build_tools.entries.scaffold import render_entry, slug_for
from build_tools.entries.validate import check_document
from build_tools.paths import CONFIG
from build_tools.problems import Position, Problem, Severity, make_problem
from build_tools.submit.contact_changes import ContactChange, contact_changes
from build_tools.submit.formspec import Field, form_fields, walk
from build_tools.submit.issue_body import read_answers
from build_tools.submit.issue_form import (
    ANYTHING_ELSE,
    SERVICE_FILE,
    UPDATE_OF,
    Question,
    questions,
)
from build_tools.submit.yaml_update import updated_text
from build_tools.text.characters import skeleton
from build_tools.text.github_text import inert_markdown

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
    contact_changes: tuple[ContactChange, ...] = ()

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


def site_address(config: Path = CONFIG) -> str:
    """The site's own address (site_url in mkdocs.yml), ending in /."""
    with config.open(encoding="utf-8") as handle:
        settings = yaml.safe_load(handle) or {}
    return str(settings.get("site_url") or "").rstrip("/") + "/"


def slug_from_address(address: str, site_url: str) -> str | None:
    """castle-hill-speech-drop-in from the address of a service page on this site (the whole
    address, or its path), or from the name alone. None for anything else: another website's
    address, or a page that is not a service's."""
    address = address.strip()
    name = address.removesuffix(".yaml")
    if _SLUG.fullmatch(name):
        return name
    parts, site = urlsplit(address), urlsplit(site_url)
    services = site.path.rstrip("/") + "/services/"
    if parts.scheme or parts.netloc:  # a whole address: this site's, and nobody else's
        same_site = parts.netloc.lower() == site.netloc.lower()
        if parts.scheme.lower() not in ("https", "http") or not same_site:
            return None
        prefixes: tuple[str, ...] = (services,)
    else:
        prefixes = (services, "/services/", "services/")
    for prefix in prefixes:
        if parts.path.startswith(prefix):
            rest = parts.path.removeprefix(prefix)
            slug = rest.removesuffix("index.html").removesuffix(".html").rstrip("/")
            return slug if _SLUG.fullmatch(slug) else None
    return None


def _existing(providers: Path) -> dict[str, LoadedFile]:
    """Each provider file by slug, read."""
    return {path.stem: read_provider_file(path) for path in find_provider_files([providers])}


def _data(loaded: LoadedFile) -> dict[str, Any]:
    data = loaded.document.data if loaded.document is not None else None
    return data if isinstance(data, dict) else {}


def _problem(file: str, name: str, **details: Any) -> Problem:
    return make_problem(file, Position(1, 1), name, "", **details)


@dataclass
class _Start:
    """The entry the answers are laid on, where it goes, and what stopped it, if anything."""

    entry: dict[str, Any]
    slug: str | None
    problems: list[Problem]
    before: dict[str, Any] = field(default_factory=dict)  # the listed entry, when updating


def _owner(entry: dict[str, Any], existing: dict[str, LoadedFile]) -> str | None:
    """The listed service whose id the pasted file carries, if any."""
    given = entry.get("id")
    if not isinstance(given, str) or not given.strip():
        return None
    # Compared as the cross-file check compares ids: case and spaces do not make a new one.
    key = given.strip().lower()
    owners = [
        slug
        for slug, loaded in existing.items()
        if str(_data(loaded).get("id", "")).strip().lower() == key
    ]
    return owners[0] if owners else None


def _names_service(entry: dict[str, Any], slug: str, existing: dict[str, LoadedFile]) -> bool:
    """True when the pasted file's name is that service's name (or makes its address)."""
    name = entry.get("name")
    listed = _data(existing[slug]).get("name")
    if not isinstance(name, str):
        return False
    same = isinstance(listed, str) and name.strip().casefold() == listed.strip().casefold()
    return same or slug_for(name) == slug


def _start(answers: dict[str, Any], providers: Path, site_url: str) -> _Start:
    existing = _existing(providers)
    start = _Start({}, None, [])
    if UPDATE_OF in answers:
        address = str(answers[UPDATE_OF])
        named = slug_from_address(address, site_url)
        if named is None:
            start.problems.append(
                _problem("", "update-not-this-site", value=address, site=site_url)
            )
            return start
        if named not in existing:
            start.problems.append(_problem("", "update-not-found", value=address))
            return start
        start.slug, start.before = named, _data(existing[named])
        start.entry = copy.deepcopy(start.before)
    if SERVICE_FILE in answers:
        document, read = parse_yaml(str(answers[SERVICE_FILE]).encode(), "the service file")
        start.problems += [p for p in read if p.severity is Severity.ERROR]
        if document is None:
            return start
        if not isinstance(document.data, dict):
            start.problems.append(_problem("the service file", "service-file-not-an-entry"))
            return start
        pasted: dict[str, Any] = copy.deepcopy(document.data)
        owner = _owner(pasted, existing)
        wrong = _wrong_file(pasted, owner, start.slug, existing, answers)
        if wrong:
            whose = f"{site_url}services/{owner}/" if owner else "no listed service"
            start.problems.append(_problem("", "id-of-another-service", owner=whose, named=wrong))
            return start
        if owner and not start.slug:
            start.slug, start.before = owner, _data(existing[owner])
        if start.slug:  # an update keeps the service's own id
            pasted["id"] = start.before.get("id", pasted.get("id"))
        start.entry = pasted
    return start


def _wrong_file(
    pasted: dict[str, Any],
    owner: str | None,
    named: str | None,
    existing: dict[str, LoadedFile],
    answers: dict[str, Any],
) -> str | None:
    """What the issue names, when the pasted file belongs to another service; else None.

    A file may change only the service it belongs to (its id), and only when the issue names
    that service: by its address, or, from the website form, by the service's own name. So a
    file carrying another service's id can never replace that service unseen."""
    if named is not None:
        if "id" in pasted and owner != named:
            return f"the service at {answers[UPDATE_OF]}"
        return None
    if owner is not None and not _names_service(pasted, owner, existing):
        return f'"{pasted.get("name")}"'
    return None


def build_submission(
    body: str, providers: Path, today: dt.date, site_url: str | None = None
) -> Submission:
    """The provider file an issue body describes, with every problem found in it. `site_url`
    is the site's own address (from mkdocs.yml when not given): updates name a service by it."""
    site_url = site_url if site_url is not None else site_address()
    asked: list[Question] = questions()
    answers = read_answers(body, asked)
    notes = str(answers.get(ANYTHING_ELSE, ""))
    start = _start(answers, providers, site_url)
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
        problems += _across_folder(LoadedFile(path, str(path), document), providers)
    problems += _look_alikes(path, name, providers)
    problems.sort(key=Problem.sort_key)
    after = document.data if document is not None else {}
    # An update lists what it changes; a new service's whole file is new to the editor anyway.
    changes = contact_changes(start.before, after) if start.slug is not None else ()
    return Submission(path, text, tuple(problems), name, start.slug is not None, notes, changes)


def _across_folder(new: LoadedFile, providers: Path) -> list[Problem]:
    """The cross-file problems (a shared id, name or address) the new file would bring into the
    folder, checked on the folder as it would be with the new file in place."""
    paths = [path for path in find_provider_files([providers]) if path != new.path]
    others = [read_provider_file(path) for path in paths]
    return [p for p in check_across_files([*others, new]) if p.file == new.shown]


def _look_alikes(path: Path, name: str, providers: Path) -> list[Problem]:
    """A warning if the name looks the same as another listed service's, but is spelt with
    other letters (`localoffer validate` warns the same across the providers folder)."""
    shown = skeleton(name)
    return [
        _problem(str(path), "look-alike-name", value=name, other_name=other, other=slug)
        for slug, loaded in _existing(providers).items()
        if slug != path.stem
        and isinstance(other := _data(loaded).get("name"), str)
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


CONTACTS_HEADING = "## ⚠️ Contact details changed: check each one with the provider"


def _shown_detail(value: str) -> str:
    return f"{markdown_text(value)}" if value else "*(none)*"


def _contact_lines(submission: Submission) -> list[str]:
    """The contact details the submission changes, first and under a heading nobody misses:
    a changed number or address would send families, and what they say, somewhere else."""
    if not submission.contact_changes:
        return []
    lines = [
        CONTACTS_HEADING,
        "",
        "Before approving, confirm each new detail with the provider through a number or address "
        "you already know, not one given here.",
        "",
        "| Field | Was | Will be |",
        "|---|---|---|",
    ]
    lines += [
        f"| `{change.field}` | {_shown_detail(change.before)} | {_shown_detail(change.after)} |"
        for change in submission.contact_changes
    ]
    return [*lines, ""]


def render_pr_body(submission: Submission, issue: int | None) -> str:
    """The pull request description: what changed, where from, and any warnings to review."""
    asked = questions()
    assert submission.path is not None
    action = "Updates" if submission.updating else "Adds"
    source = f" from #{issue}" if issue else ""
    lines = [
        *_contact_lines(submission),
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
