"""Turn a Provider into the Markdown of its service page. Pure functions, no MkDocs.

Provider text never reaches the page as HTML: plain fields are escaped for both Markdown and
HTML, and simple-Markdown fields have `<` and `&` escaped so any HTML shows as text. Simple
Markdown also has `{` and the backtick escaped: the attr_list extension, which the guidance
pages use, would otherwise let `{: onclick="..." }` add attributes, and code is no part of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from html import escape

from build_tools.directory.notices import notice_lines, service_notices
from build_tools.guidance.page_feedback import DEFAULT_REPORT_ADDRESS
from build_tools.model import Contact, Location, Provider
from build_tools.schema import local_offer_questions, vocabulary
from build_tools.text.dates import long_date
from build_tools.text.front_matter import front_matter as page_front_matter
from build_tools.text.links import mailto_href, sms_href, tel_href
from build_tools.text.wording import (
    age_text,
    areas_text,
    cost_text,
    delivery_text,
    labels_text,
    link_target,
    needs_text,
    plain,
    provider_html,
    routes_text,
    schedule_text,
    short_url,
)


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
        yield f"- Website: [{plain(short_url(contact.website))}]({link_target(contact.website)})"
    yield ""


def address_line(location: Location, escape: Callable[[str], str] = plain) -> str:
    """A venue's address on one line, each part escaped by `escape` (Markdown by default)."""
    if location.private:  # someone's home: the street is given when a family books
        return (
            f"A private home in {escape(location.town)} ({escape(location.postcode)}). "
            "You will be given the address when you book."
        )
    return f"{escape(location.address)}, {escape(location.town)}, {escape(location.postcode)}"


def _location_lines(location: Location) -> Iterator[str]:
    yield f"### {plain(location.name)}"
    yield ""
    yield address_line(location)
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


def glance_rows(provider: Provider) -> list[tuple[str, str]]:
    """The 'At a glance' box as (term, value) rows: ages, cost, needs, areas, ways in."""
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
    rows = glance_rows(provider)
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
    description = " ".join(provider.summary.split())
    return page_front_matter({"kind": "service", "description": description})


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
        lines += ["## Languages", "", labels_text(provider.languages, "languages") + ".", ""]
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
