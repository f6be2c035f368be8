"""The directory's filters: what a family can filter on, and each service's values. Pure
functions.

The same `FILTERS` table drives the directory's form (finder.py) and its filter data
(directory_data.py), so a control and the values it matches can never drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from build_tools.model import Provider
from build_tools.schema import vocabulary, vocabulary_extra

MIN_AGE, MAX_AGE = 0, 25


@dataclass(frozen=True)
class Filter:
    """One filter: its URL parameter (also its folder in the filter data) and form wording."""

    key: str
    label: str
    any_label: str
    options: Callable[[], dict[str, str]]
    values_of: Callable[[Provider], tuple[str, ...]]
    more: bool = False  # shown under "More filters", to keep the form short on a phone


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


FILTERS: tuple[Filter, ...] = (
    Filter("need", "Need", "Any need", need_choices, needs_of),
    Filter("area", "Town or area", "Anywhere", lambda: vocabulary("service_areas"), areas_of),
    Filter(
        "type",
        "Type of service",
        "Any type",
        lambda: vocabulary("categories"),
        lambda p: p.categories,
    ),
    Filter("when", "When", "Any time", lambda: WHEN, when_of),
    Filter(
        "day",
        "Open on",
        "Any day",
        lambda: vocabulary("schedules", "days"),
        _days,
        more=True,
    ),
    Filter(
        "language",
        "Language",
        "Any language",
        lambda: vocabulary("languages"),
        lambda p: p.languages,
        more=True,
    ),
    Filter(
        "access",
        "Venue accessibility",
        "Any venue",
        lambda: vocabulary("locations", "accessibility"),
        _access,
        more=True,
    ),
    Filter(
        "delivery",
        "How it is given",
        "Any way",
        lambda: vocabulary("delivery"),
        lambda p: p.delivery,
        more=True,
    ),
)
