"""Generated pages kept from one build to the next, by a hash of what they are made from.
No MkDocs.

A service page or a browse list is made from its template and its data (text/page_templates.py).
So is each service's easy-read page, which is still Markdown: when its Markdown and settings
are those of a page kept earlier, MkDocs converts only its heading and the kept HTML replaces
that. Each page's finished HTML, with its table of contents, ids and the problems found in it,
is kept as one JSON file in a cache folder outside the site (by default .cache/localoffer/pages/
beside mkdocs.yml, which git ignores), named by the hash of:
- the page's own inputs: its path and the data it shows (a service's entry and its notices; a
  list's place, count and the entries of its cards);
- the tool: the text of every build_tools module, template and schema file, so any change to
  the code, the templates or the vocabulary labels makes every page anew;
- the settings the finishing touches read: the glossary (words explained at first use) and the
  build's own settings, such as where problem reports are sent.

So a rebuild after one provider changed makes again only that provider's pages and the lists
that show its card; every other page comes from the cache, byte for byte as a cold build would
make it (tests/acceptance/test_page_cache.py).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from build_tools.paths import PACKAGE, SCHEMA_DIR
from build_tools.problems import Problem, Severity
from build_tools.text.page_templates import RenderedPage

SCHEMA = SCHEMA_DIR
# Bumped when the cache files' own shape changes.
CACHE_FORMAT = "1"


def digest(*parts: str) -> str:
    """The hash of some strings, each ended so no two lists of parts can run together."""
    made = hashlib.sha256()
    for part in parts:
        made.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return made.hexdigest()


def _tool_files() -> Iterable[Path]:
    yield from sorted(PACKAGE.rglob("*.py"))
    yield from sorted((PACKAGE / "overrides" / "generated").glob("*.html"))
    yield from sorted(SCHEMA.glob("*.json"))


@cache
def tool_digest() -> str:
    """The hash of the code, templates and schema that make the pages: the tool's version."""
    made = hashlib.sha256(CACHE_FORMAT.encode())
    for path in _tool_files():
        made.update(str(path.relative_to(PACKAGE.parent)).encode() + b"\0")
        made.update(path.read_bytes() + b"\0")
    return made.hexdigest()


@dataclass
class PageCache:
    """The finished pages of earlier builds, by key, in `folder`; `salt` is the hash of the
    settings every page depends on. `made` counts the pages made anew in this build."""

    folder: Path | None
    salt: str
    made: int = 0
    reused: int = 0

    def page(self, key: str, make: Callable[[], RenderedPage]) -> RenderedPage:
        """The page with this key from the cache, or made by `make` and kept."""
        kept = self.get(key)
        if kept is not None:
            return kept
        made = make()
        self.made += 1
        self.keep(key, made)
        return made

    def has(self, key: str) -> bool:
        """True when a page is kept under this key (without reading it)."""
        path = self._path(key)
        return path is not None and path.exists()

    def get(self, key: str) -> RenderedPage | None:
        """The page kept under this key by an earlier build, if any."""
        path = self._path(key)
        if path is None:
            return None
        try:
            kept = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        self.reused += 1
        problems = tuple(
            Problem(**{**found, "severity": Severity(found["severity"])})
            for found in kept["problems"]
        )
        return RenderedPage("", kept["html"], kept["toc"], frozenset(kept["ids"]), problems)

    def keep(self, key: str, page: RenderedPage) -> None:
        """Keep the page under this key for later builds. Written beside its place, then
        renamed: two builds at once never see half a file."""
        path = self._path(key)
        if path is None:
            return
        data = {
            "html": page.html,
            "toc": page.toc,
            "ids": sorted(page.ids),
            "problems": [problem.as_dict() for problem in page.problems],
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, path)

    def _path(self, key: str) -> Path | None:
        if self.folder is None:
            return None
        name = digest(tool_digest(), self.salt, key)
        return self.folder / name[:2] / f"{name}.json"
