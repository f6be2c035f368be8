"""Turn a Provider into the Markdown of its service page. Pure functions, no MkDocs.

Provider text never reaches the page as HTML: plain fields are escaped for both Markdown and
HTML, and simple-Markdown fields have `<` and `&` escaped so any HTML shows as text. Simple
Markdown also has `{` and the backtick escaped: the attr_list extension, which the guidance
pages use, would otherwise let `{: onclick="..." }` add attributes, and code is no part of it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from html import escape
from urllib.parse import quote

import markdown

from .dates import long_date
from .links import mailto_href, sms_href, tel_href
from .model import Contact, Location, Provider, Schedule
from .notices import notice_lines, service_notices
from .phrases import in_sentence, join_phrases
from .schema import SAFE_LINK_SCHEMES, local_offer_questions, vocabulary

# Used when mkdocs.yml sets no `extra.report_problem_email`.
DEFAULT_REPORT_ADDRESS = "localoffer@dudley.example"
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


# Provider text has its own renderer: Python-Markdown with no extensions at all. The site's
# (admonition for boxes, attr_list, md_in_html, def_list, tables) are for the editors' guidance
# pages; provider text gets none of them, so `!!! danger` can never draw the site's own box.
_PROVIDER_MARKDOWN = markdown.Markdown(extensions=[], output_format="html")


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
    return _labels(provider.service_areas, "service_areas") or "Not stated"


def routes_text(provider: Provider) -> str:
    """How to get the service, as one sentence: "You can contact them yourself or ..."."""
    labels = vocabulary("how_to_access", "routes")
    return join_phrases([labels[route] for route in provider.routes], last="or")


def delivery_text(provider: Provider) -> str:
    """How the service is given, as one phrase: "In person at a venue, online and by phone"."""
    labels = vocabulary("delivery")
    return join_phrases([labels[way] for way in provider.delivery])


def _labels(values: tuple[str, ...], *path: str) -> str:
    labels = vocabulary(*path)
    return ", ".join(labels[value] for value in values)


def _contact_lines(contact: Contact) -> Iterator[str]:
    yield f"### {plain(contact.role)}"
    yield ""
    if contact.phone:
        yield f"- Phone: [{plain(contact.phone)}]({tel_href(contact.phone)})"
    if contact.text:
        yield f"- Text: [{plain(contact.text)}]({sms_href(contact.text)})"
    if contact.email:
        yield f"- Email: [{plain(contact.email)}]({mailto_href(contact.email)})"
    if contact.website:
        yield f"- Website: [{plain(_shorten_url(contact.website))}]({link_target(contact.website)})"
    yield ""


def link_target(url: str) -> str:
    """A web address made safe to put inside a Markdown link: brackets and spaces
    percent-encoded, and "#" instead of anything that is not an http or https address."""
    if not url.lower().startswith(("https://", "http://")):
        return "#"
    return quote(url, safe=":/?#[]@!$&'*+,;=%~")


def _shorten_url(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


def schedule_text(slot: Schedule, escape: Callable[[str], str] | None = None) -> str:
    """One time slot in words: Tuesday and Thursday, 09:30 to 11:30, term time only. The notes
    are escaped for Markdown by `plain`, or by `escape` if given."""
    day_labels = vocabulary("schedules", "days")
    parts = []
    if slot.days:
        names = [day_labels[day] for day in slot.days]
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


def _address_line(location: Location, escape: Callable[[str], str] = plain) -> str:
    if location.private:  # someone's home: the street is given when a family books
        return (
            f"A private home in {escape(location.town)} ({escape(location.postcode)}). "
            "You will be given the address when you book."
        )
    return f"{escape(location.address)}, {escape(location.town)}, {escape(location.postcode)}"


def _location_lines(location: Location) -> Iterator[str]:
    yield f"### {plain(location.name)}"
    yield ""
    yield _address_line(location)
    yield ""
    if location.accessibility:
        features = vocabulary("locations", "accessibility")
        yield "Accessibility:"
        yield ""
        yield from (f"- {features[feature]}" for feature in location.accessibility)
        yield ""
    if location.transport:
        yield f"Getting there: {plain(location.transport)}"
        yield ""


def _glance_rows(provider: Provider) -> list[tuple[str, str]]:
    rows = [
        ("Ages", age_text(provider.min_age, provider.max_age)),
        ("Cost", cost_text(provider)),
        ("Needs", needs_text(provider)),
        ("Area", areas_text(provider)),
        ("How to get it", routes_text(provider)),
    ]
    if provider.delivery:
        rows.append(("Delivered", delivery_text(provider)))
    return rows


def _glance(provider: Provider) -> Iterator[str]:
    rows = _glance_rows(provider)
    # One line of HTML, so the block can carry a class for its boxed, two-column layout.
    cells = "".join(f"<dt>{escape(term)}</dt><dd>{escape(value)}</dd>" for term, value in rows)
    yield f'<dl class="lo-glance">{cells}</dl>'
    yield ""


def _local_offer_lines(provider: Provider) -> Iterator[str]:
    questions = local_offer_questions()
    answers = [key for key in questions if provider.local_offer.get(key)]
    report = provider.local_offer.get("sen_information_report")
    if not answers and not report:
        return
    yield "## Local Offer answers"
    yield ""
    for key in answers:
        yield f"### {questions[key]}"
        yield ""
        yield provider_html(provider.local_offer[key])
        yield ""
    if report:
        yield f"[Read the SEN information report]({link_target(report)})"
        yield ""


# The "Add or update your service" form, from a service page (services/<slug>.md).
UPDATE_FORM = "../providers/add-or-update.md"


def report_problem_link(provider: Provider, address: str) -> str:
    """A mailto: link that names the service and its page, so the team knows which is wrong."""
    subject = f"Problem with the Local Offer page: {' '.join(provider.name.split())}"
    body = f"Page: /services/{provider.slug}/\n\nWhat is wrong, and what should it say?\n\n"
    return mailto_href(address, subject, body)


def update_link(provider: Provider) -> str:
    """The form, opened with this service's details filled in."""
    return f"{UPDATE_FORM}?service={provider.slug}"


def front_matter(provider: Provider) -> list[str]:
    """The page's front matter: its kind, read by the templates, and its description."""
    # JSON strings are YAML strings, with every character safely escaped.
    description = json.dumps(" ".join(provider.summary.split()))
    return ["---", "kind: service", f"description: {description}", "---", ""]


def render_service_page(
    provider: Provider, today: dt.date, report_to: str = DEFAULT_REPORT_ADDRESS
) -> str:
    """The whole Markdown page for one service."""
    lines = [*front_matter(provider), f"# {plain(provider.name)}", "", plain(provider.summary), ""]
    lines += notice_lines(service_notices(provider, today))
    lines += ["## At a glance", "", *_glance(provider)]
    lines += [
        "## About this service",
        "",
        provider_html(provider.description),
        "",
        f"Run by {plain(provider.organisation_name)}.",
        "",
    ]
    lines += ["## Who can use it", "", provider_html(provider.eligibility), ""]
    if provider.ehc_plan_needed:
        lines += ["You need an education, health and care (EHC) plan to use this service.", ""]
    if provider.diagnosis_needed:
        lines += ["Your child needs a diagnosis to use this service.", ""]
    lines += ["## How to get it", "", routes_text(provider) + ".", ""]
    lines += [f"{number}. {plain(step)}" for number, step in enumerate(provider.steps, 1)]
    if provider.steps:
        lines.append("")
    if not provider.free and provider.cost_description:
        lines += [
            "## Cost",
            "",
            cost_text(provider),
            "",
            provider_html(provider.cost_description),
            "",
        ]
    lines += ["## Contact", ""]
    for contact in provider.contacts:
        lines += list(_contact_lines(contact))
    if provider.locations:
        lines += ["## Where", ""]
        for location in provider.locations:
            lines += list(_location_lines(location))
    if provider.schedules:
        lines += ["## When", "", *(f"- {schedule_text(s)}" for s in provider.schedules), ""]
    if provider.languages:
        lines += ["## Languages", "", _labels(provider.languages, "languages") + ".", ""]
    lines += list(_local_offer_lines(provider))
    if provider.inclusion_charter:
        lines += ["This provider has signed Dudley's Inclusion Charter.", ""]
    lines += [
        f"Last checked on {long_date(provider.last_reviewed)}.",
        "",
        f"[Report a problem with this page]({report_problem_link(provider, report_to)})",
        "",
        f"Are you the provider? [Update this service]({update_link(provider)})",
        "",
    ]
    return "\n".join(lines)
