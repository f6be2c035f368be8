"""The README stays short and true: every `localoffer` command, every dependency with its
reason, and links that resolve to the maintainers' pages in docs/, so none can fall behind."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from build_tools.cli.main import main
from tests.support import REPO_ROOT

README = REPO_ROOT / "README.md"
DOCS = sorted((REPO_ROOT / "docs").glob("*.md"))
PAGES = [README, REPO_ROOT / "CONTRIBUTING.md", *DOCS]
LINK = re.compile(r"\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6} (.+)$", re.MULTILINE)


def anchors(page: Path) -> set[str]:
    """GitHub's ids for a Markdown page's headings: lower case, punctuation dropped."""
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    titles = HEADING.findall(text)
    return {re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-") for title in titles}


def test_every_command_is_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    missing = [name for name in main.commands if f"`localoffer {name}" not in readme]
    assert not missing, f"Add these commands to the README's table: {missing}"


def test_every_make_target_is_in_the_readme() -> None:
    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    targets = re.findall(r"^([a-z0-9-]+):", makefile, re.MULTILINE)
    readme = README.read_text(encoding="utf-8")
    missing = [name for name in targets if f"| `make {name}` |" not in readme]
    assert not missing, f"Add these make targets to the README's table: {missing}"


def test_the_readme_is_a_two_minute_read() -> None:
    lines = len(README.read_text(encoding="utf-8").splitlines())
    assert lines < 200, f"README.md has {lines} lines: move detail into a page in docs/"


def test_every_dependency_is_in_the_readme_with_its_reason() -> None:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    names = [re.split(r"[<>=!~\[; ]", spec, maxsplit=1)[0] for spec in wanted]
    section = README.read_text(encoding="utf-8").split("## Dependencies and why", 1)[1]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    listed = {name.strip().lower() for row in rows for name in row.split("|")[1].split(",")}
    listed = {re.sub(r" \(.*", "", name) for name in listed}
    missing = [name for name in names if name.lower() not in listed]
    assert not missing, f"Add these packages, and why, to the README's dependency list: {missing}"


def test_every_docs_page_is_linked_from_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    missing = [page.name for page in DOCS if f"(docs/{page.name})" not in readme]
    assert not missing, f"Link these pages from the README's Documentation section: {missing}"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(REPO_ROOT)))
def test_every_relative_link_resolves(page: Path) -> None:
    broken = []
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        resolved = (page.parent / path).resolve() if path else page
        headed = resolved.suffix == ".md" and resolved.exists()
        if not resolved.exists() or (anchor and headed and anchor not in anchors(resolved)):
            broken.append(target)
    assert not broken, f"{page.name}: these links lead nowhere: {broken}"
