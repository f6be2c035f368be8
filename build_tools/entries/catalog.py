"""The set of providers a site is built from: validated, converted, and filtered to those shown."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from build_tools.entries.validate import Validation, validate_files
from build_tools.model import Provider, provider_from_dict


@dataclass(frozen=True)
class Catalog:
    """Providers to publish, in name order, and the Validation they came from."""

    providers: tuple[Provider, ...]
    validation: Validation


def _fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and change times of the folder's entries: cheap to take, and it changes
    whenever a provider file is edited, added or removed."""
    entries = []
    for path in sorted(folder.iterdir()):
        stat = path.lstat()
        entries.append((path.name, stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


_cache: dict[tuple[Path, dt.date], tuple[tuple[tuple[str, int, int], ...], Catalog]] = {}


def load_catalog(folder: Path, today: dt.date) -> Catalog:
    """The providers to show today (none if there are errors), validating `folder` only when
    its files changed since the last call: `localoffer build` and the on_config hook both ask."""
    key = (folder.resolve(), today)
    fingerprint = _fingerprint(folder)
    cached = _cache.get(key)
    if cached and cached[0] == fingerprint:
        return cached[1]
    catalog = _validated_catalog(folder, today)
    _cache[key] = (fingerprint, catalog)
    return catalog


def _validated_catalog(folder: Path, today: dt.date) -> Catalog:
    validation = validate_files([folder], today=today)
    return Catalog(shown_providers(validation, today), validation)


def shown_providers(validation: Validation, today: dt.date) -> tuple[Provider, ...]:
    """The providers to show today, in name order: none at all if any file has an error."""
    if not validation.ok:
        return ()
    providers = [
        provider_from_dict(loaded.slug, loaded.document.data)
        for loaded in validation.valid_files()
        if loaded.document is not None
    ]
    shown = sorted((p for p in providers if p.is_shown(today)), key=lambda p: p.name.lower())
    return tuple(shown)
