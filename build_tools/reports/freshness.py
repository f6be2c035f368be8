"""What editors need to keep the Local Offer up to date. Pure functions.

- Entries overdue for review (last checked more than 12 months ago) and entries due within
  30 days.
- Entries missing key information. These are read from the raw data of every readable file, so
  a half-finished entry that fails validation is listed too.
- Coverage: how many published services a family finds under each type of provision, need, age
  band and area, as the browse pages count them. A value with few or no services is a gap.

`localoffer report` prints it (`freshness_render.py`) and the editors' page shows it
(`editors_page.py`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from build_tools.directory.browse import facets
from build_tools.entries.load import LoadedFile
from build_tools.model import Provider, one_year_before

DUE_SOON_DAYS = 30
# A type, need, age band or area with this many services or fewer is a gap.
GAP_AT_MOST = 2


@dataclass(frozen=True)
class Entry:
    """One provider file as written: where it is, and its data."""

    file: str
    slug: str
    data: dict[str, Any]

    @property
    def name(self) -> str:
        name = self.data.get("name")
        return name if isinstance(name, str) and name.strip() else self.slug


@dataclass(frozen=True)
class ReviewDue:
    entry: Entry
    last_reviewed: dt.date
    due: dt.date


@dataclass(frozen=True)
class MissingInfo:
    entry: Entry
    missing: tuple[str, ...]


@dataclass(frozen=True)
class Count:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Coverage:
    """Services per value of one way to browse (type, need, age band or area)."""

    key: str
    heading: str
    counts: tuple[Count, ...]

    @property
    def gaps(self) -> tuple[Count, ...]:
        return tuple(c for c in self.counts if c.count <= GAP_AT_MOST)


@dataclass(frozen=True)
class FreshnessReport:
    today: dt.date
    files: int
    published: int
    overdue: tuple[ReviewDue, ...]
    due_soon: tuple[ReviewDue, ...]
    missing: tuple[MissingInfo, ...]
    coverage: tuple[Coverage, ...]


def entries_from(files: Iterable[LoadedFile]) -> list[Entry]:
    """Every file that could be read as a set of fields."""
    return [
        Entry(loaded.shown, loaded.slug, loaded.document.data)
        for loaded in files
        if loaded.document is not None and isinstance(loaded.document.data, dict)
    ]


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def one_year_after(day: dt.date) -> dt.date:
    """The same day a year later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def _still_listed(entry: Entry, today: dt.date) -> bool:
    """Closed services, and those whose last day has passed, need no review."""
    ended = _date(entry.data.get("show_until"))
    return entry.data.get("status") != "closed" and not (ended and ended < today)


def reviews(entries: Iterable[Entry], today: dt.date) -> tuple[list[ReviewDue], list[ReviewDue]]:
    """Entries overdue for review, oldest first; and entries due within 30 days, soonest first."""
    overdue, due_soon = [], []
    soon = today + dt.timedelta(days=DUE_SOON_DAYS)
    for entry in entries:
        checked = _date(entry.data.get("last_reviewed"))
        if checked is None or not _still_listed(entry, today):
            continue
        item = ReviewDue(entry, checked, one_year_after(checked))
        if checked < one_year_before(today):
            overdue.append(item)
        elif item.due <= soon:
            due_soon.append(item)
    return sorted(overdue, key=lambda r: r.due), sorted(due_soon, key=lambda r: r.due)


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    return value if isinstance(value, list) else []


def _has(item: Any, *keys: str) -> bool:
    return isinstance(item, dict) and any(item.get(key) for key in keys)


def _no_contact(data: dict[str, Any]) -> bool:
    return not any(_has(c, "phone", "email", "website", "text") for c in _list(data, "contacts"))


def _website_only(data: dict[str, Any]) -> bool:
    contacts = _list(data, "contacts")
    return not _no_contact(data) and not any(_has(c, "phone", "email", "text") for c in contacts)


def _no_ages(data: dict[str, Any]) -> bool:
    ages = data.get("age_range")
    given = isinstance(ages, dict) and all(isinstance(ages.get(k), int) for k in ("min", "max"))
    return not given


def _no_where_or_how(data: dict[str, Any]) -> bool:
    return not _list(data, "locations") and not _list(data, "delivery")


def _no_eligibility(data: dict[str, Any]) -> bool:
    return not _has(data.get("eligibility"), "description")


def _no_times(data: dict[str, Any]) -> bool:
    at_a_venue = bool(_list(data, "locations")) or "in-person" in _list(data, "delivery")
    return at_a_venue and not _list(data, "schedules")


# What families most need from every entry, each with how the report says it is missing.
KEY_INFORMATION: tuple[tuple[str, Callable[[dict[str, Any]], bool]], ...] = (
    ("no contact details", _no_contact),
    ("no phone number or email, only a website", _website_only),
    ("no age range", _no_ages),
    ("no venue, and no way it is delivered", _no_where_or_how),
    ("no eligibility: who can use it", _no_eligibility),
    ("no days or times, though families go to a venue", _no_times),
)


def missing_information(entries: Iterable[Entry]) -> list[MissingInfo]:
    """Entries that lack key information, in file order."""
    found = []
    for entry in entries:
        missing = tuple(text for text, lacks in KEY_INFORMATION if lacks(entry.data))
        if missing:
            found.append(MissingInfo(entry, missing))
    return found


def coverage(providers: tuple[Provider, ...]) -> tuple[Coverage, ...]:
    """Published services per type of provision, need, age band and area."""
    found = []
    for facet in facets():
        counts = dict.fromkeys(facet.labels, 0)
        # Areas count the services happening there: "open to everyone" hides real gaps.
        values_of = facet.here_of or facet.values_of
        for provider in providers:
            for value in values_of(provider):
                if value in counts:
                    counts[value] += 1
        found.append(
            Coverage(
                facet.segment,
                facet.heading,
                tuple(Count(v, facet.labels[v], n) for v, n in counts.items()),
            )
        )
    return tuple(found)


def freshness_report(
    entries: list[Entry], published: tuple[Provider, ...], today: dt.date
) -> FreshnessReport:
    """The whole report: reviews due, missing information, and coverage of what is published."""
    overdue, due_soon = reviews(entries, today)
    return FreshnessReport(
        today=today,
        files=len(entries),
        published=len(published),
        overdue=tuple(overdue),
        due_soon=tuple(due_soon),
        missing=tuple(missing_information(entries)),
        coverage=coverage(published),
    )
