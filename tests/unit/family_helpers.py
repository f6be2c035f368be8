"""A small Provider builder for the families' tools' unit tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from build_tools.model import Contact, Provider


def provider(slug: str, **fields: Any) -> Provider:
    """A valid Provider named after its slug; any field can be given."""
    values: dict[str, Any] = {
        "slug": slug,
        "name": slug.replace("-", " ").title(),
        "summary": f"About {slug}.",
        "description": "A service.",
        "organisation_name": "Example Trust",
        "categories": ("leisure",),
        "needs": ("all",),
        "min_age": 0,
        "max_age": 25,
        "eligibility": "Anyone.",
        "routes": ("self-referral",),
        "free": True,
        "contacts": (Contact("Team", phone="01632 960000"),),
        "last_reviewed": dt.date(2026, 5, 1),
    }
    values.update(fields)
    return Provider(**values)
