"""The import as one function: read the source, convert each service, write the files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.exports.publisher import Publisher
from build_tools.importer.feeds.convert import Conversion, finish
from build_tools.importer.feeds.legacy import convert_legacy
from build_tools.importer.feeds.oruk3 import convert_v3
from build_tools.importer.feeds.record import Record
from build_tools.importer.feeds.sources import Found, SourceUnreadable, read_source
from build_tools.importer.output import ServiceResult, check_text, file_name, render, results_for
from build_tools.importer.summary import field_states
from build_tools.importer.terms import TermMap, apply_term_map, load_term_map, unmapped_terms
from build_tools.importer.write import WriteRefused, write_all

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


class ImportFailed(Exception):
    """The source cannot be imported; nothing was written."""


def import_feed(
    source: Path,
    out: Path,
    today: dt.date,
    *,
    force: bool = False,
    county: str | None = None,
    terms: TermMap | None = None,
) -> ImportReport:
    """Import every service in `source` into provider files in `out`: every file is written,
    or none (ImportFailed says why)."""
    try:
        found, skipped = read_source(source)
    except SourceUnreadable as error:
        raise ImportFailed(str(error)) from None
    report = ImportReport(skipped=skipped)
    files = _convert_all(found, out, force, county or Publisher().county, report, terms)
    try:
        chosen = zip(report.services, files, strict=True)
        write_all(out, {result.path: text for result, (_, text) in chosen if result.path})
    except WriteRefused as error:
        raise ImportFailed(str(error)) from None
    except OSError as error:
        raise ImportFailed(f"{error}. Nothing was written.") from None
    for result, (target, text) in zip(report.services, files, strict=True):
        result.problems = check_text(text, str(target), today)
    return report


def _convert_all(
    found: list[Found],
    out: Path,
    force: bool,
    county: str,
    report: ImportReport,
    terms: TermMap | None,
) -> list[tuple[Path, str]]:
    """Every service converted, each result added to the report; the file name and text of
    each, in order. A result with a path is to be written there."""
    taken: set[str] = set()
    names: dict[str, tuple[Conversion, str]] = {}
    texts: list[tuple[Path, str]] = []
    failed: list[str] = []
    for item in found:
        try:
            conversion = convert(item, county, terms)
        except RecursionError:  # the depth limits in sources and html_text should prevent it
            failed.append(f"  {item.origin}: nested too deeply to convert")
            continue
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
            result.path = target
        report.services.append(result)
        texts.append((target, text))
    if failed:
        lines = "\n".join(failed)
        raise ImportFailed(f"These services cannot be converted, so nothing was written:\n{lines}")
    return texts
