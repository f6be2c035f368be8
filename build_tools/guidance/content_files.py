"""The raw files in content/, checked before the build copies any of them into the site.

MkDocs copies every file in the docs folder that is not a page into the site as it is, and the
offline zip takes them too. An `.html` file with a script, or an `.svg` picture with one, would
then run on the council's own address. So only the types the site needs are allowed: pages
(Markdown), the data files the build reads (YAML), and pictures as PNG, JPEG or WebP whose
first bytes say so. SVG is allowed only when it is a plain drawing: no scripts, event
handlers, animations, foreign objects, styles that load anything, or references to anything
outside the file. HTML is refused outright. Reads files; imports nothing from the package.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

PAGES_AND_DATA = frozenset({".md", ".yml", ".yaml"})
# A picture's first bytes, by the endings it may have.
PICTURE_MAGIC: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".webp": (b"RIFF",),
}
HTML_ENDINGS = frozenset({".html", ".htm", ".xhtml", ".shtml", ".xht", ".mht", ".mhtml"})
SVG_LIMIT = 1_000_000  # bytes: a logo or an icon is a few kilobytes

_SVG_NS = "{http://www.w3.org/2000/svg}"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# Elements that run code, load other documents, or change the drawing after it has loaded.
_REFUSED_ELEMENTS = frozenset(
    {
        "script",
        "foreignObject",
        "iframe",
        "embed",
        "object",
        "handler",
        "listener",
        "animate",
        "animateMotion",
        "animateTransform",
        "animateColor",
        "set",
        "discard",
    }
)
# CSS that loads a file: url() to anything but a #fragment, @import, image-set() and its kin (which
# take a bare string), and any CSS escape, which can spell those names so no pattern sees them
# (`u\72l(` is `url(`). A plain drawing's style needs none of them.
_OUTSIDE_REFERENCE = re.compile(
    r"url\s*\(\s*['\"]?\s*(?!#)|@import|expression\s*\(|image-set\s*\(|image\s*\(|"
    r"cross-fade\s*\(|src\s*\(|\\",
    re.I,
)


@dataclass(frozen=True)
class RefusedFile:
    """A file in content/ that the build will not publish, and why."""

    path: Path
    reason: str


def _svg_reason(data: bytes) -> str | None:
    """Why an SVG picture cannot be published, or None when it is a plain drawing."""
    if len(data) > SVG_LIMIT:
        return f"it is larger than {SVG_LIMIT:,} bytes"
    if re.search(rb"<!DOCTYPE|<!ENTITY|<\?xml-stylesheet", data, re.I):
        return "it has a DOCTYPE, an entity or a style sheet instruction"
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return f"it is not well-formed XML ({error})"
    if root.tag != f"{_SVG_NS}svg":
        return "it is not an SVG drawing (its first element is not <svg> in the SVG namespace)"
    for element in root.iter():
        if not isinstance(element.tag, str) or not element.tag.startswith(_SVG_NS):
            return f"it has an element from outside SVG ({element.tag})"
        name = element.tag.removeprefix(_SVG_NS)
        if name in _REFUSED_ELEMENTS:
            return f"it has a <{name}> element"
        # All of its text, also what follows a child element: the browser reads all of it.
        if name == "style" and _OUTSIDE_REFERENCE.search("".join(element.itertext())):
            return "its <style> loads something from outside the file"
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1]
            if local.lower().startswith("on"):
                return f"<{name}> has an event handler ({local})"
            if (local == "href" or attribute == _XLINK_HREF) and not value.startswith("#"):
                return f"<{name}> refers to something outside the file ({value[:60]})"
            if _OUTSIDE_REFERENCE.search(value):
                return f"<{name}> {local} loads something from outside the file"
    return None


def file_reason(path: Path) -> str | None:
    """Why a file in content/ cannot be published, or None when it can."""
    ending = path.suffix.lower()
    if ending in PAGES_AND_DATA:
        return None
    if ending in HTML_ENDINGS:
        return "HTML files are never published: write the page in Markdown instead"
    if ending in PICTURE_MAGIC:
        with path.open("rb") as handle:
            start = handle.read(16)
        if not start.startswith(PICTURE_MAGIC[ending]) or (
            ending == ".webp" and start[8:12] != b"WEBP"
        ):
            return f"it is named {ending} but is not a {ending.lstrip('.').upper()} picture"
        return None
    if ending == ".svg":
        return _svg_reason(path.read_bytes())
    return (
        f"the site does not use {ending or 'files without an ending'}: only Markdown pages,"
        " YAML data, and pictures as PNG, JPEG, WebP or plain SVG are published"
    )


def refused_files(folder: Path) -> list[RefusedFile]:
    """Every file in `folder` that the build must not publish, in path order. Names that start
    with a dot (.DS_Store, .gitkeep) are skipped: MkDocs never publishes them."""
    found = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            reason = file_reason(path)
            if reason:
                found.append(RefusedFile(path, reason))
    return sorted(found, key=lambda item: item.path)


def refused_message(folder: Path, refused: list[RefusedFile]) -> str:
    """What to tell an editor about the files the build refused."""
    shown = "\n".join(f"  {item.path}: {item.reason}." for item in refused)
    return (
        f"{len(refused)} files in {folder}/ cannot be published, site not built:\n{shown}\n"
        "A file in the site runs on the council's own address, so only pages, data and plain "
        "pictures are allowed. Remove each file, or replace it with one of those."
    )
