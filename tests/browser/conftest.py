"""Browser tests: the built sites served on localhost, and Playwright driving the system Chromium.

Playwright's own browser download needs the internet, so the tests drive the Chromium the system
has (Debian's `chromium-headless-shell` or `chromium`; set LOCALOFFER_CHROMIUM to use another).
Without one the tests are skipped on a developer's machine, but fail when CI is set: CI must
never skip them.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
from collections.abc import Iterator, Mapping
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

# Flags for a closed network: without them Chromium keeps trying to reach Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}


def chromium_path() -> str | None:
    """The system Chromium: $LOCALOFFER_CHROMIUM, or the first browser on the PATH."""
    configured = os.environ.get("LOCALOFFER_CHROMIUM")
    if configured:
        return configured
    # Chromium's headless shell (Debian's chromium-headless-shell, the "old" headless mode)
    # first: the same Blink engine without the full browser, it does the suite's page loads in
    # about half the time and processor time of `chromium --headless`.
    for name in (
        "chromium-headless-shell",
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ):
        found = shutil.which(name)
        if found:
            return found
    return None


class _QuietHandler(SimpleHTTPRequestHandler):
    # Files served as if they were in the folder, by URL path; never cached by the browser.
    extra: Mapping[str, bytes] = {}

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = self.extra.get(urlsplit(self.path).path)
        if body is None:
            super().do_GET()
            return
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(self.path))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def serve() -> Iterator[object]:
    """A function that serves a folder on 127.0.0.1 and returns its base URL. Its `extra`
    files, by URL path, are served as if they were in the folder (a test may add to them)."""
    servers: list[ThreadingHTTPServer] = []

    def start(folder: Path, extra: Mapping[str, bytes] | None = None) -> str:
        with_extra = type(
            "Handler", (_QuietHandler,), {"extra": extra if extra is not None else {}}
        )
        handler = partial(with_extra, directory=str(folder))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        # Polled every 50 ms, not every 500: shutdown() waits for the next poll, server by server.
        serving = partial(server.serve_forever, poll_interval=0.05)
        threading.Thread(target=serving, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def sample_url(serve: object, sample_site: Path) -> str:
    """The base URL of the sample site (64 services), served on localhost."""
    return serve(sample_site)  # type: ignore[operator]


@pytest.fixture(scope="session")
def fixture_url(serve: object, built_site: Path) -> str:
    """The base URL of the fixture site (5 services), served on localhost."""
    return serve(built_site)  # type: ignore[operator]


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def nowhere() -> Iterator[str]:
    """The address of a proxy that is not there: a port on this machine that is taken, so that
    nothing else can listen on it, but refuses every connection."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{taken.getsockname()[1]}"


@pytest.fixture(scope="session")
def browser(playwright: Playwright, nowhere: str) -> Iterator[Browser]:
    """One Chromium for the whole session. Every request to a host other than 127.0.0.1
    (localhost and IP addresses too) goes to the proxy that is not there, so it
    fails before it leaves the machine, and PageWatch sees it fail."""
    path = chromium_path()
    if path is None:
        message = (
            "No Chromium found. Install it (Debian: apt-get install chromium-headless-shell) "
            "or set LOCALOFFER_CHROMIUM to a Chromium or Chrome binary."
        )
        if os.environ.get("CI"):
            pytest.fail(message + " CI must run the browser tests, never skip them.")
        pytest.skip(message)
    browser = playwright.chromium.launch(
        executable_path=path, args=CHROMIUM_ARGS, proxy={"server": nowhere, "bypass": "127.0.0.1"}
    )
    yield browser
    browser.close()


class PageWatch:
    """What a page did that a test must fail on: requests to other hosts, and script errors.

    A request to another host always fails (the `browser` fixture's proxy, or the site's
    Content Security Policy), so the failed requests are the ones to look at. Listening to every
    request instead cost Playwright and the test a message for each of the suite's thousands of
    requests."""

    def __init__(self) -> None:
        self.foreign_requests: list[str] = []
        self.errors: list[str] = []

    def attach(self, context: BrowserContext) -> None:
        context.on("requestfailed", self._failed)
        context.on("weberror", lambda error: self.errors.append(str(error.error)))

    def _failed(self, request: object) -> None:
        url = request.url  # type: ignore[attr-defined]
        host = urlparse(url).hostname
        if url.startswith(("http:", "https:", "ws:", "wss:")) and host != "127.0.0.1":
            self.foreign_requests.append(url)


def watched_context(browser: Browser, **options: object) -> Iterator[BrowserContext]:
    """A context for the test's pages; on leaving, the test fails if a page reached another
    host or a script failed."""
    context = browser.new_context(**options)  # type: ignore[arg-type]
    watch = PageWatch()
    watch.attach(context)
    yield context
    context.close()
    assert not watch.foreign_requests, f"requests to other hosts: {watch.foreign_requests}"
    assert not watch.errors, f"script errors: {watch.errors}"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh desktop-sized page; the test fails if it reaches another host or a script fails."""
    for context in watched_context(browser, viewport=DESKTOP, locale="en-GB"):
        yield context.new_page()


@pytest.fixture(scope="module")
def _shared_page(browser: Browser) -> Iterator[Page]:
    for context in watched_context(browser, viewport=DESKTOP, locale="en-GB"):
        yield context.new_page()


@pytest.fixture
def reading_page(_shared_page: Page) -> Page:
    """A desktop-sized page that a file's reading tests share: each loads its own address and
    only reads it (a test that stores anything, grants a permission, emulates media or listens
    for events takes a fresh `page`). A fresh page costs a new renderer process, more than such
    a test itself. Requests to other hosts and script errors still fail the file's tests."""
    _shared_page.set_viewport_size(DESKTOP)  # type: ignore[arg-type]
    return _shared_page


@pytest.fixture
def phone_page(browser: Browser) -> Iterator[Page]:
    """A fresh page the size of a small phone, with touch."""
    for context in watched_context(
        browser, viewport=PHONE, has_touch=True, is_mobile=True, locale="en-GB"
    ):
        yield context.new_page()


@pytest.fixture
def no_js_page(browser: Browser) -> Iterator[Page]:
    """A fresh page with JavaScript switched off."""
    for context in watched_context(
        browser, viewport=DESKTOP, java_script_enabled=False, locale="en-GB"
    ):
        yield context.new_page()
