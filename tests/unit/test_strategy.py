"""The current strategy setting, the staleness warnings and "Last updated" dates."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import yaml

from build_tools.guidance.page_dates import front_matter_date, git_dates, last_updated
from build_tools.guidance.strategy import (
    Strategy,
    expand_strategy,
    not_updated_problems,
    stale_period_problems,
    strategy_from,
)
from tests.support import REPO_ROOT

TODAY = dt.date(2026, 12, 5)


def test_the_marker_names_the_current_strategy_from_the_setting() -> None:
    strategy = strategy_from({"current_strategy": {"name": "Plan", "period": "2025 to 2031",
                                                   "link": "https://x.example/plan"}})  # fmt: skip
    assert strategy == Strategy("Plan", "2025 to 2031", "https://x.example/plan")
    page = expand_strategy("# S\n\n<!-- current-strategy -->\n", strategy)
    assert (
        "Dudley's current strategy is the [Plan](https://x.example/plan), for 2025 to 2031." in page
    )
    assert strategy_from({}) is None


def test_an_ended_period_called_current_is_a_warning() -> None:
    text = "Our current strategy runs from\n2021 to 2024.\n\nThe 2025 to 2031 plan is current.\n"
    [problem] = stale_period_problems(text, "page.md", TODAY)
    assert (problem.code, problem.line, problem.severity.value) == ("LO332", 1, "warning")
    assert stale_period_problems("The strategy for 2021 to 2024 said so.", "p", TODAY) == []


def test_no_content_page_calls_an_ended_period_current() -> None:
    for page in sorted((REPO_ROOT / "content").rglob("*.md")):
        body = page.read_text(encoding="utf-8").split("\n---", 1)[-1]
        assert stale_period_problems(body, str(page), TODAY) == [], page


def test_a_page_not_updated_for_a_year_is_a_warning() -> None:
    assert not_updated_problems(dt.date(2026, 1, 1), "p", TODAY) == []
    [problem] = not_updated_problems(dt.date(2025, 12, 4), "p", TODAY)
    assert problem.code == "LO333"
    assert "4 December 2025" in problem.message


def test_last_updated_comes_from_git_then_front_matter(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True)

    git("init", "-q")
    (tmp_path / "a.md").write_text("# A\n", encoding="utf-8")
    git("add", "a.md")
    git("-c", "user.name=T", "-c", "user.email=t@x.example", "commit", "-qm", "a",
        "--date", "2026-03-04T10:00:00")  # fmt: skip
    history = git_dates(tmp_path)
    committed = history["a.md"]
    assert committed == dt.date.fromisoformat(
        subprocess.run(
            ["git", "-C", str(tmp_path), "log", "-1", "--format=%cs"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()  # fmt: skip
    )
    front = "---\ntitle: B\nlast_updated: 2025-07-01\n---\n# B\n"
    assert front_matter_date(front) == dt.date(2025, 7, 1)
    assert last_updated("b.md", front, history) == dt.date(2025, 7, 1)
    assert last_updated("a.md", front, history) == committed
    assert git_dates(tmp_path / "missing") == {}


def test_the_request_link_comes_from_the_setting() -> None:
    page = "# Ask\n\n<!-- ehc-request-link -->\n"
    linked = expand_strategy(page, None, "https://council.example/ehc-request")
    assert "[Ask for an EHC needs assessment online](https://council.example/ehc-request)" in linked
    assert "ehc-request-link" not in expand_strategy(page, None, "")


def test_the_sample_site_sets_the_request_link_and_the_current_strategy() -> None:
    extra = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]
    assert strategy_from(extra) == Strategy(
        "SEND and Alternative Provision Sufficiency Strategy",
        "2025 to 2031",
        "https://www.dudley.example/send-sufficiency-strategy",
    )
    assert extra["ehc_request_link"].startswith("https://")
    page = (REPO_ROOT / "content/guidance/ehc-needs-assessment-request.md").read_text("utf-8")
    assert "<!-- ehc-request-link -->" in page
