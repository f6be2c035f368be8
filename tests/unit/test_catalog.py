"""The catalog: what a build publishes, validated once and again only after a change."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from build_tools.entries.catalog import load_catalog
from tests.support import TODAY

SITE_PROVIDERS = Path(__file__).resolve().parents[1] / "examples" / "site" / "providers"


def copy_providers(tmp_path: Path) -> Path:
    folder = tmp_path / "providers"
    shutil.copytree(SITE_PROVIDERS, folder)
    return folder


def test_catalog_is_reused_until_a_file_changes(tmp_path: Path) -> None:
    folder = copy_providers(tmp_path)
    first = load_catalog(folder, TODAY)
    assert first.validation.ok and len(first.providers) == 5
    assert load_catalog(folder, TODAY) is first

    target = folder / "castle-hill-speech-drop-in.yaml"
    target.write_text(target.read_text().replace("name: Castle Hill", "name: Castle Hill New"))
    stat = target.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    changed = load_catalog(folder, TODAY)
    assert changed is not first
    assert "Castle Hill New Speech Drop-in" in [p.name for p in changed.providers]


def test_a_catalog_with_errors_publishes_nothing(tmp_path: Path) -> None:
    folder = copy_providers(tmp_path)
    (folder / "broken.yaml").write_text("name: [\n")
    catalog = load_catalog(folder, TODAY)
    assert not catalog.validation.ok
    assert catalog.providers == ()


def test_closed_and_not_yet_started_services_are_not_published(tmp_path: Path) -> None:
    folder = copy_providers(tmp_path)
    target = folder / "castle-hill-speech-drop-in.yaml"
    target.write_text(target.read_text() + 'show_from: "2027-01-01"\n')
    names = [p.name for p in load_catalog(folder, TODAY).providers]
    assert "Castle Hill Speech Drop-in" not in names
    assert len(names) == 4
