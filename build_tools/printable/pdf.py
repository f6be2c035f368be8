"""The PDF booklets of the printed Local Offer, made by WeasyPrint from their HTML.

Tagged PDF/UA-1: headings, lists, tables and links are in the structure tree, the language is
set, the text is real text. WeasyPrint takes about a second per 5 to 10 pages and holds the
whole laid-out document in memory, so:

- each PDF is kept in a cache folder under a hash of everything it is made from (its HTML,
  which holds its entries, the style sheet, the settings and the build day; the pictures it
  shows; the versions of this tool and of WeasyPrint): a rebuild makes anew only the booklets
  whose HTML changed, and copies the others;
- the others are made in parallel, in worker processes (as many as there are cores, at most
  MAX_WORKERS), each making one booklet and then exiting, so that memory stays at about one
  booklet per worker, whatever the size of the directory.

WeasyPrint needs the Pango library (Debian: libpango-1.0-0 and libpangoft2-1.0-0).

WeasyPrint reads every picture and style sheet the HTML names, from anywhere: a web address
would make the build machine request it, and a file: address could put any file it can read
into the PDF. So it is given a fetcher that reads only files inside the built site, and the
PDF fails with a clear error if the HTML asked for anything else.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from multiprocessing import get_context
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

PDF_VARIANT = "pdf/ua-1"
# Each worker holds one booklet's layout (hundreds of MB for a big one): more than a few at once
# would trade memory for little time on a build machine's handful of cores.
MAX_WORKERS = 4
CACHE_DAYS = 30
_SRC = re.compile(r"""\ssrc=["']([^"':]+)["']""")


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


def render_pdf(html: str, base: Path, target: Path) -> None:
    """Write the PDF of `html` (pictures found from `base`) to `target`."""
    weasyprint = _weasyprint()
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


def _weasyprint_version() -> str:
    """Read without importing WeasyPrint, which only the worker processes load."""
    try:
        return metadata.version("weasyprint")
    except metadata.PackageNotFoundError:
        return "none"


def _tool_version() -> str:
    """This tool's version and this module's own code, which says how a PDF is made."""
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    try:
        return f"{metadata.version('dudley-local-offer')} {code}"
    except metadata.PackageNotFoundError:
        return f"none {code}"


def _cores() -> int:
    """The cores this process may run on (fewer than the machine's in a container)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def cache_key(html: str, base: Path) -> str:
    """The hash of all a PDF is made from: its HTML, the files of the site that it shows, and
    the versions of this tool and of WeasyPrint."""
    digest = hashlib.sha256()
    for part in (_tool_version(), _weasyprint_version(), PDF_VARIANT, html):
        digest.update(part.encode())
        digest.update(b"\0")
    site = base.resolve()
    for name in sorted(set(_SRC.findall(html))):
        path = (site / unquote(urlsplit(name).path)).resolve()
        if path.is_relative_to(site) and path.is_file():
            digest.update(name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _keep(target: Path, cached: Path) -> None:
    cached.parent.mkdir(parents=True, exist_ok=True)
    # Written beside, then renamed: two builds at once never see half a file.
    partial = cached.with_suffix(f".{os.getpid()}.part")
    shutil.copyfile(target, partial)
    os.replace(partial, cached)


def _prune(cache: Path, now: float) -> None:
    """Forget PDFs no build has used for CACHE_DAYS (each use touches its file)."""
    for old in cache.glob("*.pdf"):
        if old.stat().st_mtime < now - CACHE_DAYS * 86400:
            old.unlink(missing_ok=True)


def _from_cache(cached: Path | None, target: Path) -> bool:
    """Copy the cached PDF to `target` if there is one (and mark it used); True if copied."""
    if not (cached and cached.is_file()):
        return False
    shutil.copyfile(cached, target)
    os.utime(cached)
    return True


def write_pdf(html: str, base: Path, target: Path, cache: Path | None = None) -> bool:
    """Write one PDF in this process, or copy it from the cache. True if made anew."""
    cached = cache / f"{cache_key(html, base)}.pdf" if cache else None
    if _from_cache(cached, target):
        return False
    render_pdf(html, base, target)
    if cached:
        _keep(target, cached)
    return True


def write_pdfs(
    jobs: list[tuple[str, Path]], base: Path, cache: Path | None = None, workers: int = 0
) -> dict[str, bool]:
    """Write the PDF of each (html, target); pictures are found from `base`.

    Returns, for each target's file name, True if it was made anew, False if copied from the
    cache. `workers`: at most this many processes (0: the number of cores, at most MAX_WORKERS).
    """
    made: dict[str, bool] = {}
    todo: list[tuple[str, Path, Path | None]] = []
    for html, target in jobs:
        cached = cache / f"{cache_key(html, base)}.pdf" if cache else None
        made[target.name] = not _from_cache(cached, target)
        if made[target.name]:
            todo.append((html, target, cached))
    if todo:
        # The longest first, so that one long booklet does not start last.
        todo.sort(key=lambda job: -len(job[0]))
        count = min(len(todo), workers or min(_cores(), MAX_WORKERS))
        # spawn, not fork: a worker starts small instead of sharing the whole build's memory,
        # and max_tasks_per_child=1 gives each booklet a fresh process that returns its memory.
        context = get_context("spawn")
        with ProcessPoolExecutor(count, mp_context=context, max_tasks_per_child=1) as pool:
            futures = [pool.submit(render_pdf, html, base, target) for html, target, _ in todo]
            for future in futures:
                future.result()
        for _, target, cached in todo:
            if cached:
                _keep(target, cached)
    if cache and cache.is_dir():
        _prune(cache, time.time())
    return made
