"""The directory's "near you" controls and the data behind them. Pure functions.

The browser (near-me.js) loads `services/near-me.json` only when a family asks for distances, so
the directory's first visit stays small. The file holds the middle of each postcode district
in the area, and the venue coordinates of every service in name order. A family's postcode or
location never leaves the browser.
"""

from __future__ import annotations

import html
import json
from typing import Any

from build_tools.directory.places import (
    area_districts,
    area_name,
    district_centres,
    parse_postcode,
    service_points,
)
from build_tools.model import Provider, directory_order
from build_tools.schema import vocabulary

NEAR_ME_DATA = "services/near-me.json"
DISTANCES = (1, 2, 5, 10)  # miles, for "within 1, 2, 5 or 10 miles"
# Used as the example in hints and messages when no venue has a postcode in the area.
FALLBACK_EXAMPLE = "DY1 1HZ"


def example_postcode(providers: tuple[Provider, ...]) -> str:
    """A real postcode from the data, in the area, to show as an example."""
    districts = set(area_districts(providers))
    postcodes = sorted(
        parsed[1]
        for provider in providers
        for location in provider.locations
        if (parsed := parse_postcode(location.postcode)) and parsed[0] in districts
    )
    return postcodes[0] if postcodes else FALLBACK_EXAMPLE


def _no_venue_text(provider: Provider) -> str:
    """How a service with no venue is given, in words for a card: "online, by phone"."""
    labels = vocabulary("delivery")
    ways = [labels[way].lower() for way in provider.delivery if way != "in-person"]
    return ", ".join(ways)


def _service_entry(provider: Provider, centres: dict[str, tuple[float, float]]) -> dict[str, Any]:
    entry: dict[str, Any] = {"slug": provider.slug}
    points = service_points(provider, centres)
    if points:
        entry["at"] = [list(point) for point in points]
    elif not provider.locations:
        entry["how"] = _no_venue_text(provider)
    # A venue whose place is unknown gets neither: the card says the distance is not known.
    return entry


def near_me_data(providers: tuple[Provider, ...]) -> dict[str, Any]:
    """The contents of near-me.json."""
    centres = district_centres(providers)
    in_area = area_districts(providers)
    ordered = directory_order(providers)  # so a service's number is the same in both
    return {
        "area": area_name(),
        "example": example_postcode(providers),
        "districts": {district: list(centres[district]) for district in in_area},
        "services": [_service_entry(provider, centres) for provider in ordered],
    }


def near_me_json(providers: tuple[Provider, ...]) -> str:
    """near-me.json as compact text."""
    return json.dumps(near_me_data(providers), separators=(",", ":"), ensure_ascii=False)


def near_me_fields(example: str) -> str:
    """The "Near you" fieldset of the directory's form, as one line of HTML.

    The postcode box has no `name`, so a postcode never goes into the address bar (and from
    there into a web server's logs). Only the distance goes into the URL.
    """
    example = html.escape(example)
    district = example.split(" ")[0]
    distances = "".join(
        f'<option value="{miles}">Within {miles} mile{"s" if miles > 1 else ""}</option>'
        for miles in DISTANCES
    )
    return (
        f'<fieldset class="lo-near" id="lo-near" data-example="{example}" '
        f'data-district="{district}"><legend>Near you</legend>'
        '<p class="lo-hint">Find services close to home. Your postcode or location stays in '
        "this browser: it is never sent to anyone.</p>"
        '<div class="lo-field"><label for="lo-near-postcode">Postcode</label>'
        f'<p class="lo-hint" id="lo-near-postcode-hint">For example {example}, or just {district}'
        "</p>"
        '<p class="lo-error" id="lo-near-error" hidden></p>'
        '<div class="lo-search-row"><input id="lo-near-postcode" type="text" '
        'autocomplete="postal-code" autocapitalize="characters" spellcheck="false" '
        'class="lo-postcode" aria-describedby="lo-near-postcode-hint lo-near-error">'
        '<button type="button" id="lo-near-find" class="md-button">Find services near this '
        "postcode</button></div></div>"
        '<p class="lo-near-buttons"><button type="button" id="lo-near-here" class="md-button">'
        'Use my location</button><button type="button" id="lo-near-forget" class="md-button" '
        "hidden>Forget my postcode or location</button></p>"
        '<p id="lo-near-note" class="lo-near-note"></p>'
        '<div class="lo-field"><label for="lo-filter-within">Distance</label>'
        '<select id="lo-filter-within" name="within"><option value="">Any distance</option>'
        f"{distances}</select></div></fieldset>"
    )
