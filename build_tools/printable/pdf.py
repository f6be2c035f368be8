"""The PDF of the printed Local Offer, made by WeasyPrint from the print-ready HTML.

Tagged PDF/UA-1: headings, lists, tables and links are in the structure tree, the language is
set, the text is real text. WeasyPrint takes seconds for a few dozen pages, so a PDF is kept in
a cache folder under the hash of its HTML: a rebuild with nothing changed copies it instead.
WeasyPrint needs the Pango library (Debian: libpango-1.0-0 and libpangoft2-1.0-0).

WeasyPrint reads every picture and style sheet the HTML names, from anywhere: a web address
would make the build machine request it, and a file: address could put any file it can read
into the PDF. So it is given a fetcher that reads only files inside the built site, and the
PDF fails with a clear error if the HTML asked for anything else.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

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


def _site_fetcher(weasyprint, root: Path):  # type: ignore[no-untyped-def]
    """A WeasyPrint URL fetcher that reads only files inside `root` (and inline data: URLs),
    and notes every other address it was asked for in its `refused` list."""
    site = root.resolve()

    class SiteFetcher(weasyprint.urls.URLFetcher):
        refused: list[str]

        def fetch(self, url: str, headers: object = None) -> object:
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            if parts.scheme == "file" and parts.netloc in ("", "localhost"):
                path = Path(url2pathname(unquote(parts.path))).resolve()
                if path.is_relative_to(site) and path.is_file():
                    return weasyprint.urls.URLFetcherResponse(path.as_uri(), path.read_bytes())
            self.refused.append(url)
            raise ValueError(f"not a file of the built site: {url}")

    fetcher = SiteFetcher(allowed_protocols=("file", "data"))
    fetcher.refused = []
    return fetcher


def cache_key(html: str, version: str) -> str:
    return hashlib.sha256(f"{version}\n{PDF_VARIANT}\n{html}".encode()).hexdigest()


def write_pdf(html: str, base: Path, target: Path, cache: Path | None = None) -> bool:
    """Write the PDF of `html` (images found from `base`) to `target`. True if made anew."""
    weasyprint = _weasyprint()
    cached = cache / f"{cache_key(html, weasyprint.__version__)}.pdf" if cache else None
    if cached and cached.is_file():
        shutil.copyfile(cached, target)
        return False
    fetcher = _site_fetcher(weasyprint, base)
    document = weasyprint.HTML(
        string=html, base_url=f"{base.resolve().as_uri()}/", url_fetcher=fetcher
    )
    document.write_pdf(target, pdf_variant=PDF_VARIANT)
    if fetcher.refused:
        target.unlink(missing_ok=True)
        shown = "\n".join(f"  {url}" for url in sorted(set(fetcher.refused)))
        raise PrintableError(
            "The printable PDF may show only files of the built site, but its pages ask for:\n"
            f"{shown}\nSave each picture in content/ and link to it by its path."
        )
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        # Written beside, then renamed: two builds at once never see half a file.
        partial = cached.with_suffix(f".{os.getpid()}.part")
        shutil.copyfile(target, partial)
        os.replace(partial, cached)
    return True
