"""Postcodes, venue coordinates and distances, for "near me". Pure functions.

A typed postcode is placed without any geocoder: at build time, each postcode district (DY8 in
DY8 1AW) gets the middle of the venues the providers list in it, from their own coordinates.
A district is in the area when one of its venues is in a town of the area (the `service_areas`
vocabulary). The browser does the same postcode parsing and distance sums (near-me.js), so the
tests compare the two.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable

from build_tools.model import Location, Provider
from build_tools.schema import vocabulary

Point = tuple[float, float]
EARTH_RADIUS_MILES = 3958.8
# Coordinates are published to 4 decimal places: about 10 metres, plenty for "about 1.2 miles".
PLACES = 4
# Service-area values that are not towns of the area.
_NOT_TOWNS = ("dudley-borough", "outside-dudley")
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})?$")


def parse_postcode(text: str) -> tuple[str, str] | None:
    """(district, postcode as written normally) for a full postcode or a district, else None.

    "dy8 1aw" -> ("DY8", "DY8 1AW"); "DY8" -> ("DY8", "DY8"); "hello" -> None.
    """
    squashed = re.sub(r"\s+", "", text).upper()
    match = _POSTCODE.match(squashed)
    if not match:
        return None
    district, inward = match.group(1), match.group(2)
    return district, f"{district} {inward}" if inward else district


def miles_between(a: Point, b: Point) -> float:
    """The straight-line (great-circle) distance between two points, in miles."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(h))


def _point(location: Location) -> Point | None:
    if location.latitude is None or location.longitude is None:
        return None
    return (round(location.latitude, PLACES), round(location.longitude, PLACES))


def _venues(providers: Iterable[Provider]) -> Iterable[tuple[str, Point, str]]:
    """(district, point, town) of every venue with coordinates and a valid postcode."""
    for provider in providers:
        for location in provider.locations:
            parsed = parse_postcode(location.postcode)
            point = _point(location)
            if parsed and point:
                yield parsed[0], point, location.town


def district_centres(providers: Iterable[Provider]) -> dict[str, Point]:
    """The middle of the venues in each postcode district; a shared venue counts once."""
    points: dict[str, set[Point]] = defaultdict(set)
    for district, point, _ in _venues(providers):
        points[district].add(point)
    return {
        district: (
            round(sum(lat for lat, _ in found) / len(found), PLACES),
            round(sum(lon for _, lon in found) / len(found), PLACES),
        )
        for district, found in sorted(points.items(), key=lambda item: district_key(item[0]))
    }


def district_key(district: str) -> tuple[str, int, str]:
    """Sort districts as people expect: DY1, DY2, ..., DY10, not DY1, DY10, DY2."""
    match = re.match(r"([A-Z]+)(\d+)(.*)", district)
    return (match.group(1), int(match.group(2)), match.group(3)) if match else (district, 0, "")


def area_towns() -> set[str]:
    """The towns of the area, in lower case, from the service-area vocabulary."""
    areas = vocabulary("service_areas")
    return {label.casefold() for key, label in areas.items() if key not in _NOT_TOWNS}


def area_districts(providers: Iterable[Provider]) -> tuple[str, ...]:
    """Postcode districts with at least one venue in a town of the area, in order."""
    towns = area_towns()
    found = {district for district, _, town in _venues(providers) if town.casefold() in towns}
    return tuple(sorted(found, key=district_key))


def area_name() -> str:
    """What families call the whole area: "Dudley borough" (from "All of Dudley borough")."""
    label = vocabulary("service_areas")[_NOT_TOWNS[0]]
    return re.sub(r"^all of\s+", "", label, flags=re.IGNORECASE)


def service_points(provider: Provider, centres: dict[str, Point]) -> tuple[Point, ...]:
    """Where a service's venues are: their own coordinates, else their district's middle."""
    points = []
    for location in provider.locations:
        point = _point(location)
        if point is None:
            parsed = parse_postcode(location.postcode)
            point = centres.get(parsed[0]) if parsed else None
        if point is not None and point not in points:
            points.append(point)
    return tuple(points)


def nearest_miles(place: Point, points: Iterable[Point]) -> float | None:
    """The distance to the nearest of `points`, or None when there are none."""
    distances = [miles_between(place, point) for point in points]
    return min(distances) if distances else None
