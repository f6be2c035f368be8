"""A whole site built from providers that carry the injection corpus, checked output by output.

Each attack string goes into every free-text field that validation accepts it in (one service
per string, tests/injection.py). The strict build must succeed, and then no page, export or
feed may hold anything that runs: every HTML page is parsed, the JSON-LD and ORUK files are
read as JSON, the CSV as CSV and the feed as XML.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from build_tools.exports.feed import ATOM
from tests.injection import TEXT_FIELDS, corpus, corpus_entries, name_for, unsafe_html
from tests.sites import built_site_dir, html_pages
from tests.support import TODAY

ATTACKS = corpus()
# Why validation refuses some attack strings in some fields; nothing else may stop them.
REFUSED_BY_DESIGN = {
    "LO105",  # too long for the field
    "LO112",  # a link in text that is not a web, email or phone link
    "LO121",  # an easy-read line with more than one sentence
    "LO208",  # HTML in a text field
    "LO209",  # a picture or heading in a text field
    "LO308",  # an easy-read line with an abbreviation the glossary does not explain
}


@pytest.fixture(scope="module")
def site() -> Path:
    return built_site_dir("injection")


@pytest.fixture(scope="module")
def entries() -> dict[str, dict[str, object]]:
    return corpus_entries(TODAY)[0]


def test_every_attack_reaches_the_site_through_some_field() -> None:
    entries, refused = corpus_entries(TODAY)
    assert len(entries) == len(ATTACKS)
    for attack in ATTACKS:
        refused_fields = {path for (text, path) in refused if text == attack}
        assert len(refused_fields) < len(TEXT_FIELDS), f"no field takes {attack!r}"


def test_validation_refuses_only_for_the_known_reasons() -> None:
    _, refused = corpus_entries(TODAY)
    codes = {code for found in refused.values() for code in found}
    assert codes <= REFUSED_BY_DESIGN, refused
    # Plain-text fields take any text: it is escaped, never refused.
    plain = [
        ("how_to_access", "steps", 0),
        ("locations", 0, "transport"),
        ("schedules", 0, "notes"),
    ]
    assert not [key for key in refused if key[1] in plain]


def test_no_page_holds_anything_that_runs(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 2 * len(ATTACKS)
    found = {}
    for page in pages:
        problems = unsafe_html(page.read_text(encoding="utf-8"), whole_page=True)
        if problems:
            found[str(page.relative_to(site))] = problems
    assert found == {}


def test_every_page_has_the_content_security_policy_first(site: Path) -> None:
    for page in html_pages(site):
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        assert head.count('http-equiv="Content-Security-Policy"') == 1, page
        if "<script" in head:  # the printable copy has none
            assert head.index("Content-Security-Policy") < head.index("<script"), page


def test_service_pages_show_each_attack_as_text(
    site: Path, entries: dict[str, dict[str, object]]
) -> None:
    for index, attack in enumerate(ATTACKS):
        slug = f"injection-{index:02d}"
        soup = BeautifulSoup((site / "services" / slug / "index.html").read_bytes(), "html.parser")
        h1 = soup.find("main").find("h1")  # type: ignore[union-attr]
        assert h1 is not None
        expected = str(entries[slug]["name"])
        assert " ".join(h1.get_text().split()) == " ".join(expected.split())
        if expected == name_for(attack, index):
            title = soup.find("title")
            assert title is not None and title.get_text().startswith(" ".join(expected.split()))


def test_no_file_from_the_build_machine_is_included(site: Path) -> None:
    passwd = Path("/etc/passwd")
    secret = passwd.read_text(encoding="utf-8").splitlines()[0] if passwd.exists() else "root:x:0"
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".csv", ".xml", ".txt"}:
            assert secret not in path.read_text(encoding="utf-8", errors="replace"), path


def test_template_and_include_syntax_shows_as_written(site: Path) -> None:
    index = ATTACKS.index('--8<-- "/etc/passwd"')
    text = (site / "services" / f"injection-{index:02d}" / "index.html").read_text("utf-8")
    assert "--8&lt;-- &quot;/etc/passwd&quot;" in text or '--8&lt;-- "/etc/passwd"' in text
    index = next(i for i, a in enumerate(ATTACKS) if a.startswith("{{ config }}"))
    page = site / "services" / f"injection-{index:02d}" / "index.html"
    assert "{{ config }}" in BeautifulSoup(page.read_bytes(), "html.parser").get_text()


def _json_ld(page: Path) -> list[object]:
    soup = BeautifulSoup(page.read_bytes(), "html.parser")
    return [
        json.loads(script.string or "")
        for script in soup.find_all("script", type="application/ld+json")
    ]


def test_json_ld_is_json_with_the_names_unchanged(
    site: Path, entries: dict[str, dict[str, object]]
) -> None:
    for slug, entry in entries.items():
        documents = _json_ld(site / "services" / slug / "index.html")
        assert len(documents) == 1
        assert documents[0]["name"] == entry["name"]  # type: ignore[index]


def test_oruk_files_are_json_with_the_text_unchanged(
    site: Path, entries: dict[str, dict[str, object]]
) -> None:
    names = set()
    for path in (site / "api").rglob("*.json"):
        document = json.loads(path.read_text(encoding="utf-8"))
        if path.parent.parent.name == "services":
            names.add(document["name"])
            for url in re.findall(r'"(?:url|website)":"([^"]*)"', json.dumps(document)):
                assert url.startswith(("https://", "http://")), url
    assert {str(entry["name"]) for entry in entries.values()} <= names


def test_csv_has_no_formulas(site: Path) -> None:
    text = (site / "exports" / "services.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) > len(ATTACKS)
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_feed_is_atom_with_the_titles_as_text(
    site: Path, entries: dict[str, dict[str, object]]
) -> None:
    data = (site / "feed.xml").read_bytes()
    assert b"<!DOCTYPE" not in data and b"<!ENTITY" not in data
    root = ET.fromstring(data)
    assert {element.tag.split("}")[0] + "}" for element in root.iter()} == {f"{{{ATOM}}}"}
    titles = {e.findtext(f"{{{ATOM}}}title") for e in root.findall(f"{{{ATOM}}}entry")}
    assert titles & {str(entry["name"]) for entry in entries.values()}


def test_search_data_is_json_the_script_sets_as_text(site: Path) -> None:
    """The search files are data: JSON that parses, whose words are plain lower-case words,
    however hostile the text they came from. finder.js sets card text with textContent."""
    for path in sorted((site / "search" / "words").glob("*.json")):
        data = json.loads(path.read_bytes())
        assert all(re.fullmatch(r"[a-z0-9]+", word) for word in data["words"]), path
    guidance = json.loads((site / "search" / "pages.json").read_bytes())
    # Addresses of the site's own pages ("" is the home page), never a scheme or another host.
    assert all(re.fullmatch(r"([a-z0-9-]+/)*", page["url"]) for page in guidance)


def test_every_xml_and_json_file_parses(site: Path) -> None:
    """One entry's text must never break a file everyone shares (issue 15): the feed, the
    sitemap, the API and the search data are parsed whole, whatever the corpus put in them."""
    xml = sorted(site.rglob("*.xml"))
    assert {"feed.xml", "sitemap.xml"} <= {path.name for path in xml}
    for path in xml:
        ET.fromstring(path.read_bytes())
    documents = sorted(site.rglob("*.json"))
    assert len(documents) > len(ATTACKS)
    for path in documents:
        json.loads(path.read_bytes())
