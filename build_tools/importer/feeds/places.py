"""Reading venues from a feed: the address in any of its shapes, the position, and the
accessibility features matched to ours."""

from __future__ import annotations

from typing import Any

from build_tools.directory.places import parse_postcode
from build_tools.exports.oruk import PRIVATE_ADDRESS
from build_tools.importer.feeds.convert import Conversion
from build_tools.importer.feeds.record import Record
from build_tools.importer.feeds.values import choice, postcode

_UK = {"gb", "uk", "united kingdom", "england", "great britain"}


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
    """A venue: its name, first physical address, position and accessibility features.

    A venue the feed lists twice (Outpost puts each under `locations` and again under
    `service_at_locations[].location`) is read once: the same id, or the same address and
    position, is the same venue. A masked address is a private home."""
    location.use("id", "organization_id")
    kind = location.text("location_type") or "physical"
    if kind == "virtual":
        conversion.add("delivery", "online")
        conversion.keep(
            location.path,
            location.text("name", "url") or "online",
            "an online location: delivery set to online",
        )
        return
    scratch = Conversion(conversion.source)  # what this copy says, until we know it is new
    venue = _venue(scratch, location, county)
    raw_id = location.data.get("id")
    key = str(raw_id) if raw_id not in (None, "") else None
    same = _same_venue(conversion, venue, key)
    if same is not None:
        known = conversion.entry["locations"][same]
        features = [*known.get("accessibility", ()), *venue.get("accessibility", ())]
        if features:
            known["accessibility"] = list(dict.fromkeys(features))
        location.use_all()  # its leftovers are the first copy's, already kept
        return
    conversion.kept.extend(scratch.kept)
    conversion.derived.extend(scratch.derived)
    if key:
        conversion.venue_ids[key] = len(conversion.entry.get("locations", []))
    conversion.add("locations", venue)


def _same_venue(conversion: Conversion, venue: dict[str, Any], key: str | None) -> int | None:
    if key and key in conversion.venue_ids:
        return conversion.venue_ids[key]
    where = _place_key(venue)
    for index, known in enumerate(conversion.entry.get("locations", [])):
        if where and _place_key(known) == where:
            return index
    return None


def _place_key(venue: dict[str, Any]) -> tuple[Any, ...] | None:
    """The address and point of a venue, for telling copies apart; None without an address."""
    parts = [str(venue.get(k, "")).lower() for k in ("address", "town", "postcode")]
    if not any(parts[:2]):
        return None
    point = tuple(round(venue[k], 4) for k in ("latitude", "longitude") if k in venue)
    return (*parts, *point, venue.get("private", False))


def _venue(conversion: Conversion, location: Record, county: str) -> dict[str, Any]:
    venue: dict[str, Any] = {}
    address = _address(location)
    lines = [address.text("address_1"), address.text("address_2")]
    ours_private = lines[0] == PRIVATE_ADDRESS  # our export's words for a private home
    street = "" if ours_private else ", ".join(line for line in lines if line)
    name = location.text("name") or street
    for key, value in (("name", name), ("address", street), ("town", address.text("city"))):
        if value:
            venue[key] = value
    code = address.text("postal_code", "postcode")
    district = parse_postcode(code) if code else None
    masked = location.get("mask_exact_address") in (True, "true", 1) or ours_private
    if code and postcode(code):
        venue["postcode"] = postcode(code)
    elif district and (masked or not street):  # only a district: a hidden home address
        venue["postcode"] = district[0]
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
    if masked or (district and not street and district[1] == district[0]):
        _make_private(conversion, venue, location, masked)
    return venue


def _make_private(
    conversion: Conversion, venue: dict[str, Any], location: Record, masked: bool
) -> None:
    """Someone's home: keep only the town and postcode district, and no map point."""
    for key in ("address", "latitude", "longitude"):
        venue.pop(key, None)
    if location.text("name") is None:  # the name was the street
        venue["name"] = "Private home"
    if "postcode" in venue:
        venue["postcode"] = venue["postcode"].split(" ")[0]
    venue["private"] = True
    why = "the feed hides its exact address" if masked else "the feed gives no street"
    conversion.note(
        f"locations: '{venue.get('name', 'a venue')}' is marked private because {why}: only "
        "the town and postcode district are shown"
    )


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
