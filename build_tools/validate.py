"""Validate provider files: read every file, check every entry, then report everything at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .load import LoadedFile, find_provider_files, read_provider_file
from .problems import Problem, Severity
from .rules import check_across_files, check_entry, check_file_name
from .safe_yaml import Position, YamlDocument, make_problem
from .schema_check import check_against_schema

# Codes the loader gives for one value it read but refused; schema errors about that same
# value would only repeat the point.
_VALUE_CODES = {"LO013", "LO014", "LO015"}
MAX_PROBLEMS_PER_FILE = 20


@dataclass
class Report:
    """The outcome of validating a set of files."""

    files: list[LoadedFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def valid_files(self) -> list[LoadedFile]:
        """Files with no errors, in order."""
        bad = {p.file for p in self.errors}
        return [f for f in self.files if f.shown not in bad and f.document is not None]


def validate_files(paths: Iterable[Path], today: dt.date | None = None) -> Report:
    """Read and check every provider file under `paths`."""
    today = today or dt.date.today()
    files = [read_provider_file(path) for path in find_provider_files(paths)]
    problems: list[Problem] = []
    for loaded in files:
        found = [*check_file_name(loaded), *loaded.problems]
        if loaded.document is not None:
            found.extend(check_document(loaded.document, loaded.shown, loaded.problems, today))
        problems.extend(_at_most(MAX_PROBLEMS_PER_FILE, found))
    problems.extend(check_across_files(files))
    problems.sort(key=Problem.sort_key)
    return Report(files, problems)


def _at_most(limit: int, problems: list[Problem]) -> list[Problem]:
    """The first `limit` problems in file order, and one more saying how many were left out."""
    if len(problems) <= limit:
        return problems
    problems = sorted(problems, key=Problem.sort_key)
    last = problems[limit - 1]
    more = make_problem(
        last.file, Position(last.line, last.column), "many-problems", count=len(problems) - limit
    )
    return [*problems[:limit], more]


def check_document(
    document: YamlDocument, file: str, read_problems: list[Problem], today: dt.date
) -> list[Problem]:
    """Schema and rule problems for one parsed entry, minus repeats of what reading found."""
    refused = {p.field for p in read_problems if p.code in _VALUE_CODES}
    problems = [
        p
        for p in check_against_schema(document, file)
        if not any(p.field == f or p.field.startswith((f + ".", f + "[")) for f in refused)
    ]
    problems.extend(check_entry(document, file, today))
    return problems
