"""Writing imported services as provider files, with what the editor must do in comments.

Each file starts with the required fields the feed had no value for and the values that were
worked out rather than copied, and ends with everything from the feed that has no field in
the Local Offer format. Comments are never published, and validation ignores them.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from build_tools.entries.safe_yaml import escape_refused, parse_yaml
from build_tools.entries.scaffold import dump_entry, slug_for
from build_tools.entries.validate import check_document
from build_tools.importer.feeds.convert import Conversion, fill_in_hint, missing_required
from build_tools.importer.feeds.record import Kept
from build_tools.problems import CATALOGUE, Problem, Severity

WIDTH = 96


@dataclass
class ServiceResult:
    """What happened to one service from the feed."""

    origin: str
    name: str
    path: Path | None = None
    fill_in: list[str] = field(default_factory=list)
    derived: list[str] = field(default_factory=list)
    kept: list[Kept] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    duplicate_of: str | None = None
    not_written: str | None = None
    fields: dict[str, str] = field(default_factory=dict)  # field -> mapped, guessed, to fill in
    unmapped_terms: list[str] = field(default_factory=list)

    def other_errors(self) -> list[Problem]:
        """Errors that are not about a field the editor is already told to fill in."""
        no_venue = CATALOGUE["no-venue-or-delivery"].code
        return [
            p
            for p in self.problems
            if p.severity is Severity.ERROR
            and p.field not in self.fill_in
            and not (p.code == no_venue and "delivery" in self.fill_in)
        ]

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.origin,
            "name": self.name,
            "file": str(self.path) if self.path else None,
            "fill_in": self.fill_in,
            "worked_out": self.derived,
            "kept": [{"path": k.path, "value": k.value, "reason": k.reason} for k in self.kept],
            "problems": [p.as_dict() for p in self.problems],
            "duplicate_of": self.duplicate_of,
            "not_written": self.not_written,
            "fields": self.fields,
            "unmapped_terms": self.unmapped_terms,
        }


def _comment(text: str, indent: str = "") -> list[str]:
    """Text as comment lines; lines after the first of a list item line up under its text."""
    lines = []
    hang = "  " if text.startswith("- ") else ""
    # A feed's value quoted in a note may hold a control character, which no YAML file may.
    for paragraph in escape_refused(text).splitlines() or [""]:
        wrapped = textwrap.wrap(paragraph, WIDTH - len(indent) - 2, subsequent_indent=hang) or [""]
        lines += [f"# {indent}{line}".rstrip() for line in wrapped]
    return lines


def _kept_lines(kept: list[Kept]) -> list[str]:
    lines = [
        "",
        "# " + "-" * (WIDTH - 2),
        "# KEPT FROM THE FEED, with no field in the Local Offer format. Not published.",
        "# Move anything families need into the fields above, then delete this block.",
    ]
    for item in kept:
        lines.append("#")
        lines += _comment(f"({item.reason})")
        dumped = yaml.safe_dump(
            {item.path: item.value}, allow_unicode=True, sort_keys=False, width=WIDTH - 2
        )
        lines += [f"# {line}".rstrip() for line in dumped.splitlines()]
    return lines


def render(conversion: Conversion, fill_in: list[str], duplicate_of: str | None = None) -> str:
    """The provider file's text."""
    lines = _comment(f"Imported by localoffer import-oruk from {conversion.source}.")
    if duplicate_of:
        lines += ["#"] + _comment(
            f"POSSIBLE DUPLICATE of {duplicate_of}: same name and organisation. Compare the two, "
            "keep one and move it into providers/. This folder is not published."
        )
    if fill_in:
        lines += [
            "#",
            "# FILL IN before publishing: the feed had no value for these required fields.",
        ]
        for path in fill_in:
            lines += _comment(f"- {fill_in_hint(path)}", "  ")
    if conversion.derived:
        lines += ["#", "# CHECK these values, which were worked out rather than copied:"]
        for message in conversion.derived:
            lines += _comment(f"- {message}", "  ")
    body = dump_entry(conversion.entry) if conversion.entry else "{}\n"
    tail = _kept_lines(conversion.kept) if conversion.kept else []
    return "\n".join(lines) + "\n" + body + ("\n".join(tail) + "\n" if tail else "")


def check_text(text: str, file: str, today: dt.date) -> list[Problem]:
    """The problems `localoffer validate` would report for this one file."""
    document, read_problems = parse_yaml(text.encode("utf-8"), file)
    if document is None:
        return read_problems
    return read_problems + check_document(document, file, read_problems, today)


def file_name(conversion: Conversion, taken: set[str]) -> str:
    """A free file name: the one the feed asks for, or one made from the service name."""
    wanted = (
        conversion.slug
        if conversion.slug and slug_for(conversion.slug) == conversion.slug
        else None
    )
    base = wanted or slug_for(str(conversion.entry.get("name") or "imported-service"))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


def results_for(conversion: Conversion) -> ServiceResult:
    return ServiceResult(
        origin=conversion.source,
        name=str(conversion.entry.get("name") or "(no name)"),
        fill_in=missing_required(conversion.entry),
        derived=list(conversion.derived),
        kept=list(conversion.kept),
    )
