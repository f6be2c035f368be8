"""What the search engine (Pagefind) learns about each service. Pure functions.

A service page carries a hidden block that Pagefind reads at index time:
- filters: one value per thing a family can filter on (need, each year of age, area, ...);
- meta: the text of the result card (summary, ages, cost, area, needs);
- sort keys: the name, and the date the entry was last checked.

The same `FILTERS` table drives the directory's form, so a control and the values it matches can
never drift apart.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from .cards import card_facts
from .model import Provider
from .schema import vocabulary, vocabulary_extra

MIN_AGE, MAX_AGE = 0, 25


@dataclass(frozen=True)
class Filter:
    """One filter: its URL parameter (also the Pagefind filter name) and form wording."""

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


def _access(provider: Provider) -> tuple[str, ...]:
    features = {feature for place in provider.locations for feature in place.accessibility}
    return _in_order(features, "locations", "accessibility")


def _needs_options() -> dict[str, str]:
    return {key: label for key, label in vocabulary("needs").items() if key != "all"}


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


def ages_of(provider: Provider) -> tuple[str, ...]:
    """Every whole year of age the service takes, so "my child is 7" is an exact match."""
    low, high = max(provider.min_age, MIN_AGE), min(provider.max_age, MAX_AGE)
    return tuple(str(age) for age in range(low, high + 1))


FILTERS: tuple[Filter, ...] = (
    Filter("need", "Need", "Any need", _needs_options, needs_of),
    Filter("area", "Town or area", "Anywhere", lambda: vocabulary("service_areas"), areas_of),
    Filter(
        "type",
        "Type of service",
        "Any type",
        lambda: vocabulary("categories"),
        lambda p: p.categories,
    ),
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


def service_filters(provider: Provider) -> dict[str, tuple[str, ...]]:
    """Every filter value of a service, keyed by filter name."""
    # "service" (the slug) lets near-me.js learn which services match, from the filter counts.
    filters = {"kind": ("service",), "service": (provider.slug,), "age": ages_of(provider)}
    filters["cost"] = ("free",) if provider.free else ("paid",)
    filters.update((f.key, f.values_of(provider)) for f in FILTERS)
    return {key: values for key, values in filters.items() if values}


def service_meta(provider: Provider) -> dict[str, str]:
    """The text of a result card, beyond the title Pagefind takes from the h1: the same facts
    as every other card (cards.card_facts)."""
    meta = {"kind": "Service", "summary": provider.summary}
    meta.update((term.lower(), value) for term, value in card_facts(provider))
    if provider.status == "temporarily-closed":
        meta["closed"] = "Temporarily closed"
    return meta


def service_sort_keys(provider: Provider) -> dict[str, str]:
    return {"name": provider.name.casefold(), "checked": provider.last_reviewed.isoformat()}


def _span(attribute: str, key: str, value: str) -> str:
    text = html.escape(" ".join(value.split()))
    return f'<span data-pagefind-{attribute}="{key}">{text}</span>'


def search_block(provider: Provider) -> str:
    """The hidden HTML block Pagefind reads; `data-pagefind-ignore` keeps it out of the text."""
    spans = [
        _span("filter", key, value)
        for key, values in service_filters(provider).items()
        for value in values
    ]
    spans += [_span("meta", key, value) for key, value in service_meta(provider).items()]
    spans += [_span("sort", key, value) for key, value in service_sort_keys(provider).items()]
    # One line: a blank line would end Python-Markdown's raw HTML block.
    return '<div hidden data-pagefind-ignore="index">' + "".join(spans) + "</div>"
