"""An issue becomes a valid provider file, or a comment saying in plain English what to fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from build_tools.submit.submission import (
    build_submission,
    markdown_text,
    render_issue_comment,
    render_pr_body,
    slug_from_address,
)
from tests.conftest import Cli
from tests.issue_bodies import github_issue_body
from tests.support import FIXTURE_PROVIDERS, MINIMAL_ENTRY, REPO_ROOT, TODAY, TODAY_ARG

NEW_SERVICE = REPO_ROOT / "tests" / "examples" / "issues" / "new-service.md"
CASTLE_HILL = "https://localoffer.example/services/castle-hill-speech-drop-in/"
REQUIRED = {
    "name": "Lye Online Parent Chat",
    "summary": "An online chat where parents of disabled children share tips and support.",
    "description": "A friendly online group for parents and carers, run every week by volunteers.",
    "organisation-name": "Lye Parent Carer Forum",
    "age_range-min": "0",
    "age_range-max": "25",
    "eligibility-description": "Parents and carers of children with SEND who live in Dudley.",
    "contacts-role": "Forum team",
}


@pytest.fixture
def providers(tmp_path: Path) -> Path:
    """A providers folder holding the five fixture services."""
    folder = tmp_path / "providers"
    shutil.copytree(FIXTURE_PROVIDERS, folder)
    return folder


def entry_of(text: str) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(text)


def test_a_full_issue_becomes_a_valid_new_file(providers: Path, cli: Cli) -> None:
    submission = build_submission(NEW_SERVICE.read_text(encoding="utf-8"), providers, TODAY)
    assert submission.ok, submission.problems
    assert submission.path == providers / "pensnett-sensory-stay-and-play.yaml"
    assert not submission.updating
    entry = entry_of(submission.text)
    assert list(entry)[:4] == ["id", "name", "summary", "description"]
    assert entry["contacts"] == [
        {
            "role": "Family centre reception",
            "phone": "01632 960456",
            "email": "reception@pensnett-family-centre.example",
        }
    ]
    assert entry["locations"][0]["postcode"] == "DY5 4AA"
    assert entry["schedules"] == [
        {"days": ["wednesday"], "opens": "09:30", "closes": "11:30", "term_time_only": True}
    ]
    assert entry["last_reviewed"] == TODAY_ARG
    submission.path.write_text(submission.text, encoding="utf-8")
    result = cli("validate", submission.path, "--today", TODAY_ARG)
    assert result.exit_code == 0, result.output


def test_the_file_from_the_website_form_is_used_and_answers_replace_its_values(
    providers: Path,
) -> None:
    body = github_issue_body({"service-file": MINIMAL_ENTRY, **REQUIRED, "summary": "Changed."})
    submission = build_submission(body, providers, TODAY)
    entry = entry_of(submission.text)
    assert entry["delivery"] == ["online"], "kept from the file"
    assert entry["summary"] == "Changed.", "the answer wins"
    assert any(p.code == "LO106" for p in submission.problems), "and is checked: too short"


def test_an_update_by_address_changes_only_what_was_answered(providers: Path) -> None:
    body = github_issue_body(
        {"update-of": CASTLE_HILL, "contacts-phone": "01632 960999", "cost-free": "Yes"}
    )
    submission = build_submission(body, providers, TODAY)
    assert submission.ok, submission.problems
    assert submission.updating
    assert submission.path == providers / "castle-hill-speech-drop-in.yaml"
    before = entry_of((FIXTURE_PROVIDERS / "castle-hill-speech-drop-in.yaml").read_text())
    after = entry_of(submission.text)
    assert after["contacts"][0]["phone"] == "01632 960999"
    assert after["contacts"][0]["email"] == before["contacts"][0]["email"]
    assert after["id"] == before["id"]
    assert after["locations"] == before["locations"]
    assert after["last_reviewed"] == TODAY_ARG


def test_an_update_from_the_website_form_is_matched_by_its_id(providers: Path) -> None:
    original = (FIXTURE_PROVIDERS / "castle-hill-speech-drop-in.yaml").read_text()
    renamed = original.replace("name: Castle Hill Speech Drop-in", "name: Castle Hill Talk Time")
    # The website form names the service it updates by the path of its page.
    answers = {"service-file": renamed, "update-of": "/services/castle-hill-speech-drop-in/"}
    submission = build_submission(github_issue_body(answers), providers, TODAY)
    assert submission.ok, submission.problems
    assert submission.updating
    assert submission.path == providers / "castle-hill-speech-drop-in.yaml", "same address"
    assert entry_of(submission.text)["name"] == "Castle Hill Talk Time"


def test_problems_are_named_by_their_question(providers: Path) -> None:
    body = github_issue_body(
        {
            **REQUIRED,
            "summary": "",
            "age_range-min": "12",
            "age_range-max": "5",
            "contacts-phone": "0121",
            "categories": ["Support groups"],
            "needs": ["Autism"],
            "how_to_access-routes": ["You can contact them yourself"],
            "cost-free": "Yes",
            "delivery": ["Online"],
        }
    )
    submission = build_submission(body, providers, TODAY)
    assert not submission.ok
    comment = render_issue_comment(submission)
    assert "- **Summary**: please answer this question." in comment
    assert '**Contact: Phone**: "0121" is not a UK phone number.' in comment
    assert "**Youngest age**:" in comment
    assert "providers/" not in comment and ":1:1" not in comment, "no file names or lines"


def test_a_new_service_may_not_take_a_listed_name(providers: Path) -> None:
    body = NEW_SERVICE.read_text(encoding="utf-8").replace(
        "Pensnett Sensory Stay and Play", "Castle Hill Speech Drop-in"
    )
    submission = build_submission(body, providers, TODAY)
    assert [p.code for p in submission.problems] == ["LO402"]
    assert "/services/castle-hill-speech-drop-in/" in render_issue_comment(submission)


def test_an_update_of_an_unknown_service_is_refused(providers: Path) -> None:
    body = github_issue_body({**REQUIRED, "update-of": "https://localoffer.example/services/x/"})
    submission = build_submission(body, providers, TODAY)
    assert submission.path is None
    assert [p.code for p in submission.problems] == ["LO401"]


def test_a_broken_service_file_is_explained(providers: Path) -> None:
    body = github_issue_body({"service-file": "name: [unclosed\nsummary: x", **REQUIRED})
    submission = build_submission(body, providers, TODAY)
    assert not submission.ok
    assert [p.code for p in submission.problems] == ["LO002"]


def test_untrusted_text_cannot_format_a_comment() -> None:
    joiner = "\u2060"  # after @ and inside :// so GitHub makes no mention or link
    assert markdown_text("@council [click](https://evil.example) <b>") == (
        f"@{joiner}council \\[click\\]\\(https:{joiner}//evil.example\\) \\<b\\>"
    )


def test_addresses_and_names_give_a_slug() -> None:
    site = "https://localoffer.example/"
    assert slug_from_address(CASTLE_HILL, site) == "castle-hill-speech-drop-in"
    assert slug_from_address("/services/lye-stay-and-play", site) == "lye-stay-and-play"
    assert slug_from_address("castle-hill-speech-drop-in", site) == "castle-hill-speech-drop-in"
    assert slug_from_address("https://localoffer.example/", site) is None
    assert slug_from_address("Castle Hill!", site) is None
    assert slug_from_address("../../etc/passwd", site) is None, "only ever a name, never a path"


def test_the_pull_request_says_where_it_came_from(providers: Path) -> None:
    submission = build_submission(NEW_SERVICE.read_text(encoding="utf-8"), providers, TODAY)
    body = render_pr_body(submission, 12)
    assert body.startswith("Adds **Pensnett Sensory Stay and Play**")
    assert "Closes #12." in body
    assert "> first Saturday, 10:00 to 12:00." in body


def test_the_command_writes_the_file_or_the_comment(
    providers: Path, tmp_path: Path, cli: Cli
) -> None:
    outputs = tmp_path / "outputs"
    good, bad = tmp_path / "good.md", tmp_path / "bad.md"
    good.write_text(NEW_SERVICE.read_text(encoding="utf-8"), encoding="utf-8")
    bad.write_text(github_issue_body({**REQUIRED, "contacts-phone": "0121"}), encoding="utf-8")

    args = ["--providers", providers, "--today", TODAY_ARG, "--outputs", outputs]
    result = cli("from-issue", good, *args, "--issue", "12", "--pr-body", tmp_path / "pr.md")
    assert result.exit_code == 0, result.output
    assert (providers / "pensnett-sensory-stay-and-play.yaml").is_file()
    assert "Closes #12." in (tmp_path / "pr.md").read_text()

    before = sorted(providers.iterdir())
    result = cli("from-issue", bad, *args, "--comment", tmp_path / "comment.md")
    assert result.exit_code == 1
    assert sorted(providers.iterdir()) == before, "nothing written for an invalid entry"
    assert "Contact: Phone" in (tmp_path / "comment.md").read_text()
    lines = outputs.read_text().splitlines()
    assert "file=" + (providers / "pensnett-sensory-stay-and-play.yaml").as_posix() in lines
    assert lines[-5:][0] == "valid=false"
    assert lines[-1] == "contacts_changed=false"


def test_an_edited_update_with_windows_line_endings(providers: Path) -> None:
    body = (REPO_ROOT / "tests" / "examples" / "issues" / "update-by-address.md").read_bytes()
    assert b"\r\n" in body
    submission = build_submission(body.decode("utf-8"), providers, TODAY)
    assert submission.ok, submission.problems
    assert submission.path == providers / "castle-hill-speech-drop-in.yaml"
    after = entry_of(submission.text)
    assert after["categories"] == ["therapies"]
    assert after["schedules"][0]["days"] == ["tuesday", "thursday"]
    assert after["description"].endswith("We now meet on **Thursdays** too.")
    assert "status" not in after, "a dropdown left at None changes nothing"
    assert after["contacts"][0]["phone"] == "01632 960101", "unanswered: kept as it was"


COMMENTED = """\
# Kept up to date by the Lye Forum team. Ask Sam before changing the times.
id: 0b6f2a56-1c1d-4d7e-9a3e-2f4b8c9d0e11
name: Lye Online Parent Chat
summary: An online chat where parents of disabled children share tips and support.
description: |
  A friendly online group for parents and carers.

  Run every week by volunteers.
organisation:
  name: Lye Parent Carer Forum  # the forum, not the council
categories: [support-groups, information-advice]
needs: [all]
age_range:
  max: 25   # carers of young adults too
  min: 0
eligibility:
  description: Parents and carers of children with SEND who live in Dudley.
how_to_access:
  routes: [self-referral]
cost:
  free: true
delivery: [online]
contacts:
  - role: Forum team
    email: chat@lye-forum.example
# The council area we cover:
service_areas: [lye]
last_reviewed: 2026-06-01
"""


def write_commented(providers: Path) -> Path:
    path = providers / "lye-online-parent-chat.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    return path


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    old, new = before.splitlines(), after.splitlines()
    assert len(old) == len(new), after
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


def test_an_update_keeps_the_files_comments_order_and_layout(providers: Path, cli: Cli) -> None:
    path = write_commented(providers)
    address = "https://localoffer.example/services/lye-online-parent-chat/"
    body = github_issue_body({"update-of": address, "contacts-phone": "01632 960777"})
    submission = build_submission(body, providers, TODAY)
    assert submission.ok, submission.problems
    text = submission.text
    for kept in (
        "# Kept up to date by the Lye Forum team. Ask Sam before changing the times.",
        "  name: Lye Parent Carer Forum  # the forum, not the council",
        "  max: 25   # carers of young adults too",
        "# The council area we cover:",
        "categories: [support-groups, information-advice]",
    ):
        assert kept in text.splitlines()
    # Only the new phone number (a new line, after the role as in the schema) and the review
    # date changed.
    assert "  - role: Forum team\n    phone: 01632 960777\n    email:" in text
    assert text.replace("    phone: 01632 960777\n", "") == COMMENTED.replace(
        "2026-06-01", TODAY_ARG
    )
    path.write_text(text, encoding="utf-8")
    assert cli("validate", path, "--today", TODAY_ARG).exit_code == 0


def test_a_changed_value_is_written_as_our_files_write_it(providers: Path) -> None:
    write_commented(providers)
    address = "https://localoffer.example/services/lye-online-parent-chat/"
    answers = {
        "update-of": address,
        "summary": "Parents of disabled children chat online and share tips and support.",
        "description": "A friendly online group.\n\nRun on Mondays by volunteers.",
    }
    submission = build_submission(github_issue_body(answers), providers, TODAY)
    assert submission.ok, submission.problems
    changes = changed_lines(
        COMMENTED.replace("Run every week", "Run on Mondays").replace(
            "  A friendly online group for parents and carers.", "  A friendly online group."
        ),
        submission.text,
    )
    assert changes == [
        (
            "summary: An online chat where parents of disabled children share tips and support.",
            "summary: Parents of disabled children chat online and share tips and support.",
        ),
        ("description: |", "description: |-"),  # the answer has no line break at its end
        ("last_reviewed: 2026-06-01", f"last_reviewed: {TODAY_ARG}"),
    ]


def test_an_update_with_nothing_changed_only_dates_the_review(providers: Path) -> None:
    for path in sorted(providers.glob("*.yaml")):
        before = path.read_text(encoding="utf-8")
        address = f"https://localoffer.example/services/{path.stem}/"
        submission = build_submission(github_issue_body({"update-of": address}), providers, TODAY)
        assert submission.ok, (path.name, submission.problems)
        changes = changed_lines(before, submission.text)
        assert all(old.startswith("last_reviewed:") for old, _ in changes), changes
