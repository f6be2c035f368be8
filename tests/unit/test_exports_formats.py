"""The other open data formats: CSV for spreadsheets, JSON-LD for search engines, the Atom
feed, robots.txt and the dated sitemap."""

from __future__ import annotations

import csv
import dataclasses
import gzip
import io
import json
import re
from xml.etree import ElementTree as ET

import pytest

from build_tools.entries.catalog import load_catalog
from build_tools.exports.crawl import dated_sitemap, gzipped, robots_txt
from build_tools.exports.feed import ATOM, atom_feed
from build_tools.exports.jsonld import script_tag, service_jsonld, service_type
from build_tools.exports.publisher import Publisher
from build_tools.exports.spreadsheet import COLUMNS, safe_cell, services_csv
from build_tools.exports.write import add_to_head, export_files
from build_tools.model import Provider
from tests.schema_org import unknown_properties
from tests.support import REPO_ROOT, TODAY

SITE = Publisher()


@pytest.fixture(scope="module")
def providers() -> tuple[Provider, ...]:
    return load_catalog(REPO_ROOT / "providers", TODAY).providers


def _rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 byte-order mark"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_has_one_row_per_service_and_the_documented_columns(
    providers: tuple[Provider, ...],
) -> None:
    rows = _rows(services_csv(providers, SITE))
    assert len(rows) == len(providers)
    assert list(rows[0]) == [column.name for column in COLUMNS]
    castle = next(r for r in rows if r["name"] == "Castle Hill Speech Drop-in")
    assert castle["needs"] == "Speech, language and communication; Autism"
    assert castle["phones"] == "Therapy team: 01632 960101"
    assert castle["page"] == "https://localoffer.example/services/castle-hill-speech-drop-in/"


def test_every_csv_column_is_documented_in_the_open_data_page() -> None:
    page = (REPO_ROOT / "docs" / "open-data.md").read_text(encoding="utf-8")
    missing = [c.name for c in COLUMNS if f"| `{c.name}` |" not in page]
    assert not missing, f"Describe these CSV columns in docs/open-data.md: {missing}"


@pytest.mark.parametrize("value", ["=HYPERLINK(1)", "+44 1632 960000", "-2", "@SUM(A1)", "\t=1"])
def test_csv_cells_that_a_spreadsheet_would_run_are_made_text(value: str) -> None:
    assert safe_cell(value) == "'" + value


def test_a_formula_in_provider_text_is_neutralised(providers: tuple[Provider, ...]) -> None:
    evil = dataclasses.replace(providers[0], name="=cmd|' /C calc'!A0", summary="@SUM(1+1)")
    row = _rows(services_csv([evil], SITE))[0]
    assert row["name"] == "'=cmd|' /C calc'!A0" and row["summary"] == "'@SUM(1+1)"


def test_jsonld_uses_only_properties_schema_org_defines(providers: tuple[Provider, ...]) -> None:
    failures = []
    for provider in providers:
        failures += unknown_properties(service_jsonld(provider, SITE))
    assert not failures, "\n".join(failures[:20])


def test_jsonld_describes_the_service(providers: tuple[Provider, ...]) -> None:
    castle = next(p for p in providers if p.slug == "castle-hill-speech-drop-in")
    data = service_jsonld(castle, SITE)
    assert data["@type"] == "Service"
    assert data["provider"] == {
        "@type": "Organization",
        "name": "Castle Hill Children's Therapy Team",
        "url": "https://castle-hill-therapy.example",
    }
    place = data["availableChannel"][0]["serviceLocation"]
    assert place["address"]["postalCode"] == "DY1 4QA"
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 52.5116, "longitude": -2.0812}
    assert {"@type": "LocationFeatureSpecification", "name": "Step-free access", "value": True} in (
        place["amenityFeature"]
    )
    assert data["offers"] == [
        {"@type": "Offer", "price": 0, "priceCurrency": "GBP", "description": "Free"}
    ]
    assert data["audience"]["suggestedMinAge"] == 0 and data["audience"]["suggestedMaxAge"] == 5


def test_council_services_are_government_services(providers: tuple[Provider, ...]) -> None:
    kinds = {p.organisation_name: service_type(p) for p in providers}
    assert kinds["Dudley Council Travel Assistance Team"] == "GovernmentService"
    assert kinds["Castle Hill Children's Therapy Team"] == "Service"


def test_jsonld_text_cannot_close_the_script(providers: tuple[Provider, ...]) -> None:
    sneaky = dataclasses.replace(providers[0], summary="</script><script>alert(1)</script> & <!--")
    tag = script_tag(service_jsonld(sneaky, SITE))
    inner = tag.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in inner and ">" not in inner
    assert json.loads(inner)["description"] == sneaky.summary


def test_service_pages_get_jsonld_and_every_page_the_feed_link(
    providers: tuple[Provider, ...],
) -> None:
    page = "<html><head><title>x</title></head><body></body></html>"
    pages = {f"services/{p.slug}.md": p for p in providers}
    slug = providers[0].slug
    service = add_to_head(page, f"services/{slug}.md", f"services/{slug}/", pages, SITE)
    other = add_to_head(page, "index.md", "", pages, SITE)
    assert 'type="application/atom+xml"' in service and 'href="../../feed.xml"' in service
    assert 'href="feed.xml"' in other
    # rel="alternate" alone would make mkdocs-material fetch a sitemap on every page
    assert 'rel="alternate feed"' in other
    assert "application/ld+json" in service and "application/ld+json" not in other
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', service)
    assert found and json.loads(found.group(1))["name"] == providers[0].name


def test_atom_feed_lists_the_most_recently_checked_first(
    providers: tuple[Provider, ...],
) -> None:
    root = ET.fromstring(atom_feed(providers, SITE))
    entries = root.findall(f"{{{ATOM}}}entry")
    dates = [e.findtext(f"{{{ATOM}}}updated") for e in entries]
    assert dates == sorted(dates, reverse=True)
    assert root.findtext(f"{{{ATOM}}}updated") == dates[0]
    first = entries[0]
    assert first.findtext(f"{{{ATOM}}}id", "").startswith("urn:uuid:")
    link = first.find(f"{{{ATOM}}}link")
    assert link is not None and link.get("href", "").startswith("https://localoffer.example/")


def test_robots_txt_points_at_the_sitemap() -> None:
    assert "Sitemap: https://localoffer.example/sitemap.xml" in robots_txt(SITE)


def test_sitemap_dates_come_from_the_data() -> None:
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://x.example/</loc><lastmod>2030-01-01</lastmod></url>"
        "<url><loc>https://x.example/services/a/</loc><lastmod>2030-01-01</lastmod></url>"
        "</urlset>"
    )
    dated = dated_sitemap(xml, {"https://x.example/services/a/": "2026-03-03"})
    assert "2030" not in dated
    assert "<loc>https://x.example/services/a/</loc>\n    <lastmod>2026-03-03</lastmod>" in dated


def test_gzip_bytes_never_vary() -> None:
    assert gzipped(b"same") == gzipped(b"same")
    assert gzip.decompress(gzipped(b"same")) == b"same"


def test_exports_are_the_same_bytes_every_time(providers: tuple[Provider, ...]) -> None:
    assert export_files(providers, SITE) == export_files(providers, SITE)
