"""Reading the parts of a service that ORUK 3.0 and ORUK 1.0 / Outpost feeds share, in any of
the shapes and spellings they come in."""

from __future__ import annotations

import re
from typing import Any

from build_tools.exports.oruk import EXTENSION
from build_tools.exports.taxonomy import BY_KEY
from build_tools.importer.feeds.convert import Conversion, set_markdown, set_plain
from build_tools.importer.feeds.record import UNMAPPED_TERM, Record
from build_tools.importer.feeds.values import age, choice, cost_unit, date, routes_from_text

_LIST_LINE = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)])\s+(.*)$")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z0-9])")
MAX_STEPS = 12


def read_ages(conversion: Conversion, record: Record, low_key: str, high_key: str) -> None:
    """Ages; -1, blanks and words mean unknown, and 'up to 100' means up to 25."""
    low, high = age(record.get(low_key)), age(record.get(high_key))
    for key, raw, value in (
        (low_key, record.data.get(low_key), low),
        (high_key, record.data.get(high_key), high),
    ):
        if raw not in (None, "", -1, "-1") and value is None:
            conversion.keep(record.where(key), raw, "not an age in years")
    if high is not None and high > 25:
        conversion.note(f"age_range.max: the feed says {high}; the Local Offer stops at 25")
        high = 25
    if low is not None and low > 25:
        conversion.keep(record.where(low_key), low, "older than the Local Offer's 0 to 25")
        low = None
    if low is not None:
        conversion.put(("age_range", "min"), low)
    if high is not None:
        conversion.put(("age_range", "max"), high)


def contact_role(conversion: Conversion, contact: Record, check_name: bool = True) -> str:
    """The role a contact is published under: its title, else its name, else "Enquiries". A
    name beside a title is kept out of the entry (contacts are roles, not people); a name alone
    is noted for the importer to check, when `check_name`."""
    name, title = contact.text("name"), contact.text("title")
    if title and name:
        reason = "contacts are roles, not people: not published"
        conversion.keep(contact.where("name"), name, reason)
    elif name and check_name:
        conversion.note(f"contacts: check '{name}' is a role or team, not a person's name")
    return title or name or "Enquiries"


def read_organisation(conversion: Conversion, organisation: Record | None) -> None:
    if organisation is None:
        return
    organisation.use("id")
    set_plain(conversion, ("organisation", "name"), organisation.get("name"))
    website = organisation.text("website", "url")
    if website and website.startswith(("https://", "http://")):
        conversion.put(("organisation", "website"), website)
    elif website:
        conversion.keep(organisation.where("website"), website, "not a web address")
    ext = organisation.record(EXTENSION)
    description = organisation.get("description")
    if ext is not None and ext.get("description_generated"):
        return  # our export's stand-in for a missing description
    set_markdown(
        conversion, ("organisation", "description"), description, organisation.where("description")
    )


def read_steps(conversion: Conversion, text: Any, where: str) -> None:
    """Free text about how to apply, as steps: its list lines, or else its sentences."""
    if not isinstance(text, str) or not text.strip():
        return
    lines = [line for line in text.splitlines() if line.strip()]
    listed = [m.group(1).strip() for m in map(_LIST_LINE.match, lines) if m]
    steps = listed or [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]
    if len(steps) > MAX_STEPS:
        steps = [*steps[: MAX_STEPS - 1], " ".join(steps[MAX_STEPS - 1 :])]
    conversion.put(("how_to_access", "steps"), steps)
    conversion.note(f"how_to_access.steps: taken from {where}; check the order and wording")
    routes = routes_from_text(text)
    if routes and not conversion.has("how_to_access", "routes"):
        conversion.put(("how_to_access", "routes"), routes)
        conversion.note(f"how_to_access.routes: worked out from the words in {where}")


def read_cost_option(conversion: Conversion, option: Record) -> float:
    """One price; a price in a unit we have no choice for is added to 'About the cost'."""
    raw = option.get("amount")
    amount: float | None = None
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        amount = float(raw)
    elif isinstance(raw, str):
        try:
            amount = float(raw.replace("£", "").replace(",", "").strip())
        except ValueError:
            conversion.keep(option.where("amount"), raw, "not an amount of money")
    currency = option.text("currency")
    if currency and currency.upper() != "GBP":
        conversion.keep(option.where("currency"), currency, "prices are in pounds")
    if amount is None:
        return 0.0
    unit_text = option.text("amount_description", "cost_type") or ""
    unit, rest = choice(unit_text, "cost", "options", "per"), ""
    if unit is None:
        unit, rest = cost_unit(unit_text)
    label = option.text("option")
    if unit is None:
        priced = f"£{amount:,.2f} {unit_text}".strip()
        words = f"{label}: {priced}" if label else priced
        old = conversion.entry.get("cost", {}).get("description")
        conversion.put(("cost", "description"), f"{old}\n\n{words}" if old else words)
        conversion.note(f"cost.description: '{words}' has no unit we can choose, so it is text")
        return amount
    description = ", ".join(filter(None, (label, rest if rest and rest != "per" else None)))
    price: dict[str, Any] = {"amount": amount, "per": unit}
    if description:
        price["description"] = description
    conversion.entry.setdefault("cost", {}).setdefault("options", []).append(price)
    return amount


def read_service_areas(conversion: Conversion, areas: list[Record]) -> None:
    for area in areas:
        area.use("id", "service_id")
        text = area.text("name", "service_area") or ""
        found = choice(text, "service_areas")
        if found:
            area.use("service_area", "name")
            conversion.add("service_areas", found)
        else:
            conversion.keep(area.path, text, "an area with no matching choice")


def read_languages(conversion: Conversion, languages: list[Record]) -> None:
    for language in languages:
        language.use("id", "service_id", "phone_id")
        names = [language.text(key) for key in ("name", "code", "language")]
        found = next((choice(n, "languages") for n in names if n and choice(n, "languages")), None)
        if found:
            conversion.add("languages", found)
        elif any(names):
            conversion.keep(
                language.path,
                next((n for n in names if n), ""),
                "a language with no matching choice",
            )


def read_terms(
    conversion: Conversion, names: list[tuple[str, str]], prefer: str | None = None
) -> None:
    """Taxonomy terms matched to types of provision or needs, by code or name."""
    for where, name in names:
        keys = [prefer] if prefer else ["categories", "needs"]
        found = next(((key, choice(name, key)) for key in keys if choice(name, key)), None)
        if found:
            conversion.add(found[0], found[1])
        else:
            conversion.keep(where, name, UNMAPPED_TERM)


def read_attribute_terms(conversion: Conversion, attributes: list[Record]) -> None:
    names = []
    for attribute in attributes:
        attribute.use("id", "link_id", "taxonomy_term_id", "link_type", "link_entity")
        term = attribute.record("taxonomy_term")
        if term is None:
            continue
        term.use("id", "parent_id", "taxonomy_id", "taxonomy", "description", "term", "term_uri")
        key = next((k for k, t in BY_KEY.items() if t.id == term.data.get("taxonomy_id")), None)
        code = term.text("code")
        if key and code and choice(code, key):
            conversion.add(key, choice(code, key))
            term.use("name")
            continue
        names.append((term.path, term.text("name", "term") or code or ""))
    read_terms(conversion, names)


def read_review_date(conversion: Conversion, service: Record, ours: bool = False) -> None:
    """last_reviewed from the feed's assured date, or else the date it was last updated.

    Another directory's dates say when someone last touched the record, not that a provider
    checked it, so the value is proposed for an editor to confirm (our own export's is a fact).
    """
    assured = service.text("assured_date")
    day = date(assured) if assured else None
    if assured and not day:
        conversion.keep(service.where("assured_date"), assured, "not a date")
    modified = service.data.get("last_modified")
    if isinstance(modified, str) and day and modified.startswith(day + "T00:00:00"):
        service.use("last_modified")  # our export writes the review date here
    source = "assured date"
    if not day:
        for key in ("updated_at", "last_modified"):
            updated = service.text(key)
            day = date(updated) if updated else None
            if day:
                source = "last update"
                break
    if not day:
        return
    conversion.put(("last_reviewed",), day)
    if not ours:
        conversion.note(
            f"last_reviewed: proposed from the feed's {source} ({day}); confirm the entry with "
            "the provider, then set the date you checked it"
        )
