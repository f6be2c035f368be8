"""Two builds of the same commit give byte-identical sites, Pagefind's bundle included."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import cbor2

from build_tools.search_bundle import SIGNATURE, make_reproducible, read_pagefind_file
from build_tools.site import build_site
from tests.support import FIXTURE_PROVIDERS


def files_of(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
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
    assert any(name.startswith("pagefind/filter/") for name in first_files)
    assert "sitemap.xml.gz" in first_files


def _bundle_copy(built_site: Path, tmp_path: Path) -> Path:
    bundle = tmp_path / "pagefind"
    shutil.copytree(built_site / "pagefind", bundle)
    return bundle


def test_making_a_bundle_reproducible_twice_changes_nothing(
    built_site: Path, tmp_path: Path
) -> None:
    bundle = _bundle_copy(built_site, tmp_path)
    before = files_of(bundle)
    make_reproducible(bundle)
    assert files_of(bundle) == before


def test_shuffled_filters_come_out_in_the_same_order(built_site: Path, tmp_path: Path) -> None:
    """What Pagefind does on another run: the same values in another order, under other names."""
    bundle = _bundle_copy(built_site, tmp_path)
    before = files_of(bundle)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    language, details = next(iter(entry["languages"].items()))
    meta_path = bundle / f"pagefind.{details['hash']}.pf_meta"
    meta = read_pagefind_file(meta_path)
    for pair in meta[3]:
        path = bundle / "filter" / f"{pair[1]}.pf_filter"
        name, values = read_pagefind_file(path)
        path.unlink()
        pair[1] = f"{language}_shuffled{len(values)}{name}"
        data = SIGNATURE + cbor2.dumps([name, list(reversed(values))])
        (bundle / "filter" / f"{pair[1]}.pf_filter").write_bytes(gzip.compress(data))
    meta[3].reverse()
    meta[4].reverse()
    meta_path.unlink()
    details["hash"] = f"{language}_shuffledmeta"
    (bundle / f"pagefind.{details['hash']}.pf_meta").write_bytes(
        gzip.compress(SIGNATURE + cbor2.dumps(meta))
    )
    (bundle / "pagefind-entry.json").write_text(json.dumps(entry), encoding="utf-8")
    make_reproducible(bundle)
    assert files_of(bundle) == before
