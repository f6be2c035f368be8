"""Which content pages go into the printed Local Offer, and their HTML made fit for one document.

Chosen generically: every page under `guidance/`, and every page with `easy-read` in its path
except the services' own, in the order of the site's navigation. Each page's rendered HTML
(from MkDocs) is moved into the document: its headings are moved down below the part's
heading, its ids get a prefix so
two pages can both have a "Related pages" heading, and its links are pointed at the page's
place in the document when that page is printed too, else at the website.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from typing import Any
from urllib.parse import urljoin, urlsplit

_BASE = "https://printed.invalid/"  # only to resolve relative links; never printed
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)(\s[^<>]*?)?(/?)>")
_ATTRIBUTE = re.compile(r"""(\s)([a-zA-Z_:][-a-zA-Z0-9_:.]*)=(["'])(.*?)\3""", re.DOTALL)
_HEADING = re.compile(r"(</?)h([1-6])\b", re.IGNORECASE)
_ID_LISTS = ("aria-labelledby", "aria-describedby", "aria-controls", "for")
_SERVICE_PATH = re.compile(r"^services/([a-z0-9-]+)/$")
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class SourcePage:
    """A rendered content page: its source path, URL path, title and the HTML of its body."""

    src: str
    url: str
    title: str
    html: str

    @property
    def key(self) -> str:
        """An id for the page's place in the document: guidance/ehc-plans/ -> guidance-ehc-plans."""
        return re.sub(r"[^a-z0-9]+", "-", self.url.lower()).strip("-") or "home"

    @property
    def easy_read(self) -> bool:
        return "easy-read" in self.src

    @property
    def heading(self) -> str:
        """The text of the page's h1, as the contents list shows it; else its title."""
        match = _H1.search(self.html)
        text = " ".join(unescape(re.sub(r"<[^>]*>", "", match.group(1))).split()) if match else ""
        return text or self.title


def is_printed(src: str) -> bool:
    """True for the pages the printed Local Offer holds: guidance and easy read.

    Not the easy-read summary of each service (services/<slug>/easy-read/): the directory
    holds every service already, and one summary per service would make it hundreds of pages.
    """
    if src.startswith("services/"):
        return False
    return src.startswith("guidance/") or "easy-read" in src


def nav_sources(nav: Any) -> Iterator[str]:
    """The source paths in mkdocs.yml's `nav`, in order."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_sources(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_sources(item)


def in_nav_order(pages: dict[str, SourcePage], nav: Any) -> list[SourcePage]:
    """The pages, in navigation order; any not in the navigation follow, by path."""
    order = [src for src in nav_sources(nav or []) if src in pages]
    rest = sorted(src for src in pages if src not in order)
    return [pages[src] for src in dict.fromkeys(order + rest)]


@dataclass(frozen=True)
class Linker:
    """Where links go in the document: the keys of printed pages, the services, the website."""

    printed: dict[str, str]  # URL path -> page key
    services: frozenset[str]
    site_url: str

    def href(self, page: SourcePage, target: str) -> str:
        if target.startswith("#"):
            return f"#{page.key}--{target[1:]}" if len(target) > 1 else f"#{page.key}"
        parts = urlsplit(target)
        if parts.scheme or target.startswith("//"):
            return target
        resolved = urlsplit(urljoin(_BASE + page.url, target))
        path = resolved.path.lstrip("/")
        if path in self.printed:
            key = self.printed[path]
            return f"#{key}--{resolved.fragment}" if resolved.fragment else f"#{key}"
        service = _SERVICE_PATH.match(path)
        if service and service.group(1) in self.services:
            return f"#service-{service.group(1)}"
        fragment = f"#{resolved.fragment}" if resolved.fragment else ""
        return f"{self.site_url}{path}{fragment}"

    def src(self, page: SourcePage, target: str) -> str:
        """An image's address from the site's root, where the document lives."""
        if urlsplit(target).scheme or target.startswith("//"):
            return target
        return urlsplit(urljoin(_BASE + page.url, target)).path.lstrip("/")


def _rewrite_attributes(page: SourcePage, linker: Linker, attributes: str) -> str:
    def one(match: re.Match[str]) -> str:
        space, name, quote, value = match.groups()
        lower = name.lower()
        if lower == "id":
            value = f"{page.key}--{value}"
        elif lower in _ID_LISTS:
            value = " ".join(f"{page.key}--{token}" for token in value.split())
        elif lower == "href":
            value = linker.href(page, value)
        elif lower == "src":
            value = linker.src(page, value)
        return f"{space}{name}={quote}{value}{quote}"

    return _ATTRIBUTE.sub(one, attributes)


def fit_page(page: SourcePage, linker: Linker, shift: int) -> str:
    """The page's HTML with headings moved down `shift` levels (at most h6), ids and links fixed.

    Only the inside of tags is touched: text, including code, stays as it was.
    """

    def tag(match: re.Match[str]) -> str:
        name, attributes, slash = match.group(1), match.group(2) or "", match.group(3)
        return f"<{name}{_rewrite_attributes(page, linker, attributes)}{slash}>"

    html = _TAG.sub(tag, page.html)
    return _HEADING.sub(lambda m: f"{m.group(1)}h{min(6, int(m.group(2)) + shift)}", html)
