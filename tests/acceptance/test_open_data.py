"""The open data in the built fixture site: the ORUK API, CSV, JSON-LD, feed, robots and sitemap."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

from tests import oruk_profile
from tests.schema_org import unknown_properties

FIXTURE_PROVIDERS = Path(__file__).resolve().parents[1] / "examples" / "site" / "providers"
SITE_URL = "https://localoffer.example/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_every_api_file_matches_the_uk_profile(built_site: Path) -> None:
    files = sorted((built_site / "api").rglob("*.json"))
    assert all(f.name == "index.json" for f in files)
    failures = []
    for file in files:
        path = file.relative_to(built_site).as_posix()
        document = json.loads(file.read_text(encoding="utf-8"))
        failures += [
            f"{path}: {p}" for p in oruk_profile.problems(oruk_profile.endpoint_of(path), document)
        ]
    assert not failures, "\n".join(failures[:20])
    services = json.loads((built_site / "api" / "services" / "index.json").read_text())
    assert services["total_items"] == len(list(FIXTURE_PROVIDERS.glob("*.yaml")))
    for item in services["contents"]:  # each id answers at /services/{id} with no extension
        assert (built_site / "api" / "services" / item["id"] / "index.json").is_file()


def test_csv_is_written(built_site: Path) -> None:
    data = (built_site / "exports" / "services.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,name,summary,")
    assert data.count(b"\r\n") == 1 + len(list(FIXTURE_PROVIDERS.glob("*.yaml")))


def _jsonld(page: Path) -> dict[str, object]:
    html = page.read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.DOTALL)
    assert len(found) == 1, page
    data: dict[str, object] = json.loads(found[0])
    return data


def test_every_service_page_has_jsonld_with_schema_org_properties(built_site: Path) -> None:
    for provider in sorted(FIXTURE_PROVIDERS.glob("*.yaml")):
        page = built_site / "services" / provider.stem / "index.html"
        data = _jsonld(page)
        assert data["@type"] in ("Service", "GovernmentService")
        assert data["url"] == f"{SITE_URL}services/{provider.stem}/"
        assert not unknown_properties(data), unknown_properties(data)
        html = page.read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{SITE_URL}services/{provider.stem}/">' in html


def test_other_pages_have_no_service_jsonld_but_the_feed_link(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "application/ld+json" not in home
    title = "Dudley SEND Local Offer: new and updated services"
    assert (
        f'rel="alternate feed" type="application/atom+xml" title="{title}" href="feed.xml"' in home
    )


def test_sitemap_lists_service_pages_dated_by_their_review(built_site: Path) -> None:
    root = ET.parse(built_site / "sitemap.xml").getroot()
    dates = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in root.findall(f"{SITEMAP}url")
    }
    castle = dates[f"{SITE_URL}services/castle-hill-speech-drop-in/"]
    assert castle == "2026-10-14"
    for provider in FIXTURE_PROVIDERS.glob("*.yaml"):
        assert f"{SITE_URL}services/{provider.stem}/" in dates
    assert dates[SITE_URL] is None  # no made-up date for pages without one


def test_robots_and_feed(built_site: Path) -> None:
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots
    feed = ET.parse(built_site / "feed.xml").getroot()
    entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == len(list(FIXTURE_PROVIDERS.glob("*.yaml")))
