"""The structure of each fixture service page, compared with a golden JSON file.

Whole HTML changes with every theme upgrade, so only what a family relies on is compared: the
headings, the "at a glance" facts, and the contact rows with their link targets.
Run `make golden` (pytest --update-golden) to rewrite the files, and review the diff.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.support import FIXTURE_PROVIDERS

GOLDEN_DIR = FIXTURE_PROVIDERS.parent / "golden"
_HEADINGS = {"h1", "h2", "h3"}
_BLOCKS = {"p", "li", "ul", "ol", "dl", "dt", "dd", "div", "section", *_HEADINGS}


class ArticleStructure(HTMLParser):
    """Collects headings, the at-a-glance list and the contact rows of a page's article."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[str] = []
        self.glance: dict[str, str] = {}
        self.contacts: dict[str, list[dict[str, str]]] = {}
        # Open elements inside the article: (tag, attributes, text parts).
        self._open: list[tuple[str, dict[str, str], list[str]]] = []
        self._article_depth = 0
        self._section = ""
        self._role = ""
        self._term = ""
        self._links: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self._article_depth += 1
        if self._article_depth and tag not in ("br", "img", "input", "hr", "meta"):
            self._open.append((tag, {k: v or "" for k, v in attrs}, []))

    def handle_endtag(self, tag: str) -> None:
        if not self._open or self._open[-1][0] != tag:
            if tag == "article":
                self._article_depth -= 1
            return
        _, attrs, parts = self._open.pop()
        text = " ".join("".join(parts).split())
        if self._open:
            # Block elements are separated by a space; inline ones (a, abbr, strong) are not.
            block = tag in _BLOCKS
            self._open[-1][2].append(f" {text} " if block else "".join(parts))
        self._record(tag, attrs, text)

    def _record(self, tag: str, attrs: dict[str, str], text: str) -> None:
        in_glance = any(t == "dl" and "lo-glance" in a.get("class", "") for t, a, _ in self._open)
        if tag in _HEADINGS:
            self.headings.append(f"{tag} {text}")
            if tag == "h2":
                self._section = text
            elif tag == "h3" and self._section == "Contact":
                self._role = text
                self.contacts[text] = []
        elif tag == "dt" and in_glance:
            self._term = text
        elif tag == "dd" and in_glance:
            self.glance[self._term] = text
        elif tag == "a" and self._section == "Contact":
            self._links.append((text, attrs.get("href", "")))
        elif tag == "li" and self._section == "Contact" and self._role:
            label = text.split(":", 1)[0]
            for link_text, href in self._links:
                self.contacts[self._role].append({"label": label, "text": link_text, "href": href})
            self._links = []

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][2].append(data)


def structure_of(page: Path) -> dict[str, Any]:
    parser = ArticleStructure()
    parser.feed(page.read_text(encoding="utf-8"))
    return {
        "headings": parser.headings,
        "at_a_glance": parser.glance,
        "contacts": parser.contacts,
    }


@pytest.mark.parametrize("slug", [p.stem for p in sorted(FIXTURE_PROVIDERS.glob("*.yaml"))])
def test_service_page_structure_matches_golden(
    built_site: Path, slug: str, update_golden: bool
) -> None:
    actual = structure_of(built_site / "services" / slug / "index.html")
    golden = GOLDEN_DIR / f"{slug}.json"
    text = json.dumps(actual, indent=2, ensure_ascii=False) + "\n"
    if update_golden:
        GOLDEN_DIR.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden}; run make golden and review it"
    assert json.loads(golden.read_text(encoding="utf-8")) == actual


def test_every_golden_belongs_to_a_fixture_provider() -> None:
    slugs = {p.stem for p in FIXTURE_PROVIDERS.glob("*.yaml")}
    assert {p.stem for p in GOLDEN_DIR.glob("*.json")} == slugs
