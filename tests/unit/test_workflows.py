"""The GitHub workflows keep the safety rules that actionlint and the schemas cannot check."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support import REPO_ROOT

WORKFLOWS = sorted((REPO_ROOT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")
# Text anyone can write: it must never be expanded inside a shell command.
UNTRUSTED = re.compile(
    r"\$\{\{[^}]*github\.event\.(issue|comment|pull_request|review|head_commit|discussion)"
    r"\.[^}]*(body|title|name|label|ref|message|email)[^}]*\}\}"
)


def load(path: Path) -> dict[str, Any]:
    data: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_has_least_permissions_and_time_limits(path: Path) -> None:
    workflow = load(path)
    assert workflow["permissions"] == {"contents": "read"}, "start read-only; widen per job"
    for name, job in workflow["jobs"].items():
        assert "timeout-minutes" in job, f"{name} has no time limit"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_a_full_commit_with_its_release_named(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for line in text.splitlines():
        found = re.match(r"\s*-?\s*uses:\s*(\S+)(.*)$", line)
        if found:
            assert PINNED.match(found.group(1)), f"{path.name}: {found.group(1)} is not pinned"
            assert re.match(r"\s*# v\d", found.group(2)), f"{path.name}: name the release"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_untrusted_text_never_reaches_a_shell_command(path: Path) -> None:
    workflow = load(path)
    assert "pull_request_target" not in (workflow["on"] or {})
    for step in steps(workflow):
        assert not UNTRUSTED.search(step.get("run", "")), f"{path.name}: {step}"


def test_pull_requests_that_change_services_are_checked_and_previewed() -> None:
    workflow = load(REPO_ROOT / ".github" / "workflows" / "check-changes.yml")
    assert set(workflow["on"]["pull_request"]["paths"]) == {
        "providers/**",
        "content/**",
        "schema/**",
    }
    runs = " ".join(step.get("run", "") for step in steps(workflow))
    assert "validate --format github" in runs and "make test" in runs and "make site" in runs
    assert any("upload-artifact" in step.get("uses", "") for step in steps(workflow))


def test_the_site_is_published_only_after_the_build_passed() -> None:
    workflow = load(REPO_ROOT / ".github" / "workflows" / "publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert "if" not in deploy, "no condition may let a failed build through"
    runs = [step.get("run", "") for step in build["steps"]]
    assert runs.index("make test") < runs.index("make site")
    assert "upload-pages-artifact" in build["steps"][-1]["uses"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


@pytest.mark.parametrize("name", ["publish.yml", "check-changes.yml"])
def test_sites_are_built_from_the_whole_history(name: str) -> None:
    """Guidance pages say when they were last updated, from git: a shallow clone would give
    every page the date of the last commit."""
    workflow = load(REPO_ROOT / ".github" / "workflows" / name)
    checkouts = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(s["with"]["fetch-depth"] == 0 for s in checkouts)


def test_the_issue_body_reaches_the_parser_through_the_environment() -> None:
    workflow = load(REPO_ROOT / ".github" / "workflows" / "service-from-issue.yml")
    read = next(s for s in steps(workflow) if s.get("id") == "read")
    assert read["env"]["BODY"] == "${{ github.event.issue.body }}"
    assert '"$BODY"' in read["run"] and "${{" not in read["run"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_run_of_the_tests_is_followed_by_axe_on_every_page(path: Path) -> None:
    """`make test` runs axe on one page of each kind and every service page; wherever it runs,
    `make a11y-all` must follow, so CI still checks every page."""
    for job in load(path)["jobs"].values():
        runs = [step.get("run", "") for step in job.get("steps", [])]
        if "make test" in runs:
            assert runs.index("make test") < runs.index("make a11y-all"), path.name


def test_the_ci_script_runs_axe_on_every_page_after_the_tests() -> None:
    commands = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert commands.index("make test") < commands.index("make a11y-all")
