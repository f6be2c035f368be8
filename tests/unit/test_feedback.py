"""'You said, we did': checked data with no names, a page, and a yearly freshness warning."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from build_tools.guidance.branding import Branding
from build_tools.guidance.feedback import check_freshness, load_feedback, render_feedback_page
from tests.support import REPO_ROOT

GOOD = """\
entries:
  - theme: Short breaks
    you_said: It is hard to find short breaks.
    we_did: We listed them on one page.
    status: done
    date: "2026-03-01"
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_loads_entries_newest_first(tmp_path: Path) -> None:
    write(tmp_path, "2026.yaml", GOOD)
    write(tmp_path, "2025.yaml", GOOD.replace("2026-03-01", "2025-05-01").replace("Short", "Old"))
    comments, problems = load_feedback(tmp_path, "content/feedback")
    assert problems == []
    assert [c.theme for c in comments] == ["Short breaks", "Old breaks"]


def test_name_or_contact_fields_are_refused(tmp_path: Path) -> None:
    text = GOOD + "    name: Jane Smith\n    email: jane@example.org\n"
    write(tmp_path, "2026.yaml", text)
    comments, problems = load_feedback(tmp_path, "content/feedback")
    assert comments == []
    assert [(p.file, p.line, p.code) for p in problems] == [
        ("content/feedback/2026.yaml", 2, "LO311")
    ]
    assert "name, email" in problems[0].message
    assert "never a name, email, phone number or address" in problems[0].fix


def test_missing_fields_and_bad_status_and_date(tmp_path: Path) -> None:
    text = GOOD.replace("status: done", "status: finished").replace('"2026-03-01"', '"2026-13-01"')
    write(tmp_path, "2026.yaml", text.replace("    we_did: We listed them on one page.\n", ""))
    _, problems = load_feedback(tmp_path, "content/feedback")
    messages = " ".join(p.message for p in problems)
    assert {p.code for p in problems} == {"LO311"}
    assert "has no we_did" in messages
    assert "not one of the choices" in messages
    assert "not a date" in messages


def test_warns_when_newest_entry_is_over_a_year_old(tmp_path: Path) -> None:
    write(tmp_path, "2025.yaml", GOOD.replace("2026-03-01", "2025-11-20"))
    comments, _ = load_feedback(tmp_path, "content/feedback")
    problems = check_freshness(comments, dt.date(2026, 11, 25), "content/feedback")
    assert [(p.code, p.severity.value) for p in problems] == [("LO312", "warning")]
    assert "20 November 2025" in problems[0].message
    assert check_freshness(comments, dt.date(2026, 11, 20), "content/feedback") == []


def test_no_entries_at_all_is_also_a_warning() -> None:
    assert [p.code for p in check_freshness([], dt.date(2026, 1, 1), "f")] == ["LO312"]


def test_page_groups_by_year_and_shows_status(tmp_path: Path) -> None:
    write(tmp_path, "2026.yaml", GOOD)
    comments, _ = load_feedback(tmp_path, "content/feedback")
    page = render_feedback_page(comments, Branding())
    assert "# You said, we did" in page
    assert "## 2026\n\n### Short breaks" in page
    assert "**You said:** It is hard to find short breaks." in page
    assert "**Where this is up to:** Done, 1 March 2026." in page


def test_page_gives_the_real_contact_routes(tmp_path: Path) -> None:
    branding = Branding(phone="01632 960200", email="localoffer@dudley.example")
    page = render_feedback_page([], branding)
    assert (
        "To tell us what you think, phone [01632 960200](tel:+441632960200) or email "
        "[localoffer@dudley.example](mailto:localoffer@dudley.example)."
    ) in page
    assert "[contact us](contact-us.md)" in page


def test_the_committed_feedback_is_valid() -> None:
    comments, problems = load_feedback(REPO_ROOT / "content" / "feedback", "content/feedback")
    assert problems == []
    assert len(comments) >= 5
