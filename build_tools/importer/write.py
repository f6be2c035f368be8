"""Writing the import's files: all of them or none, and never through a link.

A feed is untrusted, and so is whatever already sits in the output folder. The files are first
written next to their targets under temporary names (created new, so a link planted there is
never followed), and only when every one is written are they renamed into place. Renaming over
a path replaces whatever is there itself, never the file a link points to. A link as the output
folder, as a folder inside it or as a file to be replaced is refused before anything is written,
with --force too (issue 15).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


class WriteRefused(Exception):
    """The files cannot be written safely; nothing was written."""


def _refuse_link(path: Path) -> None:
    if path.is_symlink():
        raise WriteRefused(
            f"{path} is a symbolic link. The import never writes through a link: remove the "
            "link, or choose another --out folder. Nothing was written."
        )


def refuse_links(out: Path, targets: list[Path]) -> None:
    """Raise WriteRefused if the output folder, a folder in it or a target is a link, or a
    folder is a file or a file a folder."""
    for folder in sorted({out, *(t.parent for t in targets)}):
        _refuse_link(folder)
        if folder.exists() and not folder.is_dir():
            raise WriteRefused(f"{folder} is a file, not a folder. Nothing was written.")
    for target in targets:
        _refuse_link(target)
        if target.is_dir():
            raise WriteRefused(f"{target} is a folder, not a file. Nothing was written.")


def _new_file(folder: Path, name: str, text: str) -> Path:
    """A new file, created here and never through a link, with the usual permissions."""
    temporary = folder / f".{name}.{secrets.token_hex(6)}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        with os.fdopen(os.open(temporary, flags, 0o666), "w", encoding="utf-8") as stream:
            stream.write(text)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _make_folders(folders: list[Path]) -> list[Path]:
    """Create the folders that are missing, and return the ones created, deepest last."""
    made: list[Path] = []
    for folder in folders:
        missing = [p for p in (folder, *folder.parents) if not p.exists()]
        for path in reversed(missing):
            path.mkdir()
            made.append(path)
    return made


def write_all(out: Path, files: dict[Path, str]) -> None:
    """Write every file, each given by its path, or none of them."""
    targets = list(files)
    refuse_links(out, targets)
    made = _make_folders(sorted({out, *(t.parent for t in targets)}))
    written: dict[Path, Path] = {}
    try:
        for target, text in files.items():
            written[target] = _new_file(target.parent, target.name, text)
        refuse_links(out, targets)  # again, now that the slow part is done
        for target, temporary in written.items():
            os.replace(temporary, target)
    except BaseException:
        for temporary in written.values():
            temporary.unlink(missing_ok=True)
        for folder in reversed(made):
            if folder.exists() and not any(folder.iterdir()):
                folder.rmdir()
        raise


def write_one(path: Path, text: str) -> None:
    """One file written whole, never through a link (the import's report)."""
    _refuse_link(path)
    temporary = _new_file(path.parent, path.name, text)
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
