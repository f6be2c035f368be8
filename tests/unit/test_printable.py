"""The printed Local Offer's HTML: chosen pages, fixed links and ids, the directory, the date,
and the booklets: which services and pages each holds, and the list of them on the website."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from build_tools.model import Location
from build_tools.printable.booklets import (
    BOOKLETS,
    LIST_PLACEHOLDER,
    booklet_list,
    booklets_with_content,
    file_size,
    in_parts,
    link_booklets,
)
from build_tools.printable.build import cache_folder, write_printable
from build_tools.printable.directory import directory_part, sections
from build_tools.printable.document import Settings, made_on, render_document
from build_tools.printable.pdf import PrintableError, write_pdf
from build_tools.printable.sources import Linker, SourcePage, fit_page, in_nav_order, is_printed
from build_tools.schema import vocabulary, vocabulary_extra
from tests.unit.family_helpers import provider

LINKER = Linker(
    {"guidance/ehc-plans/": "guidance-ehc-plans", "easy-read/": "easy-read"},
    frozenset({"speech"}),
    "https://localoffer.example/",
)
PAGE = SourcePage("guidance/sen-support.md", "guidance/sen-support/", "SEN support", "")


def test_pages_are_chosen_by_path() -> None:
    assert is_printed("guidance/ehc-plans.md")
    assert is_printed("easy-read/index.md")
    assert is_printed("help/easy-read-ehc.md")
    assert not is_printed("providers/index.md")
    assert not is_printed("services/speech/easy-read.md")
    assert not is_printed("index.md")


def test_pages_follow_the_navigation_then_the_rest() -> None:
    pages = {
        src: SourcePage(src, src.replace(".md", "/"), src, "")
        for src in ("guidance/b.md", "guidance/a.md", "guidance/extra.md", "easy-read/x.md")
    }
    nav = [{"Home": "index.md"}, {"Guidance": [{"B": "guidance/b.md"}, "guidance/a.md"]}]
    nav.append({"Easy read": [{"X": "easy-read/x.md"}]})
    order = [page.src for page in in_nav_order(pages, nav)]
    assert order == ["guidance/b.md", "guidance/a.md", "easy-read/x.md", "guidance/extra.md"]


def test_links_point_into_the_document_or_at_the_website() -> None:
    assert LINKER.href(PAGE, "#apply") == "#guidance-sen-support--apply"
    assert LINKER.href(PAGE, "../ehc-plans/") == "#guidance-ehc-plans"
    assert LINKER.href(PAGE, "../ehc-plans/#apply") == "#guidance-ehc-plans--apply"
    assert LINKER.href(PAGE, "../../easy-read/") == "#easy-read"
    assert LINKER.href(PAGE, "../../services/speech/") == "#service-speech"
    assert LINKER.href(PAGE, "../../services/") == "https://localoffer.example/services/"
    assert LINKER.href(PAGE, "https://gov.example/x") == "https://gov.example/x"
    assert LINKER.href(PAGE, "mailto:a@b.example") == "mailto:a@b.example"
    assert LINKER.src(PAGE, "../../assets/pic.svg") == "assets/pic.svg"


def test_fit_page_moves_headings_down_and_prefixes_ids_but_not_text() -> None:
    html = (
        '<h1 id="sen-support">SEN support</h1><h2 id="apply">Apply</h2>'
        '<p><a href="#apply">jump</a> <code>&lt;h2 id="x"&gt;</code></p>'
        "<h5>deep</h5><h6>deeper</h6>"
        '<label for="q">Q</label><input id="q"><img src="../../a.png" alt="A">'
    )
    page = SourcePage(PAGE.src, PAGE.url, PAGE.title, html)
    fitted = fit_page(page, LINKER, 2)
    assert '<h3 id="guidance-sen-support--sen-support">SEN support</h3>' in fitted
    assert '<h4 id="guidance-sen-support--apply">Apply</h4>' in fitted
    assert '<a href="#guidance-sen-support--apply">jump</a>' in fitted
    assert '<code>&lt;h2 id="x"&gt;</code>' in fitted
    assert "<h6>deep</h6><h6>deeper</h6>" in fitted
    assert 'for="guidance-sen-support--q"' in fitted
    assert 'src="a.png"' in fitted


def test_each_service_is_printed_once_and_listed_under_its_other_types() -> None:
    services = (
        provider("swim", name="Swim <club>", categories=("leisure", "short-breaks")),
        provider(
            "nursery",
            categories=("early-years",),
            locations=(Location("N", "1 Rd", "Lye", "DY9 8LB"),),
        ),
    )
    found = {section.key: section for section in sections(services)}
    assert [p.slug for p in found["leisure"].full] == ["swim"]
    assert [p.slug for p in found["short-breaks"].also] == ["swim"]
    html = directory_part(services, "https://localoffer.example/")
    assert html.count('id="service-swim"') == 1
    assert "Swim &lt;club&gt;" in html
    assert '<a class="page-ref" href="#service-swim">' in html
    assert "N, 1 Rd, Lye, DY9 8LB" in html
    # Groups, then types: Education before Social care, Leisure after them.
    assert html.index("Early years") < html.index("Short breaks") < html.index("Leisure and")


def test_the_date_is_the_build_day_never_a_date_from_the_data() -> None:
    assert made_on({}) == dt.date.today()
    assert made_on({"SOURCE_DATE_EPOCH": "1767225600"}) == dt.date(2026, 1, 1)


def test_the_document_has_one_h1_a_contents_list_and_the_date() -> None:
    settings = Settings("Dudley SEND Local Offer", "https://localoffer.example/", "About.", True)
    page = SourcePage("guidance/a.md", "guidance/a/", "Page A", '<h1 id="a">Page A</h1>')
    html = render_document(settings, [page], (provider("one"),), dt.date(2026, 9, 14))
    assert html.count("<h1") == 1
    assert "<title>Dudley SEND Local Offer: printable copy</title>" in html
    assert '<html lang="en-GB">' in html
    assert '<a href="#guidance-a">Page A</a>' in html
    assert '<a href="#directory">Directory of services</a>' in html
    assert '<span class="made-on">14 September 2026</span>' in html
    assert "Sample data." in html
    assert '<meta name="dcterms.created" content="2026-09-14">' in html


def test_the_pdf_is_the_same_every_time_and_cached(tmp_path: Path) -> None:
    settings = Settings("Dudley SEND Local Offer", "https://localoffer.example/", "About.", False)
    html = render_document(settings, [], (provider("one"),), dt.date(2026, 9, 14))
    cache = tmp_path / "cache"
    assert write_pdf(html, tmp_path, tmp_path / "a.pdf", cache) is True
    assert write_pdf(html, tmp_path, tmp_path / "b.pdf", cache) is False  # from the cache
    assert write_pdf(html, tmp_path, tmp_path / "c.pdf") is True  # made again, no cache
    made = (tmp_path / "a.pdf").read_bytes()
    assert made.startswith(b"%PDF")
    assert (tmp_path / "b.pdf").read_bytes() == made
    assert (tmp_path / "c.pdf").read_bytes() == made, "the same HTML must make the same bytes"


def test_every_type_of_provision_is_in_exactly_one_booklet() -> None:
    groups = list(vocabulary_extra("x-groups", "categories"))
    held = [group for booklet in BOOKLETS for group in booklet.groups]
    assert sorted(held) == sorted(groups), "give each group in the schema one booklet"
    types = [key for booklet in BOOKLETS for key in booklet.types()]
    assert sorted(types) == sorted(vocabulary("categories"))
    assert len({booklet.file for booklet in BOOKLETS}) == len(BOOKLETS)


def test_a_booklet_holds_the_services_of_its_types_each_in_full_once() -> None:
    health = next(booklet for booklet in BOOKLETS if booklet.key == "health")
    services = (
        provider("swim", categories=("leisure", "therapies", "health")),
        provider("nursery", categories=("early-years",)),
    )
    assert [p.slug for p in health.services(services)] == ["swim"]
    found = {section.key: section for section in sections(services, health.groups)}
    assert set(found) == {"health", "therapies"}
    # Its first type in this booklet is therapies: printed there, listed under health.
    assert [p.slug for p in found["therapies"].full] == ["swim"]
    assert [p.slug for p in found["health"].also] == ["swim"]
    settings = Settings("Dudley SEND Local Offer", "https://localoffer.example/", "About.", False)
    page = SourcePage("guidance/a.md", "guidance/a/", "Page A", '<h1 id="a">Page A</h1>')
    html = render_document(settings, [page], services, dt.date(2026, 9, 14), health)
    assert html.count("<h1") == 1
    assert "<h1>Health and therapies</h1>" in html
    assert "<title>Dudley SEND Local Offer: Health and therapies</title>" in html
    assert 'id="service-swim"' in html and "nursery" not in html.lower()
    assert "Page A" not in html  # guidance is in its own booklet
    guidance = render_document(settings, [page], services, dt.date(2026, 9, 14), BOOKLETS[0])
    assert '<a href="#guidance-a">Page A</a>' in guidance
    assert 'id="directory"' not in guidance and "swim" not in guidance
    kept = booklets_with_content([page], services)
    assert [b.key for b in kept] == ["guidance", "education", "health", "activities"]


def test_the_list_of_booklets_gives_each_file_and_its_size(tmp_path: Path) -> None:
    assert [file_size(n) for n in (200, 240_400, 999_499, 1_234_567)] == [
        "1 KB",
        "240 KB",
        "999 KB",
        "1.2 MB",
    ]
    health = next(booklet for booklet in BOOKLETS if booklet.key == "health")
    html = booklet_list([(health, 240_400)], "../../")
    assert '<a href="../../local-offer-health.pdf">Health and therapies</a> (PDF, 240 KB)' in html
    assert html.count("<li>") == 1
    assert "no booklets" in booklet_list(None, "../../")
    page = SourcePage("guidance/o.md", "guidance/o/", "O", f"<p>Print.</p>{LIST_PLACEHOLDER}")
    built = tmp_path / "guidance" / "o" / "index.html"
    built.parent.mkdir(parents=True)
    built.write_text(f"<main><p>Print.</p>{LIST_PLACEHOLDER}</main>", encoding="utf-8")
    link_booklets(tmp_path, [page, PAGE], [(BOOKLETS[0], 5_000)])
    written = built.read_text(encoding="utf-8")
    assert LIST_PLACEHOLDER not in written
    assert '<a href="../../local-offer-guidance.pdf">Help and guidance</a> (PDF, 5 KB)' in written


def test_a_big_booklet_is_made_in_parts_of_nearly_equal_size() -> None:
    health = next(booklet for booklet in BOOKLETS if booklet.key == "health")
    services = tuple(
        provider(f"s{n:02d}", categories=(("health", "therapies", "mental-health")[n % 3],))
        for n in range(7)
    )
    assert in_parts(health, services, 7) == [health]
    parts = in_parts(health, services, 3)
    assert [(b.part, b.of, b.file) for b in parts] == [
        (1, 3, "local-offer-health-1.pdf"),
        (2, 3, "local-offer-health-2.pdf"),
        (3, 3, "local-offer-health-3.pdf"),
    ]
    held = [[p.slug for p in b.services(services)] for b in parts]
    assert sorted(slug for part in held for slug in part) == [p.slug for p in services]
    assert [len(part) for part in held] == [3, 3, 1]
    # In the order they are printed: Health, then Therapies, then Mental health.
    assert held[0] == ["s00", "s03", "s06"]
    assert parts[0].heading == "Health and therapies, part 1 of 3"
    assert parts[0].about == "Health services."
    assert parts[1].about.startswith("Therapies: ")
    assert parts[1].about.endswith("; Mental health and emotional wellbeing.")
    settings = Settings("Dudley SEND Local Offer", "https://localoffer.example/", "About.", False)
    html = render_document(settings, [], services, dt.date(2026, 9, 14), parts[1])
    assert "<h1>Health and therapies, part 2 of 3</h1>" in html
    assert "This booklet lists 3 services" in html


def test_the_booklet_cache_is_never_inside_the_site(tmp_path: Path) -> None:
    settings = Settings("Dudley SEND Local Offer", "https://localoffer.example/", "About.", False)
    site = tmp_path / "site"
    site.mkdir()
    with pytest.raises(PrintableError, match="printable_cache"):
        write_printable(site, {}, (provider("one"),), settings, [], site / "cache")
    assert not (site / "local-offer-activities.pdf").exists()
    assert cache_folder(tmp_path) == tmp_path / ".cache" / "localoffer" / "booklets"
    assert cache_folder(tmp_path, "elsewhere") == tmp_path / "elsewhere"
