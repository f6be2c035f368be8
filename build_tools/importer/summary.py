"""The import report: per field, how many services had it mapped from the feed, guessed
(worked out, to check) or left to fill in; the taxonomy terms nobody has mapped yet; and each
service's to-do list. Written as JSON for tools and as Markdown for the editor who plans the
work."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from build_tools.importer.output import ServiceResult

MAPPED, GUESSED, FILL_IN = "mapped", "guessed", "to fill in"
_NOTE_FIELD = re.compile(r"^([a-z_]+(?:\.[a-z_]+)*)(?:\[\d+\])?:")
_SKIP = {"id"}


def _plain_path(path: str) -> str:
    """locations[0].postcode -> locations.postcode"""
    return re.sub(r"\[\d+\]", "", path)


def field_states(entry: dict[str, Any], notes: list[str], fill_in: list[str]) -> dict[str, str]:
    """What became of each field of one entry: mapped, guessed or to fill in."""
    states: dict[str, str] = {}
    for key, value in entry.items():
        if key in _SKIP:
            continue
        if isinstance(value, dict) and value:
            states.update({f"{key}.{inner}": MAPPED for inner in value})
        else:
            states[key] = MAPPED
    for note in notes:
        match = _NOTE_FIELD.match(note)
        if not match:
            continue
        path = match.group(1)
        touched = [p for p in states if p == path or p.startswith(path + ".")]
        for found in touched or [path]:
            states[found] = GUESSED
    for path in fill_in:
        states[_plain_path(path)] = FILL_IN
    return states


def report_data(services: list[ServiceResult]) -> dict[str, Any]:
    """The whole report as plain data (the JSON file)."""
    counts: dict[str, Counter[str]] = {}
    for service in services:
        for path, state in service.fields.items():
            counts.setdefault(path, Counter())[state] += 1
    terms = Counter(term for service in services for term in service.unmapped_terms)
    return {
        "service_count": len(services),
        "fill_ins": sum(len(s.fill_in) for s in services),
        "fields": {
            path: {state: counts[path][state] for state in (MAPPED, GUESSED, FILL_IN)}
            for path in sorted(counts, key=lambda p: (-counts[p][FILL_IN], -counts[p][GUESSED], p))
        },
        "unmapped_terms": dict(terms.most_common()),
        "services": [s.as_dict() for s in services],
    }


def report_markdown(data: dict[str, Any]) -> str:
    """The report for people: what to do, field by field, then service by service."""
    total = data["service_count"] or 1
    lines = [
        "# Import report",
        "",
        f"{data['service_count']} services imported, with {data['fill_ins']} fields to fill in "
        f"({data['fill_ins'] / total:.1f} a service).",
        "",
        "## Fields",
        "",
        "Mapped: copied from the feed. Guessed: worked out, so check them. To fill in: the feed "
        "has no value, so ask the provider.",
        "",
        "| Field | Mapped | Guessed | To fill in |",
        "| --- | ---: | ---: | ---: |",
    ]
    for path, count in data["fields"].items():
        lines.append(f"| {path} | {count[MAPPED]} | {count[GUESSED]} | {count[FILL_IN]} |")
    lines += ["", "## Taxonomy terms with no meaning yet", ""]
    if data["unmapped_terms"]:
        lines.append(
            "Add these to the term list (build_tools/importer/terms.yaml, or your own copy "
            "given with --terms) and import again."
        )
        lines.append("")
        lines += [f"- {term} ({n})" for term, n in data["unmapped_terms"].items()]
    else:
        lines.append("None: every term was matched.")
    lines += ["", "## Services", ""]
    for service in data["services"]:
        todo = ", ".join(service["fill_in"]) or "nothing to fill in"
        checks = len(service["worked_out"])
        lines.append(
            f"- **{_md(service['name'])}** ({service['file'] or 'not written'}): {todo}; "
            f"{checks} values to check; {len(service['kept'])} kept in comments."
        )
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Provider text inside Markdown: no characters that change the formatting."""
    return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", text)
