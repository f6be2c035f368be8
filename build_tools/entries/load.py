"""Find provider files and read each one safely.

Refuses symbolic links and oversized files before reading a byte, then hands the bytes to
`safe_yaml`. Returns problems; never raises for bad input.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.entries.safe_yaml import YamlDocument, parse_yaml
from build_tools.problems import Position, Problem, make_problem

MAX_FILE_BYTES = 256 * 1024
PROVIDER_SUFFIXES = (".yaml", ".yml")


@dataclass
class LoadedFile:
    """One provider file: its path as shown to people, its parsed document, and read problems."""

    path: Path
    shown: str
    document: YamlDocument | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.path.stem


def find_provider_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Each provider file named by `paths`: files as given, folders searched (not recursively)."""
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            for child in sorted(path.iterdir()):
                if child.name.startswith("."):
                    continue
                if child.suffix in PROVIDER_SUFFIXES:
                    yield child
        else:
            yield path


def show_path(path: Path, base: Path | None = None) -> str:
    """The path as people should see it: relative to the working folder when inside it."""
    text = str(path)
    if not path.is_absolute():
        return text
    inside = os.path.join(base or Path.cwd(), "")  # with a trailing separator
    return text[len(inside) :] if text.startswith(inside) else text


def read_provider_file(path: Path, shown: str | None = None) -> LoadedFile:
    """Read and parse one provider file, refusing links and oversized files."""
    shown = shown or show_path(path)
    start = Position(1, 1)
    if path.is_symlink():
        target = os.readlink(path)
        problem = make_problem(shown, start, "symlink", target=target)
        return LoadedFile(path, shown, None, [problem])
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            problem = make_problem(shown, start, "not-a-file")
            return LoadedFile(path, shown, None, [problem])
        size = info.st_size
        if size > MAX_FILE_BYTES:
            problem = make_problem(
                shown,
                start,
                "file-too-large",
                size=(size + 1023) // 1024,
                limit=MAX_FILE_BYTES // 1024,
            )
            return LoadedFile(path, shown, None, [problem])
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:  # it grew after we looked
            problem = make_problem(
                shown, start, "file-too-large", size=len(raw) // 1024, limit=MAX_FILE_BYTES // 1024
            )
            return LoadedFile(path, shown, None, [problem])
    except OSError as error:
        problem = make_problem(
            shown,
            start,
            "yaml-syntax",
            explanation=f"The file could not be opened ({error.strerror}).",
            fix="Check the file exists and can be read.",
        )
        return LoadedFile(path, shown, None, [problem])
    document, problems = parse_yaml(raw, shown)
    return LoadedFile(path, shown, document, problems)
