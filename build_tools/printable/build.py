"""Write the printed Local Offer into the built site: the print-ready page and its PDF."""

from __future__ import annotations

from pathlib import Path

from build_tools.model import Provider
from build_tools.printable.document import PDF_FILE, PRINT_PAGE, Settings, made_on, render_document
from build_tools.printable.pdf import write_pdf
from build_tools.printable.sources import SourcePage, in_nav_order


def write_printable(
    site_dir: Path,
    pages: dict[str, SourcePage],
    providers: tuple[Provider, ...],
    settings: Settings,
    nav: object,
    cache: Path | None = None,
    pdf: bool = True,
) -> bool | None:
    """Write local-offer-print.html and, if `pdf`, local-offer.pdf at the site's root.

    True if the PDF was made anew, False if it came from the cache, None if not wanted.
    """
    html = render_document(settings, in_nav_order(pages, nav), providers, made_on())
    (site_dir / PRINT_PAGE).write_text(html, encoding="utf-8")
    return write_pdf(html, site_dir, site_dir / PDF_FILE, cache) if pdf else None
