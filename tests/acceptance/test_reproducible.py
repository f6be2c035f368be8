"""Two builds of the same commit give byte-identical sites, the search files included."""

from __future__ import annotations

from pathlib import Path

from build_tools.files.output_folders import SITE
from build_tools.site import build_site
from tests.support import FIXTURE_PROVIDERS


def files_of(site: Path) -> dict[str, bytes]:
    """Every file of a built site, but the build's marker: it names the folder the site was built
    in (files/output_folders.py), so that a copy of a site is never replaced, and two folders
    differ."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.name != SITE.marker
    }


def test_two_builds_of_the_fixture_site_are_byte_identical(
    built_site: Path, tmp_path: Path
) -> None:
    second = tmp_path / "site"
    build_site(site_dir=second, providers_dir=FIXTURE_PROVIDERS)
    first_files, second_files = files_of(built_site), files_of(second)
    assert sorted(first_files) == sorted(second_files)
    differ = [name for name in first_files if first_files[name] != second_files[name]]
    assert differ == []
    assert any(name.startswith("search/words/") for name in first_files)
    assert "sitemap.xml.gz" in first_files
