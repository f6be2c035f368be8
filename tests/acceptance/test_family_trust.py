"""The sample site as a family meets it: the council's footer and feedback on every page, staff
pages kept out of the families' menu, no contents column on the home page, and a glossary with
an A to Z."""

from __future__ import annotations

import re
import zipfile
from html import unescape
from pathlib import Path
from urllib.parse import unquote

import pytest

from build_tools.clock import build_day
from build_tools.text.dates import long_date
from tests.sites import html_pages, page_url_path

FOOTER_LINKS = {
    "Accessibility statement": "accessibility/",
    "Privacy": "privacy/",
    "Cookies: this site sets no cookies": "privacy/#cookies",
    "Other ways to get this information": "guidance/other-ways-to-get-this-information/",
    "All the ways to contact us": "contact-us/",
    "For providers: describe your service": "providers/",
    "For council editors": "editors/",
}
_LINK = re.compile(r'<a [^>]*href="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)
_STAFF = re.compile(r"(?:^|/)(?:providers|editors)/")


def site_pages(site: Path) -> list[Path]:
    """Every page of the site's theme; the print-ready Local Offer is a document of its own."""
    return [p for p in html_pages(site) if p.name != "local-offer-print.html"]


def links(html: str) -> dict[str, str]:
    """{link text: target} for every link in the HTML."""
    return {re.sub(r"<[^>]+>|\s+", " ", unescape(t)).strip(): h for h, t in _LINK.findall(html)}


def part(html: str, start: str, end: str) -> str:
    return html[html.index(start) : html.index(end, html.index(start))]


def resolve(page_path: str, href: str) -> str:
    """A relative link from the page at `page_path`, as a path from the site root."""
    parts = page_path.split("/")[:-1]
    for piece in href.split("/"):
        if piece == "..":
            parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts) + ("/" if href.endswith("/") else "")


def test_every_page_has_the_council_footer_and_asks_for_feedback(sample_site: Path) -> None:
    pages = site_pages(sample_site) + [sample_site / "404.html"]
    assert len(pages) > 100
    for page in pages:
        html = page.read_text(encoding="utf-8")
        path = page_url_path(sample_site, page)
        footer = links(part(html, '<footer class="md-footer">', "</footer>"))
        for text, target in FOOTER_LINKS.items():
            assert text in footer, f"{path}: the footer has no link '{text}'"
            if page.name != "404.html":
                assert resolve(path, footer[text]) == target, f"{path}: '{text}' is wrong"
        assert footer["01632 960200"] == "tel:+441632960200", path
        bar = links(part(html, '<nav class="lo-council-bar"', "</nav>"))
        assert "Contact us" in bar, f"{path}: no 'Contact us' in the header"
        if page.name != "404.html":
            feedback = part(html, '<aside class="lo-page-feedback"', "</aside>")
            assert "Was this page helpful?" in feedback, path
            address = "https://localoffer.example/" + path
            assert all(address in unquote(h) for h in links(feedback).values()), path


def test_no_editor_or_provider_page_in_the_family_navigation(sample_site: Path) -> None:
    for page in site_pages(sample_site):
        html = page.read_text(encoding="utf-8")
        path = page_url_path(sample_site, page)
        nav = part(html, 'data-md-type="navigation"', 'data-md-type="toc"')
        staff = [h for h in links(nav).values() if _STAFF.match(resolve(path, h))]
        assert not staff, f"{path}: the menu links to staff pages {staff}"


def test_home_page_has_no_table_of_contents_column(sample_site: Path) -> None:
    html = (sample_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'data-md-type="toc"\s+hidden', html)


@pytest.mark.parametrize("letter", ["A", "E", "S"])
def test_glossary_has_an_a_to_z(sample_site: Path, letter: str) -> None:
    html = (sample_site / "glossary" / "index.html").read_text(encoding="utf-8")
    a_to_z = part(html, '<nav class="lo-a-to-z"', "</nav>")
    assert links(a_to_z)[letter] == f"#letter-{letter.lower()}"
    assert f'id="letter-{letter.lower()}"' in html
    assert html.count('href="#a-to-z"') == len(links(a_to_z))


_MADE_ON = re.compile(r"[Mm]ade on (?:<[^>]+>)?(\d{1,2} [A-Z][a-z]+ \d{4})")


def test_every_date_on_a_generated_file_is_the_build_day(built_site: Path) -> None:
    """The printed Local Offer, the offline copy and the editors' data report say when they
    were made: the day of the build, never a date from the data or a cache."""
    built = long_date(build_day())
    texts = {
        "local-offer-print.html": (built_site / "local-offer-print.html").read_text("utf-8"),
        "editors/data-report/": (built_site / "editors/data-report/index.html").read_text("utf-8"),
    }
    with zipfile.ZipFile(built_site / "local-offer-offline.zip") as offline:
        for name in offline.namelist():
            if name.endswith((".html", ".txt")):
                texts[f"offline: {name}"] = offline.read(name).decode("utf-8")
    found = {name: _MADE_ON.findall(text) for name, text in texts.items()}
    assert found["local-offer-print.html"] and found["editors/data-report/"]
    assert any(dates for name, dates in found.items() if name.startswith("offline"))
    for name, dates in found.items():
        assert set(dates) <= {built}, f"{name} says it was made on {dates}, not {built}"
