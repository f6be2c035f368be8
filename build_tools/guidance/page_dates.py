"""When each content page was last updated: from git history, else its front matter.

Git history is the truth for pages edited through GitHub; the date of a page's last commit is
the same in every clone of that commit, so builds stay reproducible. A page with no history
(a new page not yet committed, or a copy of the content without .git) can give
`last_updated: YYYY-MM-DD` in its front matter.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_LAST_UPDATED = re.compile(r"^last_updated:\s*[\"']?(\d{4}-\d{2}-\d{2})[\"']?\s*$", re.MULTILINE)


def git_dates(folder: Path) -> dict[str, dt.date]:
    """{path under `folder`: day of the newest commit that changed it}; {} without git."""
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), "log", "--format=%x00%cs", "--name-only", "--relative"],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, dt.date] = {}
    day = None
    for line in result.stdout.splitlines():
        if line.startswith("\0"):
            day = dt.date.fromisoformat(line[1:])
        elif line and day is not None:
            dates.setdefault(line, day)  # newest first: keep the first seen
    return dates


def front_matter_date(source: str) -> dt.date | None:
    """`last_updated:` in the page's front matter, if any."""
    front = _FRONT_MATTER.match(source)
    found = _LAST_UPDATED.search(front.group(1)) if front else None
    return dt.date.fromisoformat(found.group(1)) if found else None


def last_updated(path: str, source: str, history: dict[str, dt.date]) -> dt.date | None:
    """The page's last update: its git history first, else its front matter."""
    return history.get(path) or front_matter_date(source)
