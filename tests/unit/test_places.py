"""Postcodes, district centres and distances for "near me"."""

from __future__ import annotations

import dataclasses

import pytest

from build_tools.directory.places import (
    area_districts,
    area_name,
    district_centres,
    district_key,
    miles_between,
    nearest_miles,
    parse_postcode,
    service_points,
)
from build_tools.model import Location
from tests.unit.family_helpers import provider


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("DY8 1AW", ("DY8", "DY8 1AW")),
        ("dy81aw", ("DY8", "DY8 1AW")),
        ("  dy8   1aw ", ("DY8", "DY8 1AW")),
        ("DY8", ("DY8", "DY8")),
        ("DY10 3XB", ("DY10", "DY10 3XB")),
        ("B62 8RS", ("B62", "B62 8RS")),
        ("WV14", ("WV14", "WV14")),
        ("EC1A 1BB", ("EC1A", "EC1A 1BB")),
        ("hello", None),
        ("", None),
        ("12345", None),
        ("DY8 1A", None),
    ],
)
def test_parse_postcode(typed: str, expected: tuple[str, str] | None) -> None:
    assert parse_postcode(typed) == expected


def test_miles_between_known_places() -> None:
    # One degree of latitude is a 360th of the Earth's circumference: about 69.1 miles.
    assert miles_between((52.0, -2.1), (53.0, -2.1)) == pytest.approx(69.09, abs=0.01)
    # Dudley to Stourbridge town centres: about 4.8 miles as the crow flies.
    assert miles_between((52.5122, -2.0811), (52.4560, -2.1479)) == pytest.approx(4.8, abs=0.1)
    assert miles_between((52.5, -2.1), (52.5, -2.1)) == 0


def test_district_centres_are_the_middle_of_distinct_venues() -> None:
    here = Location("Hall", "1 Road", "Stourbridge", "DY8 1AA", 52.40, -2.10)
    there = Location("Hub", "2 Road", "Stourbridge", "DY8 2BB", 52.50, -2.20)
    services = (
        provider("a", locations=(here,)),
        provider("b", locations=(here, there)),  # the hall counts once
        provider("c", locations=(Location("X", "3 Road", "Lye", "DY9 8LB", 52.46, -2.12),)),
    )
    assert district_centres(services) == {"DY8": (52.45, -2.15), "DY9": (52.46, -2.12)}


def test_area_districts_hold_venues_in_the_area_towns_only() -> None:
    services = (
        provider("a", locations=(Location("S", "1 Road", "Stourbridge", "DY8 1AA", 52.4, -2.1),)),
        provider(
            "b", locations=(Location("K", "2 Road", "Kidderminster", "DY10 3XB", 52.3, -2.2),)
        ),
        provider("c", locations=(Location("H", "3 Road", "Halesowen", "B62 8RS", 52.44, -2.05),)),
    )
    assert area_districts(services) == ("B62", "DY8")
    assert area_name() == "Dudley borough"


def test_districts_sort_by_number() -> None:
    assert sorted(["DY10", "DY2", "B63", "DY1"], key=district_key) == ["B63", "DY1", "DY2", "DY10"]


def test_a_venue_without_coordinates_is_placed_at_its_district() -> None:
    placed = Location("Hall", "1 Road", "Stourbridge", "DY8 1AA", 52.40, -2.10)
    unplaced = dataclasses.replace(placed, postcode="DY8 3ZZ", latitude=None, longitude=None)
    lost = dataclasses.replace(unplaced, postcode="WV1 1AA")
    centres = {"DY8": (52.45, -2.15)}
    assert service_points(provider("a", locations=(unplaced,)), centres) == ((52.45, -2.15),)
    assert service_points(provider("b", locations=(lost,)), centres) == ()
    assert service_points(provider("c", locations=(placed, placed)), centres) == ((52.4, -2.1),)


def test_nearest_miles() -> None:
    assert nearest_miles((52.4, -2.1), []) is None
    near, far = (52.41, -2.1), (52.6, -2.1)
    assert nearest_miles((52.4, -2.1), [far, near]) == miles_between((52.4, -2.1), near)
