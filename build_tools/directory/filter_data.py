"""The data the directory's script filters with, as small static files. Pure functions.

Families filter the directory far more often than they type search words, and a filter must
stay cheap at any size (a search engine asked for every service matching a filter with no
words downloads its whole index: 2.9 MB at 5,000 services with Pagefind). So filtering has
files of its own:

- `services/directory/bits/<filter>/<value>.bin`: one bit per service, in directory order
  (by name), set when the service matches that value. A filter costs one file of N/8 bytes
  (625 bytes at 5,000 services), and choosing several is an AND of bit sets.
- `services/directory/cards/<n>.json`: the cards of services n*20 to n*20+19, in directory order,
  fetched only for the services a family scrolls to.
- `services/directory/bits/venue/<town>.bin`: the services happening in a town (a venue
  there), which come first when a family chooses that town.
- `services/directory/checked.bin`: service numbers from the most recently checked, as
  little-endian 32-bit integers, fetched only when a family sorts that way.

Search words use the word index (search/word_index.py), which numbers services the same way.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Iterable

from slugify import slugify

from build_tools.directory.cards import card_facts
from build_tools.directory.filters import FILTERS, MAX_AGE, MIN_AGE, ages_of, venue_areas_of
from build_tools.model import Provider, directory_order

DIRECTORY_DATA = "services/directory"
CARDS_PER_FILE = 20


def value_file(value: str) -> str:
    """A filter value as a file name: ASD -> asd, dudley-borough -> dudley-borough."""
    return slugify(value) or "other"


def bit_set(members: Iterable[int], count: int) -> bytes:
    """Bit n (byte n // 8, bit n % 8) is set for every service number n in `members`."""
    bits = bytearray((count + 7) // 8)
    for number in members:
        bits[number >> 3] |= 1 << (number & 7)
    return bytes(bits)


def filter_members(ordered: list[Provider]) -> dict[str, dict[str, list[int]]]:
    """For each filter and value, the numbers of the services that match it."""
    members: dict[str, dict[str, list[int]]] = {f.key: {} for f in FILTERS}
    members["age"] = {str(age): [] for age in range(MIN_AGE, MAX_AGE + 1)}
    members["cost"] = {"free": []}
    # Not a control of the form: with a town chosen, services happening there come first.
    members["venue"] = {}
    for number, provider in enumerate(ordered):
        for item in FILTERS:
            for value in item.values_of(provider):
                members[item.key].setdefault(value, []).append(number)
        for town in venue_areas_of(provider):
            members["venue"].setdefault(town, []).append(number)
        for age in ages_of(provider):
            members["age"][age].append(number)
        if provider.free or provider.free_places:  # free for some families counts
            members["cost"]["free"].append(number)
    return members


def card_data(provider: Provider) -> dict[str, object]:
    """What a result card shows, in the shape the directory's script draws cards from."""
    meta: dict[str, object] = {"title": provider.name, "summary": provider.summary}
    meta.update((term.lower(), value) for term, value in card_facts(provider))
    if provider.status == "temporarily-closed":
        meta["closed"] = True
    return {"url": f"services/{provider.slug}/", "meta": meta}


def directory_files(providers: Iterable[Provider]) -> dict[str, bytes]:
    """Every directory data file, as {path in the site: contents}."""
    ordered = directory_order(providers)
    count = len(ordered)
    files: dict[str, bytes] = {}
    for key, values in filter_members(ordered).items():
        for value, numbers in values.items():
            path = f"{DIRECTORY_DATA}/bits/{key}/{value_file(value)}.bin"
            files[path] = bit_set(numbers, count)
    for start in range(0, count, CARDS_PER_FILE):
        cards = [card_data(p) for p in ordered[start : start + CARDS_PER_FILE]]
        text = json.dumps(cards, ensure_ascii=False, separators=(",", ":"))
        files[f"{DIRECTORY_DATA}/cards/{start // CARDS_PER_FILE}.json"] = text.encode()
    newest_first = sorted(range(count), key=lambda n: (-ordered[n].last_reviewed.toordinal(), n))
    files[f"{DIRECTORY_DATA}/checked.bin"] = struct.pack(f"<{count}I", *newest_first)
    return files
