"""Which folders a command may fill or replace, so that no command deletes work it did not make.

A command that writes a folder of output (the site, imported provider files, benchmark results)
leaves a marker file in it. Next time it may replace or add to that folder, because the marker
says the folder is its own. Any other folder must be new or empty. The project's own folders, a
parent of any of them, the user's home and the file system root are never written over, marker
or not: a marker can be copied, the repository cannot be got back.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from build_tools.paths import ROOT

# The folders of the repository that hold work people wrote: never output, nor a place for it.
PROJECT_FOLDERS = (".git", "providers", "content", "schema", "build_tools", "tests", ".github")


class OutputRefused(Exception):
    """A command was asked to write into a folder it must not touch. Exit code 2."""

    exit_code = 2


@dataclass(frozen=True)
class Owner:
    """A kind of output folder: its marker's file name and the command that makes it."""

    marker: str
    command: str


SITE = Owner(".localoffer-site", "localoffer build")
IMPORT = Owner(".localoffer-import", "localoffer import-oruk")
BENCH = Owner(".localoffer-bench", "make bench")
# The printed booklets kept between builds (printable/build.py): outside the site.
BOOKLET_CACHE = Owner(".localoffer-booklets", "localoffer build")
# The generated pages kept between builds (files/page_cache.py), when `--cache-dir` names a folder.
PAGE_CACHE = Owner(".localoffer-page-cache", "localoffer build")


def _project_folders() -> list[Path]:
    return [(ROOT / name).resolve() for name in PROJECT_FOLDERS]


def check_output_folder(target: Path, owner: Owner, keep: tuple[Path, ...] = ()) -> None:
    """Raise OutputRefused unless `owner` may write into (or replace) `target`.

    `keep` names more folders to protect, such as the providers folder the command reads."""
    if target.is_symlink():
        raise OutputRefused(
            f"{target} is a symbolic link to another folder. Nothing was written, so that the "
            f"folder it points to is left alone. Give {owner.command} a real folder, or a new one."
        )
    resolved = target.resolve()
    inner = [*_project_folders(), *(folder.resolve() for folder in keep)]
    _refuse_holders(target, resolved, owner, [ROOT, Path.home().resolve(), *inner])
    for folder in inner:
        if resolved.is_relative_to(folder):
            raise OutputRefused(
                f"{target} is inside {folder}, which holds the project's own files. "
                f"{owner.command} writes its output only outside it. Choose another folder."
            )
    if not resolved.exists():
        return
    if not resolved.is_dir():
        raise OutputRefused(f"{target} is a file, not a folder. Choose a folder for the output.")
    if _marked(resolved, owner) or not any(resolved.iterdir()):
        return
    copied = (
        f" Its {owner.marker} file was made for another folder (copied with a site, or written "
        "by an older version), so it does not count: if the folder holds only old output, "
        "delete it yourself."
        if (resolved / owner.marker).exists()
        else ""
    )
    raise OutputRefused(
        f"{target} already holds files that {owner.command} did not make, so it was left alone "
        f"(it would have replaced or mixed with them). Choose a new or empty folder, or move "
        f"those files away first. Folders that {owner.command} made carry a {owner.marker} "
        f"file, and it replaces only those.{copied}"
    )


def _folder_line(folder: Path) -> str:
    """The marker's line naming the folder it was written for: a digest of its full path, so a
    marker copied elsewhere (with a copy of the site, in the offline zip, or planted) does not
    make another folder replaceable, and the published marker does not show where it was built."""
    digest = hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogateescape")).hexdigest()
    return f"folder: {digest}"


def _marked(folder: Path, owner: Owner) -> bool:
    """Whether `folder` has `owner`'s marker, written for this very folder."""
    marker = folder / owner.marker
    if marker.is_symlink() or not marker.is_file() or marker.stat().st_size > 4096:
        return False
    lines = marker.read_text(encoding="utf-8", errors="replace").splitlines()
    return _folder_line(folder) in lines


def _refuse_holders(target: Path, resolved: Path, owner: Owner, folders: list[Path]) -> None:
    """Refuse `target` when it is one of `folders` or holds one of them (a parent, or /)."""
    home = Path.home().resolve()
    for folder in folders:
        if folder.is_relative_to(resolved):
            what = "your home folder" if folder == home else str(folder)
            raise OutputRefused(
                f"{target} is {what} or a folder that holds it. {owner.command} never writes "
                f"there, so that nothing of the project or yours is lost. Choose a folder of its "
                f"own for the output, such as a new 'site' or 'out' folder."
            )


def claim_output_folder(target: Path, owner: Owner, keep: tuple[Path, ...] = ()) -> Path:
    """Check `target`, create it if needed and mark it as `owner`'s. Returns the folder."""
    check_output_folder(target, owner, keep)
    target.mkdir(parents=True, exist_ok=True)
    mark_output_folder(target, owner)
    return target


def mark_output_folder(folder: Path, owner: Owner, final: Path | None = None) -> None:
    """Write the marker that lets `owner` replace this folder next time. `final` is where the
    folder will be when it is renamed into place (the build makes its site beside the target)."""
    (folder / owner.marker).write_text(
        f"This folder was made by {owner.command}, which may replace it. Delete this file to "
        f"stop that.\n{_folder_line(final or folder)}\n",
        encoding="utf-8",
    )


def check_output_file(
    path: Path, keep: tuple[Path, ...] = (), replace: bool = True, made_by: str | None = None
) -> None:
    """Raise OutputRefused unless a command may write the file `path` (a report, a comment).

    Never through a link, never over a folder, never into the project's own folders or among
    the files at the top of the repository; over an existing file only with `replace`, and,
    when the command starts what it writes with the line `made_by`, only over an empty file or
    one that starts with that line (one it wrote before)."""
    if path.is_symlink():
        raise OutputRefused(f"{path} is a symbolic link; nothing was written through it.")
    resolved = path.resolve()
    if resolved.is_dir():
        raise OutputRefused(f"{path} is a folder. Give the name of a file to write.")
    inner = [*_project_folders(), *(folder.resolve() for folder in keep)]
    if resolved.parent == ROOT or any(resolved.is_relative_to(folder) for folder in inner):
        raise OutputRefused(
            f"{path} is among the project's own files. Write it to a folder of its own, "
            "such as a temporary folder."
        )
    if resolved.exists() and not replace:
        raise OutputRefused(f"{path} already exists. Use --force to replace it.")
    if made_by and resolved.is_file() and resolved.stat().st_size:
        with resolved.open("rb") as handle:
            first = handle.readline(len(made_by.encode("utf-8")) + 2)
        if first.rstrip(b"\r\n") != made_by.encode("utf-8"):
            raise OutputRefused(
                f"{path} already holds something this command did not write, so it was left "
                "alone. Give the name of a new file, or move that one away first."
            )
