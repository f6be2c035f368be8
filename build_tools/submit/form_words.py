"""What the website form says about each question, in plain English.

The schema's descriptions are written for people who edit the files: they name formats
("YYYY-MM-DD"), codes ("dudley-borough") and other fields. The form's pickers handle formats
and its tidying fixes web addresses, so the form says only what a provider needs to know.
A test checks every label and hint against a list of technical words.

It also says in which order the form asks: the order of a service page, so the provider fills
in what families will read, from the top down. Pure functions.
"""

from __future__ import annotations

import re

from build_tools.submit.formspec import Field, help_text

# The paths the form never shows: the permanent id, and the map point (worked out by the team).
HIDDEN = {("id",), ("locations", "latitude"), ("locations", "longitude")}

# The order of a service page (pages.render_service_page): name and summary, the facts at a
# glance, about, who can use it, how to get it, cost, contacts, where, when, and the rest.
PAGE_ORDER = (
    "name", "summary", "categories", "age_range", "needs", "service_areas", "description",
    "organisation", "eligibility", "how_to_access", "cost", "contacts", "delivery", "locations",
    "schedules", "languages", "local_offer", "inclusion_charter", "status", "moved_on", "show_from",
    "show_until", "easy_read", "last_reviewed", "reviewed_by",
)  # fmt: skip

_TEXT_HINT = "Leave a blank line between paragraphs. Start a line with - to make a list."
_MARKDOWN = re.compile(r"\s*Simple Markdown only:.*?No HTML\.")
# Whole hints, by path, where the schema's words do not suit a form.
_HINTS: dict[tuple[str, ...], str] = {
    ("show_from",): "The first day the service appears on the site, for a service that has "
    "not started yet.",
    ("show_until",): "The last day the service appears on the site, for a service that is ending.",
    ("organisation", "website"): "The organisation's home page.",
    ("contacts", "website"): "A web page about this service.",
    ("needs",): "Which special educational needs or disabilities the service is for. Choose "
    '"All needs" if it is open to every child or young person with SEND. You can choose broad '
    "areas of need, the specific needs used by schools, or both.",
    ("how_to_access",): "How a family gets the service: who can make the first contact, and "
    "the steps.",
    ("cost", "options"): "Each price, with what it is for, up to 10.",
    ("delivery",): "How families receive the service. Leave it empty if it only happens at "
    "your venues.",
    ("locations",): "Where the service happens. Leave it empty for a service that is only "
    "online, by phone or by home visit, and say so under How it is delivered.",
    ("locations", "address"): "The building number and street. Leave it empty if the venue "
    "is someone's home.",
    ("schedules",): "The days and times the service runs.",
    ("moved_on",): "If the service has moved: the day it moved. Give its new place under "
    "Where it happens. For 90 days, the service's pages say it has moved.",
    ("schedules", "opens"): "The start time.",
    ("schedules", "closes"): "The end time.",
    ("service_areas",): 'Where families must live to use the service. Choose "All of Dudley '
    'borough" if it is open to the whole borough.',
    ("easy_read",): "Optional: your own lines for the service's easy-read page. The site writes "
    "that page from your other answers; each part you give here replaces the lines it would "
    "write for that part. Write one short sentence a line, at most 15 words, in everyday words, "
    "with no abbreviations. A picture that fits the part goes next to each line.",
    ("last_reviewed",): "The date someone last checked that everything here is right. Check "
    "at least once a year.",
}


def form_hint(item: Field) -> str:
    """The hint under a question on the website form."""
    text = _HINTS.get(item.path) or help_text(item)
    if _MARKDOWN.search(text):
        text = _MARKDOWN.sub("", text).strip()
        if item.kind == "textarea":
            text = f"{text} {_TEXT_HINT}".strip()
    return text.replace("`", "")


def page_ordered(fields: tuple[Field, ...]) -> list[Field]:
    """The top-level questions in the order of a service page; any new field goes last."""
    rank = {key: index for index, key in enumerate(PAGE_ORDER)}
    return sorted(fields, key=lambda item: rank.get(item.key, len(rank)))
