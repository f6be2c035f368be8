"""Export, import the export, export again: the ORUK JSON must be identical, file for file."""

from __future__ import annotations

import json
from pathlib import Path

from build_tools.entries.catalog import load_catalog
from build_tools.exports.api import api_documents
from build_tools.exports.publisher import Publisher
from build_tools.importer.run import import_feed
from tests.support import REPO_ROOT, TODAY


def test_export_import_export_gives_the_same_oruk_json(tmp_path: Path) -> None:
    providers = load_catalog(REPO_ROOT / "providers", TODAY).providers
    first = api_documents(providers, Publisher())
    for path, document in first.items():
        target = tmp_path / "site" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    report = import_feed(tmp_path / "site" / "api", tmp_path / "providers", TODAY)
    assert len(report.services) == len(providers) == 64
    assert not [s.name for s in report.services if s.fill_in or s.kept or s.derived]

    catalog = load_catalog(tmp_path / "providers", TODAY)
    assert catalog.validation.ok
    second = api_documents(catalog.providers, Publisher())
    assert sorted(second) == sorted(first)
    changed = [path for path in first if first[path] != second[path]]
    assert not changed
    # The files get their old names back, so the pages keep their addresses.
    written = {p.stem for p in (tmp_path / "providers").glob("*.yaml")}
    assert written == {p.slug for p in providers}
