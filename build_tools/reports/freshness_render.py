"""The freshness report as plain text, JSON, or Markdown for the monthly GitHub issue."""

from __future__ import annotations

import json
from typing import Any

from build_tools.reports.freshness import GAP_AT_MOST, FreshnessReport, MissingInfo, ReviewDue
from build_tools.text.dates import long_date
from build_tools.text.github_text import inert_markdown


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def days_text(days: int) -> str:
    return "today" if days == 0 else _plural(abs(days), "day") + (" ago" if days < 0 else "")


def _review_lines(items: tuple[ReviewDue, ...], today: Any) -> list[str]:
    lines = []
    for item in items:
        when = (item.due - today).days
        lines.append(f"  {item.entry.file}")
        lines.append(
            f"    {item.entry.name}: last checked {long_date(item.last_reviewed)}, "
            f"due {long_date(item.due)} ({'in ' if when > 0 else ''}{days_text(when)})"
        )
    return lines or ["  None."]


def _missing_lines(items: tuple[MissingInfo, ...]) -> list[str]:
    lines = []
    for item in items:
        lines.append(f"  {item.entry.file}")
        lines.append(f"    {item.entry.name}: {'; '.join(item.missing)}")
    return lines or ["  None."]


def render_text(report: FreshnessReport) -> str:
    """The report for people at a terminal."""
    lines = [
        f"Local Offer data report for {long_date(report.today)}",
        f"{_plural(report.files, 'service file')}; {report.published} published today.",
        "",
        f"Overdue for review ({len(report.overdue)}): last checked more than 12 months ago",
        *_review_lines(report.overdue, report.today),
        "",
        f"Due for review within 30 days ({len(report.due_soon)})",
        *_review_lines(report.due_soon, report.today),
        "",
        f"Missing key information ({len(report.missing)})",
        *_missing_lines(report.missing),
        "",
        f"Coverage gaps: published services per value, where there are {GAP_AT_MOST} or fewer",
    ]
    for dimension in report.coverage:
        lines.append(f"  {dimension.heading}" + ("" if dimension.gaps else ": none"))
        lines += [f"    {c.label}: {_plural(c.count, 'service')}" for c in dimension.gaps]
    return "\n".join(lines) + "\n"


def _review_json(item: ReviewDue, today: Any) -> dict[str, Any]:
    return {
        "file": item.entry.file,
        "slug": item.entry.slug,
        "name": item.entry.name,
        "last_reviewed": item.last_reviewed.isoformat(),
        "due": item.due.isoformat(),
        "days_until_due": (item.due - today).days,
    }


def report_data(report: FreshnessReport) -> dict[str, Any]:
    """The report as plain data, for JSON."""
    return {
        "date": report.today.isoformat(),
        "files": report.files,
        "published": report.published,
        "gap_at_most": GAP_AT_MOST,
        "overdue": [_review_json(item, report.today) for item in report.overdue],
        "due_soon": [_review_json(item, report.today) for item in report.due_soon],
        "missing": [
            {
                "file": item.entry.file,
                "slug": item.entry.slug,
                "name": item.entry.name,
                "missing": list(item.missing),
            }
            for item in report.missing
        ],
        "coverage": [
            {
                "key": dimension.key,
                "heading": dimension.heading,
                "counts": [
                    {
                        "value": c.value,
                        "label": c.label,
                        "count": c.count,
                        "gap": c.count <= GAP_AT_MOST,
                    }
                    for c in dimension.counts
                ],
            }
            for dimension in report.coverage
        ],
    }


def render_json(report: FreshnessReport) -> str:
    return json.dumps(report_data(report), indent=2, ensure_ascii=False) + "\n"


def _review_table(items: tuple[ReviewDue, ...]) -> list[str]:
    if not items:
        return ["None."]
    rows = ["| Service | File | Last checked | Due |", "|---|---|---|---|"]
    rows += [
        f"| {inert_markdown(i.entry.name)} | `{i.entry.file}` | {long_date(i.last_reviewed)} | "
        f"{long_date(i.due)} |"
        for i in items
    ]
    return rows


def render_markdown(report: FreshnessReport) -> str:
    """The body of the monthly issue that lists the entries overdue for review."""
    lines = [
        f"Report of {long_date(report.today)}. Entries last checked more than 12 months ago "
        "still show on the site, with a notice that they may be out of date. For each one, "
        "check every field with the provider, then set `last_reviewed` to the date you checked.",
        "",
        f"## Overdue for review ({len(report.overdue)})",
        "",
        *_review_table(report.overdue),
        "",
        f"## Due within 30 days ({len(report.due_soon)})",
        "",
        *_review_table(report.due_soon),
        "",
        "This issue is updated every month by the *Entries due for review* workflow. "
        "Run `localoffer report` for missing information and coverage gaps too.",
    ]
    return "\n".join(lines) + "\n"


RENDERERS = {"text": render_text, "json": render_json, "markdown": render_markdown}
