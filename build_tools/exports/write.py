"""Write every export into the built site. The only module here that touches files.

Called by the on_post_build hook once MkDocs has written the pages, and by on_post_page for
what goes in each page's head.
"""

from __future__ import annotations

import html
import json
import shutil
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from build_tools.exports.api import api_items
from build_tools.exports.crawl import dated_sitemap, gzipped, robots_txt
from build_tools.exports.feed import FEED_PATH, atom_feed
from build_tools.exports.jsonld import script_tag, service_jsonld
from build_tools.exports.publisher import Publisher
from build_tools.exports.spreadsheet import services_csv
from build_tools.files.site_files import write_site_files
from build_tools.model import Provider

CSV_PATH = "exports/services.csv"
# Folders the exports own: emptied before writing, so no stale file outlives its service.
OWNED = ("api", "exports")


def json_bytes(document: Any) -> bytes:
    """Compact UTF-8 JSON, the same bytes for the same document."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def export_items(
    providers: Sequence[Provider], publisher: Publisher
) -> Iterator[tuple[str, bytes]]:
    """Every export file, as (path under the site folder, bytes), made one at a time."""
    for path, document in api_items(providers, publisher):
        yield path, json_bytes(document)
    yield CSV_PATH, services_csv(providers, publisher)
    yield FEED_PATH, atom_feed(providers, publisher)
    yield "robots.txt", robots_txt(publisher).encode("utf-8")


def export_files(providers: Sequence[Provider], publisher: Publisher) -> dict[str, bytes]:
    """Every export file, as {path under the site folder: bytes}."""
    return dict(export_items(providers, publisher))


def write_exports(site_dir: Path, providers: Sequence[Provider], publisher: Publisher) -> int:
    """Write the exports and date the sitemap; returns how many files were written."""
    for folder in OWNED:
        shutil.rmtree(site_dir / folder, ignore_errors=True)
    written = write_site_files(site_dir, export_items(providers, publisher))
    sitemap = site_dir / "sitemap.xml"
    if sitemap.is_file():
        lastmods = {publisher.page_url(p): p.last_reviewed.isoformat() for p in providers}
        text = dated_sitemap(sitemap.read_text(encoding="utf-8"), lastmods).encode("utf-8")
        sitemap.write_bytes(text)
        (site_dir / "sitemap.xml.gz").write_bytes(gzipped(text))
    return written


def feed_link(publisher: Publisher, page_url: str) -> str:
    """The head link that lets feed readers find the Atom feed from any page.

    The address is relative to the page, and rel is "alternate feed" rather than "alternate"
    alone: mkdocs-material fetches sitemap.xml from the site of every rel="alternate" link it
    finds (for its language selector), which would cost a request on every page.
    """
    title = html.escape(f"{publisher.site_name}: new and updated services")
    href = html.escape("../" * page_url.count("/") + FEED_PATH)
    return f'<link rel="alternate feed" type="application/atom+xml" title="{title}" href="{href}">'


def add_to_head(
    page_html: str,
    src_uri: str,
    page_url: str,
    pages: Mapping[str, Provider],
    publisher: Publisher,
) -> str:
    """The page's HTML with the feed link, and for a service page its JSON-LD, in the head."""
    extra = feed_link(publisher, page_url)
    provider = pages.get(src_uri)
    if provider is not None:
        extra += script_tag(service_jsonld(provider, publisher))
    head_end = page_html.find("</head>")
    if head_end < 0:
        return page_html
    return page_html[:head_end] + extra + page_html[head_end:]
