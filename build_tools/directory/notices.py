"""The notices at the top of a service page (closed, may be out of date, moved) and their
easy-read words. Pure functions.

Both the full service page and its easy-read page take their notices from `service_notices`,
so a notice added here appears on both. `check_notices` is the safety net: it fails a build
whose easy-read page lacks a notice that the full page shows, whoever wrote the notice.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from build_tools.model import Provider
from build_tools.problems import Position, Problem, make_problem
from build_tools.text.dates import long_date

# How long after a move the pages still say so.
MOVED_NOTICE_DAYS = 90
# The full page writes each notice as `!!! warning "Title"`; the checker reads them back.
_ADMONITION = re.compile(r'^!!! warning "([^"]+)"', re.MULTILINE)
_NOTICE_MARK = "notice-"


@dataclass(frozen=True)
class Notice:
    """One notice: its title and text on the full page, its rows in easy read."""

    key: str
    title: str
    text: str
    picture: str
    easy_read_title: str
    easy_read: tuple[str, ...]


def service_notices(provider: Provider, today: dt.date) -> list[Notice]:
    """Every notice the service's pages must show on `today`, most urgent first."""
    notices = []
    if provider.status == "temporarily-closed":
        notices.append(
            Notice(
                "temporarily-closed",
                "Temporarily closed",
                "This service is temporarily closed. Contact them to find out more.",
                "no",
                "Closed for now",
                ("This service is closed for now.", "Do not go there.", "Ask them when it opens."),
            )
        )
    moved = _moved_notice(provider, today)
    if moved:
        notices.append(moved)
    if provider.is_overdue(today):
        checked = long_date(provider.last_reviewed)
        notices.append(
            Notice(
                "out-of-date",
                "This information may be out of date",
                f"It was last checked on {checked}, more than 12 months ago. Check with the "
                "service before you go.",
                "warning",
                "This page may be out of date",
                (
                    "This page may be wrong.",
                    "It was checked more than a year ago.",
                    "Ask them before you go.",
                ),
            )  # fmt: skip
        )
    return notices


def _moved_notice(provider: Provider, today: dt.date) -> Notice | None:
    moved = provider.moved_on
    if moved is None or today > moved + dt.timedelta(days=MOVED_NOTICE_DAYS):
        return None
    day = long_date(moved)
    if today < moved:
        return Notice(
            "moved",
            f"Moving on {day}",
            f"This service moves to a new place on {day}. The address on this page is the new one.",
            "map",
            "This service is moving",
            (f"This service is moving on {day}.", "The address on this page is the new place."),
        )
    return Notice(
        "moved",
        "This service has moved",
        f"This service moved to a new place on {day}. Go to the address on this page.",
        "map",
        "This service has moved",
        (f"This service moved on {day}.", "Go to the new place on this page."),
    )


def notice_lines(notices: list[Notice]) -> list[str]:
    """The notices as admonitions, for the full service page."""
    lines = []
    for notice in notices:
        lines += [f'!!! warning "{notice.title}"', "", f"    {notice.text}", ""]
    return lines


def easy_read_notice_lines(notices: list[Notice]) -> list[str]:
    """The notices as easy-read rows, each under its own heading, for the top of the easy-read
    page. The heading's id names the notice: the checker and the tests look for it."""
    lines = []
    for notice in notices:
        lines += [
            f"## {notice.easy_read_title} {{ #{_NOTICE_MARK}{notice.key} }}",
            "",
            f"![{_ALT[notice.picture]}](picture:{notice.picture})",
            *notice.easy_read,
            "",
        ]
    return lines


_ALT = {"no": "A no sign", "warning": "A warning sign", "map": "A map"}
_TITLES = {
    "Temporarily closed": "temporarily-closed",
    "This information may be out of date": "out-of-date",
    "This service has moved": "moved",
}


def _key_of(title: str) -> str | None:
    if title.startswith("Moving on "):
        return "moved"
    return _TITLES.get(title)


def check_notices(full_page: str, easy_page: str, file: str) -> list[Problem]:
    """An error for each notice on the full service page that its easy-read page leaves out,
    or that has no easy-read words at all."""
    problems = []
    for title in _ADMONITION.findall(full_page):
        key = _key_of(title)
        if key is None or f"{_NOTICE_MARK}{key}" not in easy_page:
            problems.append(
                make_problem(file, Position(1, 1), "easy-read-missing-notice", notice=title)
            )
    return problems
