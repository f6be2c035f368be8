"""How entry fields read in plain English on every page, export and print: ages, costs,
needs, areas, times, links, and the Markdown subset provider text is shown in. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import quote

import markdown

from build_tools.model import Provider, Schedule
from build_tools.schema import SAFE_LINK_SCHEMES, vocabulary
from build_tools.text.phrases import in_sentence, join_phrases

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!])")

_LIST_START = re.compile(r"^(\s*)([-+>]|\d+[.)])")

# The start of every inline link target, and every reference-style link definition.
_LINK_TARGET = re.compile(r"\]\(\s*<?")

# A definition may sit inside quotes and list items (`> - [x]: target`): their marks come first.
_LINK_DEFINITION = re.compile(
    r"^((?:[ \t]*(?:>|[-*+](?=[ \t])|\d+[.)](?=[ \t])))*\s{0,3}\[[^\]]+\]:\s*<?)", re.MULTILINE
)

# The marks that open the site's own boxes: `!!! danger "..."` (admonition), `??? note` (details)
# and `/// warning` (blocks). Provider text must never draw a box that looks like the site's
# own warnings, so each run of three is written with its first character as an HTML entity,
# wherever it is: it then shows as typed and opens nothing, at a line start, in a list or quote.
_BOX_MARK = re.compile(r"!!!|\?\?\?|///")

_BOX_ENTITY = {"!": "&#33;", "?": "&#63;", "/": "&#47;"}

# "#hash" at the start of a line: Python-Markdown makes it a heading, though no one writing
# "#1 for support" means one (a heading needs a space after the #, which validation refuses).
_HASH_WORD = re.compile(r"^(\s{0,3})(?=#+[^#\s])", re.MULTILINE)

# Provider text has its own renderer: Python-Markdown with no extensions at all. The site's
# (admonition for boxes, attr_list, md_in_html, def_list, tables) are for the editors' guidance
# pages; provider text gets none of them, so `!!! danger` can never draw the site's own box.
_PROVIDER_MARKDOWN = markdown.Markdown(extensions=[], output_format="html")


def plain(text: str) -> str:
    """Escape provider text so it shows exactly as written, never as Markdown or HTML."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LIST_START.sub(r"\1\\\2", text)


def simple_markdown(text: str) -> str:
    """Provider Markdown with HTML, attribute lists and the marks of the site's own boxes
    neutralised, and unsafe link targets removed."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = text.replace("{", "\\{").replace("`", "\\`")
    text = _BOX_MARK.sub(lambda m: _BOX_ENTITY[m.group()[0]] + m.group()[1:], text)
    text = _HASH_WORD.sub(r"\1\\", text)
    text = _LINK_TARGET.sub(lambda m: _guard_target(m, text), text)
    return _LINK_DEFINITION.sub(lambda m: _guard_target(m, text), text).strip()


def provider_html(text: str) -> str:
    """Provider simple Markdown as one line of HTML, made without any Markdown extension.

    One line, so a Markdown page keeps it as one raw block: newlines become `&#10;`, which
    reads the same in HTML (the sanitiser writes them back as newlines)."""
    _PROVIDER_MARKDOWN.reset()
    html = _PROVIDER_MARKDOWN.convert(simple_markdown(text))
    return '<div class="lo-provider-text">' + html.replace("\n", "&#10;") + "</div>"


def _guard_target(match: re.Match[str], text: str) -> str:
    """Keep a link target with a safe scheme; turn any other into a harmless #fragment."""
    rest = text[match.end() : match.end() + 12].lower()
    return match.group(0) if rest.startswith(SAFE_LINK_SCHEMES) else match.group(0) + "#"


def age_text(low: int, high: int) -> str:
    """Ages in words, as a parent would say them."""
    if low == high:
        return f"{low} years" if low != 1 else "1 year"
    if low == 0:
        return f"birth to {high} years"
    return f"{low} to {high} years"


def cost_text(provider: Provider) -> str:
    """Free, or the prices in words."""
    if provider.free:
        return "Free"
    units = vocabulary("cost", "options", "per")
    prices = [f"£{option.amount:,.2f} {units[option.per]}" for option in provider.cost_options]
    return "; ".join(prices) if prices else "There is a charge"


def needs_text(provider: Provider) -> str:
    labels = vocabulary("needs")
    if "all" in provider.needs:
        return "All needs"
    # Each label once: SEMH and its broad area share one ("Social, emotional and mental health").
    return "; ".join(dict.fromkeys(labels[need] for need in provider.needs))


def areas_text(provider: Provider) -> str:
    return labels_text(provider.service_areas, "service_areas") or "Not stated"


def routes_text(provider: Provider) -> str:
    """How to get the service, as one sentence: "You can contact them yourself or ..."."""
    labels = vocabulary("how_to_access", "routes")
    return join_phrases([labels[route] for route in provider.routes], last="or")


def delivery_text(provider: Provider) -> str:
    """How the service is given, as one phrase: "In person at a venue, online and by phone"."""
    labels = vocabulary("delivery")
    return join_phrases([labels[way] for way in provider.delivery])


def labels_text(values: tuple[str, ...], *path: str) -> str:
    """Values of a fixed list as their labels, in the entry's order, joined with commas."""
    labels = vocabulary(*path)
    return ", ".join(labels[value] for value in values)


def link_target(url: str) -> str:
    """A web address made safe to put inside a Markdown link: brackets and spaces
    percent-encoded, and "#" instead of anything that is not an http or https address."""
    if not url.lower().startswith(("https://", "http://")):
        return "#"
    return quote(url, safe=":/?#[]@!$&'*+,;=%~")


def short_url(url: str) -> str:
    """A web address as people say it: no scheme, no "www.", no trailing slash."""
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


def schedule_text(slot: Schedule, escape: Callable[[str], str] | None = None) -> str:
    """One time slot in words: Tuesday and Thursday, 09:30 to 11:30, term time only. The notes
    are escaped for Markdown by `plain`, or by `escape` if given."""
    daylabels_text = vocabulary("schedules", "days")
    parts = []
    if slot.days:
        names = [daylabels_text[day] for day in slot.days]
        parts.append(names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1])
    if slot.opens and slot.closes:
        parts.append(f"{slot.opens} to {slot.closes}")
    elif slot.opens:
        parts.append(f"from {slot.opens}")
    if slot.term_time_only:
        parts.append("term time only")
    if slot.notes:
        parts.append(in_sentence((escape or plain)(slot.notes)))
    return ", ".join(parts)
