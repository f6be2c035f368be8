"""Files written into the built site: the one helper every writer uses."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def write_site_files(site_dir: Path, files: Iterable[tuple[str, bytes]]) -> int:
    """Write each (path under the site folder, bytes) as it comes; returns how many."""
    written = 0
    for path, data in files:
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    return written
