"""`build_site` swaps a finished build in, and leaves the previous site alone when a build fails."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort

from build_tools import site
from build_tools.files.output_folders import SITE, mark_output_folder
from tests.support import FIXTURE_PROVIDERS


def _fake_build(pages: dict[str, str], fail: bool = False) -> Any:
    def build(config: Any) -> None:
        out = Path(config.site_dir)
        for name, text in pages.items():
            (out / name).write_text(text, encoding="utf-8")
        if fail:
            raise Abort("Aborted with 1 warnings in strict mode!")

    return build


def _leftovers(folder: Path) -> list[str]:
    """Staging folders (.site.building-1a2b3c4d) and old sites (.site.previous-...) left behind."""
    return sorted(
        p.name for p in folder.iterdir() if ".building-" in p.name or ".previous-" in p.name
    )


def test_a_good_build_replaces_the_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("old", encoding="utf-8")
    mark_output_folder(target, SITE)  # a site an earlier build made
    monkeypatch.setattr(site, "build", _fake_build({"index.html": "new"}))

    site.build_site(target, FIXTURE_PROVIDERS)

    assert sorted(p.name for p in target.iterdir()) == [SITE.marker, "index.html"]
    assert _leftovers(tmp_path) == []


def test_a_failed_build_leaves_the_previous_site_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("the site that passed", encoding="utf-8")
    mark_output_folder(target, SITE)
    monkeypatch.setattr(site, "build", _fake_build({"index.html": "half"}, fail=True))

    with pytest.raises(Abort):
        site.build_site(target, FIXTURE_PROVIDERS)

    assert (target / "index.html").read_text(encoding="utf-8") == "the site that passed"
    assert _leftovers(tmp_path) == [], "the half-written build must be removed"


def test_a_failed_first_build_writes_no_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(site, "build", _fake_build({"index.html": "half"}, fail=True))

    with pytest.raises(Abort):
        site.build_site(tmp_path / "public", FIXTURE_PROVIDERS)

    assert list(tmp_path.iterdir()) == []


def test_the_built_folder_is_readable_by_a_web_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unlike tempfile.mkdtemp's private 0700 folders, the site follows the umask."""
    monkeypatch.setattr(site, "build", _fake_build({"index.html": "new"}))
    previous = os.umask(0o022)
    try:
        site.build_site(tmp_path / "site", FIXTURE_PROVIDERS)
    finally:
        os.umask(previous)
    assert (tmp_path / "site").stat().st_mode & 0o777 == 0o755


def test_the_fixture_build_left_no_staging_folders(built_site: Path) -> None:
    assert (built_site / "index.html").is_file()
    assert _leftovers(built_site.parent) == []


def test_no_pdf_turns_the_printable_pdf_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, object] = {}

    def build(config: Any) -> None:
        seen["printable_pdf"] = config.extra.get("printable_pdf")

    monkeypatch.setattr(site, "build", build)
    site.build_site(tmp_path / "site", FIXTURE_PROVIDERS, pdf=False)
    assert seen["printable_pdf"] is False
    site.build_site(tmp_path / "site", FIXTURE_PROVIDERS)
    assert seen["printable_pdf"] is True  # as mkdocs.yml says
