"""The services as one CSV file for editors and spreadsheets: one row per service.

UTF-8 with a byte-order mark so Excel reads accents and £ signs, lists joined with "; ", and
any cell that a spreadsheet would run as a formula (starting =, +, -, @, tab or carriage return)
made plain text with a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from build_tools.exports.ids import service_id
from build_tools.exports.oruk import schedule_words
from build_tools.exports.publisher import Publisher
from build_tools.model import Provider
from build_tools.schema import vocabulary
from build_tools.text.wording import age_text, cost_text

LIST_SEPARATOR = "; "
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    value: Callable[[Provider, Publisher], str]


def _labels(values: Sequence[str], *path: str) -> str:
    labels = vocabulary(*path)
    return LIST_SEPARATOR.join(labels[value] for value in values)


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def _contacts(provider: Provider, field: str) -> str:
    return LIST_SEPARATOR.join(
        f"{contact.role}: {getattr(contact, field)}"
        for contact in provider.contacts
        if getattr(contact, field)
    )


def _venues(provider: Provider) -> str:
    return LIST_SEPARATOR.join(
        ", ".join(part for part in (loc.name, loc.address, loc.town, loc.postcode) if part)
        for loc in provider.locations
    )


def _schedules(provider: Provider) -> str:
    return LIST_SEPARATOR.join(schedule_words(slot) for slot in provider.schedules)


COLUMNS: tuple[Column, ...] = (
    Column(
        "id",
        "The service's permanent id (a UUID), as in the ORUK API",
        lambda p, _: service_id(p.id, p.slug),
    ),
    Column("name", "Service name", lambda p, _: p.name),
    Column("summary", "One-sentence summary", lambda p, _: p.summary),
    Column("organisation", "Organisation that runs it", lambda p, _: p.organisation_name),
    Column(
        "organisation_website", "Organisation's website", lambda p, _: p.organisation_website or ""
    ),
    Column(
        "types_of_provision",
        "Types of provision, as labels",
        lambda p, _: _labels(p.categories, "categories"),
    ),
    Column("needs", "Needs supported, as labels", lambda p, _: _labels(p.needs, "needs")),
    Column("min_age", "Youngest age, in years", lambda p, _: str(p.min_age)),
    Column("max_age", "Oldest age, in years", lambda p, _: str(p.max_age)),
    Column("ages", "Ages in words", lambda p, _: age_text(p.min_age, p.max_age)),
    Column("who_can_use_it", "Who can use it (simple Markdown)", lambda p, _: p.eligibility),
    Column(
        "ehc_plan_needed", "yes if an EHC plan is needed", lambda p, _: _yes_no(p.ehc_plan_needed)
    ),
    Column(
        "diagnosis_needed", "yes if a diagnosis is needed", lambda p, _: _yes_no(p.diagnosis_needed)
    ),
    Column(
        "how_to_get_it",
        "Ways in, as labels",
        lambda p, _: _labels(p.routes, "how_to_access", "routes"),
    ),
    Column("steps", "The steps, in order", lambda p, _: LIST_SEPARATOR.join(p.steps)),
    Column("free", "yes if free for families", lambda p, _: _yes_no(p.free)),
    Column("cost", "Prices in words, or Free", lambda p, _: cost_text(p)),
    Column(
        "about_the_cost",
        "More about the cost (simple Markdown)",
        lambda p, _: p.cost_description or "",
    ),
    Column("phones", "Phone numbers, each as 'role: number'", lambda p, _: _contacts(p, "phone")),
    Column(
        "text_numbers", "Numbers to text, each as 'role: number'", lambda p, _: _contacts(p, "text")
    ),
    Column(
        "emails", "Email addresses, each as 'role: address'", lambda p, _: _contacts(p, "email")
    ),
    Column("websites", "Web pages, each as 'role: address'", lambda p, _: _contacts(p, "website")),
    Column(
        "delivery", "How it is delivered, as labels", lambda p, _: _labels(p.delivery, "delivery")
    ),
    Column("venues", "Venues, each as 'name, address, town, postcode'", lambda p, _: _venues(p)),
    Column(
        "postcodes",
        "Venue postcodes",
        lambda p, _: LIST_SEPARATOR.join(loc.postcode for loc in p.locations),
    ),
    Column(
        "accessibility",
        "Accessibility features of any venue, as labels",
        lambda p, _: _labels(
            sorted({f for loc in p.locations for f in loc.accessibility}),
            "locations",
            "accessibility",
        ),
    ),
    Column("when", "When it runs, one time slot each", lambda p, _: _schedules(p)),
    Column(
        "areas_served",
        "Areas served, as labels",
        lambda p, _: _labels(p.service_areas, "service_areas"),
    ),
    Column("languages", "Languages, as labels", lambda p, _: _labels(p.languages, "languages")),
    Column(
        "inclusion_charter",
        "yes if the provider signed the Inclusion Charter",
        lambda p, _: _yes_no(p.inclusion_charter),
    ),
    Column("status", "active or temporarily-closed", lambda p, _: p.status),
    Column(
        "last_reviewed",
        "Date the entry was last checked (YYYY-MM-DD)",
        lambda p, _: p.last_reviewed.isoformat(),
    ),
    Column("reviewed_by", "Role or team that checked it", lambda p, _: p.reviewed_by or ""),
    Column("page", "The service's page on the site", lambda p, site: site.page_url(p)),
)


def safe_cell(value: str) -> str:
    """The value, made plain text if a spreadsheet would treat it as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def services_csv(providers: Sequence[Provider], publisher: Publisher) -> bytes:
    """The CSV file's bytes: a header row of column names, then one row per service."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(column.name for column in COLUMNS)
    for provider in providers:
        writer.writerow(safe_cell(column.value(provider, publisher)) for column in COLUMNS)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
