"""Easy-read pages: the row layout editors write in Markdown, its checker and its rendering.

An editor writes each row as a picture line followed by one to three short sentences, and ends
it with a blank line:

    ![A phone](picture:phone)
    Ring the Local Offer team.
    They can help you find a service.

Headings (`## ...`) may sit between rows. Hard words are written in **bold** and explained under
"Hard words" at the end of the page, from the glossary.

`check_easy_read` reports every problem with its page, line and sentence; `render_easy_read`
turns the rows into HTML blocks (picture left, text right, stacking on narrow screens). Pure.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from build_tools.easy_read.pictures import PICTURES
from build_tools.guidance.glossary import Glossary, abbreviations_in
from build_tools.problems import Position, Problem, make_problem

MAX_WORDS = 15
MAX_SENTENCES = 3
PICTURE_LINE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\(picture:(?P<name>[^)\s]*)\)\s*$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# A UK phone number as people write it (01632 960400, 0300 123 4567) and an email address.
_PHONE = re.compile(r"(?<![\d+])0\d{2,4} ?\d{3} ?\d{3,4}(?!\d)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass(frozen=True)
class Block:
    """A run of non-blank lines: a heading, a row, or other text. `line` is its first line."""

    line: int
    lines: tuple[str, ...]

    @property
    def picture(self) -> re.Match[str] | None:
        return PICTURE_LINE.match(self.lines[0].strip())

    @property
    def is_heading(self) -> bool:
        return self.lines[0].startswith("#")

    @property
    def is_comment(self) -> bool:
        return self.lines[0].lstrip().startswith("<!--")


def blocks(markdown: str, first_line: int = 1) -> Iterator[Block]:
    """The page's blocks, split at blank lines; a heading is a block of its own."""
    current: list[str] = []
    start = first_line
    for number, line in enumerate(markdown.split("\n"), first_line):
        if line.startswith("#") and current:
            yield Block(start, tuple(current))
            current = []
        if not line.strip():
            if current:
                yield Block(start, tuple(current))
            current = []
            continue
        if not current:
            start = number
        current.append(line)
        if line.startswith("#"):
            yield Block(start, tuple(current))
            current = []
    if current:
        yield Block(start, tuple(current))


def plain_text(line: str) -> str:
    """A line of Markdown as it reads: link text kept, bold marks and list markers dropped."""
    line = _LIST_ITEM.sub("", line)
    line = _LINK.sub(r"\1", line)
    return line.replace("**", "").replace("`", "").strip()


def sentences(line: str) -> list[str]:
    text = plain_text(line)
    return [part for part in _SENTENCE_END.split(text) if part]


def word_count(sentence: str) -> int:
    return sum(1 for word in sentence.split() if any(ch.isalnum() for ch in word))


def check_easy_read(
    markdown: str, file: str, glossary: Glossary, first_line: int = 1
) -> list[Problem]:
    """Every easy-read problem in a page: long sentences, rows without a picture or alt text,
    unknown pictures, too many sentences in a row, unexplained abbreviations and hard words."""
    problems: list[Problem] = []
    markdown = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)
    for block in blocks(markdown, first_line):
        if block.is_heading or block.is_comment:
            continue
        picture = block.picture
        text_lines = block.lines[1:] if picture else block.lines
        offset = 1 if picture else 0
        if picture is None:
            first = sentences(block.lines[0])
            problems.append(_at(file, block.line, "easy-read-no-picture", sentence=first[0]))
        else:
            problems += _picture_problems(file, block.line, picture)
        count = 0
        for number, line in enumerate(text_lines, block.line + offset):
            is_item = bool(_LIST_ITEM.match(line))
            for sentence in sentences(line):
                count += 0 if is_item else 1
                words = word_count(sentence)
                if words > MAX_WORDS:
                    problems.append(
                        _at(
                            file,
                            number,
                            "easy-read-long-sentence",
                            count=words,
                            sentence=sentence,
                            limit=MAX_WORDS,
                        )
                    )
            problems += _word_problems(file, number, line, glossary)
        if picture and count > MAX_SENTENCES:
            problems.append(
                _at(file, block.line, "easy-read-row-too-long", count=count, limit=MAX_SENTENCES)
            )
    return problems


def _at(file: str, line: int, problem: str, /, **details: object) -> Problem:
    return make_problem(file, Position(line, 1), problem, **details)


def _picture_problems(file: str, line: int, picture: re.Match[str]) -> list[Problem]:
    name = picture.group("name")
    problems = []
    if name not in PICTURES:
        close = difflib.get_close_matches(name, list(PICTURES), n=1)
        suggestion = f"Did you mean '{close[0]}'?" if close else "Choose one from the list"
        suggestion += " The editors' guide lists every picture."
        problems.append(_at(file, line, "unknown-picture", name=name, suggestion=suggestion))
    if not picture.group("alt").strip():
        problems.append(_at(file, line, "easy-read-no-alt", name=name))
    return problems


def _word_problems(file: str, line: int, text: str, glossary: Glossary) -> list[Problem]:
    problems = []
    for word in hard_words(text):
        entry = glossary.find(word)
        if entry is None or not entry.easy_read:
            problems.append(_at(file, line, "hard-word-not-explained", word=word))
    return problems


def hard_words(text: str) -> list[str]:
    """The words in bold in a line of Markdown."""
    return [match.group(1).strip() for match in _BOLD.finditer(text)]


def unexplained_abbreviations(
    markdown: str, file: str, glossary: Glossary, first_line: int = 1
) -> list[Problem]:
    """An LO308 problem for each abbreviation (once per page) that the glossary lacks."""
    problems = []
    seen: set[str] = set()
    markdown = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)
    # Glossary terms written with spaces or hyphens, such as "CC BY-SA", count as explained.
    known = [re.escape(form) for form in glossary.forms() if not form.isalnum()]
    known_terms = re.compile("|".join(known), re.IGNORECASE) if known else None
    in_code = False
    for number, line in enumerate(markdown.split("\n"), first_line):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        if in_code:
            continue
        text = re.sub(r"`[^`]*`", "", _LINK.sub(r"\1", line))
        text = re.sub(r"\]\([^)]*\)|<[^>]+>|https?://\S+|\S+@\S+", " ", text)
        text = known_terms.sub(" ", text) if known_terms else text
        for _, abbreviation in abbreviations_in(text):
            if abbreviation in seen or glossary.find(abbreviation):
                continue
            seen.add(abbreviation)
            problems.append(
                _at(file, number, "unexplained-abbreviation", abbreviation=abbreviation)
            )
    return problems


def link_contacts(line: str) -> str:
    """Phone numbers and email addresses written as text become links a thumb can tap; those
    already inside a link are left alone."""
    parts = []
    last = 0
    for match in _LINK.finditer(line):
        parts += [_link_plain(line[last : match.start()]), match.group(0)]
        last = match.end()
    return "".join([*parts, _link_plain(line[last:])])


def _link_plain(text: str) -> str:
    text = _EMAIL.sub(lambda m: f"[{m.group(0)}](mailto:{m.group(0)})", text)
    return _PHONE.sub(lambda m: f"[{m.group(0)}](tel:+44{m.group(0)[1:].replace(' ', '')})", text)


def render_easy_read(markdown: str, root: str, glossary: Glossary) -> str:
    """The page's Markdown with each row as an HTML block of picture and text, everything in an
    easy-read wrapper, and the hard words explained at the end.

    `root` is the way from the page up to the site root, such as "../../".
    """
    out: list[str] = []
    # Keyed by glossary entry, so "EHC plan" and "EHC plans" are explained once.
    words: dict[str, tuple[str, str]] = {}
    opened = False
    for block in blocks(markdown):
        # The page title stays outside the wrapper, where MkDocs finds it.
        if not opened and not block.lines[0].startswith("# "):
            out += ['<div class="lo-easy-read" markdown="1">', ""]
            opened = True
        picture = block.picture
        if picture is None or picture.group("name") not in PICTURES:
            out += [*block.lines, ""]
            continue
        image = PICTURES[picture.group("name")]
        out += [
            '<div class="lo-er-row" markdown="1">',
            "",
            f"![{picture.group('alt')}]({root}{image.site_path})"
            '{ .lo-er-picture width="96" height="96" }',
            "",
            '<div class="lo-er-text" markdown="1">',
            "",
        ]
        previous_item = False
        for line in block.lines[1:]:
            item = bool(_LIST_ITEM.match(line))
            # Each sentence is a paragraph of its own; list items stay together.
            linked = link_contacts(line)
            out += ["", linked] if previous_item and not item else [linked]
            if not item:
                out.append("")
            previous_item = item
            for word in hard_words(line):
                entry = glossary.find(word)
                if entry and entry.easy_read:
                    words.setdefault(entry.term, (word[0].upper() + word[1:], entry.easy_read))
        out += ["", "</div>", "", "</div>", ""]
    if not opened:
        out += ['<div class="lo-easy-read" markdown="1">', ""]
    if words:
        out += ["## Hard words", ""]
        for word, meaning in words.values():
            out += [f"**{word}**", f":   {meaning}", ""]
    out += ["</div>", ""]
    return "\n".join(out)
