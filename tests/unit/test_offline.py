"""The offline copy: links that open from disk, and a reproducible zip."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from build_tools.exports.offline import file_link, offline_page, write_offline_copy


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("../services/", "../services/index.html"),
        ("./", "./index.html"),
        (".", "./index.html"),
        ("..", "../index.html"),
        ("../..", "../../index.html"),
        ("../../", "../../index.html"),
        ("services/?need=ASD#top", "services/index.html?need=ASD#top"),
        ("page.html", "page.html"),
        ("assets/site.css", "assets/site.css"),
        ("#main", "#main"),
        ("https://example.org/", "https://example.org/"),
        ("mailto:a@b.example", "mailto:a@b.example"),
        ("", ""),
    ],
)
def test_file_link(link: str, expected: str) -> None:
    assert file_link(link) == expected


def test_links_to_files_left_out_go_to_the_website() -> None:
    site = "https://localoffer.example/"
    assert file_link("../../local-offer-offline.zip", "guidance/x/", site) == (
        "https://localoffer.example/local-offer-offline.zip"
    )
    assert (
        file_link("api/services.json", "", site) == "https://localoffer.example/api/services.json"
    )
    assert file_link("../../local-offer-health.pdf", "guidance/x/", site) == (
        "../../local-offer-health.pdf"
    )


def test_offline_page_fixes_links_and_adds_the_note() -> None:
    html = (
        '<noscript><link rel="stylesheet" href="../assets/no-js.css"></noscript>'
        '<link href="../assets/x.css" rel="stylesheet"><article class="md-content__inner">'
        '<a href="../ehc-plans/">EHC</a><form action="../search/"></form><p>href="../x/"</p>'
    )
    fixed = offline_page(html, "<p>NOTE</p>")
    assert '<a href="../ehc-plans/index.html">' in fixed
    assert 'action="../search/index.html"' in fixed
    assert '<p>href="../x/"</p>' in fixed  # text is left alone
    assert '<article class="md-content__inner"><p>NOTE</p>' in fixed
    assert fixed.startswith('<link rel="stylesheet" href="../assets/no-js.css">')


def test_offline_page_leaves_out_what_only_machines_read() -> None:
    html = (
        '<head><link rel="canonical" href="https://x.example/s/"><link rel="alternate feed" '
        'type="application/atom+xml" title="New" href="../feed.xml"><script type="application/'
        'ld+json">{"name":"A \\u003c B"}</script><link rel="stylesheet" href="../a.css"></head>'
    )
    assert offline_page(html, "") == '<head><link rel="stylesheet" href="../a.css"></head>'


def test_the_zip_is_reproducible_and_leaves_out_what_needs_a_server(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "services").mkdir(parents=True)
    (site / "search" / "words").mkdir(parents=True)
    (site / "index.html").write_text('<article><a href="services/">S</a></article>')
    (site / "services" / "index.html").write_text("<article>List</article>")
    (site / "services" / "near-me.json").write_text("{}")
    (site / "search" / "words" / "sp.json").write_text("{}")
    (site / "local-offer-health.pdf").write_bytes(b"%PDF")
    first = write_offline_copy(
        site, "Dudley SEND Local Offer", "https://x.example/", dt.date(2026, 9, 14)
    )
    data = first.read_bytes()
    write_offline_copy(site, "Dudley SEND Local Offer", "https://x.example/", dt.date(2026, 9, 14))
    assert first.read_bytes() == data
    with zipfile.ZipFile(first) as archive:
        names = archive.namelist()
        assert names == [
            "dudley-send-local-offer/README.txt",
            "dudley-send-local-offer/index.html",
            "dudley-send-local-offer/local-offer-health.pdf",
            "dudley-send-local-offer/services/index.html",
        ]
        home = archive.read("dudley-send-local-offer/index.html").decode()
        assert '<a href="services/index.html">' in home
        assert "Offline copy</strong>, made on 14 September 2026" in home
        assert archive.getinfo(names[0]).date_time == (2026, 9, 14, 0, 0, 0)
