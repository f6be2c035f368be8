"""Taxonomy terms the importer cannot match by itself, looked up in an editable list.

Every directory has its own taxonomy ("Stay and play", "Sport and leisure"). The list in
terms.yaml (or the one given with --terms) says which of our types of provision and needs each
term means; a term in neither our choices nor the list is kept in the file's comments and named
in the import report, so an editor can add it to the list and import again.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from build_tools.entries.safe_yaml import parse_yaml
from build_tools.importer.feeds.convert import Conversion
from build_tools.importer.feeds.record import UNMAPPED_TERM
from build_tools.importer.feeds.values import term_key
from build_tools.problems import Severity
from build_tools.schema import vocabulary

DEFAULT_TERMS = Path(__file__).with_name("terms.yaml")
TermMap = dict[str, dict[str, tuple[str, ...]]]


@cache
def load_term_map(path: Path = DEFAULT_TERMS) -> TermMap:
    """The list, keyed by term_key(term). Raises ValueError, naming the line, if it is wrong."""
    document, problems = parse_yaml(path.read_bytes(), str(path))
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if document is None or errors:
        first = (errors or problems)[0]
        raise ValueError(f"{path}:{first.line}: {first.message}")
    table: TermMap = {}
    for term, meaning in document.data.items():
        meaning = meaning or {}
        if not isinstance(meaning, dict) or set(meaning) - {"categories", "needs"}:
            raise ValueError(f"{path}: '{term}' must list categories and/or needs")
        entry: dict[str, tuple[str, ...]] = {}
        for key, codes in meaning.items():
            unknown = [code for code in codes or () if code not in vocabulary(key)]
            if unknown:
                raise ValueError(f"{path}: '{term}' has {key} we do not know: {unknown}")
            entry[key] = tuple(codes or ())
        table[term_key(str(term))] = entry
    return table


def apply_term_map(conversion: Conversion, terms: TermMap) -> None:
    """Give each unmatched term the meaning the list has for it."""
    still = []
    for item in conversion.kept:
        meaning = terms.get(term_key(str(item.value))) if item.reason == UNMAPPED_TERM else None
        if meaning is None:
            still.append(item)
            continue
        for key, codes in meaning.items():
            for code in codes:
                if code not in conversion.entry.get(key, []):
                    conversion.add(key, code)
    conversion.kept[:] = still


def unmapped_terms(conversion: Conversion) -> list[str]:
    return [str(item.value) for item in conversion.kept if item.reason == UNMAPPED_TERM]
