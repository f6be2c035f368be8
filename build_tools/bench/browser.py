"""The bytes a browser downloads on first visits, measured with Chromium through Playwright.

The built site is served on localhost. Each visit uses a fresh browser context (an empty cache)
and records every response; the bytes are then counted from the files fetched, as a server with
gzip on would send them (`measure.transfer_size`). Only the system Chromium is used.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from build_tools.bench.measure import transfer_size

if TYPE_CHECKING:
    from playwright.sync_api import Response

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]
SEARCH_WORDS = "speech"
# The dearest first search: a typo in the first letters, looked up in up to three near files
# (search/typo_index.py) before the word's own file.
TYPO_WORDS = "speach"
TIMEOUT_MS = 120_000
DATA_SUFFIXES = frozenset([".json", ".bin"])


@dataclass(frozen=True)
class Visit:
    total: int  # bytes over the wire, gzipped where that is smaller
    data: int  # of which search and filter data (word files, filter bits, cards)
    requests: int
    results: int  # results the page listed, to show the visit did its work


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on a free localhost port; yields the base address."""
    handler = partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _file_for(site: Path, url: str) -> Path | None:
    path = unquote(urlsplit(url).path).lstrip("/")
    target = site / path
    if path == "" or path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def _count(site: Path, urls: list[str], results: int) -> Visit:
    files = [f for f in (_file_for(site, url) for url in urls) if f is not None]
    sizes = {f: transfer_size(f) for f in files}
    data = sum(size for f, size in sizes.items() if f.suffix in DATA_SUFFIXES)
    return Visit(sum(sizes[f] for f in files), data, len(urls), results)


def first_visits(site: Path, expected: int) -> dict[str, Visit]:
    """Home page, directory (until it lists its first results), a first search (and one with a
    typo), and a first filter without words (need and age, as "my autistic 7-year-old")."""
    from playwright.sync_api import sync_playwright  # a dev dependency, needed only here

    visits: dict[str, Visit] = {}
    listed = "document.querySelectorAll('#lo-results li').length"
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, path, wait_for in (
                ("home", "/", None),
                ("directory", "/services/", f"{listed} >= {min(20, expected)}"),
                ("search", f"/search/?q={SEARCH_WORDS}", f"{listed} >= 1"),
                ("typo", f"/search/?q={TYPO_WORDS}", f"{listed} >= 1"),
                ("filter", "/services/?need=ASD&age=7", f"{listed} >= 1"),
            ):
                # The site's CSP refuses eval, which wait_for_function's expression needs.
                context = browser.new_context(bypass_csp=True)
                page = context.new_page()
                urls: list[str] = []

                def record(response: Response, urls: list[str] = urls) -> None:
                    urls.append(response.url)

                page.on("response", record)
                page.goto(base + path, wait_until="networkidle", timeout=TIMEOUT_MS)
                if wait_for:
                    page.wait_for_function(wait_for, timeout=TIMEOUT_MS)
                    page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
                results = int(page.evaluate(listed))
                visits[name] = _count(site, urls, results)
                context.close()
        finally:
            browser.close()
    return visits
