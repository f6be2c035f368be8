"""Reading venues from a feed: the address in any of its shapes, the position, and the
accessibility features matched to ours."""

from __future__ import annotations

from typing import Any

from .convert import Conversion
from .record import Record
from .values import choice, postcode

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
