"""Provider text rendered the way the build renders it, and what validation reads from it.

The build turns simple-Markdown fields into HTML with Python-Markdown and the extensions listed
in mkdocs.yml (a test keeps `EXTENSIONS` equal to that list), then sanitises it (`safe_html`).
Some text well under the length limits nests so deep that Python-Markdown runs out of stack:
700 definition-list lines, or a thousand pairs of `**` around one letter. One such entry would
stop the build for everyone (issue 15). So validation renders each field here first, with much
less stack than the build has and a time limit, and refuses what fails or nests too deep.

Validation also reads the links, pictures and headings from the HTML Markdown made, not from
the source: a link definition inside a quote or a list, or a reference link, is found however it
is written.

Rendering every field would make validating 10,000 entries ten times slower, so a field is only
rendered when it could hold something to find: a `[` or `]` (every link and picture needs them,
and thousands of `[` alone take Python-Markdown seconds), a `#` or a setext underline
(headings), or enough Markdown punctuation to nest deep. Python-Markdown
uses at most about 2.5 stack frames per such character (measured on nested lists, emphasis,
definition lists and quotes), so text with fewer than `RENDER_FROM` of them cannot come near the
stack budget; a property test holds that.

Pure functions; nothing here imports MkDocs.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from types import FrameType

import markdown

from build_tools.text.safe_html import clean_html

# The markdown_extensions of mkdocs.yml, in order.
EXTENSIONS = ("admonition", "def_list", "attr_list", "md_in_html", "fenced_code", "toc", "tables")
# Stack frames a render may use here. MkDocs renders pages only a few frames deep (12 in
# `localoffer build`) under Python's limit of 1,000, so what renders here within 400 has more
# than twice the room there.
STACK_BUDGET = 400
MAX_SECONDS = 1.0
# The longest a simple-Markdown field may be (the schema's largest maxLength, which a test keeps
# in step). Longer text is refused for its length (LO105) and not rendered: Python-Markdown's
# time grows faster than the text, and 20,000 `[` would take minutes, checked or not.
LONGEST_FIELD = 5000
# More `[` than text with links ever has. Each one costs Python-Markdown time that grows with all
# the others (4,000 take two seconds, before MAX_SECONDS is looked at), so text with more is
# refused as too slow without rendering it.
MAX_BRACKETS = 1000
# Elements inside elements. Python-Markdown stops nesting quotes when the stack runs low, so
# without this limit a quote nested 100 deep would end differently here than in the build.
MAX_NESTING = 24
# Characters that open a nesting level or an emphasis in Markdown.
NESTING_MARKS = "*_:>-+.)"
RENDER_FROM = STACK_BUDGET // 3
TOO_DEEP = "it nests lists, quotes or emphasis too deeply"
TOO_SLOW = "it takes too long to turn into a web page"
_SETEXT = re.compile(r"\n[ \t>]*[-=]+[ \t]*(?:\n|$)")
_VOID = frozenset({"br", "hr", "img", "input", "col", "wbr"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass(frozen=True)
class Rendered:
    """What a field's HTML holds, or why it could not be made."""

    html: str = ""
    links: tuple[str, ...] = ()
    pictures: tuple[str, ...] = ()
    headings: int = 0
    nesting: int = 0
    failure: str | None = None


def needs_rendering(text: str) -> bool:
    """Whether the text could hold a link, picture or heading, or nest deep enough to matter."""
    if "[" in text or "]" in text or "#" in text or _SETEXT.search(text):
        return True
    return sum(text.count(mark) for mark in NESTING_MARKS) >= RENDER_FROM


@cache
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=list(EXTENSIONS))


def markdown_to_html(text: str) -> str:
    """Markdown as the build's Markdown makes it into HTML (before sanitising)."""
    converter = _converter()
    converter.reset()
    try:
        return converter.convert(text)
    except BaseException:
        _converter.cache_clear()  # it may have stopped half way through changing its state
        raise


def _depth() -> int:
    frame: FrameType | None = sys._getframe()
    depth = 0
    while frame is not None:
        frame, depth = frame.f_back, depth + 1
    return depth


@contextmanager
def _stack_budget(frames: int) -> Iterator[None]:
    """Python's recursion limit lowered to `frames` above the caller, for as long as it runs."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(min(limit, _depth() + frames))
    try:
        yield
    finally:
        sys.setrecursionlimit(limit)


class _Reader(HTMLParser):
    """Links, pictures, headings and the deepest nesting in a fragment of HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.pictures: list[str] = []
        self.headings = 0
        self.open = 0
        self.deepest = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and "href" in values:
            self.links.append(values["href"] or "")
        if tag == "img":
            self.pictures.append(values.get("src") or "")
        self.headings += tag in _HEADINGS
        if tag not in _VOID:
            self.open += 1
            self.deepest = max(self.deepest, self.open)

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID:
            self.open -= 1


def render_field(text: str, prepare: Callable[[str], str]) -> Rendered:
    """The field's text prepared as the service page prepares it, rendered and read."""
    # Processor time, not the clock: a busy machine must not refuse what an idle one accepts.
    if text.count("[") > MAX_BRACKETS:
        return Rendered(failure=TOO_SLOW)
    started = time.process_time()
    try:
        with _stack_budget(STACK_BUDGET):
            html = markdown_to_html(prepare(text))
    except RecursionError:
        return Rendered(failure=TOO_DEEP)
    if time.process_time() - started > MAX_SECONDS:
        return Rendered(failure=TOO_SLOW)
    reader = _Reader()
    reader.feed(html)
    reader.close()
    if reader.deepest > MAX_NESTING:
        return Rendered(failure=TOO_DEEP, nesting=reader.deepest)
    return Rendered(
        clean_html(html),
        tuple(reader.links),
        tuple(reader.pictures),
        reader.headings,
        reader.deepest,
    )
