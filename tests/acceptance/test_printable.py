"""The printed Local Offer built with the sample site: the booklets' PDFs, read back with pypdf,
and their cache.

Every booklet is made; each holds the services of its types and only those, and every service
is in one; each contents list gives the right page for each entry; every page has its number;
each PDF is tagged (structure tree, headings, links, language) with real text. The cache makes
a booklet anew only when what it is made from changed, and gives the same bytes as a cold build.
"""

from __future__ import annotations

import dataclasses
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
from build_tools.model import Provider
from build_tools.printable.booklets import BOOKLETS, Booklet, file_size
from build_tools.printable.build import write_printable
from build_tools.printable.directory import sections
from build_tools.printable.document import PRINT_PAGE, Settings
from tests.support import REPO_ROOT

_CONTENTS_LINE = re.compile(r"^(?P<title>\S.*?)\s*(?:\.\s*){3,}(?P<page>\d+)$")
_SERVICE_LINK = re.compile(r"/services/([a-z0-9-]+)/$")
SERVICE_BOOKLETS = [booklet for booklet in BOOKLETS if booklet.groups]
SETTINGS = Settings("Dudley SEND Local Offer", "https://localoffer.example/", "About.", True)


@cache
def providers() -> tuple[Provider, ...]:
    return load_catalog(REPO_ROOT / "providers", dt.date.today()).providers


@cache
def pdf_text(path: Path) -> tuple[str, ...]:
    """The text of each page of a PDF, read once."""
    reader = PdfReader(path)
    return tuple(" ".join(page.extract_text().split("\n")) for page in reader.pages)


def contents_entries(path: Path) -> list[tuple[str, int]]:
    reader = PdfReader(path)
    entries = []
    for page in reader.pages[:4]:
        for line in page.extract_text().splitlines():
            match = _CONTENTS_LINE.match(line.strip())
            if match:
                entries.append((match["title"], int(match["page"])))
    return entries


def service_links(path: Path) -> set[str]:
    """The services whose web page a PDF links to: one link per service printed in full."""
    found = set()
    for page in PdfReader(path).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            match = _SERVICE_LINK.search(str(action.get("/URI", ""))) if action else None
            if match:
                found.add(match.group(1))
    return found


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


def test_every_booklet_is_made_and_the_single_pdf_is_gone(sample_site: Path) -> None:
    for booklet in BOOKLETS:
        assert (sample_site / booklet.file).read_bytes().startswith(b"%PDF"), booklet.file
    assert not (sample_site / "local-offer.pdf").exists()


@pytest.mark.parametrize("booklet", SERVICE_BOOKLETS, ids=lambda b: b.key)
def test_a_booklet_holds_its_groups_services_and_only_those(
    booklet: Booklet, sample_site: Path
) -> None:
    expected = {p.slug for p in booklet.services(providers())}
    assert expected, f"no sample service for {booklet.title}"
    assert service_links(sample_site / booklet.file) == expected
    text = " ".join(" ".join(pdf_text(sample_site / booklet.file)).split())
    missing = [p.name for p in providers() if p.slug in expected and p.name not in text]
    assert not missing, f"not in {booklet.file}: {missing}"


def test_every_service_is_in_a_booklet(sample_site: Path) -> None:
    held = set().union(*(service_links(sample_site / b.file) for b in SERVICE_BOOKLETS))
    assert held == {p.slug for p in providers()}


@pytest.mark.parametrize("booklet", BOOKLETS, ids=lambda b: b.key)
def test_the_contents_gives_the_right_page_for_every_entry(
    booklet: Booklet, sample_site: Path
) -> None:
    path = sample_site / booklet.file
    titles = [title for title, _ in contents_entries(path)]
    if booklet.groups:
        found = sections(booklet.services(providers()), booklet.groups)
        expected = ["Directory of services", *(section.label for section in found)]
    else:
        expected = ["Help and guidance" if booklet.key == "guidance" else "Easy read"]
    for title in expected:
        assert title in titles, f"{title!r} is not in the contents of {booklet.file}: {titles}"
    pages = pdf_text(path)
    for title, number in contents_entries(path):
        assert title in pages[number - 1], f"{title!r} is not on page {number}, as listed"


@pytest.mark.parametrize("booklet", BOOKLETS, ids=lambda b: b.key)
def test_every_page_has_its_number_and_the_date(booklet: Booklet, sample_site: Path) -> None:
    pages = pdf_text(sample_site / booklet.file)
    assert len(pages) > 2
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in text
    built = build_day()  # the day of the build, never the newest date in the data
    assert f"This printed copy was made on {built.day} {built:%B %Y}." in pages[0]
    assert "Sample data." in pages[0]
    assert booklet.title in pages[0]


@pytest.mark.parametrize("booklet", BOOKLETS, ids=lambda b: b.key)
def test_each_booklet_is_tagged_with_headings_links_and_a_language(
    booklet: Booklet, sample_site: Path
) -> None:
    reader = PdfReader(sample_site / booklet.file)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert bool(root["/MarkInfo"]["/Marked"])
    types = structure_types(root["/StructTreeRoot"], set())
    assert {"/H1", "/H2", "/H3", "/Link", "/L", "/LI", "/P"} <= types
    if booklet.groups:
        assert {"/H4", "/H5"} & types
    assert reader.metadata is not None
    assert reader.metadata.title == f"Dudley SEND Local Offer: {booklet.title}"
    # The dates come from the build day, never the clock: the same day, the same bytes.
    day = build_day()
    assert reader.metadata["/CreationDate"] == f"D:{day:%Y%m%d}"
    assert reader.metadata["/ModDate"] == f"D:{day:%Y%m%d}"
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline == [booklet.title]


def test_the_print_page_holds_everything(sample_site: Path) -> None:
    html = (sample_site / PRINT_PAGE).read_text(encoding="utf-8")
    assert html.count("<h1") == 1
    for provider in providers():
        assert f'id="service-{provider.slug}"' in html


@pytest.mark.parametrize("site", ["built_site", "sample_site"])
def test_the_other_ways_page_links_to_each_booklet_with_its_size(
    site: str, request: pytest.FixtureRequest
) -> None:
    folder: Path = request.getfixturevalue(site)
    page = (folder / "guidance" / "other-ways-to-get-this-information" / "index.html").read_text()
    assert 'id="printed-booklets"' in page
    made = [booklet for booklet in BOOKLETS if (folder / booklet.file).is_file()]
    assert [b.key for b in made][:2] == ["guidance", "easy-read"]
    for booklet in made:
        size = file_size((folder / booklet.file).stat().st_size)
        assert f'href="../../{booklet.file}">{booklet.title}</a> (PDF, {size})' in page
    for target in (PRINT_PAGE, "local-offer-offline.zip"):
        assert f'href="../../{target}"' in page
        assert (folder / target).is_file()
    # Every PDF the site links to exists.
    for pdf in re.findall(r'href="\.\./\.\./([^"]+\.pdf)"', page):
        assert (folder / pdf).is_file(), pdf


def _build(site: Path, cache_dir: Path, chosen: tuple[Provider, ...]) -> dict[str, bool]:
    site.mkdir(parents=True, exist_ok=True)
    made = write_printable(site, {}, chosen, SETTINGS, [], cache_dir)
    assert made is not None
    return made


def test_the_cache_remakes_only_the_booklets_of_a_changed_provider(tmp_path: Path) -> None:
    # A few services of several types keep the test quick; the counting is the same at any size.
    chosen = tuple(sorted(providers(), key=lambda p: p.slug)[::16])
    cache_dir = tmp_path / "cache"
    cold = _build(tmp_path / "cold", cache_dir, chosen)
    assert cold and all(cold.values()), "a cold build makes every booklet"
    warm = _build(tmp_path / "warm", cache_dir, chosen)
    assert not any(warm.values()), "nothing changed: every booklet comes from the cache"
    again = _build(tmp_path / "again", tmp_path / "other-cache", chosen)
    assert all(again.values())
    for name in cold:
        cold_bytes = (tmp_path / "cold" / name).read_bytes()
        assert (tmp_path / "warm" / name).read_bytes() == cold_bytes, name
        assert (tmp_path / "again" / name).read_bytes() == cold_bytes, f"{name}: not reproducible"
    first = chosen[0]
    changed = dataclasses.replace(first, summary=first.summary + " Changed.")
    edited = tuple(changed if p.slug == first.slug else p for p in chosen)
    rebuilt = _build(tmp_path / "edited", cache_dir, edited)
    holding = {b.file for b in SERVICE_BOOKLETS if first in b.services(chosen)}
    assert holding and {name for name, anew in rebuilt.items() if anew} == holding
