"""The contact details a submission adds, changes or removes, for the top of its pull request.

A submission through the issue form is reviewed by an editor, who sees the whole file's diff.
The changes that matter most are the ways families reach a service: a phone number, an email
address, a website or an address that someone else slipped in would send families, and what
they say, to a stranger. So each one is listed on its own, before anything else in the pull
request. Pure functions on entries as dicts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# The fields that say how to reach a service, by where they are in an entry.
CONTACT_FIELDS = {
    "contacts": ("phone", "text", "email", "website"),
    "locations": ("name", "address", "town", "postcode"),
    "organisation": ("website",),
    "local_offer": ("sen_information_report",),
}


@dataclass(frozen=True)
class ContactChange:
    """One contact detail as it was and as it will be ("" when there was or will be none)."""

    field: str  # contacts[0].phone
    before: str
    after: str


def _details(entry: Any) -> Iterator[tuple[str, str]]:
    if not isinstance(entry, dict):
        return
    for group, keys in CONTACT_FIELDS.items():
        value = entry.get(group)
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            if not isinstance(item, dict):
                continue
            where = group if index is None else f"{group}[{index}]"
            for key in keys:
                detail = item.get(key)
                if detail is not None and not isinstance(detail, (dict, list)):
                    yield f"{where}.{key}", " ".join(str(detail).split())


def contact_changes(before: Any, after: Any) -> tuple[ContactChange, ...]:
    """Every contact detail that differs between two entries, in the order of the fields; for a
    new service (`before` empty), every contact detail it has."""
    old, new = dict(_details(before)), dict(_details(after))
    fields = list(dict.fromkeys([*old, *new]))
    return tuple(
        ContactChange(field, old.get(field, ""), new.get(field, ""))
        for field in fields
        if old.get(field, "") != new.get(field, "")
    )
