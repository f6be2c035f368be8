"""Generated pages come from the page cache when nothing they show changed: a warm build gives
the same bytes as a cold one, and a change to one provider makes only its own pages again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_tools import hooks
from build_tools.site import build_site
from tests.acceptance.test_reproducible import files_of
from tests.support import FIXTURE_PROVIDERS, REPO_ROOT

CHANGED = "castle-hill-speech-drop-in"


def kept_pages(cache: Path) -> set[str]:
    """The names of the pages in the cache: one file for each page made anew."""
    return {path.name for path in cache.rglob("*.json")}


def test_warm_builds_match_cold_ones_and_a_change_makes_only_its_pages(tmp_path: Path) -> None:
    providers, cache = tmp_path / "providers", tmp_path / "cache"
    shutil.copytree(FIXTURE_PROVIDERS, providers)
    cold, warm = tmp_path / "cold", tmp_path / "warm"
    build_site(site_dir=cold, providers_dir=providers, pdf=False, page_cache=cache)
    first = kept_pages(cache)
    assert first, "the cold build keeps its generated pages"
    build_site(site_dir=warm, providers_dir=providers, pdf=False, page_cache=cache)
    assert kept_pages(cache) == first, "the warm build made no page anew"
    cold_files, warm_files = files_of(cold), files_of(warm)
    assert sorted(cold_files) == sorted(warm_files)
    assert [name for name in cold_files if cold_files[name] != warm_files[name]] == []

    entry = providers / f"{CHANGED}.yaml"
    entry.write_text(
        entry.read_text(encoding="utf-8").replace("summary: ", "summary: Changed. ", 1),
        encoding="utf-8",
    )
    changed = tmp_path / "changed"
    build_site(site_dir=changed, providers_dir=providers, pdf=False, page_cache=cache)
    made = kept_pages(cache) - first
    changed_files = files_of(changed)
    # Its page and each list page that shows its card; no other page (its easy-read page does
    # not show the summary, so it is not made again).
    showing = [
        name
        for name, data in changed_files.items()
        if name.startswith(("services/type/", "services/need/", "services/age/", "services/area/"))
        and f"/{CHANGED}/".encode() in data
    ]
    assert showing
    assert len(made) == 1 + len(showing)
    differ = {name for name in cold_files if cold_files[name] != changed_files.get(name)}
    assert f"services/{CHANGED}/index.html" in differ
    assert f"services/{CHANGED}/easy-read/index.html" not in differ
    assert set(showing) <= differ
    # A cold build of the changed providers gives the same bytes as the cached rebuild.
    fresh = tmp_path / "fresh"
    build_site(site_dir=fresh, providers_dir=providers, pdf=False, page_cache=None)
    fresh_files = files_of(fresh)
    assert [name for name in fresh_files if fresh_files[name] != changed_files[name]] == []


def test_pages_made_on_every_core_match_pages_made_by_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The sample's 64 services have enough generated pages for the build to fork: child
    # processes fill the page cache and write the generated pages (hooks.on_nav and on_env).
    shared, alone = tmp_path / "shared", tmp_path / "alone"
    monkeypatch.setattr(hooks, "usable_cores", lambda: 2)  # even where the tests ask for one
    sample = REPO_ROOT / "providers"
    build_site(
        site_dir=shared, providers_dir=sample, pdf=False, page_cache=tmp_path / "cache-shared"
    )
    assert len(kept_pages(tmp_path / "cache-shared")) >= hooks.PARALLEL_FROM
    monkeypatch.setattr(hooks, "usable_cores", lambda: 1)
    build_site(site_dir=alone, providers_dir=sample, pdf=False, page_cache=tmp_path / "cache-alone")
    assert kept_pages(tmp_path / "cache-alone") == kept_pages(tmp_path / "cache-shared")
    shared_files, alone_files = files_of(shared), files_of(alone)
    assert shared_files.keys() == alone_files.keys()
    assert [name for name in shared_files if shared_files[name] != alone_files[name]] == []
