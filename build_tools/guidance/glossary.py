"""The glossary: one file of hard words and abbreviations (content/glossary.yml), its page, and
finding abbreviations in text. Pure functions; `terms.py` explains the words in built pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from string import ascii_uppercase
from typing import Any

from slugify import slugify

from build_tools.guidance.data_files import read_data_file
from build_tools.problems import Problem
from build_tools.text.front_matter import front_matter
from build_tools.text.wording import plain

GLOSSARY_PAGE = "glossary.md"
# An abbreviation: two or more capitals (GOV.UK counts as one), with an optional plural s.
ABBREVIATION = re.compile(r"(?<![\w.])([A-Z]{2,}(?:\.[A-Z]{2,})*)(?=s?\b)(?!\.[A-Z])")


@dataclass(frozen=True)
class Entry:
    """One glossary entry."""

    term: str
    meaning: str
    stands_for: str | None = None
    easy_read: str | None = None
    also: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        return slugify(self.term.replace(".", " "))

    @property
    def is_abbreviation(self) -> bool:
        return bool(ABBREVIATION.fullmatch(self.term))

    @property
    def forms(self) -> tuple[str, ...]:
        """Every way the term is written: the term itself and its other forms."""
        return (self.term, *self.also)


@dataclass(frozen=True)
class Glossary:
    entries: tuple[Entry, ...] = ()
    _by_form: dict[str, Entry] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for form in entry.forms:
                key = form if entry.is_abbreviation else form.lower()
                self._by_form.setdefault(key, entry)

    def find(self, text: str) -> Entry | None:
        """The entry for a word as written: abbreviations match exactly, other terms in any
        case."""
        return self._by_form.get(text) or self._by_form.get(text.lower())

    def forms(self) -> list[str]:
        """Every form, longest first, so "SEN support" is found before "SEN"."""
        return sorted(self._by_form, key=len, reverse=True)


def entry_from_dict(data: dict[str, Any]) -> Entry:
    return Entry(
        term=data["term"],
        meaning=" ".join(data["meaning"].split()),
        stands_for=data.get("stands_for"),
        easy_read=" ".join(data["easy_read"].split()) if data.get("easy_read") else None,
        also=tuple(data.get("also", ())),
    )


def load_glossary(path: Path, shown: str) -> tuple[Glossary, list[Problem]]:
    """The glossary in `path` (empty if it has errors or is missing) and its problems."""
    if not path.is_file():
        return Glossary(), []
    data, problems = read_data_file(path, shown, "glossary")
    if data is None:
        return Glossary(), problems
    return Glossary(tuple(entry_from_dict(item) for item in data["terms"])), problems


def abbreviations_in(text: str) -> Iterator[tuple[int, str]]:
    """Each abbreviation in a text with its offset, plural s left off: (12, "SENCO")."""
    for match in ABBREVIATION.finditer(text):
        yield match.start(), match.group(1)


def render_glossary_page(glossary: Glossary) -> str:
    """The glossary page: every entry in alphabetical order, each with its own anchor."""
    lines = [
        *front_matter(
            {
                "title": "Glossary",
                "description": "What the words and abbreviations used in the Local Offer mean.",
                "glossary": False,
            }
        ),
        "# Glossary",
        "",
        "What the words and abbreviations on this website mean. Pages explain each of these "
        "the first time it appears, with a link to here.",
        "",
    ]
    entries = sorted(glossary.entries, key=lambda e: e.term.lower())
    by_letter = {
        letter: list(group) for letter, group in groupby(entries, key=lambda e: _letter(e.term))
    }
    lines += [*_a_to_z(by_letter), ""]
    for letter, group in by_letter.items():
        lines += [f"## {letter} {{#letter-{letter.lower()}}}", ""]
        for entry in group:
            heading = entry.term[0].upper() + entry.term[1:]
            lines += [f"### {plain(heading)} {{#{entry.anchor}}}", ""]
            if entry.stands_for:
                lines += [f"{plain(entry.term)} stands for {plain(entry.stands_for)}.", ""]
            lines += [plain(entry.meaning), ""]
            if entry.also:
                lines += [f"Also written: {', '.join(plain(form) for form in entry.also)}.", ""]
        lines += ["[Back to the A to Z](#a-to-z)", ""]
    return "\n".join(lines)


def _letter(term: str) -> str:
    first = term[:1].upper()
    return first if first in ascii_uppercase else "#"


def _a_to_z(by_letter: dict[str, list[Entry]]) -> list[str]:
    """Links to each letter that has words; letters without words shown, but not linked."""
    items = [
        f'<li><a href="#letter-{letter.lower()}">{letter}</a></li>'
        if letter in by_letter
        else f'<li><span class="lo-a-to-z__empty">{letter}'
        '<span class="lo-visually-hidden">, no words</span></span></li>'
        for letter in ascii_uppercase
    ]
    return [
        '<nav class="lo-a-to-z" id="a-to-z" aria-label="Glossary A to Z">',
        f"<ul>{''.join(items)}</ul>",
        "</nav>",
    ]
