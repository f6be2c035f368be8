"""'You said, we did': what families said about the Local Offer and what the council did.

Entries live in content/feedback/<year>.yaml, checked by schema/feedback.schema.json, which has no
field for a name or contact details. `render_feedback_page` makes the page; `check_freshness`
warns when the newest entry is more than 12 months old, because the regulations ask for
publication at least once a year. Pure functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from build_tools.guidance.branding import Branding
from build_tools.guidance.data_files import read_data_file
from build_tools.model import one_year_before
from build_tools.problems import Position, Problem, make_problem
from build_tools.text.dates import long_date
from build_tools.text.front_matter import front_matter
from build_tools.text.wording import plain

FEEDBACK_PAGE = "you-said-we-did.md"
STATUS_LABELS = {
    "done": "Done",
    "in-progress": "In progress",
    "planned": "Planned",
    "not-possible": "We cannot do this",
}


@dataclass(frozen=True)
class Comment:
    theme: str
    you_said: str
    we_did: str
    status: str
    date: dt.date


def load_feedback(folder: Path, shown_folder: str) -> tuple[list[Comment], list[Problem]]:
    """Every entry in the folder's YAML files, newest first, and the problems found."""
    comments: list[Comment] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
        data, found = read_data_file(path, f"{shown_folder}/{path.name}", "feedback")
        problems += found
        for item in (data or {}).get("entries", ()):
            comments.append(
                Comment(
                    theme=item["theme"],
                    you_said=" ".join(item["you_said"].split()),
                    we_did=" ".join(item["we_did"].split()),
                    status=item["status"],
                    date=dt.date.fromisoformat(item["date"]),
                )
            )
    comments.sort(key=lambda c: (c.date, c.theme), reverse=True)
    return comments, problems


def check_freshness(comments: list[Comment], today: dt.date, shown_folder: str) -> list[Problem]:
    """A warning if the newest entry is more than 12 months old, or there is none."""
    newest = max((c.date for c in comments), default=None)
    if newest is not None and newest >= one_year_before(today):
        return []
    date = long_date(newest) if newest else "(there are no entries)"
    return [make_problem(shown_folder, Position(1, 1), "feedback-out-of-date", date=date)]


def _entries(comments: list[Comment]) -> Iterator[str]:
    for year, in_year in groupby(comments, key=lambda c: c.date.year):
        yield f"## {year}"
        yield ""
        for comment in in_year:
            yield f"### {plain(comment.theme)}"
            yield ""
            yield f"**You said:** {plain(comment.you_said)}"
            yield ""
            yield f"**We did:** {plain(comment.we_did)}"
            yield ""
            status = STATUS_LABELS[comment.status]
            yield f"**Where this is up to:** {status}, {long_date(comment.date)}."
            yield ""


def have_your_say(branding: Branding) -> list[str]:
    """How to send a comment: the council's real contact routes, from mkdocs.yml."""
    routes = []
    if branding.phone:
        routes.append(f"phone [{branding.phone}]({branding.phone_link})")
    if branding.text:
        routes.append(f"text [{branding.text}]({branding.text_link})")
    if branding.email:
        routes.append(f"email [{branding.email}]({branding.email_link})")
    lines = ["## Have your say", ""]
    if routes:
        joined = ", ".join(routes[:-1]) + " or " + routes[-1] if len(routes) > 1 else routes[0]
        lines += [f"To tell us what you think, {joined}.", ""]
    lines += [
        'You can also use "Was this page helpful?" at the bottom of any page, or see all the '
        "ways to [contact us](contact-us.md).",
        "",
    ]
    return lines


def render_feedback_page(comments: list[Comment], branding: Branding) -> str:
    """The 'You said, we did' page, newest first, grouped by year."""
    lines = [
        *front_matter(
            {
                "title": "You said, we did",
                "description": "What families told us about the Local Offer, and what we did "
                "about it.",
            }
        ),
        "# You said, we did",
        "",
        "Children, young people and families tell us what they think of the Local Offer: what "
        "is missing, what is hard to find and what works. This page shows what you said and "
        "what we did about it. We update it at least once a year, and we never publish "
        "anyone's name.",
        "",
        *have_your_say(branding),
    ]
    if comments:
        lines += [f"Last updated on {long_date(comments[0].date)}.", "", *_entries(comments)]
    else:
        lines += ["There is nothing here yet.", ""]
    return "\n".join(lines)
