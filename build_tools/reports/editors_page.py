"""The editors' data report page: the freshness report, with a chart for each coverage dimension.

Pure functions. Each chart is an HTML table written at build time: the numbers are text, so
the table is its own text alternative, and a sentence above it says what it shows. The bars are
small inline SVGs (drawn in the text colour, so they survive Windows high-contrast mode), hidden
from screen readers. No script draws anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from html import escape

from build_tools.entries.catalog import Catalog
from build_tools.reports.freshness import (
    GAP_AT_MOST,
    Count,
    Coverage,
    FreshnessReport,
    entries_from,
    freshness_report,
)
from build_tools.reports.freshness_render import days_text
from build_tools.text.dates import long_date
from build_tools.text.front_matter import front_matter
from build_tools.text.wording import plain

DATA_REPORT_PAGE = "editors/data-report.md"
_FRONT_MATTER = front_matter(
    {
        "template": "data-report.html",
        "search": {"exclude": True},
        "description": "For Local Offer editors: entries due for review, entries missing key "
        "information, and gaps in what the Local Offer covers.",
    }
)


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _service_link(name: str, slug: str, published: set[str]) -> str:
    text = plain(name)
    return f"[{text}](../services/{slug}.md)" if slug in published else text


def _reviews_table(report: FreshnessReport, overdue: bool, published: set[str]) -> Iterator[str]:
    items = report.overdue if overdue else report.due_soon
    if not items:
        yield "None."
        return
    yield "| Service | File | Last checked | Due |"
    yield "|---|---|---|---|"
    for item in items:
        when = days_text((item.due - report.today).days)
        due = f"{long_date(item.due)} ({'in ' if item.due > report.today else ''}{when})"
        link = _service_link(item.entry.name, item.entry.slug, published)
        yield f"| {link} | `{item.entry.file}` | {long_date(item.last_reviewed)} | {due} |"


def _missing_table(report: FreshnessReport, published: set[str]) -> Iterator[str]:
    if not report.missing:
        yield "None."
        return
    yield "| Service | File | Missing |"
    yield "|---|---|---|"
    for item in report.missing:
        link = _service_link(item.entry.name, item.entry.slug, published)
        yield f"| {link} | `{item.entry.file}` | {plain('; '.join(item.missing))} |"


def _bar(count: int, most: int) -> str:
    width = round(100 * count / most, 1) if most else 0
    return (
        '<svg class="lo-bar" viewBox="0 0 100 10" preserveAspectRatio="none" '
        f'aria-hidden="true" focusable="false"><rect width="{width:g}" height="10"></rect></svg>'
    )


def _gap_note(count: int) -> str:
    if count == 0:
        return ' <strong class="lo-gap-note">none</strong>'
    if count <= GAP_AT_MOST:
        return ' <strong class="lo-gap-note">few</strong>'
    return ""


# What each coverage dimension counts, in the plural.
_PLURALS = {"type": "types of provision", "need": "needs", "age": "age bands", "area": "areas"}


def coverage_summary(dimension: Coverage) -> str:
    """One sentence that says what the chart shows: the text alternative of its shape."""
    total = len(dimension.counts)
    gaps = dimension.gaps
    noun = _PLURALS.get(dimension.key, f"values of {dimension.heading.lower()}")
    if not gaps:
        return f"Each of the {total} {noun} has more than {GAP_AT_MOST} services."
    names = [f"{c.label} ({c.count})" for c in gaps]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{len(gaps)} of the {total} {noun} have {GAP_AT_MOST} services or fewer: {listed}."


def _row(count: Count, most: int) -> str:
    marked = ' class="lo-gap"' if count.count <= GAP_AT_MOST else ""
    return (
        f'<tr{marked}><th scope="row">{escape(count.label)}</th>'
        f'<td>{_bar(count.count, most)}<span class="lo-count">{count.count}</span>'
        f"{_gap_note(count.count)}</td></tr>"
    )


def coverage_chart(dimension: Coverage) -> str:
    """The chart as one line of HTML (a raw block Markdown leaves alone)."""
    most = max((c.count for c in dimension.counts), default=0)
    rows = "".join(_row(c, most) for c in dimension.counts)
    return (
        f'<table class="lo-chart" id="lo-chart-{escape(dimension.key)}">'
        f"<caption>Published services by {escape(dimension.heading.lower())}</caption>"
        f'<thead><tr><th scope="col">{escape(dimension.heading)}</th>'
        f'<th scope="col">Services</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def render_data_report(report: FreshnessReport, published: set[str]) -> str:
    """The whole page, in Markdown."""
    gaps = sum(len(d.gaps) for d in report.coverage)
    lines = [
        *_FRONT_MATTER,
        "# Data report",
        "",
        f"For Local Offer editors. Made on {long_date(report.today)}, when the site was "
        f"built, from {_plural(report.files, 'service file', 'service files')}: "
        f"{report.published} published. The same report is on the command line: "
        "`localoffer report`.",
        "",
        f"- {_plural(len(report.overdue), 'entry is', 'entries are')} overdue for review",
        f"- {_plural(len(report.due_soon), 'entry is', 'entries are')} due for review "
        "within 30 days",
        f"- {_plural(len(report.missing), 'entry is', 'entries are')} missing key information",
        f"- {_plural(gaps, 'value has', 'values have')} {GAP_AT_MOST} services or fewer",
        "",
        "## Overdue for review",
        "",
        "Last checked more than 12 months ago. These still show, with a notice that they may be "
        "out of date. Check every field with the provider, then set `last_reviewed`.",
        "",
        *_reviews_table(report, True, published),
        "",
        "## Due for review within 30 days",
        "",
        *_reviews_table(report, False, published),
        "",
        "## Missing key information",
        "",
        *_missing_table(report, published),
        "",
        "## Coverage",
        "",
        "How many published services a family finds under each type of provision, need, age "
        "band and area, as the browse pages count them: a service for all needs counts under "
        "every need. An area counts the services happening there (a venue in the town, or "
        "visits there), not those open to the whole borough. "
        f"Values with {GAP_AT_MOST} services or fewer are marked *few*, or *none*.",
        "",
    ]
    for dimension in report.coverage:
        lines += [f"### {dimension.heading}", "", coverage_summary(dimension), ""]
        lines += [coverage_chart(dimension), ""]
    return "\n".join(lines)


def data_report_page(catalog: Catalog, today: dt.date) -> str:
    """The page for the catalog a site is built from."""
    report = freshness_report(entries_from(catalog.validation.files), catalog.providers, today)
    return render_data_report(report, {p.slug for p in catalog.providers})
