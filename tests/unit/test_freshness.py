"""The data report: reviews due, missing key information and coverage gaps."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_tools.entries.catalog import load_catalog
from build_tools.reports.freshness import (
    GAP_AT_MOST,
    Entry,
    coverage,
    freshness_report,
    missing_information,
    one_year_after,
    reviews,
)
from build_tools.reports.freshness_render import render_json, render_markdown, render_text
from tests.conftest import Cli
from tests.support import FIXTURE_PROVIDERS, MINIMAL_ENTRY, TODAY, TODAY_ARG


def entry(slug: str = "lye-online-parent-chat", **changes: Any) -> Entry:
    data = yaml.safe_load(MINIMAL_ENTRY)
    data.update(changes)
    for key, value in changes.items():
        if value is None:
            del data[key]
    return Entry(f"providers/{slug}.yaml", slug, data)


def test_overdue_and_due_soon_are_split_at_a_year_and_thirty_days() -> None:
    entries = [
        entry("old", last_reviewed="2025-11-24"),  # due yesterday
        entry("older", last_reviewed="2025-01-10"),
        entry("today", last_reviewed="2025-11-25"),  # due today: not yet overdue
        entry("soon", last_reviewed="2025-12-25"),  # due in 30 days
        entry("later", last_reviewed="2025-12-26"),  # due in 31 days
    ]
    overdue, due_soon = reviews(entries, TODAY)
    assert [r.entry.slug for r in overdue] == ["older", "old"], "oldest first"
    assert [r.entry.slug for r in due_soon] == ["today", "soon"]


def test_closed_and_ended_services_need_no_review() -> None:
    entries = [
        entry("closed", last_reviewed="2024-01-01", status="closed"),
        entry("ended", last_reviewed="2024-01-01", show_until="2026-01-31"),
        entry("broken-date", last_reviewed="2024-02-30"),
    ]
    assert reviews(entries, TODAY) == ([], [])


def test_a_year_after_29_february_is_28_february() -> None:
    assert one_year_after(dt.date(2028, 2, 29)) == dt.date(2029, 2, 28)


@pytest.mark.parametrize(
    ("changes", "missing"),
    [
        ({"contacts": [{"role": "Team"}]}, "no contact details"),
        ({"contacts": [{"role": "Team", "website": "https://a.example"}]}, "only a website"),
        ({"age_range": None}, "no age range"),
        ({"age_range": {"min": 0}}, "no age range"),
        ({"delivery": None}, "no venue, and no way it is delivered"),
        ({"eligibility": {"description": ""}}, "no eligibility"),
        ({"delivery": ["in-person"]}, "no days or times"),
    ],
)
def test_missing_key_information_is_named(changes: dict[str, Any], missing: str) -> None:
    [found] = missing_information([entry(**changes)])
    assert any(missing in text for text in found.missing), found.missing


def test_a_complete_entry_misses_nothing() -> None:
    assert missing_information([entry()]) == []


def test_coverage_counts_what_families_find_under_each_value() -> None:
    providers = load_catalog(FIXTURE_PROVIDERS, TODAY).providers
    by_key = {c.key: c for c in coverage(providers)}
    assert [c.key for c in coverage(providers)] == ["type", "need", "age", "area"]
    needs = {c.value: c.count for c in by_key["need"].counts}
    assert "all" not in needs
    assert needs["ASD"] >= 1
    areas = {c.value: c.count for c in by_key["area"].counts}
    assert areas["lye"] >= areas["outside-dudley"], "a borough-wide service counts in each town"
    assert all(c.count <= GAP_AT_MOST for c in by_key["type"].gaps)
    assert sum(1 for c in by_key["type"].counts if c.count == 0) >= 1


def test_the_report_renders_as_text_json_and_markdown() -> None:
    entries = [entry("old", last_reviewed="2025-01-10"), entry("gap", contacts=[{"role": "T"}])]
    report = freshness_report(entries, (), TODAY)
    text = render_text(report)
    assert "Overdue for review (1)" in text
    assert "providers/old.yaml" in text and "(319 days ago)" in text
    assert "Lye Online Parent Chat: no contact details" in text
    data = json.loads(render_json(report))
    assert data["overdue"][0]["days_until_due"] == -319
    assert data["missing"][0]["missing"] == ["no contact details"]
    assert render_markdown(report).count("| Lye Online Parent Chat |") == 1


def test_the_command_reports_on_a_folder(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "providers"
    shutil.copytree(FIXTURE_PROVIDERS, folder)
    result = cli("report", "--providers", folder, "--today", TODAY_ARG, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["published"] == 5
    same = cli("report", "freshness", "--providers", folder, "--today", TODAY_ARG)
    assert same.output.startswith("Local Offer data report for 25 November 2026")


def test_a_broken_file_is_still_reported(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "providers"
    folder.mkdir()
    broken = MINIMAL_ENTRY.replace("contacts:\n  - role: Forum team\n", "contacts:\n  - role: X\n")
    (folder / "half-done.yaml").write_text(
        broken.replace("    email: forum@lye-parents.example\n", ""), encoding="utf-8"
    )
    result = cli("report", "--providers", folder, "--today", TODAY_ARG)
    assert "half-done.yaml" in result.output
    assert "no contact details" in result.output
    assert "0 published today" in result.output
    assert "Run: localoffer validate" in result.output


def test_the_sample_data_has_a_report(cli: Cli, in_repo_root: Path) -> None:
    result = cli("report", "--today", TODAY_ARG)
    assert result.exit_code == 0
    assert re.search(r"\b[1-9]\d* published today", result.output)
    assert re.search(r"Overdue for review \(\d+\)", result.output)
