"""How plain a guidance page is: a readability score and the longest sentences. Pure functions.

The score is the Flesch reading ease (higher is easier; 60 to 70 is plain English, most adults
read 60 or more without effort) and the Flesch-Kincaid grade (a US school grade; add 5 for a
reading age). Syllables are counted with Pyphen's British English hyphenation dictionary, with
a count of vowel groups as a floor, because hyphenation does not split every syllable.

Our target for every guidance page, checked by `localoffer report readability` and the tests:
- a reading ease of at least `TARGET_SCORE`;
- no sentence longer than `MAX_SENTENCE_WORDS` words (GOV.UK's own limit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import markdown as markdown_lib
import pyphen

TARGET_SCORE = 60.0
MAX_SENTENCE_WORDS = 25
_FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9£])")
_VOWELS = re.compile(r"[aeiouy]+")
_BLOCKS = {"p", "li", "td", "dd", "dt", "blockquote"}
_IGNORED = {"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "th"}


@dataclass(frozen=True)
class Readability:
    """The figures for one page."""

    page: str
    words: int
    sentences: int
    syllables: int
    longest: tuple[tuple[int, str], ...]  # (words, sentence), longest first

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def score(self) -> float:
        """Flesch reading ease."""
        if not self.words:
            return 0.0
        return 206.835 - 1.015 * self.words_per_sentence - 84.6 * self.syllables / self.words

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade level."""
        if not self.words:
            return 0.0
        return 0.39 * self.words_per_sentence + 11.8 * self.syllables / self.words - 15.59

    def meets_target(self) -> bool:
        longest = self.longest[0][0] if self.longest else 0
        return self.score >= TARGET_SCORE and longest <= MAX_SENTENCE_WORDS


class _ProseParser(HTMLParser):
    """The text of each paragraph, list item and table cell, without headings or code."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._text: list[str] = []
        self._ignored: list[str] = []  # the open elements whose text is left out

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        if text:
            self.blocks.append(text)
        self._text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if tag in _IGNORED or "admonition-title" in classes:
            self._ignored.append(tag)
        elif tag in _BLOCKS or tag in ("ul", "ol", "div", "table", "tr"):
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self._ignored and tag == self._ignored[-1]:
            self._ignored.pop()
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._ignored:
            self._text.append(data)


def prose_blocks(markdown: str) -> list[str]:
    """The readable text of a page, one string per paragraph, list item or table cell."""
    markdown = _COMMENT.sub("", _FRONT_MATTER.sub("", markdown))
    html = markdown_lib.markdown(
        markdown,
        extensions=["admonition", "tables", "def_list", "attr_list", "md_in_html", "fenced_code"],
    )
    parser = _ProseParser()
    parser.feed(html)
    parser._flush()
    return parser.blocks


def split_sentences(block: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(block) if part.strip()]


def words_of(sentence: str) -> list[str]:
    return [word for word in sentence.split() if any(ch.isalnum() for ch in word)]


@cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_GB")


@cache
def syllables(word: str) -> int:
    """The syllables in a word: hyphenation points plus one, or its vowel groups if more."""
    word = re.sub(r"[^a-z]", "", word.lower())
    if not word:
        return 1  # a number or a symbol: say it as one
    hyphenated = len(_dictionary().positions(word)) + 1
    groups = len(_VOWELS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and groups > 1:
        groups -= 1  # a silent e: "make", "phone"
    return max(hyphenated, groups, 1)


def measure(markdown: str, page: str, keep: int = 3) -> Readability:
    """The readability figures of one page of Markdown."""
    sentences = [s for block in prose_blocks(markdown) for s in split_sentences(block)]
    counted = [(len(words_of(s)), s) for s in sentences]
    counted = [(n, s) for n, s in counted if n]
    words = sum(n for n, _ in counted)
    total_syllables = sum(syllables(w) for _, s in counted for w in words_of(s))
    longest = tuple(sorted(counted, key=lambda item: -item[0])[:keep])
    return Readability(page, words, len(counted), total_syllables, longest)


def guidance_pages(docs_dir: Path) -> list[Path]:
    """The pages written for families: guidance/ and the top-level pages."""
    return sorted([*docs_dir.glob("guidance/*.md"), *docs_dir.glob("*.md")])


def render_report(results: list[Readability]) -> str:
    """The plain-English report: a table of figures, then each page's longest sentences."""
    lines = [
        f"Target: reading ease {TARGET_SCORE:.0f} or more, and no sentence over "
        f"{MAX_SENTENCE_WORDS} words.",
        "",
        f"{'page':<52} {'words':>6} {'sent.':>6} {'w/s':>5} {'ease':>5} {'grade':>5} "
        f"{'long':>4}  ok",
    ]
    for result in results:
        longest = result.longest[0][0] if result.longest else 0
        lines.append(
            f"{result.page:<52} {result.words:>6} {result.sentences:>6} "
            f"{result.words_per_sentence:>5.1f} {result.score:>5.1f} {result.grade:>5.1f} "
            f"{longest:>4}  {'yes' if result.meets_target() else 'NO'}"
        )
    lines += ["", "Longest sentences:"]
    for result in results:
        lines += ["", result.page]
        lines += [f"  {count:>2} words: {sentence}" for count, sentence in result.longest]
    return "\n".join(lines) + "\n"
