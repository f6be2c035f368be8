"""Rules about venues that need more than the schema: a home that is not marked private.

A childminder's or a family's home must not be published with its street and map point. An
address that starts with a house number, at a venue whose name is not an organisation's place
(no "Centre", "School", "Hall"...), looks like a home: we warn, and an editor decides.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from build_tools.entries.safe_yaml import YamlDocument, format_path
from build_tools.problems import Problem, make_problem

# One house number; "1 to 8 Example Mews" is a row of homes run as one place, not a home.
_HOUSE_NUMBER = re.compile(
    r"^\s*(?:flat\s+\w+,?\s*)?\d+[a-z]?\b(?!\s*(?:to|-|–)\s*\d)", re.IGNORECASE
)
_PLACE_WORDS = re.compile(
    r"\b(?:centre|center|hub|school|academy|college|university|nursery|pre-?school|church|"
    r"chapel|mosque|temple|gurdwara|synagogue|hall|library|club|hospital|clinic|surgery|"
    r"practice|park|pool|leisure|office|offices|trust|council|ltd|limited|cic|charity|"
    r"foundation|studio|studios|gym|farm|museum|theatre|building|unit|works|institute|"
    r"pavilion|arena|stadium|cafe|café|shop|store|hotel|pub|services?|lodge|court|house)\b",
    re.IGNORECASE,
)


def looks_like_a_home(venue: dict[str, Any]) -> bool:
    """A house number in the address and no sign of an organisation's place in the name."""
    address, name = venue.get("address"), venue.get("name")
    if not isinstance(address, str) or not _HOUSE_NUMBER.match(address):
        return False
    return not (isinstance(name, str) and _PLACE_WORDS.search(name))


def check_private_homes(doc: YamlDocument, file: str, today: dt.date) -> Iterator[Problem]:
    venues = doc.data.get("locations")
    for index, venue in enumerate(venues if isinstance(venues, list) else ()):
        if isinstance(venue, dict) and not venue.get("private") and looks_like_a_home(venue):
            path = ("locations", index, "address")
            yield make_problem(
                file,
                doc.position_of(path),
                "home-not-private",
                format_path(path),
                value=venue["address"],
            )
