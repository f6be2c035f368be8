"""Generated pages kept from one build to the next, by a hash of what they are made from.
No MkDocs.

A service page or a browse list is made from its template and its data (page_templates.py).
Each such page's finished HTML, with its table of contents and ids, is kept as one JSON file in
a cache folder outside the site (by default .cache/localoffer/pages/ beside mkdocs.yml, which
git ignores), named by the hash of:
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

from .page_templates import RenderedPage

PACKAGE = Path(__file__).resolve().parent
SCHEMA = PACKAGE.parent / "schema"
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
        name = digest(tool_digest(), self.salt, key)
        path = self.folder / name[:2] / f"{name}.json" if self.folder else None
        if path is not None:
            try:
                kept = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                pass
            else:
                self.reused += 1
                return RenderedPage("", kept["html"], kept["toc"], frozenset(kept["ids"]))
        made = make()
        self.made += 1
        if path is not None:
            _keep(path, made)
        return made


def _keep(path: Path, page: RenderedPage) -> None:
    """Write the page beside its place, then rename: two builds at once never see half a file."""
    data = {"html": page.html, "toc": page.toc, "ids": sorted(page.ids)}
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.part")
    partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(partial, path)
