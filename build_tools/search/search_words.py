"""Words that mean the same to a family: the groups the search treats as one. Pure functions.

Families type "ASD", "respite" or "SALT"; pages say "autism", "short breaks" and "speech and
language therapy". Editors keep the groups in one plain file, `content/search-words.yml`
(checked by `schema/search-words.schema.json`), and the glossary adds its abbreviations with
what they stand for, so "EHCP" finds "education, health and care plan" without a second list.
word_index.py uses the groups when it writes the index: a one-word member of a group points at
every page that holds any member, so the browser needs no list of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_tools.guidance.data_files import read_data_file
from build_tools.guidance.glossary import Glossary
from build_tools.problems import Problem

SEARCH_WORDS_FILE = "search-words.yml"


@dataclass(frozen=True)
class WordGroups:
    """Groups of words and phrases, each as written (the index splits them into words).

    In the editors' groups, each word of a phrase also finds its group's pages, so "visually
    impaired" finds "VI" and "blind" (both words must be found); glossary abbreviations only
    join the abbreviation to what it stands for (every word of "special educational needs"
    finding "SEN" would find nearly every page)."""

    groups: tuple[tuple[str, ...], ...] = ()
    abbreviations: tuple[tuple[str, ...], ...] = ()

    @property
    def every_group(self) -> tuple[tuple[str, ...], ...]:
        return self.groups + self.abbreviations

    def with_glossary(self, glossary: Glossary) -> WordGroups:
        """These groups, and one more for each glossary abbreviation: the abbreviation, what it
        stands for and its other forms."""
        extra = tuple(
            (entry.term, entry.stands_for, *entry.also)
            for entry in glossary.entries
            if entry.is_abbreviation and entry.stands_for
        )
        return WordGroups(self.groups, self.abbreviations + extra)


def load_search_words(docs_dir: Path) -> tuple[WordGroups, list[Problem]]:
    """The groups in `content/search-words.yml` (none if the file is missing or has an error)
    and the problems in it."""
    path = docs_dir / SEARCH_WORDS_FILE
    if not path.is_file():
        return WordGroups(), []
    data, problems = read_data_file(path, f"{docs_dir.name}/{SEARCH_WORDS_FILE}", "search-words")
    if data is None:
        return WordGroups(), problems
    return WordGroups(tuple(tuple(group) for group in data["groups"])), problems


NO_GROUPS = WordGroups()
