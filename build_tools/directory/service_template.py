"""A service page's HTML from its provider, through the template overrides/generated/service.html.
Pure functions, no MkDocs.

The values are those of the Markdown page (directory/service_page.py), in the same order, so
the built page says and links the same: plain fields as text (the template escapes them),
provider Markdown fields as HTML made field by field by `wording.provider_html`.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from markupsafe import Markup

from build_tools.directory.notices import service_notices
from build_tools.directory.service_page import (
    address_line,
    front_matter,
    glance_rows,
    report_problem_link,
)
from build_tools.files.page_cache import digest
from build_tools.guidance.page_feedback import DEFAULT_REPORT_ADDRESS
from build_tools.model import Contact, Location, Provider
from build_tools.schema import local_offer_questions, vocabulary
from build_tools.text import wording
from build_tools.text.dates import long_date
from build_tools.text.links import mailto_href, sms_href, tel_href
from build_tools.text.page_templates import Deferred, Headings, RenderedPage, render, rendered
from build_tools.text.wording import (
    cost_text,
    labels_text,
    link_target,
    plain,
    routes_text,
    schedule_text,
    short_url,
)

# From services/<slug>/ (the page's address) to the form, with this service filled in.
UPDATE_FORM_URL = "../../providers/add-or-update/"


def text(value: str) -> str:
    """Provider text as it shows: its runs of white space made one space (the template escapes)."""
    return " ".join(value.split())


def _contact(contact: Contact, heading: Headings) -> dict[str, Any]:
    links = []
    if contact.phone:
        links.append(("Phone", text(contact.phone), tel_href(contact.phone)))
    if contact.text:
        links.append(("Text", text(contact.text), sms_href(contact.text)))
    if contact.email:
        links.append(("Email", text(contact.email), mailto_href(contact.email)))
    if contact.website:
        shown = text(short_url(contact.website))
        links.append(("Website", shown, link_target(contact.website)))
    return {"heading": heading(3, contact.role), "links": links}


def _location(location: Location, heading: Headings) -> dict[str, Any]:
    features = vocabulary("locations", "accessibility")
    return {
        "heading": heading(3, location.name),
        "address": address_line(location, text),
        "accessibility": [features[feature] for feature in location.accessibility],
        "transport": text(location.transport) if location.transport else "",
    }


def _local_offer(provider: Provider, heading: Headings) -> dict[str, Any] | None:
    questions = local_offer_questions()
    keys = [key for key in questions if provider.local_offer.get(key)]
    report = provider.local_offer.get("sen_information_report")
    if not keys and not report:
        return None
    section = heading(2, "Local Offer answers")
    answers = [
        (heading(3, questions[key]), Markup(wording.provider_html(provider.local_offer[key])))
        for key in keys
    ]
    return {"heading": section, "answers": answers, "report": link_target(report) if report else ""}


def service_page(
    provider: Provider, today: dt.date, report_to: str = DEFAULT_REPORT_ADDRESS
) -> RenderedPage:
    """The service's page: the front matter and heading MkDocs reads, and its HTML body."""
    heading = Headings()
    title = heading(1, provider.name)
    h = {"glance": heading(2, "At a glance"), "about": heading(2, "About this service")}
    h["who"] = heading(2, "Who can use it")
    h["how"] = heading(2, "How to get it")
    cost = None
    if not provider.free and provider.cost_description:
        h["cost"] = heading(2, "Cost")
        described = Markup(wording.provider_html(provider.cost_description))
        cost = {"text": cost_text(provider), "description": described}
    h["contact"] = heading(2, "Contact")
    contacts = [_contact(contact, heading) for contact in provider.contacts]
    locations = []
    if provider.locations:
        h["where"] = heading(2, "Where")
        locations = [_location(location, heading) for location in provider.locations]
    if provider.schedules:
        h["when"] = heading(2, "When")
    if provider.languages:
        h["languages"] = heading(2, "Languages")
    local_offer = _local_offer(provider, heading)
    if local_offer:
        h["local_offer"] = local_offer["heading"]
    body = render(
        "service.html",
        title=title,
        summary=text(provider.summary),
        notices=service_notices(provider, today),
        h=h,
        glance=glance_rows(provider),
        description=Markup(wording.provider_html(provider.description)),
        organisation=text(provider.organisation_name),
        eligibility=Markup(wording.provider_html(provider.eligibility)),
        ehc_plan_needed=provider.ehc_plan_needed,
        diagnosis_needed=provider.diagnosis_needed,
        routes=routes_text(provider),
        steps=[text(step) for step in provider.steps],
        cost=cost,
        contacts=contacts,
        locations=locations,
        schedules=[schedule_text(slot, text) for slot in provider.schedules],
        languages=labels_text(provider.languages, "languages"),
        local_offer=local_offer,
        inclusion_charter=provider.inclusion_charter,
        last_checked=long_date(provider.last_reviewed),
        report_link=report_problem_link(provider, report_to),
        update_link=f"{UPDATE_FORM_URL}?service={provider.slug}",
    )
    return rendered(service_source(provider), body, heading)


def service_source(provider: Provider) -> str:
    """What MkDocs reads of a service page: its front matter, and its name as the first
    heading, from which MkDocs takes the page's title as it always did."""
    return "\n".join([*front_matter(provider), f"# {plain(provider.name)}", ""])


def deferred_service_page(provider: Provider, today: dt.date, report_to: str) -> Deferred:
    """The service's page, made when it is needed; its key is everything the page shows: the
    entry, today's notices and where problem reports go."""
    notices = [(n.title, n.text) for n in service_notices(provider, today)]
    key = digest("service", provider.slug, repr(provider), repr(notices), report_to)
    return Deferred(
        service_source(provider), key, partial(service_page, provider, today, report_to)
    )
