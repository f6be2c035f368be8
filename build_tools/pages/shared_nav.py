"""The site navigation, rendered once for all the pages that share it.

mkdocs-material renders the whole navigation (every section and page of `nav:` in
mkdocs.yml) into every page, which at a thousand services is a sixth of a build. On a page
outside the navigation (a service, its easy-read page, a browse list) nothing in it is marked
as current, so the HTML depends only on where the page is: on the links from the page to each
navigation page and to the site's root. Pages with the same links get the same HTML, made once.
Pages in the navigation are rendered as the theme does.

For those pages the navigation is also pruned (mkdocs-material's `navigation.prune`): each
section is one link to its first page, where the section is shown open, instead of every page
of every section. Nothing in a section is current on such a page, so nothing is hidden that the
page would show open, and every page stays two clicks away without JavaScript. The full
navigation was 14.9 kB of every service, easy-read and browse page (8.4 kB without the
template's indentation, see build_tools/page_space.py), about 21 kB per service at a thousand
services; pruned, it is 1.8 kB.

The template (overrides/main.html) prints what `get(page, nav, base_url)` finds, or renders
the theme's partial and hands it to `keep`. This module knows nothing about MkDocs:
`relative(url, from_url)` is the same relative-link function the theme's `url` filter uses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Key = tuple[str, ...]
# Features that would open every section, and so undo the pruning (the theme's own rules).
PRUNED_OFF = frozenset(["navigation.sections", "navigation.expand", "navigation.tabs"])


class SharedNav:
    """Navigation HTML by the links that decide it, for pages outside the navigation."""

    def __init__(self, relative: Callable[[str, str], str]) -> None:
        self._relative = relative
        self._made: dict[Key, str] = {}
        self._nav_urls: tuple[str, ...] | None = None
        self._in_nav: frozenset[str] = frozenset()

    def key(self, page: Any, nav: Any, base_url: str) -> Key | None:
        """What the navigation's HTML depends on for this page; None for a page in it."""
        if self._nav_urls is None:
            self._nav_urls = tuple(item.url for item in nav.pages)
            self._in_nav = frozenset(item.file.src_uri for item in nav.pages)
        if page is None or page.file.src_uri in self._in_nav:
            return None
        return (base_url, *(self._relative(url, page.url) for url in self._nav_urls))

    def features(self, page: Any, nav: Any, base_url: str, features: list[str]) -> list[str]:
        """The theme's features to render this page's navigation with: pruned, without open
        sections, for a page outside the navigation."""
        if self.key(page, nav, base_url) is None:
            return features
        kept = [name for name in features if name not in PRUNED_OFF]
        return [*kept, "navigation.prune"]

    def get(self, page: Any, nav: Any, base_url: str) -> str | None:
        """The navigation already rendered for a page with the same links, if any."""
        key = self.key(page, nav, base_url)
        return self._made.get(key) if key is not None else None

    def keep(self, page: Any, nav: Any, base_url: str, html: str) -> str:
        """Remember the navigation rendered for this page (if it can be shared); return it."""
        key = self.key(page, nav, base_url)
        if key is not None:
            self._made[key] = html
        return html
