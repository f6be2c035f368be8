"""The editors' data report page: reviews, missing information, and an accessible chart for each
coverage dimension."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
from mkdocs.utils.meta import get_data

from build_tools.entries.catalog import load_catalog
from build_tools.reports.editors_page import (
    coverage_chart,
    coverage_summary,
    data_report_page,
    render_data_report,
)
from build_tools.reports.freshness import Count, Coverage, Entry, freshness_report
from tests.support import FIXTURE_PROVIDERS, TODAY

AREAS = Coverage(
    "area",
    "Area",
    (Count("lye", "Lye", 0), Count("dudley", "Dudley", 2), Count("halesowen", "Halesowen", 8)),
)


class Table(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.svgs: list[dict[str, str]] = []
        self.caption = ""
        self._cell: list[str] | None = None
        self._in_caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td"):
            self._cell = []
        elif tag == "svg":
            self.svgs.append({k: v or "" for k, v in attrs})
        elif tag == "caption":
            self._in_caption = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "caption":
            self._in_caption = False

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._in_caption:
            self.caption += data


def test_a_chart_is_a_table_whose_numbers_are_text() -> None:
    table = Table()
    table.feed(coverage_chart(AREAS))
    assert table.caption == "Published services by area"
    assert table.rows == [
        ["Area", "Services"],
        ["Lye", "0 none"],
        ["Dudley", "2 few"],
        ["Halesowen", "8"],
    ]
    assert all(svg["aria-hidden"] == "true" and svg["focusable"] == "false" for svg in table.svgs)
    widths = re.findall(r'<rect width="([\d.]+)"', coverage_chart(AREAS))
    assert widths == ["0", "25", "100"], "bars are in proportion to the largest"


def test_a_sentence_says_what_each_chart_shows() -> None:
    assert coverage_summary(AREAS) == (
        "2 of the 3 areas have 2 services or fewer: Lye (0) and Dudley (2)."
    )
    full = Coverage("age", "Age", (Count("0-4", "0 to 4 years", 9),))
    assert coverage_summary(full) == "Each of the 1 age bands has more than 2 services."


def test_the_page_lists_reviews_and_links_published_services() -> None:
    catalog = load_catalog(FIXTURE_PROVIDERS, TODAY)
    page = data_report_page(catalog, TODAY)
    body, meta = get_data(page)
    assert meta["template"] == "data-report.html"
    assert meta["search"] == {"exclude": True}
    html = markdown.markdown(body, extensions=["tables"])
    assert "<h1>Data report</h1>" in html
    for heading in ("Overdue for review", "Due for review within 30 days", "Coverage"):
        assert f"<h2>{heading}</h2>" in html
    assert re.findall(r"<h3>(.*?)</h3>", html) == [
        "Type of provision",
        "Need",
        "Age",
        "Area",
    ]
    assert html.count('<table class="lo-chart"') == 4
    assert "Made on 25 November 2026" in html


def test_only_published_services_are_linked() -> None:
    old = {"name": "Old Club", "last_reviewed": "2025-01-01"}
    entries = [
        Entry("providers/old-club.yaml", "old-club", old),
        Entry("providers/gone.yaml", "gone", {**old, "name": "Gone Club"}),
    ]
    report = freshness_report(entries, (), TODAY)
    page = render_data_report(report, {"old-club"})
    assert "| [Old Club](../services/old-club.md) | `providers/old-club.yaml` |" in page
    assert "| Gone Club | `providers/gone.yaml` |" in page
    assert "- 2 entries are overdue for review" in page
