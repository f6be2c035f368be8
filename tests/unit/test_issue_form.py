"""The committed issue form is the one the schema gives, and asks about every field."""

from __future__ import annotations

import pytest
import yaml

from build_tools.submit import issue_form
from build_tools.submit.formspec import ID_FIELD, REVIEWED_FIELD, form_fields, walk
from tests.conftest import Cli
from tests.support import REPO_ROOT

COMMITTED = REPO_ROOT / ".github" / "ISSUE_TEMPLATE" / "add-or-update-a-service.yml"


def test_the_committed_issue_form_is_up_to_date() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == issue_form.render_issue_form(), (
        f"{COMMITTED.relative_to(REPO_ROOT)} is out of date: run localoffer issue-form "
        "and commit the result."
    )


def test_every_schema_field_has_a_question() -> None:
    asked = {q.field.path for q in issue_form.questions() if q.field is not None}
    leaves = {f.path for f in walk(form_fields()) if not f.is_container}
    assert leaves - asked == {ID_FIELD, REVIEWED_FIELD}


def test_choices_are_ticked_and_yes_no_questions_are_dropdowns() -> None:
    body = {e.get("id"): e for e in issue_form.form()["body"]}
    needs = [o["label"] for o in body["needs"]["attributes"]["options"]]
    assert body["needs"]["type"] == "checkboxes"
    assert "Autism" in needs
    assert len(needs) == len(set(needs)), "two needs share a label"
    assert body["cost-free"]["attributes"]["options"] == ["Yes", "No"]
    assert body["status"]["attributes"]["options"][1] == "Temporarily closed"


def test_only_typed_answers_are_required() -> None:
    required = {q.id for q in issue_form.questions() if q.required}
    assert {"name", "summary", "organisation-name", "contacts-role", "age_range-min"} <= required
    assert "locations-name" not in required, "a venue is optional"
    assert "categories" not in required, "GitHub cannot insist on a tick"


def test_the_form_is_valid_yaml_with_unique_ids_and_labels() -> None:
    form = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    fields = [e for e in form["body"] if e["type"] != "markdown"]
    ids = [e["id"] for e in fields]
    labels = [e["attributes"]["label"] for e in fields]
    assert len(ids) == len(set(ids))
    assert len(labels) == len(set(labels))
    assert form["labels"] == [issue_form.LABEL]


def test_the_check_option_fails_on_a_stale_form(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(issue_form, "render_issue_form", lambda: "stale\n")
    result = cli("issue-form", "--check")
    assert result.exit_code == 1
    assert "localoffer issue-form" in result.output
