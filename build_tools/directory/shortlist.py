"""The shortlist page, and the small JSON file per service that it reads. Pure functions.

A family's shortlist lives in their browser's local storage (shortlist.js) and is never sent
anywhere. The shortlist page has no server to ask for the services' details, so each service
gets `services/<slug>/service.json` at build time, fetched only for the services on the list.
"""

from __future__ import annotations

import html
import json
from typing import Any

from build_tools.directory.cards import card_facts
from build_tools.model import Contact, Provider
from build_tools.text.dates import long_date
from build_tools.text.front_matter import front_matter
from build_tools.text.links import sms_href, tel_href
from build_tools.text.wording import delivery_text

SHORTLIST_PAGE = "shortlist/index.md"


def record_path(slug: str) -> str:
    """Where a service's record is, from the site's root."""
    return f"services/{slug}/service.json"


def _contact(contact: Contact) -> dict[str, str]:
    record = {"role": contact.role}
    if contact.phone:
        record.update(phone=contact.phone, phone_href=tel_href(contact.phone))
    if contact.text:
        record.update(text=contact.text, text_href=sms_href(contact.text))
    if contact.email:
        record["email"] = contact.email
    if contact.website:
        record["website"] = contact.website
    return record


def service_record(provider: Provider) -> dict[str, Any]:
    """What the shortlist shows of one service: its card facts, contacts and venues."""
    record: dict[str, Any] = {
        "name": provider.name,
        "url": f"services/{provider.slug}/",
        "summary": " ".join(provider.summary.split()),
        "facts": [[term, value] for term, value in card_facts(provider)],
        "contacts": [_contact(contact) for contact in provider.contacts],
        "venues": [
            ", ".join(part for part in (v.name, v.address, v.town, v.postcode) if part)
            for v in provider.locations
        ],
        "checked": long_date(provider.last_reviewed),
    }
    if provider.delivery:
        record["delivery"] = delivery_text(provider)
    if provider.status == "temporarily-closed":
        record["closed"] = True
    return record


def record_json(provider: Provider) -> str:
    return json.dumps(service_record(provider), separators=(",", ":"), ensure_ascii=False)


def shortlist_page(site_name: str) -> str:
    """The Markdown of the shortlist page: a notice without JavaScript, a frame the script fills."""
    name = html.escape(site_name, quote=True)
    frame = (
        f'<div id="lo-shortlist" class="lo-shortlist lo-needs-js" data-site-name="{name}">'
        '<p id="lo-shortlist-intro" class="lo-shortlist-intro" tabindex="-1"></p>'
        '<p id="lo-shortlist-save-row" hidden><button type="button" id="lo-shortlist-save" '
        'class="md-button md-button--primary">Save these services to my shortlist</button></p>'
        '<ol id="lo-shortlist-items" class="lo-shortlist-items"></ol>'
        '<section id="lo-shortlist-share" class="lo-shortlist-share" '
        'aria-labelledby="lo-shortlist-share-heading" hidden>'
        '<h2 id="lo-shortlist-share-heading">Print, share or email this list</h2>'
        '<p><button type="button" id="lo-shortlist-print" class="md-button">Print this list'
        "</button></p>"
        '<div class="lo-field"><label for="lo-shortlist-link">Link to this list</label>'
        '<p class="lo-hint" id="lo-shortlist-link-hint">Anyone with the link sees the same '
        "services. It holds only the names of the pages, nothing about you.</p>"
        '<div class="lo-search-row"><input id="lo-shortlist-link" type="text" readonly '
        'aria-describedby="lo-shortlist-link-hint"><button type="button" '
        'id="lo-shortlist-copy" class="md-button">Copy link</button></div></div>'
        '<p><a id="lo-shortlist-email" class="md-button" href="mailto:">Email this list</a></p>'
        "</section></div>"
    )
    return "\n".join(
        [
            *front_matter({"search": {"exclude": True}}),
            "# Your shortlist",
            "",
            '<p class="lo-nojs">Your shortlist needs JavaScript, which is switched off or not '
            'working in this browser. You can still <a href="../services/">find services</a> '
            "and print any service page with your browser's print button.</p>",
            "",
            frame,
            "",
        ]
    )
