"""The README's command table names every `localoffer` command, so it cannot fall behind."""

from __future__ import annotations

from build_tools.cli import main
from tests.support import REPO_ROOT


def test_every_command_is_in_the_readme() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in main.commands if f"`localoffer {name}" not in readme]
    assert not missing, f"Add these commands to the README's table: {missing}"
