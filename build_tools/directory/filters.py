"""The directory's dimensions: what a family can filter and browse on, and each service's
values. Pure functions.

One table, `DIMENSIONS`, drives the directory's form (search_forms.py), its filter data
(filter_data.py), its browse pages (browse.py) and the editors' coverage counts
(reports/freshness.py), so a control, a browse list and the values they match never drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from build_tools.model import Provider
from build_tools.schema import vocabulary, vocabulary_extra

MIN_AGE, MAX_AGE = 0, 25


@dataclass(frozen=True)
class Dimension:
    """One way to narrow the directory: its key (the form's URL parameter, its folder in the
    filter data, and its browse pages' URL segment), its wording, and each service's values."""

    key: str
    label: str
    any_label: str
    options: Callable[[], dict[str, str]]
    values_of: Callable[[Provider], tuple[str, ...]]
    more: bool = False  # shown under "More filters", to keep the form short on a phone
    in_form: bool = True  # False: browse only (the form asks for an age as a number)
    heading: str = ""  # the browse pages' heading; "" when there are no browse pages for it
    groups: Callable[[], dict[str, dict[str, Any]]] | None = None
    # For areas: the values where a service happens (a venue there), apart from those it is
    # only open to, so a family (and the editors' coverage counts) can tell the two apart.
    here_of: Callable[[Provider], tuple[str, ...]] | None = None


AGE_BANDS: dict[str, tuple[int, int]] = {
    "0-4": (0, 4),
    "5-10": (5, 10),
    "11-15": (11, 15),
    "16-18": (16, 18),
    "19-25": (19, 25),
}
_AGE_LABELS = {band: f"{band.replace('-', ' to ')} years" for band in AGE_BANDS}


def age_bands_of(provider: Provider) -> tuple[str, ...]:
    return tuple(
        band
        for band, (low, high) in AGE_BANDS.items()
        if provider.min_age <= high and provider.max_age >= low
    )


def _in_order(values: set[str], *path: str) -> tuple[str, ...]:
    return tuple(value for value in vocabulary(*path) if value in values)


def _days(provider: Provider) -> tuple[str, ...]:
    return _in_order({day for slot in provider.schedules for day in slot.days}, "schedules", "days")


WHEN = {
    "after-school": "After school (weekdays, from 3pm, or until 5:30pm or later)",
    "weekends": "Weekends",
    "school-holidays": "In the school holidays",
    "term-time": "Term time only",
}
_WEEKDAYS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday"))
_WEEKEND = frozenset(("saturday", "sunday"))
# After school: a weekday time that starts after school ends, or runs into the evening.
AFTER_SCHOOL_STARTS, EVENING = "15:00", "17:30"


def when_of(provider: Provider) -> tuple[str, ...]:
    """When a family can go, from the service's times: after school, at weekends, in the
    school holidays (a time for the holidays, or times that do not stop for them), or only
    in term time."""
    slots = [slot for slot in provider.schedules if slot.days]
    found = set()
    for slot in slots:
        weekday = bool(_WEEKDAYS.intersection(slot.days)) and not slot.school_holidays
        late = (slot.opens or "") >= AFTER_SCHOOL_STARTS or (slot.closes or "") >= EVENING
        if weekday and slot.closes and late:
            found.add("after-school")
        if _WEEKEND.intersection(slot.days):
            found.add("weekends")
    if any(slot.school_holidays for slot in provider.schedules) or (
        slots and not any(slot.term_time_only for slot in slots)
    ):
        found.add("school-holidays")
    if slots and all(slot.term_time_only for slot in slots):
        found.add("term-time")
    return tuple(key for key in WHEN if key in found)


def _access(provider: Provider) -> tuple[str, ...]:
    features = {feature for place in provider.locations for feature in place.accessibility}
    return _in_order(features, "locations", "accessibility")


def need_choices() -> dict[str, str]:
    """Each need a family can choose, each label once. A specific need labelled as its broad
    area is (SEMH, the one need inside "social, emotional and mental health") is left out:
    choosing the area finds the same services (`needs_of`)."""
    labels = vocabulary("needs")
    areas = vocabulary_extra("x-broad-areas", "needs")
    twins = {
        need for area, inside in areas.items() for need in inside if labels[need] == labels[area]
    }
    return {key: label for key, label in labels.items() if key != "all" and key not in twins}


def needs_of(provider: Provider) -> tuple[str, ...]:
    """Every need a family could look under and expect to find this service.

    A service for all needs matches every need. A broad area of need (communication and
    interaction) matches each need inside it (autism, speech and language), and a specific
    need matches the broad area it belongs to, but not that area's other needs.
    """
    if "all" in provider.needs:
        return tuple(need for need in vocabulary("needs") if need != "all")
    listed = set(provider.needs)
    matched = set(listed)
    for area, members in vocabulary_extra("x-broad-areas", "needs").items():
        if area in listed:
            matched.update(members)
        elif listed.intersection(members):
            matched.add(area)
    return _in_order(matched, "needs")


def areas_of(provider: Provider) -> tuple[str, ...]:
    if "dudley-borough" in provider.service_areas:
        towns = [a for a in vocabulary("service_areas") if a != "outside-dudley"]
        extra = ("outside-dudley",) if "outside-dudley" in provider.service_areas else ()
        return (*towns, *extra)
    return provider.service_areas


def venue_areas_of(provider: Provider) -> tuple[str, ...]:
    """The towns where a service happens: its venues' towns; for a service without a venue
    (home visits, phone), the towns it names itself. "All of Dudley borough" is never one:
    a family in Stourbridge wants to tell "happens in Stourbridge" from "open to everyone"."""
    by_name = {label.casefold(): key for key, label in vocabulary("service_areas").items()}
    if provider.locations:
        towns = {by_name.get(place.town.casefold()) for place in provider.locations}
        if "outside-dudley" in provider.service_areas and None in towns:
            towns.add("outside-dudley")
    else:
        towns = set(provider.service_areas)
    towns.discard("dudley-borough")
    return _in_order({town for town in towns if town}, "service_areas")


def ages_of(provider: Provider) -> tuple[str, ...]:
    """Every whole year of age the service takes, so "my child is 7" is an exact match."""
    low, high = max(provider.min_age, MIN_AGE), min(provider.max_age, MAX_AGE)
    return tuple(str(age) for age in range(low, high + 1))


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension("need", "Need", "Any need", need_choices, needs_of, heading="Need"),
    Dimension(
        "area",
        "Town or area",
        "Anywhere",
        lambda: vocabulary("service_areas"),
        areas_of,
        heading="Area",
        here_of=venue_areas_of,
    ),
    Dimension(
        "type",
        "Type of service",
        "Any type",
        lambda: vocabulary("categories"),
        lambda p: p.categories,
        heading="Type of provision",
        groups=lambda: vocabulary_extra("x-groups", "categories"),
    ),
    Dimension("when", "When", "Any time", lambda: WHEN, when_of),
    Dimension(
        "day",
        "Open on",
        "Any day",
        lambda: vocabulary("schedules", "days"),
        _days,
        more=True,
    ),
    Dimension(
        "language",
        "Language",
        "Any language",
        lambda: vocabulary("languages"),
        lambda p: p.languages,
        more=True,
    ),
    Dimension(
        "access",
        "Venue accessibility",
        "Any venue",
        lambda: vocabulary("locations", "accessibility"),
        _access,
        more=True,
    ),
    Dimension(
        "delivery",
        "How it is given",
        "Any way",
        lambda: vocabulary("delivery"),
        lambda p: p.delivery,
        more=True,
    ),
    Dimension(
        "age", "Age", "Any age", lambda: _AGE_LABELS, age_bands_of, in_form=False, heading="Age"
    ),
)

# The form's controls, in the table's order.
FILTERS = tuple(dimension for dimension in DIMENSIONS if dimension.in_form)
# The browse pages' ways in, in the directory's order.
BROWSE_ORDER = ("type", "need", "age", "area")


def browse_dimensions() -> list[Dimension]:
    """The dimensions with browse pages, in the order the directory lists them."""
    by_key = {dimension.key: dimension for dimension in DIMENSIONS}
    return [by_key[key] for key in BROWSE_ORDER]
