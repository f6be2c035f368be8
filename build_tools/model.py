"""Frozen dataclasses for a validated provider entry, and the conversion from its dict.

Only call `provider_from_dict` on entries that passed validation: it trusts the shape.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Contact:
    role: str
    phone: str | None = None
    text: str | None = None
    email: str | None = None
    website: str | None = None


@dataclass(frozen=True)
class Location:
    name: str
    address: str
    town: str
    postcode: str
    latitude: float | None = None
    longitude: float | None = None
    accessibility: tuple[str, ...] = ()
    transport: str | None = None
    # Someone's home (a childminder's): no street, only the postcode district, never a map point.
    private: bool = False


@dataclass(frozen=True)
class Schedule:
    days: tuple[str, ...] = ()
    opens: str | None = None
    closes: str | None = None
    term_time_only: bool = False
    notes: str | None = None
    school_holidays: bool = False  # runs only in the school holidays


@dataclass(frozen=True)
class CostOption:
    amount: float
    per: str
    description: str | None = None


@dataclass(frozen=True)
class Provider:
    """One service, as families will see it."""

    slug: str
    name: str
    summary: str
    description: str
    organisation_name: str
    categories: tuple[str, ...]
    needs: tuple[str, ...]
    min_age: int
    max_age: int
    eligibility: str
    routes: tuple[str, ...]
    free: bool
    contacts: tuple[Contact, ...]
    last_reviewed: dt.date
    id: str | None = None
    organisation_website: str | None = None
    organisation_description: str | None = None
    status: str = "active"
    # The day the service moved to the place under `locations` (build_tools/directory/notices.py).
    moved_on: dt.date | None = None
    show_from: dt.date | None = None
    show_until: dt.date | None = None
    ehc_plan_needed: bool = False
    diagnosis_needed: bool = False
    steps: tuple[str, ...] = ()
    cost_description: str | None = None
    free_places: str | None = None  # who can have a place for free, when others pay
    cost_options: tuple[CostOption, ...] = ()
    delivery: tuple[str, ...] = ()
    locations: tuple[Location, ...] = ()
    schedules: tuple[Schedule, ...] = ()
    service_areas: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    local_offer: dict[str, str] = field(default_factory=dict)
    inclusion_charter: bool = False
    reviewed_by: str | None = None
    # The provider's own easy-read lines, by part (who_it_is_for, what_happens, ...).
    easy_read: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def is_overdue(self, today: dt.date) -> bool:
        """True when the entry was last checked more than 12 months before `today`."""
        return self.last_reviewed < one_year_before(today)

    def is_shown(self, today: dt.date) -> bool:
        """False before show_from, after show_until, or when closed for good."""
        if self.status == "closed":
            return False
        if self.show_from and today < self.show_from:
            return False
        return not (self.show_until and today > self.show_until)


def one_year_before(today: dt.date) -> dt.date:
    """The same day a year earlier (28 February for 29 February)."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return today.replace(year=today.year - 1, day=28)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def provider_from_dict(slug: str, data: dict[str, Any]) -> Provider:
    """Build a Provider from a validated entry."""
    organisation = data["organisation"]
    eligibility = data["eligibility"]
    access = data["how_to_access"]
    cost = data["cost"]
    return Provider(
        slug=slug,
        id=data.get("id"),
        name=data["name"],
        summary=data["summary"],
        description=data["description"],
        organisation_name=organisation["name"],
        organisation_website=organisation.get("website"),
        organisation_description=organisation.get("description"),
        status=data.get("status", "active"),
        moved_on=_date(data.get("moved_on")),
        show_from=_date(data.get("show_from")),
        show_until=_date(data.get("show_until")),
        categories=tuple(data["categories"]),
        needs=tuple(data["needs"]),
        min_age=int(data["age_range"]["min"]),
        max_age=int(data["age_range"]["max"]),
        eligibility=eligibility["description"],
        ehc_plan_needed=bool(eligibility.get("ehc_plan_needed", False)),
        diagnosis_needed=bool(eligibility.get("diagnosis_needed", False)),
        routes=tuple(access["routes"]),
        steps=tuple(access.get("steps", ())),
        free=bool(cost["free"]),
        cost_description=cost.get("description"),
        free_places=cost.get("free_places"),
        cost_options=tuple(
            CostOption(float(o["amount"]), o["per"], o.get("description"))
            for o in cost.get("options", ())
        ),
        contacts=tuple(Contact(**contact) for contact in data["contacts"]),
        delivery=tuple(data.get("delivery", ())),
        locations=tuple(_location(loc) for loc in data.get("locations", ())),
        schedules=tuple(
            Schedule(**{**slot, "days": tuple(slot.get("days", ()))})
            for slot in data.get("schedules", ())
        ),
        service_areas=tuple(data.get("service_areas", ())),
        languages=tuple(data.get("languages", ())),
        local_offer=dict(data.get("local_offer", {})),
        inclusion_charter=bool(data.get("inclusion_charter", False)),
        last_reviewed=dt.date.fromisoformat(data["last_reviewed"]),
        reviewed_by=data.get("reviewed_by"),
        easy_read={part: tuple(lines) for part, lines in data.get("easy_read", {}).items()},
    )


def _location(loc: dict[str, Any]) -> Location:
    """A venue; a private home keeps only its town and postcode district, whatever the file
    says, so that no page or export can publish the street or the map point."""
    fields = {**loc, "accessibility": tuple(loc.get("accessibility", ()))}
    if loc.get("private"):
        district = str(loc.get("postcode", "")).split(" ")[0]
        fields.update(address="", postcode=district, latitude=None, longitude=None)
    return Location(**{"address": "", **fields})


def directory_order(providers: Iterable[Provider]) -> list[Provider]:
    """The directory's order, by name: a service's number is its place in this list."""
    return sorted(providers, key=lambda p: (p.name.casefold(), p.slug))
