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


def load_catalog(folder: Path, today: dt.date) -> Catalog:
    """The providers of `folder` to show today (none if there are errors), and the report."""
    return _validated_catalog(folder, today)


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
