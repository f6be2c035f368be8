"""A service card as ready-made HTML: its name as a link, summary and key facts. Pure functions.

The browse lists are built from these cards, and the directory's script builds the same markup
in the browser, so a card looks the same with or without JavaScript. Cards are written as HTML
rather than Markdown because a list page holds up to 50 of them: Python-Markdown passes a raw
HTML block through almost for free, while parsing 50 cards' Markdown is most of a page's cost.
Every provider value is escaped here.
"""

from __future__ import annotations

from html import escape

from .model import Provider
from .pages import age_text, areas_text, cost_text, needs_text


def card_facts(provider: Provider) -> list[tuple[str, str]]:
    """The facts a card shows, in order, as (term, value)."""
    return [
        ("Ages", age_text(provider.min_age, provider.max_age)),
        ("Cost", cost_text(provider)),
        ("Area", areas_text(provider)),
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
