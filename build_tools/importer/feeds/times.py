"""Reading time slots from a feed: RRULE-style schedules (ORUK 3.0) and weekday rows (ORUK 1.0
and Outpost)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from build_tools.exports.oruk import schedule_words
from build_tools.importer.feeds.convert import Conversion
from build_tools.importer.feeds.record import Record
from build_tools.importer.feeds.values import clock, repeat_words
from build_tools.model import Schedule


def read_schedule(
    conversion: Conversion, schedule: Record, day_codes: Mapping[str, str], term_time: bool
) -> None:
    """One time slot from RRULE-style fields (freq, byday) or a legacy weekday."""
    slot: dict[str, Any] = {}
    byday = schedule.text("byday") or ""
    weekday = schedule.text("weekday")
    freq = (schedule.text("freq") or "WEEKLY").upper()
    interval = schedule.get("interval")
    codes = [code.strip().upper() for code in byday.split(",") if code.strip()]
    if weekday:
        codes.append(weekday.strip()[:2].upper())
    simple = (
        freq in ("WEEKLY", "WEEK") and interval in (None, 1) and all(c in day_codes for c in codes)
    )
    if codes and simple:
        slot["days"] = list(dict.fromkeys(day_codes[c] for c in codes))
    elif codes:
        conversion.keep(
            schedule.path,
            {k: v for k, v in {"freq": freq, "byday": byday, "interval": interval}.items() if v},
            "a repeat pattern the Local Offer cannot show: see the notes",
        )
    else:
        schedule.use("freq", "interval")
    for key, target in (("opens_at", "opens"), ("closes_at", "closes")):
        raw = schedule.text(key)
        if raw and clock(raw):
            slot[target] = clock(raw)
        elif raw:
            conversion.keep(schedule.where(key), raw, "not a time")
    if term_time:
        slot["term_time_only"] = True
    notes = schedule.text("notes")
    description = schedule.text("description")
    if notes:
        slot["notes"] = notes
    if description and not _describes(description, slot, day_codes):
        if "notes" in slot:
            conversion.keep(schedule.where("description"), description, "a second note about times")
        else:
            slot["notes"] = description
    if "days" not in slot and "notes" not in slot and codes:
        slot["notes"] = repeat_words(freq, byday, dict(day_codes)) or f"Repeats: {freq} {byday}"
    if slot.get("days") or slot.get("notes"):
        conversion.add("schedules", slot)


def _describes(description: str, slot: dict[str, Any], day_codes: Mapping[str, str]) -> bool:
    """True if the description only repeats the days and times (as our export writes it)."""
    words = schedule_words(
        Schedule(
            tuple(slot.get("days", ())),
            slot.get("opens"),
            slot.get("closes"),
            bool(slot.get("term_time_only")),
            slot.get("notes"),
        ),
        with_notes=False,
    )
    return bool(words) and (description == words or _only_days_and_times(description))


_DAY_AND_TIME_WORDS = re.compile(
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|\d{1,2}(?:[:.]\d{2})?(?:am|pm)?|"
    r"to|from|until|and|every|each|am|pm|noon|midday|-|–",
    re.IGNORECASE,
)


def _only_days_and_times(description: str) -> bool:
    """ "Monday 07:30 to 18:00", "Saturday from 10:00am to 12:00pm": nothing a note adds."""
    words = re.findall(r"[^\s,]+", description)
    return bool(words) and all(_DAY_AND_TIME_WORDS.fullmatch(word) for word in words)
