"""The import as one function: read the source, convert each service, write the files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..exports.publisher import Publisher
from .convert import Conversion, finish
from .legacy import convert_legacy
from .oruk3 import convert_v3
from .output import ServiceResult, check_text, file_name, render, results_for
from .record import Record
from .sources import Found, read_source
from .summary import field_states
from .terms import TermMap, apply_term_map, load_term_map, unmapped_terms

DUPLICATES = "duplicates"


@dataclass
class ImportReport:
    """Every service from the source and what became of it, and the files with none."""

    services: list[ServiceResult] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    @property
    def complete(self) -> list[ServiceResult]:
        return [s for s in self.services if s.path and not s.fill_in and not s.duplicate_of]


def convert(found: Found, county: str, terms: TermMap | None = None) -> Conversion:
    """One service from the feed, converted, with everything unread kept."""
    record = Record(found.data)
    convert_one = convert_v3 if found.style == "3.0" else convert_legacy
    conversion = convert_one(record, found.origin, county)
    conversion.kept.extend(found.conflicts)
    conversion.kept.extend(record.leftovers())
    apply_term_map(conversion, load_term_map() if terms is None else terms)
    finish(conversion)
    return conversion


def _name_key(conversion: Conversion) -> str:
    return " ".join(str(conversion.entry.get("name", "")).lower().split())


def _organisation(conversion: Conversion) -> str:
    return " ".join(str(conversion.entry.get("organisation", {}).get("name", "")).lower().split())


def import_feed(
    source: Path,
    out: Path,
    today: dt.date,
    *,
    force: bool = False,
    county: str | None = None,
    terms: TermMap | None = None,
) -> ImportReport:
    """Import every service in `source` into provider files in `out`."""
    found, skipped = read_source(source)
    report = ImportReport(skipped=skipped)
    county = county or Publisher().county
    taken: set[str] = set()
    names: dict[str, tuple[Conversion, str]] = {}
    for item in found:
        conversion = convert(item, county, terms)
        result = results_for(conversion)
        key = _name_key(conversion)
        first = names.get(key)
        folder = out
        if first and key and _organisation(first[0]) == _organisation(conversion):
            result.duplicate_of = first[1]
            folder = out / DUPLICATES
        elif first and key:
            organisation = conversion.entry.get("organisation", {}).get("name", "another")
            renamed = f"{conversion.entry['name']} ({organisation})"
            conversion.entry["name"] = renamed
            conversion.note(f"name: another service in the feed has this name; now '{renamed}'")
            result.name, result.derived = renamed, list(conversion.derived)
        slug = file_name(conversion, taken)
        target = folder / f"{slug}.yaml"
        if key and not first:
            names[key] = (conversion, target.name)
        result.fields = field_states(conversion.entry, conversion.derived, result.fill_in)
        result.unmapped_terms = unmapped_terms(conversion)
        text = render(conversion, result.fill_in, result.duplicate_of)
        if target.exists() and not force:
            result.not_written = f"{target} already exists; use --force to replace it"
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            result.path = target
        result.problems = check_text(text, str(target), today)
        report.services.append(result)
    return report
