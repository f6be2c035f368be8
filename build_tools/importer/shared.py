"""Reading the parts of a service that ORUK 3.0 and ORUK 1.0 / Outpost feeds share, in any of
the shapes and spellings they come in."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..exports.oruk import EXTENSION
from ..exports.taxonomy import BY_KEY
from .convert import Conversion, set_markdown, set_plain
from .record import Record
from .values import (
    age,
    choice,
    clock,
    cost_unit,
    date,
    postcode,
    repeat_words,
    routes_from_text,
)

_LIST_LINE = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)])\s+(.*)$")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z0-9])")
MAX_STEPS = 12
_UK = {"gb", "uk", "united kingdom", "england", "great britain"}


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


def _coordinates(conversion: Conversion, location: Record) -> tuple[Any, Any]:
    geometry = location.record("geometry")
    if geometry is not None:
        geometry.use("type")
        points = geometry.get("coordinates")
        if isinstance(points, list) and len(points) == 2:
            return points[1], points[0]  # GeoJSON is longitude first
    return location.get("latitude"), location.get("longitude")


def _address(location: Record) -> Record:
    found = location.records("addresses", "physical_addresses")
    physical = [a for a in found if a.text("address_type") in (None, "physical")]
    for address in found:
        address.use("id", "location_id", "address_type")
    return (physical or found or [location])[0]


def read_location(conversion: Conversion, location: Record, county: str) -> None:
    """A venue: its name, first physical address, position and accessibility features."""
    location.use("id", "organization_id", "mask_exact_address")
    kind = location.text("location_type") or "physical"
    if kind == "virtual":
        conversion.add("delivery", "online")
        conversion.keep(
            location.path,
            location.text("name", "url") or "online",
            "an online location: delivery set to online",
        )
        return
    venue: dict[str, Any] = {}
    address = _address(location)
    lines = [address.text("address_1"), address.text("address_2")]
    street = ", ".join(line for line in lines if line)
    name = location.text("name") or street
    for key, value in (("name", name), ("address", street), ("town", address.text("city"))):
        if value:
            venue[key] = value
    code = address.text("postal_code", "postcode")
    if code and postcode(code):
        venue["postcode"] = postcode(code)
    elif code:
        conversion.keep(address.where("postal_code"), code, "not a UK postcode")
    for key in ("state_province", "region", "country"):
        value = address.text(key)
        if value and value.lower() not in _UK and value != county:
            conversion.keep(
                address.where(key), value, NOT_UK if key == "country" else "no field for it"
            )
    latitude, longitude = _coordinates(conversion, location)
    if isinstance(latitude, int | float) and isinstance(longitude, int | float):
        if 49.8 <= latitude <= 60.9 and -8.7 <= longitude <= 1.8:
            venue["latitude"], venue["longitude"] = latitude, longitude
        else:
            conversion.keep(location.path, [latitude, longitude], "not a position in the UK")
    transport = location.text("transportation", "transport")
    if transport:
        venue["transport"] = transport
    venue["accessibility"] = _accessibility(conversion, location)
    if not venue["accessibility"]:
        del venue["accessibility"]
    conversion.add("locations", venue)


NOT_UK = "the Local Offer lists places in the UK"


def _accessibility(conversion: Conversion, location: Record) -> list[str]:
    features = []
    for item in location.records(
        "accessibility", "accessibility_for_disabilities", "accessibilities"
    ):
        item.use("id", "location_id", "slug")
        text = item.text("description", "accessibility", "name") or ""
        found = choice(text, "locations", "accessibility")
        if found:
            features.append(found)
        else:
            conversion.keep(item.path, text, "an accessibility feature with no matching choice")
    return list(dict.fromkeys(features))


def read_schedule(
    conversion: Conversion, schedule: Record, day_codes: Mapping[str, str], term_time: bool
) -> None:
    """One time slot from RRULE-style fields (freq, byday) or a legacy weekday."""
    slot: dict[str, Any] = {}
    byday = schedule.text("byday") or ""
    weekday = schedule.text("weekday")
    freq = (schedule.text("freq") or "WEEKLY").upper()
    interval = schedule.get("interval")
    codes = [code.strip().upper() for code in byday.split(",") if code.strip()]
    if weekday:
        codes.append(weekday.strip()[:2].upper())
    simple = (
        freq in ("WEEKLY", "WEEK") and interval in (None, 1) and all(c in day_codes for c in codes)
    )
    if codes and simple:
        slot["days"] = list(dict.fromkeys(day_codes[c] for c in codes))
    elif codes:
        conversion.keep(
            schedule.path,
            {k: v for k, v in {"freq": freq, "byday": byday, "interval": interval}.items() if v},
            "a repeat pattern the Local Offer cannot show: see the notes",
        )
    else:
        schedule.use("freq", "interval")
    for key, target in (("opens_at", "opens"), ("closes_at", "closes")):
        raw = schedule.text(key)
        if raw and clock(raw):
            slot[target] = clock(raw)
        elif raw:
            conversion.keep(schedule.where(key), raw, "not a time")
    if term_time:
        slot["term_time_only"] = True
    notes = schedule.text("notes")
    description = schedule.text("description")
    if notes:
        slot["notes"] = notes
    if description and not _describes(description, slot, day_codes):
        if "notes" in slot:
            conversion.keep(schedule.where("description"), description, "a second note about times")
        else:
            slot["notes"] = description
    if "days" not in slot and "notes" not in slot and codes:
        slot["notes"] = repeat_words(freq, byday, dict(day_codes)) or f"Repeats: {freq} {byday}"
    if slot.get("days") or slot.get("notes"):
        conversion.add("schedules", slot)


def _describes(description: str, slot: dict[str, Any], day_codes: Mapping[str, str]) -> bool:
    """True if the description only repeats the days and times (as our export writes it)."""
    from ..exports.oruk import schedule_words
    from ..model import Schedule

    words = schedule_words(
        Schedule(
            tuple(slot.get("days", ())),
            slot.get("opens"),
            slot.get("closes"),
            bool(slot.get("term_time_only")),
            slot.get("notes"),
        ),
        with_notes=False,
    )
    return bool(words) and description == words


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
            conversion.keep(
                where, name, "a taxonomy term with no matching type of provision or need"
            )


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


def read_review_date(conversion: Conversion, service: Record) -> None:
    assured = service.text("assured_date")
    day = date(assured) if assured else None
    if day:
        conversion.put(("last_reviewed",), day)
    elif assured:
        conversion.keep(service.where("assured_date"), assured, "not a date")
    modified = service.data.get("last_modified")
    if isinstance(modified, str) and day and modified.startswith(day + "T00:00:00"):
        service.use("last_modified")  # our export writes the review date here
