"""The printed Local Offer as an HTML document: cover, contents, guidance, easy read and the
directory. The whole of it is the print-ready web page; each booklet (booklets.py) is the same
document with only its part, the source of its PDF.

Headings: the title is the only h1; each part is an h2; each page or group of types an h3.
The contents list links to every part and page; in the PDF each line ends with its page number.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from importlib.resources import files

from build_tools.clock import build_day
from build_tools.model import Provider
from build_tools.pages.csp import standalone_page_policy
from build_tools.printable.booklets import Booklet
from build_tools.printable.directory import DIRECTORY_ID, Section, directory_part, sections
from build_tools.printable.sources import Linker, SourcePage, fit_page
from build_tools.text.dates import long_date

PRINT_PAGE = "local-offer-print.html"
PARTS = (("part-guidance", "Help and guidance"), ("part-easy-read", "Easy read"))


@dataclass(frozen=True)
class Settings:
    """What the document needs from mkdocs.yml."""

    site_name: str
    site_url: str
    description: str
    sample_data: bool


def made_on(environ: Mapping[str, str] | None = None) -> dt.date:
    """The date the document says it was made: the day of the build (clock.build_day), so
    SOURCE_DATE_EPOCH makes it reproducible.

    Never a date taken from the data: this used to be the newest date a service was checked,
    so a build on 5 December said "made on 18 November".
    """
    return build_day(os.environ if environ is None else environ)


def stylesheet() -> str:
    return files("build_tools.printable").joinpath("print.css").read_text(encoding="utf-8")


def _parts(pages: list[SourcePage]) -> list[tuple[str, str, list[SourcePage]]]:
    easy = [page for page in pages if page.easy_read]
    other = [page for page in pages if not page.easy_read]
    found = zip(PARTS, (other, easy), strict=True)
    return [(key, title, chosen) for (key, title), chosen in found if chosen]


def _contents(
    parts: list[tuple[str, str, list[SourcePage]]], found: list[Section], directory: bool
) -> str:
    items = []
    for key, title, pages in parts:
        inner = "".join(
            f'<li><a href="#{page.key}">{escape(page.heading)}</a></li>' for page in pages
        )
        items.append(f'<li><a href="#{key}">{escape(title)}</a><ol>{inner}</ol></li>')
    types = "".join(
        f'<li><a href="#{section.anchor}">{escape(section.label)}</a></li>' for section in found
    )
    if directory:
        link = f'<a href="#{DIRECTORY_ID}">Directory of services</a>'
        items.append(f"<li>{link}<ol>{types}</ol></li>")
    return (
        '<nav class="contents" aria-labelledby="contents"><h2 id="contents">Contents</h2>'
        f"<ol>{''.join(items)}</ol></nav>"
    )


def _cover(settings: Settings, made: dt.date, booklet: Booklet | None) -> str:
    sample = (
        '<p class="sample"><strong>Sample data.</strong> The services in this document are made '
        "up, to show how the Local Offer works. Do not contact them.</p>"
        if settings.sample_data
        else ""
    )
    site = escape(settings.site_url)
    website = f' at <a href="{site}">{site}</a>' if site else ""
    title, lead = (booklet.heading, booklet.about) if booklet else (None, settings.description)
    heading = (
        f'<p class="series">{escape(settings.site_name)}</p><h1>{escape(title)}</h1>'
        if title
        else f"<h1>{escape(settings.site_name)}</h1>"
    )
    return (
        f'<header class="cover">{sample}{heading}<p class="lead">{escape(lead)}</p>'
        f'<p class="made">This printed copy was made on <span class="made-on">'
        f"{long_date(made)}</span>.</p>"
        "<p>Services and their details change. Before you go to a service, check with it, or "
        f"look at the website{website}.</p></header>"
    )


def render_document(
    settings: Settings,
    pages: list[SourcePage],
    providers: tuple[Provider, ...],
    made: dt.date,
    booklet: Booklet | None = None,
) -> str:
    """The whole document as one HTML page, or only `booklet`'s part of it."""
    if booklet:
        pages = [page for page in pages if booklet.holds_page(page)]
        providers = booklet.services(providers)
    printed = {page.url: page.key for page in pages}
    linker = Linker(printed, frozenset(p.slug for p in providers), settings.site_url)
    parts = _parts(pages)
    # The whole document always has its directory; a booklet only if it holds services.
    found = sections(providers, booklet.groups if booklet else None)
    directory = bool(found) or booklet is None
    body = [_cover(settings, made, booklet), _contents(parts, found, directory), "<main>"]
    for key, title, chosen in parts:
        body.append(f'<section class="part" id="{key}"><h2>{escape(title)}</h2>')
        for page in chosen:
            kind = "page easy-read" if page.easy_read else "page"
            fitted = fit_page(page, linker, 2)
            body.append(f'<section class="{kind}" id="{page.key}">{fitted}</section>')
        body.append("</section>")
    if directory:
        body.append(directory_part(providers, settings.site_url, found, booklet is None))
    body.append("</main>")
    title = f"{settings.site_name}: " + (booklet.heading if booklet else "printable copy")
    style = stylesheet()
    policy = standalone_page_policy(style)
    return (
        '<!doctype html><html lang="en-GB"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title>"
        f'<meta name="description" content="{escape(settings.description)}">'
        f'<meta name="dcterms.created" content="{made.isoformat()}">'
        f'<meta name="dcterms.modified" content="{made.isoformat()}">'
        f"<style>{style}</style></head><body>" + "".join(body) + "</body></html>\n"
    )
