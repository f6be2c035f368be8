"""Symbolic links in the folders a build reads, found before anything in them is read.

MkDocs follows links in the docs folder (content/), so a link committed there, such as
content/leak.md pointing at /etc/passwd or at a file outside the project, would be read and
published. The build refuses them all; provider files are checked one by one as they are read
(entries/load.py). Only reads folder listings, never a file.
"""

from __future__ import annotations

import os
from pathlib import Path


def links_in(folder: Path) -> list[Path]:
    """`folder` itself if it is a link, else every link inside it, without following any."""
    if folder.is_symlink():
        return [folder]
    found = []
    for root, folders, files in os.walk(folder, followlinks=False):
        for name in sorted(folders + files):
            path = Path(root) / name
            if path.is_symlink():
                found.append(path)
    return sorted(found)


def links_message(folder: Path, links: list[Path]) -> str:
    """What to tell an editor about links found in `folder`."""
    shown = "\n".join(f"  {link} -> {os.readlink(link)}" for link in links)
    return (
        f"{len(links)} symbolic links in {folder}/, site not built:\n{shown}\n"
        "Links could make the build read and publish files from outside the project. "
        "Replace each with a real file."
    )
