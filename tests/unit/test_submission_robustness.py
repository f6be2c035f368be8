"""`from-issue` turns every issue body into a file or a comment, whatever is pasted into the
service file box (issue 15, finding 9): wrong types anywhere are explained, never a traceback,
and the workflow always has a comment to post."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.cli import submit as cli_submit
from build_tools.cli.submit import MADE_BY
from build_tools.submit.submission import build_submission, render_pr_body
from tests.conftest import Cli
from tests.issue_bodies import github_issue_body
from tests.support import FIXTURE_PROVIDERS, MINIMAL_ENTRY, TODAY, TODAY_ARG

ENTRY: dict[str, Any] = yaml.safe_load(MINIMAL_ENTRY)


@pytest.fixture
def providers(tmp_path: Path) -> Path:
    folder = tmp_path / "providers"
    shutil.copytree(FIXTURE_PROVIDERS, folder)
    return folder


def service_file(**changes: Any) -> str:
    return yaml.safe_dump({**ENTRY, **changes}, sort_keys=False)


def run(cli: Cli, tmp_path: Path, providers: Path, body: str) -> tuple[int, str, list[Path]]:
    issue = tmp_path / "issue.md"
    issue.write_text(body, encoding="utf-8")
    comment = tmp_path / "comment.md"
    comment.unlink(missing_ok=True)
    before = sorted(providers.iterdir())
    result = cli(
        "from-issue", issue, "--providers", providers, "--today", TODAY_ARG, "--comment", comment
    )
    written = sorted(set(providers.iterdir()) - set(before))
    return (
        result.exit_code,
        # The comment as posted, after from-issue's own first line (an HTML comment).
        comment.read_text(encoding="utf-8").removeprefix(f"{MADE_BY}\n")
        if comment.exists()
        else "",
        written,
    )


WRONG = {
    "id as a list (the issue's case)": service_file(id=[1, 2]),
    "id as a number": service_file(id=12),
    "id as a mapping": service_file(id={"a": 1}),
    "id as true": service_file(id=True),
    "name as a list": service_file(name=["a", "b"]),
    "contacts as text": service_file(contacts="ring us"),
    "contacts holding lists": service_file(contacts=[[1, 2]]),
    "cost as a number": service_file(cost=5),
    "age range as text": service_file(age_range="0 to 5"),
    "local offer as a list": service_file(local_offer=[1]),
    "locations as a mapping": service_file(locations={"a": "b"}),
    "the whole file a list": "- name: x\n- summary: y\n",
    "the whole file text": "just some words",
    "the whole file a number": "42",
    "an empty file": "",
}


@pytest.mark.parametrize("case", sorted(WRONG))
def test_wrong_types_in_the_service_file_give_a_comment(
    cli: Cli, tmp_path: Path, providers: Path, case: str
) -> None:
    body = github_issue_body({"service-file": WRONG[case]})
    code, comment, written = run(cli, tmp_path, providers, body)
    if case == "an empty file":  # no answer at all: the form's questions are asked for
        assert code == 1 and "please answer" in comment
        return
    assert code == 1, case
    assert comment.startswith("Thank you for sending"), case
    assert "- " in comment and written == []


def test_id_as_a_list_is_explained(cli: Cli, tmp_path: Path, providers: Path) -> None:
    body = github_issue_body({"service-file": WRONG["id as a list (the issue's case)"]})
    _, comment, _ = run(cli, tmp_path, providers, body)
    assert "id" in comment.lower()


def test_an_unforeseen_failure_still_gives_a_comment(
    cli: Cli, tmp_path: Path, providers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any) -> Any:
        raise KeyError("something nobody foresaw")

    monkeypatch.setattr(cli_submit, "build_submission", broken)
    code, comment, written = run(cli, tmp_path, providers, github_issue_body({"name": "x"}))
    assert code == 1 and written == []
    assert "could not be read" in comment and "KeyError" in comment


# Any YAML value, nested a little.
values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
keys = st.sampled_from([*ENTRY, "id", "cost", "locations", "schedules", "local_offer", "x"])


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.dictionaries(keys, values, min_size=1, max_size=3))
def test_any_values_anywhere_give_a_file_or_problems(
    providers: Path, changes: dict[str, Any]
) -> None:
    body = github_issue_body({"service-file": service_file(**changes)})
    submission = build_submission(body, providers, TODAY)
    assert submission.ok or submission.problems


@pytest.mark.parametrize("broken", ["- a list\n", "id: [1, 2]\nname: Broken\n", "just text\n"])
def test_a_broken_file_already_in_providers_does_not_stop_a_submission(
    cli: Cli, tmp_path: Path, providers: Path, broken: str
) -> None:
    (providers / "broken.yaml").write_text(broken, encoding="utf-8")
    body = github_issue_body(
        {"service-file": service_file(id="6b1f2a8e-0000-4000-8000-000000000001")}
    )
    code, comment, written = run(cli, tmp_path, providers, body)
    assert (code, comment) == (0, "") and [p.name for p in written] == [
        "lye-online-parent-chat.yaml"
    ]


@pytest.mark.parametrize(
    ("copied", "code"),
    [
        ("Сastle Hill Speech Drop-in", "LO242"),  # Cyrillic С: its address is sastle-hill-...
        ("Open Dооr SEND Advice Service", "LO402"),  # Cyrillic о: the same address, refused
    ],
)
def test_a_new_service_copying_a_name_with_look_alike_letters_is_flagged(
    providers: Path, copied: str, code: str
) -> None:
    body = github_issue_body({"service-file": service_file(name=copied)})
    submission = build_submission(body, providers, TODAY)
    assert code in {p.code for p in submission.problems}
    if code == "LO242":  # a warning: the editors see it among the pull request's warnings
        assert submission.ok
        assert "castle-hill-speech-drop-in" in render_pr_body(submission, 7)
