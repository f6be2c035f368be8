"""Turning single feed values into Local Offer values: choices, phones, ages, times, dates."""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid
from functools import cache

from build_tools.schema import vocabulary, vocabulary_extra

# Names other directories use for our choices, seen in ORUK and Outpost feeds. Matching ignores
# case, punctuation and "and"/"&", and also accepts our own codes and labels.
SYNONYMS: dict[tuple[str, ...], dict[str, str]] = {
    ("needs",): {
        "autism": "ASD",
        "autistic spectrum disorder": "ASD",
        "autism spectrum condition": "ASD",
        "hearing": "HI",
        "hearing impairment": "HI",
        "deaf": "HI",
        "visual": "VI",
        "visual impairment": "VI",
        "vision": "VI",
        "multi sensory impairment": "MSI",
        "physical": "PD",
        "physical disability": "PD",
        "physical disabilities": "PD",
        "mobility": "PD",
        "speech language communication": "SLCN",
        "speech language communication needs": "SLCN",
        "communication": "SLCN",
        "cognitive": "cognition-and-learning",
        "learning difficulties": "cognition-and-learning",
        "learning disability": "cognition-and-learning",
        "mental health": "SEMH",
        "dyslexia": "SpLD",
        "specific learning difficulty": "SpLD",
        "downs syndrome": "DS",
        "all needs": "all",
        "all": "all",
    },
    ("locations", "accessibility"): {
        "wheelchair accessible entrance": "step-free-access",
        "wheelchair access": "step-free-access",
        "step free": "step-free-access",
        "accessible toilet facilities": "accessible-toilet",
        "accessible toilets": "accessible-toilet",
        "changing places toilet": "changing-places",
        "changing places": "changing-places",
        "induction loop": "hearing-loop",
        "car parking": "parking",
        "disabled car parking space": "blue-badge-parking",
        "disabled parking": "blue-badge-parking",
        "building has lift": "lift",
        "british sign language bsl": "bsl",
        "british sign language": "bsl",
        "bus stop nearby": "public-transport",
        "quiet room": "quiet-space",
    },
    ("categories",): {
        "activities": "leisure",
        "things to do": "leisure",
        "leisure activities": "leisure",
        "sport": "leisure",
        "health services": "health",
        "mental health": "mental-health",
        "emotional wellbeing": "mental-health",
        "information advice": "information-advice",
        "advice": "information-advice",
        "transport": "travel",
        "nurseries": "early-years",
        "childminders": "childcare",
        "short break": "short-breaks",
        "complaints": "complaints",
    },
}
COST_UNITS = {
    "session": "session",
    "hour": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "term": "term",
    "year": "year",
    "annum": "year",
    "course": "course",
    "one off": "one-off",
}
_WORDS = re.compile(r"[^a-z0-9]+")
_PHONE = re.compile(r"(?<!\d)(?:\+44\s?(?:\(0\)\s?)?|0)[1-9](?:[ .-]?\d){8,9}(?!\d)")
_AREA_CODE = re.compile(r"\((0\d{2,4})\)\s?")
PHONE_PATTERN = re.compile(r"^(\+44 ?(\(0\) ?)?|0)[1-9](?: ?[0-9]){8,9}$")
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][0-9A-Z]?)\s*([0-9][A-Z]{2})$")
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)")


def _key(text: str) -> str:
    words = _WORDS.sub(" ", text.lower().replace("'", "").replace("\u2019", "")).split()
    return " ".join(word for word in words if word != "and")


def term_key(text: str) -> str:
    """A term as a lookup key: lower case, no punctuation, no "and"."""
    return _key(text)


@cache
def _choices(path: tuple[str, ...]) -> dict[str, str]:
    table = {_key(code): code for code in vocabulary(*path)}
    table.update({_key(label): code for code, label in vocabulary(*path).items()})
    if path == ("languages",):
        codes: dict[str, str] = vocabulary_extra("x-codes", "languages")
        table.update({_key(iso): code for code, iso in codes.items()})
        table.update({_key(label.split("(")[0]): code for code, label in vocabulary(*path).items()})
    table.update({_key(k): v for k, v in SYNONYMS.get(path, {}).items()})
    return table


def choice(text: str, *path: str) -> str | None:
    """Our code for a feed's name for a choice, or None: choice("Autism", "needs") -> "ASD"."""
    return _choices(path).get(_key(text))


def cost_unit(text: str) -> tuple[str | None, str]:
    """The unit of a price ("per hour - after school" -> "hour") and any words left over."""
    words = _key(text)
    for name, unit in COST_UNITS.items():
        if re.search(rf"\b(per |a |each )?{name}\b", words):
            rest = re.sub(rf"\b(per |a |each )?{name}\b", "", words).strip(" -")
            return unit, rest
    return None, words


def phone(text: str) -> tuple[str | None, str]:
    """The first UK phone number in free text, tidied, and whatever text is left over."""
    text = _AREA_CODE.sub(r"\1 ", text)
    match = _PHONE.search(text)
    if not match:
        return None, text.strip()
    raw = " ".join(match.group(0).split())
    digits = re.sub(r"[^\d+]", "", raw).replace("+440", "+44")
    number = raw if PHONE_PATTERN.match(raw) else digits
    if not PHONE_PATTERN.match(number):
        return None, text.strip()
    rest = (text[: match.start()] + " " + text[match.end() :]).strip(" ,;:/-()")
    return number, " ".join(rest.split())


def age(value: object) -> int | None:
    """A whole age in years; None for missing, negative (-1 means unknown) or not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            return None
    # "nan" and "inf" are floats too, and int() of them raises.
    if not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        return None
    return int(value)


def postcode(text: str) -> str | None:
    """A UK postcode in capitals with one space, or None if it is not one."""
    match = _POSTCODE.match(" ".join(text.upper().split()))
    return f"{match.group(1)} {match.group(2)}" if match else None


def clock(text: str) -> str | None:
    """HH:MM from "9:30", "09:30:00", "10:00Z" or "10.00+01:00"."""
    match = _TIME.match(text.strip())
    return f"{int(match.group(1)):02d}:{match.group(2)}" if match else None


def date(text: str) -> str | None:
    """YYYY-MM-DD from a date or date-time, or None if it is neither."""
    try:
        return dt.date.fromisoformat(text.strip()[:10]).isoformat()
    except ValueError:
        return None


def is_uuid(value: object) -> bool:
    try:
        return isinstance(value, str) and str(uuid.UUID(value)) == value.lower()
    except ValueError:
        return False


_ORDINALS = {"1": "first", "2": "second", "3": "third", "4": "fourth", "-1": "last"}


def repeat_words(freq: str, byday: str, days: dict[str, str]) -> str | None:
    """Words for a monthly rule such as 1SA ("First Saturday of the month"), or None."""
    words = []
    for code in byday.split(","):
        match = re.fullmatch(r"\s*(-?\d)([A-Z]{2})\s*", code.upper())
        if not match or match.group(1) not in _ORDINALS or match.group(2) not in days:
            return None
        words.append(f"{_ORDINALS[match.group(1)]} {days[match.group(2)].capitalize()}")
    if freq != "MONTHLY" or not words:
        return None
    text = " and ".join(words) + " of the month"
    return text[0].upper() + text[1:]


_HEADING_LINE = re.compile(r"^\s*(?:#{1,6}\s+.*|\*\*[^*]+\*\*:?|__[^_]+__:?)\s*$")


def is_heading(paragraph: str) -> bool:
    """A Markdown heading, a line all in bold, or a few words with no full stop ("Welcome!",
    "About us", "What we do:"): a title over the text, not a sentence of it."""
    text = paragraph.strip()
    if "\n" in text or not text:
        return False
    if _HEADING_LINE.match(text):
        return True
    words = text.rstrip("!:?").split()
    return len(words) <= 5 and not text.endswith(".")


def first_real_sentence(markdown: str) -> str:
    """The first sentence of the first paragraph that is prose, not a heading or a list."""
    for paragraph in re.split(r"\n\s*\n", markdown):
        if is_heading(paragraph) or re.match(r"^\s*(?:[-*]|\d+[.)])\s", paragraph):
            continue
        return first_sentence(paragraph)
    return ""


def first_sentence(text: str) -> str:
    """The first sentence of plain text: up to the first . ! or ? followed by a space."""
    plain = " ".join(re.sub(r"[*_\\]|\[([^\]]*)\]\([^)]*\)", r"\1", text).split())
    match = re.search(r"[.!?](\s|$)", plain)
    return plain[: match.start() + 1] if match else plain


# Words that say who can make the first contact, for feeds with only free text about it.
_ROUTE_WORDS = (
    ("self-referral", r"\b(self[- ]refer\w*|refer yourself|drop[- ]in|just turn up|contact us|"
     r"call us|ring us|email us|book (a|your) place|come along|phone or email|"
     r"ring the office|phone the office|get in touch|fill in the form)\b"),
    ("professional-referral", r"\b(gp|health visitor|social worker|professional|referred by|"
     r"referral from)\b"),
    ("ehc-plan", r"\b(ehc plan|ehcp|education, health and care plan)\b"),
    ("school-or-setting", r"\b(senco|your child's school|ask (the|your) school)\b"),
)  # fmt: skip


def routes_from_text(text: str) -> list[str]:
    """The ways in that free text about applying mentions, in the schema's order."""
    lowered = text.lower()
    return [route for route, words in _ROUTE_WORDS if re.search(words, lowered)]
