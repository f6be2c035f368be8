"""The test run's sites (tests/sites.py) are built once and shared by every test process."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests import sites


def test_a_site_built_in_the_run_is_reused_not_rebuilt(
    built_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another xdist worker knows nothing of this process's memory: only the run's folder.
    monkeypatch.setattr(sites, "_built", {})

    def build_again(**_: Any) -> None:
        raise AssertionError("the fixture site was built a second time")

    monkeypatch.setattr(sites, "build_site", build_again)
    assert sites.built_site_dir("fixture") == built_site
    assert built_site.parent.parent == Path(os.environ[sites.RUN_FOLDER_VARIABLE])


def test_each_site_is_built_in_a_folder_of_its_own(built_site: Path) -> None:
    # A site's folder holds only it, its lock and its mark, so a test looking beside one site
    # for a build's leftovers never sees another site being built.
    assert sorted(p.name for p in built_site.parent.iterdir()) == ["built", "lock", "site"]
