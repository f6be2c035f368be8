"""Generated pages rendered straight from their data with Jinja templates. No MkDocs.

Service pages and browse lists are not Markdown: their HTML comes from templates in
build_tools/overrides/generated/ and from the values computed in Python
(directory/service_template.py, directory/browse.py). The page MkDocs reads holds only the
front matter and the first heading (for the page's title); the on_page_content hook puts this
HTML in place of what Markdown made of that.

The environment escapes every value unless it is `Markup`: provider text arrives either as
plain strings (escaped here) or as HTML that went field by field through the provider Markdown
subset (`wording.provider_html`). The page still passes the sanitiser afterwards.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markdown.extensions.toc import nest_toc_tokens, slugify, unique

from build_tools.paths import OVERRIDES
from build_tools.problems import Problem

TEMPLATES = OVERRIDES / "generated"


@cache
def environment() -> Environment:
    """The Jinja environment of the generated pages: autoescaping, and an error for any name
    a template uses that its data lacks."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=False,
    )


def render(template: str, **data: Any) -> str:
    return environment().get_template(template).render(**data)


def templates_digest() -> str:
    """A hash of every template's text: part of each cached page's key."""
    digest = hashlib.sha256()
    for path in sorted(TEMPLATES.glob("*.html")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class Heading:
    """A heading of a generated page, with the id Python-Markdown's toc extension would give."""

    level: int
    text: str
    id: str

    @property
    def name(self) -> str:
        """The heading as HTML, as the toc extension names it."""
        return html.escape(self.text, quote=False)


@dataclass
class Headings:
    """Unique heading ids, made the way Python-Markdown's toc extension makes them, so links
    and the table of contents stay as they were when these pages were Markdown."""

    made: list[Heading] = field(default_factory=list)
    _ids: set[str] = field(default_factory=set)
    _counters: dict[str, int] = field(default_factory=dict)

    def __call__(self, level: int, text: str) -> Heading:
        text = " ".join(text.split())
        heading = Heading(level, text, unique(slugify(text, "-"), self._ids, self._counters))
        self.made.append(heading)
        return heading

    def toc_tokens(self) -> list[dict[str, Any]]:
        """The page's table of contents as the toc extension's nested tokens (for MkDocs)."""
        flat = [
            {"level": h.level, "id": h.id, "name": h.name, "html": h.name, "data-toc-label": ""}
            for h in self.made
        ]
        return list(nest_toc_tokens(flat))


@dataclass(frozen=True)
class RenderedPage:
    """A generated page: the little Markdown MkDocs reads, the HTML of its body, its table of
    contents (the toc extension's tokens) and ids, and the problems found in making it."""

    source: str
    html: str
    toc: list[dict[str, Any]]
    ids: frozenset[str]
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Deferred:
    """A page made from a template only when it is needed: the Markdown MkDocs reads, a key
    naming everything it is made from (for build_tools/files/page_cache.py), and how to make it."""

    source: str
    key: str
    make: Callable[[], RenderedPage]


def rendered(source: str, body: str, headings: Headings | Iterable[Heading]) -> RenderedPage:
    made = headings.made if isinstance(headings, Headings) else list(headings)
    tokens = headings.toc_tokens() if isinstance(headings, Headings) else []
    # Python-Markdown strips the HTML it makes: so do these pages.
    return RenderedPage(source, body.strip(), tokens, frozenset(h.id for h in made))


def toc_tokens(links: Iterable[Any]) -> list[dict[str, Any]]:
    """A table of contents that MkDocs made (its AnchorLinks) as the toc extension's tokens,
    which MkDocs' get_toc reads back: how a Markdown page's contents are kept in the cache."""
    return [
        {"level": a.level, "id": a.id, "name": a.title, "children": toc_tokens(a.children)}
        for a in links
    ]
