"""An Atom feed of the services most recently added or checked, for newsletters and partners.

Entries are dated by `last_reviewed`, the date someone last checked the entry: provider files
carry no other date, and a build must give the same feed whatever day it runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from build_tools.exports.ids import service_id
from build_tools.exports.publisher import Publisher
from build_tools.model import Provider
from build_tools.schema import vocabulary

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = "feed.xml"
MAX_ENTRIES = 50
# For an empty directory, which has no dates of its own.
_NO_DATE = "1970-01-01"


def _stamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def _element(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> None:
    child = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    child.text = text


def recent(providers: Sequence[Provider], limit: int = MAX_ENTRIES) -> list[Provider]:
    """The most recently checked services, newest first, ties in name order."""
    by_name = sorted(providers, key=lambda p: p.name.lower())
    return sorted(by_name, key=lambda p: p.last_reviewed, reverse=True)[:limit]


def atom_feed(providers: Sequence[Provider], publisher: Publisher) -> bytes:
    """The feed as UTF-8 XML."""
    entries = recent(providers)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "en-GB"})
    _element(feed, "title", f"{publisher.site_name}: new and updated services")
    _element(feed, "id", publisher.url(FEED_PATH))
    _element(feed, "link", rel="self", href=publisher.url(FEED_PATH))
    _element(feed, "link", rel="alternate", href=publisher.site_url)
    newest = entries[0].last_reviewed.isoformat() if entries else _NO_DATE
    _element(feed, "updated", _stamp(newest))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _element(author, "name", publisher.site_name)
    categories = vocabulary("categories")
    for provider in entries:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _element(entry, "title", provider.name)
        _element(entry, "id", f"urn:uuid:{service_id(provider.id, provider.slug)}")
        _element(entry, "link", rel="alternate", href=publisher.page_url(provider))
        _element(entry, "updated", _stamp(provider.last_reviewed.isoformat()))
        _element(entry, "summary", provider.summary)
        for code in provider.categories:
            _element(entry, "category", term=code, label=categories[code])
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
