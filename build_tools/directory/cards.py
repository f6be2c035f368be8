"""A service card as ready-made HTML: its name as a link, summary and key facts. Pure functions.

The browse lists are built from these cards, and the directory's script builds the same markup
in the browser, so a card looks the same with or without JavaScript. Cards are written as HTML
rather than Markdown because a list page holds up to 50 of them: Python-Markdown passes a raw
HTML block through almost for free, while parsing 50 cards' Markdown is most of a page's cost.
Every provider value is escaped here.
"""

from __future__ import annotations

from html import escape

from build_tools.model import Provider, Schedule
from build_tools.schema import vocabulary
from build_tools.text.wording import age_text, areas_text, needs_text

# How a service without a venue is given, as a card says it: "Online or by phone".
_AWAY = {"online": "online", "phone": "by phone", "home-visits": "at home"}
_WEEK = ("monday", "tuesday", "wednesday", "thursday", "friday")
MOST_SLOTS = 2  # a card shows the first times; the service page has them all


def where_text(provider: Provider) -> str:
    """Where it happens: the venues' towns, or how it is given without one."""
    towns = ", ".join(dict.fromkeys(place.town for place in provider.locations))
    away = " or ".join(_AWAY[way] for way in provider.delivery if way in _AWAY)
    if towns:
        return f"{towns} (also {away})" if away else towns
    return away[:1].upper() + away[1:] if away else "Ask the service"


def _slot_text(slot: Schedule) -> str:
    names = vocabulary("schedules", "days")
    if tuple(slot.days) == _WEEK:
        days = "Monday to Friday"
    else:
        days = ", ".join(names[day][:3] for day in slot.days)
    parts = [days] if slot.days else [" ".join(slot.notes.split()) if slot.notes else ""]
    if slot.opens and slot.closes:
        parts.append(f"{slot.opens} to {slot.closes}")
    if slot.school_holidays:
        parts.append("school holidays")
    elif slot.term_time_only:
        parts.append("term time")
    return " ".join(part for part in parts if part)


def when_text(provider: Provider) -> str:
    """The days and times, short: "Sat 10:00 to 12:00 term time; Tue 16:00 to 17:00"."""
    slots = [_slot_text(slot) for slot in provider.schedules]
    if not slots:
        return "Ask the service"
    more = "; and other times" if len(slots) > MOST_SLOTS else ""
    return "; ".join(slots[:MOST_SLOTS]) + more


def cost_in_full(provider: Provider) -> str:
    """Free, or each price with what it is for, and any free places."""
    if provider.free:
        return "Free"
    units = vocabulary("cost", "options", "per")
    prices = []
    for option in provider.cost_options:
        price = f"£{option.amount:,.2f} {units[option.per]}"
        about = " ".join((option.description or "").split())
        prices.append(f"{price} ({about})" if about else price)
    text = "; ".join(prices) if prices else "There is a charge"
    if provider.free_places:
        text += f". Free places: {' '.join(provider.free_places.split())}"
    return text


def card_facts(provider: Provider) -> list[tuple[str, str]]:
    """The facts a card shows, in order, as (term, value): where and when it happens, ages,
    cost, who can use it (the areas it is open to) and needs."""
    return [
        ("Where", where_text(provider)),
        ("When", when_text(provider)),
        ("Ages", age_text(provider.min_age, provider.max_age)),
        ("Cost", cost_in_full(provider)),
        ("Open to", areas_text(provider)),
        ("Needs", needs_text(provider)),
    ]


def service_card(provider: Provider, href: str, heading_level: int = 2) -> str:
    """One card as a single line of HTML, a list item of an `ol.lo-results` list."""
    tag = f"h{heading_level}"
    facts = "".join(
        f"<dt>{escape(term)}</dt><dd>{escape(value)}</dd>" for term, value in card_facts(provider)
    )
    closed = (
        '<p class="lo-notice">Temporarily closed</p>'
        if provider.status == "temporarily-closed"
        else ""
    )
    return (
        f'<li class="lo-card"><{tag}><a href="{escape(href)}">{escape(provider.name)}</a></{tag}>'
        f"{closed}<p>{escape(' '.join(provider.summary.split()))}</p>"
        f'<dl class="lo-facts">{facts}</dl></li>'
    )


def card_list(cards: list[str]) -> str:
    """The cards as one raw HTML block: no blank line inside, so Markdown leaves it alone."""
    return '<ol class="lo-results">' + "".join(cards) + "</ol>"
