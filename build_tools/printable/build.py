"""Write the printed Local Offer into the built site: the print-ready page and the booklets."""

from __future__ import annotations

from pathlib import Path

from build_tools.files.output_folders import BOOKLET_CACHE, OutputRefused, claim_output_folder
from build_tools.model import Provider
from build_tools.paths import CACHE
from build_tools.printable.booklets import booklets_with_content, link_booklets
from build_tools.printable.document import PRINT_PAGE, Settings, made_on, render_document
from build_tools.printable.pdf import PrintableError, write_pdfs
from build_tools.printable.sources import SourcePage, in_nav_order

# Where the booklets are kept between builds, from the folder of mkdocs.yml; mkdocs.yml's
# `extra.printable_cache` can name another folder (never one inside the site).
CACHE_FOLDER = CACHE / "booklets"


def cache_folder(project: Path, setting: object = None) -> Path:
    """The booklet cache: `setting` (from mkdocs.yml, relative to `project`), or the default."""
    return project / (str(setting) if setting else CACHE_FOLDER)


def write_printable(
    site_dir: Path,
    pages: dict[str, SourcePage],
    providers: tuple[Provider, ...],
    settings: Settings,
    nav: object,
    cache: Path | None = None,
    pdf: bool = True,
) -> dict[str, bool] | None:
    """Write local-offer-print.html at the site's root and, if `pdf`, each booklet's PDF.

    For each booklet's file: True if its PDF was made anew, False if it came from the cache.
    None if PDFs were not wanted.
    """
    ordered, day = in_nav_order(pages, nav), made_on()
    html = render_document(settings, ordered, providers, day)
    (site_dir / PRINT_PAGE).write_text(html, encoding="utf-8")
    if not pdf:
        link_booklets(site_dir, ordered, None)
        return None
    if cache:
        try:
            claim_output_folder(cache, BOOKLET_CACHE, keep=(site_dir,))
        except OutputRefused as error:
            raise PrintableError(f"The booklets' cache (printable_cache): {error}") from error
    booklets = booklets_with_content(ordered, providers)
    jobs = [
        (render_document(settings, ordered, providers, day, booklet), site_dir / booklet.file)
        for booklet in booklets
    ]
    made = write_pdfs(jobs, site_dir, cache)
    link_booklets(site_dir, ordered, [(b, (site_dir / b.file).stat().st_size) for b in booklets])
    return made
