"""The directory of services for the printed Local Offer, grouped by type of provision.

Each service is printed in full once, under its first type; the other types it belongs to list
it by name with the page it is on. Every provider value is escaped here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from html import escape

from build_tools.directory.cards import card_facts
from build_tools.model import Contact, Provider
from build_tools.schema import vocabulary, vocabulary_extra
from build_tools.text.dates import long_date
from build_tools.text.links import mailto_href
from build_tools.text.phrases import in_sentence
from build_tools.text.wording import delivery_text, schedule_text

DIRECTORY_ID = "directory"


@dataclass(frozen=True)
class Section:
    """One type of provision in the printed directory."""

    key: str
    label: str
    group: str
    full: tuple[Provider, ...]  # printed here in full
    also: tuple[Provider, ...]  # printed under another type, listed here by name

    @property
    def anchor(self) -> str:
        return f"type-{self.key}"


def sections(
    providers: tuple[Provider, ...], groups: tuple[str, ...] | None = None
) -> list[Section]:
    """The types of provision with any services, in the schema's group order: of every group,
    or only of `groups` (a booklet's). A service is printed in full under the first of its
    types among them."""
    labels = vocabulary("categories")
    chosen = [
        group
        for key, group in vocabulary_extra("x-groups", "categories").items()
        if groups is None or key in groups
    ]
    types = {key for group in chosen for key in group["members"]}
    by_name = sorted(providers, key=lambda p: (p.name.casefold(), p.slug))
    first = {p.slug: next((c for c in p.categories if c in types), None) for p in by_name}
    found = []
    for group in chosen:
        for key in group["members"]:
            full = tuple(p for p in by_name if first[p.slug] == key)
            also = tuple(p for p in by_name if key in p.categories and first[p.slug] != key)
            if full or also:
                found.append(Section(key, labels[key], group["label"], full, also))
    return found


def _contact(contact: Contact) -> Iterator[str]:
    role = escape(contact.role)
    if contact.phone:
        number = escape(contact.phone)
        yield f"<dt>Phone ({role})</dt><dd>{number}</dd>"
    if contact.text:
        yield f"<dt>Text ({role})</dt><dd>{escape(contact.text)}</dd>"
    if contact.email:
        email, href = escape(contact.email), escape(mailto_href(contact.email))
        yield f'<dt>Email ({role})</dt><dd><a href="{href}">{email}</a></dd>'
    if contact.website:
        site = escape(contact.website)
        yield f'<dt>Website ({role})</dt><dd><a href="{site}">{site}</a></dd>'


def _rows(provider: Provider) -> Iterator[str]:
    for term, value in card_facts(provider):
        yield f"<dt>{escape(term)}</dt><dd>{escape(value)}</dd>"
    if provider.delivery:
        yield f"<dt>How it is given</dt><dd>{escape(delivery_text(provider))}</dd>"
    for place in provider.locations:
        address = ", ".join(
            part for part in (place.name, place.address, place.town, place.postcode)
        )
        yield f"<dt>Where</dt><dd>{escape(address)}</dd>"
    for slot in provider.schedules:
        # schedule_text escapes notes for Markdown: add them here, escaped for HTML instead.
        notes = in_sentence(slot.notes) if slot.notes else None
        when = ", ".join(part for part in (schedule_text(replace(slot, notes=None)), notes) if part)
        yield f"<dt>When</dt><dd>{escape(when)}</dd>"
    for contact in provider.contacts:
        yield from _contact(contact)


def service_entry(provider: Provider, site_url: str, level: int) -> str:
    """One service in full: name, summary, facts, places, times and contacts."""
    page = f"{site_url}services/{provider.slug}/"
    closed = (
        '<p class="notice">Temporarily closed.</p>'
        if provider.status == "temporarily-closed"
        else ""
    )
    return (
        f'<section class="service" id="service-{escape(provider.slug)}">'
        f"<h{level}>{escape(provider.name)}</h{level}>{closed}"
        f"<p>{escape(' '.join(provider.summary.split()))}</p>"
        f'<dl class="facts">{"".join(_rows(provider))}</dl>'
        f'<p class="small">Last checked on {long_date(provider.last_reviewed)}. '
        f'Web page: <a href="{escape(page)}">{escape(page)}</a></p></section>'
    )


def _also(section: Section) -> str:
    if not section.also:
        return ""
    items = "".join(
        f'<li><a class="page-ref" href="#service-{escape(p.slug)}">{escape(p.name)}</a></li>'
        for p in section.also
    )
    return f'<p>Also for this type, printed under another type:</p><ul class="also">{items}</ul>'


def directory_part(
    providers: tuple[Provider, ...],
    site_url: str,
    found: list[Section] | None = None,
    whole: bool = True,
) -> str:
    """The directory: h2, then a heading per group, per type, and per service. Of `found`
    (sections of `providers`; default: all of them); `whole` for the whole Local Offer, else
    a booklet's part of it."""
    out = [f'<section id="{DIRECTORY_ID}"><h2>Directory of services</h2>']
    where = "The Local Offer lists" if whole else "This booklet lists"
    out.append(
        f"<p>{where} {len(providers)} services. They are grouped by type of "
        "provision. A service of more than one type is printed once, under its main type, and "
        "listed by name under the others.</p>"
    )
    group = None
    for section in sections(providers) if found is None else found:
        if section.group != group:
            group = section.group
            out.append(f"<h3>{escape(group)}</h3>")
        # A group of one type with the same name ("Travel and transport") has one heading.
        alone = section.label == section.group
        heading = "" if alone else f"<h4>{escape(section.label)}</h4>"
        out.append(f'<section class="type" id="{section.anchor}">{heading}')
        out.extend(service_entry(p, site_url, 4 if alone else 5) for p in section.full)
        out.append(_also(section) + "</section>")
    out.append("</section>")
    return "".join(out)
