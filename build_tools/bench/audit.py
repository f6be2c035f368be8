"""`make audit`: Lighthouse's second opinion on five kinds of page, in the system Chromium.

A benchmark script, not a test: it builds the sample site, serves it on localhost, runs
Lighthouse (npm, pinned in tools/lighthouse/) on the home page, the directory, a service page,
an easy-read page and a guidance page, with mobile emulation and simulated throttling, and
prints the four category scores as a Markdown table (also written to bench/out/lighthouse.md).

    python -m build_tools.bench.audit [--chromium PATH]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from build_tools.paths import ROOT
from build_tools.site import build_site

LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = {
    "Home": "",
    "Directory": "services/",
    "Service page": "services/castle-hill-speech-drop-in/",
    "Easy-read page": "services/castle-hill-speech-drop-in/easy-read/",
    "Guidance page": "guidance/ehc-plans/",
}
CATEGORIES = ("accessibility", "performance", "best-practices", "seo")
# A closed network: without these Chromium keeps trying to reach Google's services.
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
RESULTS = ROOT / "bench" / "out" / "lighthouse.md"


# Text files a static host compresses; Lighthouse would otherwise count them uncompressed.
_COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv"}


class _GzipHandler(SimpleHTTPRequestHandler):
    """Serves files as a typical static host does: text gzipped when the browser accepts it."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # redirects to the address with a slash
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in _COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve `folder` on 127.0.0.1 in a background thread; return the server and its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_GzipHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


def lighthouse_scores(url: str, chromium: str) -> dict[str, int]:
    """Lighthouse's category scores (0-100) for one page."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    env = {**os.environ, "CHROME_PATH": chromium}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def markdown_table(scores: dict[str, dict[str, int]]) -> str:
    heading = "| page | " + " | ".join(CATEGORIES) + " |"
    rule = "|---|" + "---:|" * len(CATEGORIES)
    rows = [
        f"| {page} | " + " | ".join(str(values[name]) for name in CATEGORIES) + " |"
        for page, values in scores.items()
    ]
    return "\n".join([heading, rule, *rows]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        sys.stderr.write("Lighthouse is not installed: run `make audit`, which installs it.\n")
        return 2
    with tempfile.TemporaryDirectory(prefix="localoffer-audit-") as folder:
        site = Path(folder) / "site"
        build_site(site_dir=site)
        server, base = serve(site)
        try:
            scores = {
                page: lighthouse_scores(base + path, args.chromium) for page, path in PAGES.items()
            }
        finally:
            server.shutdown()
    table = markdown_table(scores)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(table, encoding="utf-8")
    sys.stdout.write(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
