"""The PDF step reads only files of the built site, and a content page with a picture from
another website stops the build (issue 15, finding 7).

The reproduction: a guidance page with an `http://` image made the build machine request it
while making the PDF. A local server stands in for the other website and counts the requests
it gets: it must get none.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from build_tools.guidance.remote_pictures import remote_addresses, remote_picture_problems
from build_tools.printable.document import Settings, render_document
from build_tools.printable.pdf import PrintableError, write_pdf
from tests.projects import project_with_page
from tests.support import FIXTURE_PROVIDERS

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


class _Counter(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:
        _Counter.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(PNG)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def elsewhere() -> Iterator[tuple[str, list[str]]]:
    """Another website, on loopback: its address and the paths it was asked for."""
    _Counter.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    # Polled every 50 ms: shutdown() waits for the next poll (half a second by default).
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield f"127.0.0.1:{server.server_port}", _Counter.requests
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ('<img src="http://a.example/x.png">', ["http://a.example/x.png"]),
        ('<img src="HTTPS://a.example/x.png">', ["HTTPS://a.example/x.png"]),
        ('<img src="//a.example/x.png">', ["//a.example/x.png"]),
        ('<img src="\\\\a.example/x.png">', ["\\\\a.example/x.png"]),
        ('<img src="file:///etc/passwd">', ["file:///etc/passwd"]),
        ('<img srcset="map.png 1x, https://a.example/x.png 2x">', ["https://a.example/x.png"]),
        ('<picture><source srcset="//a.example/x.webp"></picture>', ["//a.example/x.webp"]),
        ('<video poster="https://a.example/p.jpg"></video>', ["https://a.example/p.jpg"]),
        ('<svg><image href="https://a.example/x.png"/></svg>', ["https://a.example/x.png"]),
        (
            "<p style=\"background: url('https://a.example/b.png')\">x</p>",
            ["https://a.example/b.png"],
        ),
        ("<style>@import 'https://a.example/x.css';</style>", ["https://a.example/x.css"]),
        ('<link rel="stylesheet" href="https://a.example/x.css">', ["https://a.example/x.css"]),
        ('<iframe src="https://a.example/"></iframe>', ["https://a.example/"]),
        (
            '<img src="map.png"><img src="../pictures/a.webp"><img src="data:image/png;base64,AA">',
            [],
        ),
        ('<a href="https://a.example/">a link is not loaded</a>', []),
        # Variants tried after the fix: what a browser reads as an address elsewhere.
        ('<img src="ht&#9;tps://a.example/x.png">', ["ht\ttps://a.example/x.png"]),
        ('<img src="/&#10;/a.example/x.png">', ["/\n/a.example/x.png"]),
        ('<img src="\x01 http://a.example/x.png">', ["\x01 http://a.example/x.png"]),
        (
            '<p style="background: u\\72l(https://a.example/b.png)">x</p>',
            ["https://a.example/b.png"],
        ),
        (
            "<style>p { background: image-set('map.png' 1x, \"//a.example/b.png\" 2x) }</style>",
            ["//a.example/b.png"],
        ),
        ('<image src="https://a.example/x.png">', ["https://a.example/x.png"]),
        ('<table background="//a.example/t.png"></table>', ["//a.example/t.png"]),
        ('<svg><feImage href="https://a.example/f.png"/></svg>', ["https://a.example/f.png"]),
    ],
)
def test_every_way_of_loading_from_elsewhere_is_found(html: str, found: list[str]) -> None:
    assert remote_addresses(html) == found


def test_the_problem_names_the_page_the_line_and_the_address() -> None:
    source = "# Travel\n\nA map:\n\n![Map](http://maps.example/centre.png)\n"
    html = '<h1>Travel</h1><p><img alt="Map" src="http://maps.example/centre.png"></p>'
    (problem,) = remote_picture_problems(html, source, "content/guidance/travel.md")
    assert (problem.file, problem.line, problem.code) == ("content/guidance/travel.md", 5, "LO320")
    assert "http://maps.example/centre.png" in problem.message
    assert "PNG, JPEG or WebP" in problem.fix


@pytest.mark.parametrize(
    "picture",
    [
        "![Map](http://{host}/inline.png)",
        "![Map][map]\n\n[map]: http://{host}/reference.png",
        '<img alt="Map" src="http://{host}/html.png">',
        "![Map](//{host}/protocol-relative.png)",
    ],
)
def test_a_remote_picture_in_content_stops_the_build_without_a_request(
    picture: str,
    elsewhere: tuple[str, list[str]],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    host, requests = elsewhere
    page = f"# Home\n\nWelcome.\n\n{picture.format(host=host)}\n"
    config = load_config(
        config_file=str(project_with_page(tmp_path, page)),
        strict=True,
        site_dir=str(tmp_path / "site"),
    )
    config.extra["providers_dir"] = str(FIXTURE_PROVIDERS)
    with pytest.raises((PluginError, Abort)) as raised:
        build(config)
    said = caplog.text + str(raised.value)
    assert "LO320" in said and host in said
    assert requests == []


def document(body: str) -> str:
    settings = Settings("Dudley SEND Local Offer", "https://localoffer.example/", "About.", False)
    html = render_document(settings, [], (), dt.date(2026, 9, 14))
    return html.replace("</body>", f"{body}</body>")


@pytest.mark.parametrize(
    "body",
    [
        '<img alt="x" src="http://{host}/img.png">',
        '<img alt="x" src="//{host}/img.png">',
        '<link rel="stylesheet" href="http://{host}/print.css">',
        "<style>@import url(http://{host}/import.css);</style>",
        '<p style="background: url(http://{host}/bg.png)">x</p>',
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="http://{host}/svg.png"/></svg>',
    ],
)
def test_the_pdf_fetches_nothing_from_the_network(
    body: str, elsewhere: tuple[str, list[str]], tmp_path: Path
) -> None:
    host, requests = elsewhere
    with pytest.raises(PrintableError, match="only files of the built site") as raised:
        write_pdf(document(body.format(host=host)), tmp_path, tmp_path / "x.pdf")
    assert host in str(raised.value)
    assert requests == []
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    "address",
    ["file:///etc/passwd", "file:///etc/hostname", "../outside.png", "/etc/passwd", "missing.png"],
)
def test_the_pdf_reads_no_file_outside_the_site(address: str, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (tmp_path / "outside.png").write_bytes(PNG)
    with pytest.raises(PrintableError, match="only files of the built site"):
        write_pdf(document(f'<img alt="x" src="{address}">'), site, site / "x.pdf")


def test_a_link_inside_the_site_to_a_file_outside_is_not_followed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (tmp_path / "secret.png").write_bytes(PNG)
    (site / "leak.png").symlink_to(tmp_path / "secret.png")
    with pytest.raises(PrintableError, match="leak.png"):
        write_pdf(document('<img alt="x" src="leak.png">'), site, site / "x.pdf")


def test_the_pdf_shows_pictures_of_the_site(tmp_path: Path) -> None:
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "dot.png").write_bytes(PNG)
    html = document('<img alt="A dot" src="pictures/dot.png">')
    assert write_pdf(html, tmp_path, tmp_path / "x.pdf") is True
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")
