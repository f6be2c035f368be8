"""The printed Local Offer built with the sample site: the PDF's structure, read back with pypdf.

Every service is in it; the contents list gives the right page for each entry; every page has
its number; and the PDF is tagged (structure tree, headings, links, language) with real text.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from build_tools.clock import build_day
from build_tools.entries.catalog import load_catalog
from build_tools.printable.directory import sections
from build_tools.printable.document import PDF_FILE, PRINT_PAGE
from tests.support import REPO_ROOT

_CONTENTS_LINE = re.compile(r"^(?P<title>\S.*?)\s*(?:\.\s*){3,}(?P<page>\d+)$")


@cache
def pdf_text(site: Path) -> tuple[str, ...]:
    """The text of each page of the sample site's PDF, read once."""
    reader = PdfReader(site / PDF_FILE)
    return tuple(" ".join(page.extract_text().split("\n")) for page in reader.pages)


def names_of_services() -> list[str]:
    providers = load_catalog(REPO_ROOT / "providers", dt.date.today()).providers
    return [p.name for p in providers]


def contents_entries(site: Path) -> list[tuple[str, int]]:
    reader = PdfReader(site / PDF_FILE)
    entries = []
    for page in reader.pages[:4]:
        for line in page.extract_text().splitlines():
            match = _CONTENTS_LINE.match(line.strip())
            if match:
                entries.append((match["title"], int(match["page"])))
    return entries


def structure_types(node: Any, found: set[str]) -> set[str]:
    """Every structure type (/S) in the PDF's tag tree."""
    if isinstance(node, IndirectObject):
        node = node.get_object()
    if isinstance(node, DictionaryObject):
        if "/S" in node:
            found.add(str(node["/S"]))
        if "/K" in node:
            structure_types(node["/K"], found)
    elif isinstance(node, ArrayObject):
        for child in node:
            structure_types(child, found)
    return found


def test_every_service_is_in_the_pdf(sample_site: Path) -> None:
    text = " ".join(pdf_text(sample_site))
    squashed = " ".join(text.split())
    missing = [name for name in names_of_services() if name not in squashed]
    assert not missing, f"not in the PDF: {missing}"


def test_the_contents_gives_the_right_page_for_every_entry(sample_site: Path) -> None:
    providers = load_catalog(REPO_ROOT / "providers", dt.date.today()).providers
    entries = contents_entries(sample_site)
    titles = [title for title, _ in entries]
    expected_types = [section.label for section in sections(providers)]
    for title in ["Help and guidance", "Easy read", "Directory of services", *expected_types]:
        assert title in titles, f"{title!r} is not in the contents: {titles}"
    pages = pdf_text(sample_site)
    for title, number in entries:
        assert title in pages[number - 1], f"{title!r} is not on page {number}, as listed"


def test_every_page_has_its_number_and_the_date(sample_site: Path) -> None:
    pages = pdf_text(sample_site)
    assert len(pages) > 20
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in text
    built = build_day()  # the day of the build, never the newest date in the data
    assert f"This printed copy was made on {built.day} {built:%B %Y}." in pages[0]
    assert "Sample data." in pages[0]


def test_the_pdf_is_tagged_with_headings_links_and_a_language(sample_site: Path) -> None:
    reader = PdfReader(sample_site / PDF_FILE)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert bool(root["/MarkInfo"]["/Marked"])
    types = structure_types(root["/StructTreeRoot"], set())
    assert {"/H1", "/H2", "/H3", "/H4", "/H5", "/Link", "/L", "/LI", "/P"} <= types
    assert reader.metadata is not None
    assert reader.metadata.title == "Dudley SEND Local Offer: printable copy"
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline == ["Dudley SEND Local Offer"]


def test_the_print_page_and_the_pdf_say_the_same(sample_site: Path) -> None:
    html = (sample_site / PRINT_PAGE).read_text(encoding="utf-8")
    assert html.count("<h1") == 1
    for name in names_of_services()[:5]:
        assert name.replace("&", "&amp;") in html


@pytest.mark.parametrize("site", ["built_site", "sample_site"])
def test_the_other_ways_page_links_to_the_printed_copy(
    site: str, request: pytest.FixtureRequest
) -> None:
    folder: Path = request.getfixturevalue(site)
    page = (folder / "guidance" / "other-ways-to-get-this-information" / "index.html").read_text()
    for target in (PDF_FILE, PRINT_PAGE, "local-offer-offline.zip"):
        assert f'href="../../{target}"' in page
        assert (folder / target).is_file()
