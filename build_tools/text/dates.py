"""Dates in words, as every page writes them. Pure."""

from __future__ import annotations

import datetime as dt


def long_date(day: dt.date) -> str:
    """3 March 2026."""
    return f"{day.day} {day:%B %Y}"
