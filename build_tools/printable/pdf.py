"""The PDF of the printed Local Offer, made by WeasyPrint from the print-ready HTML.

Tagged PDF/UA-1: headings, lists, tables and links are in the structure tree, the language is
set, the text is real text. WeasyPrint takes seconds for a few dozen pages, so a PDF is kept in
a cache folder under the hash of its HTML: a rebuild with nothing changed copies it instead.
WeasyPrint needs the Pango library (Debian: libpango-1.0-0 and libpangoft2-1.0-0).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

PDF_VARIANT = "pdf/ua-1"


class PrintableError(RuntimeError):
    """The PDF could not be made; the message says why and what to install."""


def _weasyprint():  # type: ignore[no-untyped-def]
    try:
        import weasyprint
    except OSError as error:
        raise PrintableError(
            "WeasyPrint cannot find the Pango library it needs to make the printable PDF. "
            "On Debian or Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
            f"fonts-liberation. ({error})"
        ) from error
    return weasyprint


def cache_key(html: str, version: str) -> str:
    return hashlib.sha256(f"{version}\n{PDF_VARIANT}\n{html}".encode()).hexdigest()


def write_pdf(html: str, base: Path, target: Path, cache: Path | None = None) -> bool:
    """Write the PDF of `html` (images found from `base`) to `target`. True if made anew."""
    weasyprint = _weasyprint()
    cached = cache / f"{cache_key(html, weasyprint.__version__)}.pdf" if cache else None
    if cached and cached.is_file():
        shutil.copyfile(cached, target)
        return False
    document = weasyprint.HTML(string=html, base_url=f"{base.resolve().as_uri()}/")
    document.write_pdf(target, pdf_variant=PDF_VARIANT)
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        # Written beside, then renamed: two builds at once never see half a file.
        partial = cached.with_suffix(f".{os.getpid()}.part")
        shutil.copyfile(target, partial)
        os.replace(partial, cached)
    return True
