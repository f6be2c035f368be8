"""Explain glossary words where they first appear on a built page. A pure function on HTML.

At its first use in the body text of a page:
- an abbreviation gets the words it stands for written out after it, as a link to its glossary
  entry: SENCO (special educational needs coordinator). If the page already wrote them out just
  before it, "special educational needs coordinator (SENCO)", it is left as it is;
- any other glossary term becomes a link to its glossary entry.

Both are plain text and ordinary links: they work with a keyboard, a screen reader, a phone and
on paper, with no hover. Headings, links, code, form controls and hidden blocks are never
changed, so nothing is nested inside a link and the search data stays as it was.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from build_tools.guidance.glossary import Entry, Glossary

_TOKEN = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9-]*)")
_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
# Text inside these is never changed.
_SKIP = {
    "a",
    "abbr",
    "button",
    "code",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "kbd",
    "label",
    "option",
    "pre",
    "script",
    "select",
    "style",
    "summary",
    "textarea",
    "title",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _pattern(glossary: Glossary) -> re.Pattern[str] | None:
    forms = glossary.forms()
    if not forms:
        return None
    alternatives = "|".join(re.escape(form) for form in forms)
    return re.compile(rf"(?<![\w.-])({alternatives})(s?)\b(?![.-]\w)", re.IGNORECASE)


def _explained_before(entry: Entry, before: str) -> bool:
    """True if the text just before an abbreviation spells it out: "... coordinator ("."""
    if not entry.stands_for:
        return False
    tail = " ".join(html.unescape(before[-200:]).split()).lower()
    return tail.endswith(f"{entry.stands_for.lower()} (")


class _Rewriter:
    def __init__(self, glossary: Glossary, href: str) -> None:
        self.glossary = glossary
        self.href = href
        self.seen: set[str] = set()
        self.pattern = _pattern(glossary)

    def _match_entry(self, match: re.Match[str]) -> Entry | None:
        entry = self.glossary.find(match.group(1))
        # Abbreviations match only in capitals: "send" is not SEND.
        if entry and entry.is_abbreviation and match.group(1) not in entry.forms:
            return None
        return entry

    def note_heading(self, text: str) -> None:
        """An abbreviation written out in full in a heading counts as explained."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            entry = self._match_entry(match)
            if entry and entry.is_abbreviation and _explained_before(entry, text[: match.start()]):
                self.seen.add(entry.term)

    def text(self, text: str) -> str:
        if self.pattern is None:
            return text
        out: list[str] = []
        last = 0
        for match in self.pattern.finditer(text):
            entry = self._match_entry(match)
            if entry is None or entry.term in self.seen:
                continue
            self.seen.add(entry.term)
            link = f"{self.href}#{entry.anchor}"
            if entry.is_abbreviation and entry.stands_for:
                if _explained_before(entry, text[: match.start()]):
                    continue
                words = html.escape(entry.stands_for)
                replacement = f'{match.group(0)} (<a class="lo-term" href="{link}">{words}</a>)'
            else:
                replacement = f'<a class="lo-term" href="{link}">{match.group(0)}</a>'
            out += [text[last : match.start()], replacement]
            last = match.end()
        out.append(text[last:])
        return "".join(out)


def explain_first_use(page_html: str, glossary: Glossary, glossary_href: str) -> str:
    """The page's HTML with each glossary word explained where it is first used.

    `glossary_href` is the glossary page's address relative to this page, such as
    "../../glossary/".
    """
    rewriter = _Rewriter(glossary, glossary_href)
    if rewriter.pattern is None:
        return page_html
    # Text and tags in turn: text, tag, text, ..., text.
    parts = _TOKEN.split(page_html)
    stack: list[tuple[str, bool]] = []  # (tag name, skip its text)
    for index in range(0, len(parts) - 1, 2):
        parts[index] = _text(rewriter, parts[index], stack)
        _track(parts[index + 1], stack)
    parts[-1] = _text(rewriter, parts[-1], stack)
    return "".join(parts)


def _text(rewriter: _Rewriter, text: str, stack: list[tuple[str, bool]]) -> str:
    if not text or text.isspace():
        return text
    if any(skip for _, skip in stack):
        if stack and stack[-1][0] in _HEADINGS:
            rewriter.note_heading(text)
        return text
    return rewriter.text(text)


def _track(tag: str, stack: list[tuple[str, bool]]) -> None:
    """Keep the stack of open elements, marking those whose text must not change."""
    effect = _effect(tag)
    if effect is None:
        return
    closes, name, skip = effect
    if closes:
        for index in range(len(stack) - 1, -1, -1):
            if stack[index][0] == name:
                del stack[index:]
                break
        return
    stack.append((name, skip))


@lru_cache(maxsize=1 << 14)
def _effect(tag: str) -> tuple[bool, str, bool] | None:
    """What a tag does to the stack: (closes, element name, skip its text), or None."""
    if tag.startswith("<!--"):
        return None
    match = _TAG_NAME.match(tag)
    if not match:
        return None
    name = match.group(1).lower()
    if tag.startswith("</"):
        return True, name, False
    if name in _VOID or tag.endswith("/>"):
        return None
    hidden = re.search(r"\shidden(\s|=|>|/)", tag) is not None
    hidden = hidden or "admonition-title" in tag
    return False, name, name in _SKIP or hidden
