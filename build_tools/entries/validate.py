"""Validate provider files: read every file, check every entry, then report everything at once."""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.entries.load import LoadedFile, find_provider_files, read_provider_file, show_path
from build_tools.entries.rules import check_across_files, check_entry, check_file_name
from build_tools.entries.safe_yaml import YamlDocument
from build_tools.entries.schema_check import check_against_schema
from build_tools.files.forked import machine_cores
from build_tools.problems import Position, Problem, Severity, make_problem

# Codes the loader gives for one value it read but refused; schema errors about that same
# value would only repeat the point.
_VALUE_CODES = {"LO013", "LO014", "LO015"}
MAX_PROBLEMS_PER_FILE = 20
# From this many files, they are checked on every core. Below it, starting a worker process
# (about 0.3 s) costs more than it saves.
PARALLEL_FROM = 2000
CHUNK_SIZE = 200


@dataclass
class Validation:
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


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector. Reading makes about 150 objects per value and keeps them,
    so the collector would scan an ever larger heap again and again (a third of the time for
    10,000 files) to find nothing: parsed YAML trees hold no reference cycles."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def validate_files(paths: Iterable[Path], today: dt.date | None = None) -> Validation:
    """Read and check every provider file under `paths`."""
    today = today or dt.date.today()
    with _cyclic_gc_paused():
        checked = _check_files(list(find_provider_files(paths)), today)
        files = [loaded for loaded, _ in checked]
        problems = [problem for _, found in checked for problem in found]
        problems.extend(check_across_files(files))
    problems.sort(key=Problem.sort_key)
    return Validation(files, problems)


Checked = list[tuple[LoadedFile, list[Problem]]]


def _check_files(paths: list[Path], today: dt.date) -> Checked:
    """Each file read and checked on its own, in order: on every core if there are many."""
    helpers = machine_cores() - 1  # this process works too
    if helpers < 1 or len(paths) < PARALLEL_FROM:
        return _check_chunk(paths, today)
    chunks = [paths[start : start + CHUNK_SIZE] for start in range(0, len(paths), CHUNK_SIZE)]
    done: dict[int, Checked] = {}
    # "spawn" starts clean processes: forking a process that runs threads (mkdocs serve) can hang.
    context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(helpers, mp_context=context) as pool:
            # The helpers take chunks from the end while they start up and work; this process
            # takes them from the start, until it reaches one a helper has taken.
            queued = {
                n: pool.submit(_check_chunk, chunks[n], today) for n in reversed(range(len(chunks)))
            }
            for number, chunk in enumerate(chunks):
                if not queued[number].cancel():
                    break
                done[number] = _check_chunk(chunk, today)
            for number, future in queued.items():
                if number not in done:
                    done[number] = future.result()
    except (OSError, BrokenProcessPool):  # no processes allowed here: check them one by one
        return _check_chunk(paths, today)
    return [item for number in range(len(chunks)) for item in done[number]]


def _check_chunk(paths: list[Path], today: dt.date) -> Checked:
    """Read and check each file; the cross-file rules come later, over all of them."""
    working_folder = Path.cwd()
    with _cyclic_gc_paused():
        return [_check_file(path, show_path(path, working_folder), today) for path in paths]


def _check_file(path: Path, shown: str, today: dt.date) -> tuple[LoadedFile, list[Problem]]:
    loaded = read_provider_file(path, shown)
    found = [*check_file_name(loaded), *loaded.problems]
    if loaded.document is not None:
        found.extend(check_document(loaded.document, loaded.shown, loaded.problems, today))
    return loaded, _at_most(MAX_PROBLEMS_PER_FILE, found)


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
