"""robots.txt, and the sitemap MkDocs writes made reproducible: each service page is dated by
its last_reviewed date, other pages carry no date (MkDocs would give them the build day)."""

from __future__ import annotations

import gzip
import io
from collections.abc import Mapping
from xml.etree import ElementTree as ET

from build_tools.exports.publisher import Publisher

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def robots_txt(publisher: Publisher) -> str:
    """Every page may be crawled; the sitemap lists them."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {publisher.url('sitemap.xml')}\n"


def dated_sitemap(xml: str, lastmods: Mapping[str, str]) -> str:
    """The sitemap with <lastmod> from `lastmods` (by address) and none for other pages."""
    ET.register_namespace("", SITEMAP_NS)
    root = ET.fromstring(xml)
    for url in root.findall(f"{{{SITEMAP_NS}}}url"):
        loc = url.findtext(f"{{{SITEMAP_NS}}}loc", "").strip()
        for old in url.findall(f"{{{SITEMAP_NS}}}lastmod"):
            url.remove(old)
        if loc in lastmods:
            ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = lastmods[loc]
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def gzipped(data: bytes) -> bytes:
    """Gzip with no file name and no time in the header, so the bytes never vary."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0) as handle:
        handle.write(data)
    return buffer.getvalue()
