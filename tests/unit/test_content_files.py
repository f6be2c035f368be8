"""Raw files in content/ (issue 15, finding 6): only pages, data and plain pictures are published.

The reproduction: an `.html` and an `.svg` file with a script, put in content/, were copied as
they were into the site and the offline zip, and ran.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from build_tools.guidance.content_files import file_reason, refused_files, refused_message
from build_tools.site import CONFIG
from tests.support import FIXTURE_PROVIDERS, REPO_ROOT

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">{}</svg>'
XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"'
PLAIN_SVGS = {
    "a circle": SVG.format('<circle cx="5" cy="5" r="4" fill="#2b3990"/>'),
    "a gradient": SVG.format(
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>'
        '</defs><rect width="10" height="10" fill="url(#g)"/>'
    ),
    "a title and an inner link": SVG.format(
        '<title>Logo</title><use href="#c"/><circle id="c" r="1" style="fill: red"/>'
    ),
    "an XML declaration": '<?xml version="1.0" encoding="UTF-8"?>\n' + SVG.format("<g/>"),
}
HOSTILE_SVGS = {
    "a script": SVG.format("<script>alert(1)</script>"),
    "a namespaced script": SVG.format(
        '<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>'
    ),
    "an onload": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    "an upper-case handler": SVG.format('<rect width="1" height="1" ONCLICK="alert(1)"/>'),
    "a foreign object": SVG.format(
        '<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script>'
        "</body></foreignObject>"
    ),
    "an XHTML element": SVG.format('<p xmlns="http://www.w3.org/1999/xhtml">hi</p>'),
    "a javascript link": SVG.format('<a href="javascript:alert(1)"><text>x</text></a>'),
    "an xlink javascript link": (
        f'<svg xmlns="http://www.w3.org/2000/svg" {XLINK}>'
        '<a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'
    ),
    "a remote picture": SVG.format('<image href="https://evil.example/track.png"/>'),
    "a data picture": SVG.format('<image href="data:image/svg+xml;base64,PHN2Zz4="/>'),
    "another file": SVG.format('<use href="other.svg#icon"/>'),
    "an animation that sets a link": SVG.format(
        '<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'
    ),
    "an animate": SVG.format('<animate attributeName="href" values="javascript:alert(1)"/>'),
    "a remote style": SVG.format("<style>@import url(https://evil.example/x.css);</style>"),
    "a remote fill": SVG.format('<rect fill="url(https://evil.example/x.svg#p)"/>'),
    "a remote style attribute": SVG.format('<rect style="background: url(//evil.example/x.png)"/>'),
    "an entity": '<!DOCTYPE svg [<!ENTITY x "y">]>' + SVG.format("<text>&x;</text>"),
    "a style sheet instruction": '<?xml-stylesheet href="https://evil.example/x.css"?>'
    + SVG.format(""),
    "not XML": "<svg><script>alert(1)</svg>",
    "HTML named .svg": "<html><script>alert(1)</script></html>",
    "no namespace": "<svg><circle r='1'/></svg>",
    # Variants tried after the fix: CSS that loads a file without writing `url(` plainly.
    "a style with an import after a child": SVG.format(
        "<style>a{}<g/>@import url(https://evil.example/x.css);</style>"
    ),
    "an escaped url(": SVG.format("<style>rect{fill:u\\72l(https://evil.example/x#p)}</style>"),
    "an image-set": SVG.format(
        '<style>rect{background:image-set("https://evil.example/x.png" 1x)}</style>'
    ),
    "an image-set attribute": SVG.format(
        "<rect style='background:-webkit-image-set(\"//evil.example/x.png\" 1x)'/>"
    ),
}


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


@pytest.mark.parametrize("svg", PLAIN_SVGS.values(), ids=PLAIN_SVGS)
def test_a_plain_svg_is_published(svg: str, tmp_path: Path) -> None:
    assert file_reason(write(tmp_path, "logo.svg", svg)) is None


@pytest.mark.parametrize("svg", HOSTILE_SVGS.values(), ids=HOSTILE_SVGS)
def test_an_svg_that_could_run_or_load_anything_is_refused(svg: str, tmp_path: Path) -> None:
    assert file_reason(write(tmp_path, "logo.svg", svg))


@pytest.mark.parametrize(
    "name", ["x.html", "x.HTM", "guidance/x.xhtml", "x.shtml", "x.mhtml", "index.html"]
)
def test_html_is_refused_outright(name: str, tmp_path: Path) -> None:
    reason = file_reason(write(tmp_path, name, "<p>A harmless page</p>"))
    assert reason is not None and "HTML files are never published" in reason


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 20),
        ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 20),
        ("photo.JPEG", b"\xff\xd8\xff\xe1" + b"\0" * 20),
        ("photo.webp", b"RIFF\0\0\0\0WEBPVP8 " + b"\0" * 20),
        ("page.md", b"# A page"),
        ("glossary.yml", b"terms: []"),
        ("feedback/2027.yaml", b"[]"),
    ],
)
def test_pages_data_and_pictures_are_published(name: str, data: bytes, tmp_path: Path) -> None:
    assert file_reason(write(tmp_path, name, data)) is None


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("photo.png", b"<script>alert(1)</script>"),
        ("photo.jpg", b"\x89PNG\r\n\x1a\n"),
        ("photo.webp", b"RIFF\0\0\0\0AVI "),
        ("x.js", b"alert(1)"),
        ("x.css", b"body{}"),
        ("x.xml", b"<x/>"),
        ("x.pdf", b"%PDF-1.7"),
        ("x.gif", b"GIF89a"),
        ("x.zip", b"PK"),
        ("x", b"no ending"),
        ("x.svgz", b"\x1f\x8b"),
        ("x.md.html", b"<script>alert(1)</script>"),
    ],
)
def test_other_types_and_disguised_files_are_refused(
    name: str, data: bytes, tmp_path: Path
) -> None:
    assert file_reason(write(tmp_path, name, data))


def test_hidden_files_are_skipped_and_each_refusal_names_its_file(tmp_path: Path) -> None:
    write(tmp_path, ".DS_Store", b"\0")
    write(tmp_path, "guidance/x.html", "<script>alert(1)</script>")
    write(tmp_path, "logo.svg", HOSTILE_SVGS["a script"])
    refused = refused_files(tmp_path)
    assert [item.path.relative_to(tmp_path).as_posix() for item in refused] == [
        "guidance/x.html",
        "logo.svg",
    ]
    message = refused_message(tmp_path, refused)
    assert "2 files in" in message and "site not built" in message
    assert f"{tmp_path / 'logo.svg'}: it has a <script> element." in message


def test_the_real_content_is_all_publishable() -> None:
    assert refused_files(REPO_ROOT / "content") == []


@pytest.mark.parametrize(
    ("name", "data"),
    [("attack.html", "<script>alert(1)</script>"), ("logo.svg", HOSTILE_SVGS["an onload"])],
)
def test_an_unsafe_file_stops_the_build(
    name: str, data: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    content = tmp_path / "content"
    shutil.copytree(REPO_ROOT / "content", content)
    write(content, f"guidance/{name}", data)
    config = load_config(
        config_file=str(CONFIG), strict=True, docs_dir=str(content), site_dir=str(tmp_path / "s")
    )
    config.extra["providers_dir"] = str(FIXTURE_PROVIDERS)
    with pytest.raises((PluginError, Abort)) as raised:
        build(config)
    said = caplog.text + str(raised.value)
    assert "cannot be published, site not built" in said and f"guidance/{name}" in said
    assert not (tmp_path / "s" / "guidance" / name).exists()
