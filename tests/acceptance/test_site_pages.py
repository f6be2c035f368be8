"""House-style checks on every page of the built fixture site."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.sites import html_pages
from tests.support import FIXTURE_PROVIDERS

# Elements whose URL attribute the browser fetches on its own, with no click.
_FETCHED = {
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
}


@dataclass
class PageFacts(HTMLParser):
    """What the checks need from one page, gathered in a single pass."""

    lang: str | None = None
    title: str = ""
    h1: list[str] = field(default_factory=list)
    headings: list[tuple[int, str]] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    fetched: list[str] = field(default_factory=list)
    _open: list[tuple[str, list[str], str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = values.get("lang")
        if "id" in values:
            self.ids.append(values["id"])
        for element, attribute in _FETCHED:
            if tag == element and attribute in values:
                if tag == "link" and values.get("rel") in ("canonical", "alternate"):
                    continue
                self.fetched.append(values[attribute])
        if tag in ("title", "a", "h1", "h2", "h3", "h4", "h5", "h6"):
            self._open.append((tag, [], values.get("href", "")))

    def handle_endtag(self, tag: str) -> None:
        if not self._open or self._open[-1][0] != tag:
            return
        _, parts, href = self._open.pop()
        text = " ".join("".join(parts).split())
        if tag == "title":
            self.title = text
        elif tag == "a":
            self.links.append((href, text))
        else:
            level = int(tag[1])
            self.headings.append((level, text))
            if level == 1:
                self.h1.append(text)
        if self._open:
            self._open[-1][1].append(text)

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][1].append(data)


def facts(page: Path) -> PageFacts:
    parser = PageFacts()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def pages_of(site: Path) -> list[Path]:
    return html_pages(site)


def test_every_service_has_a_page(built_site: Path) -> None:
    for provider in FIXTURE_PROVIDERS.glob("*.yaml"):
        assert (built_site / "services" / provider.stem / "index.html").is_file(), provider.stem


def test_house_style_on_every_page(built_site: Path) -> None:
    failures = []
    for page in pages_of(built_site):
        name = page.relative_to(built_site)
        page_facts = facts(page)
        if len(page_facts.h1) != 1:
            failures.append(f"{name}: has {len(page_facts.h1)} h1 headings; give it exactly one")
        elif not page_facts.title.startswith(page_facts.h1[0]):
            failures.append(f"{name}: title {page_facts.title!r} should start with the h1")
        if page_facts.lang != "en-GB":
            failures.append(f"{name}: <html> has lang={page_facts.lang!r}")
        repeated = [i for i, n in Counter(page_facts.ids).items() if n > 1]
        if repeated:
            failures.append(f"{name}: duplicate ids {repeated}")
        previous = 1
        for level, text in page_facts.headings:
            if not text:
                failures.append(f"{name}: an empty h{level} heading")
            if level > previous + 1:
                failures.append(f"{name}: h{level} {text!r} skips a level after h{previous}")
            previous = level
        for href, text in page_facts.links:
            if href.startswith(("tel:", "mailto:")) and not text:
                failures.append(f"{name}: a {href.split(':')[0]} link has no text")
        for url in page_facts.fetched:
            if url.startswith(("http:", "https:", "//")):
                failures.append(f"{name}: loads {url} from another host")
    assert not failures, "\n".join(failures)


def test_service_page_structure(built_site: Path) -> None:
    page = facts(built_site / "services" / "castle-hill-speech-drop-in" / "index.html")
    assert page.title == "Castle Hill Speech Drop-in - Dudley SEND Local Offer"
    article_headings = [h for h in page.headings if h[1] != "Table of contents"]
    assert "At a glance" in [t for _, t in article_headings]
    contact_links = [
        (href, text) for href, text in page.links if href.startswith(("tel:", "mailto:"))
    ]
    assert ("tel:+441632960101", "01632 960101") in contact_links
    assert (
        "mailto:therapy@castle-hill-therapy.example",
        "therapy@castle-hill-therapy.example",
    ) in contact_links


@pytest.mark.parametrize("slug", [p.stem for p in sorted(FIXTURE_PROVIDERS.glob("*.yaml"))])
def test_service_pages_are_not_in_the_navigation(built_site: Path, slug: str) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert f"services/{slug}/" not in home


def _follow(site: Path, page: Path, text: str) -> Path:
    """The page a link with this text leads to, as a browser without JavaScript would go."""
    for href, link_text in facts(page).links:
        if link_text.startswith(text) and not href.startswith(("http", "mailto:", "tel:", "#")):
            target = (page.parent / href).resolve()
            return target / "index.html" if target.is_dir() else target
    raise AssertionError(f"{page.relative_to(site)} has no link starting {text!r}")


def test_a_service_can_be_reached_from_home_without_javascript(built_site: Path) -> None:
    directory = _follow(built_site, built_site / "index.html", "Find a service")
    listing = _follow(built_site, directory, "Travel and transport")
    service = _follow(built_site, listing, "Go Independent")
    assert facts(service).h1 == ["Go Independent Travel Training"]


def test_sample_data_banner_is_on_every_page(built_site: Path) -> None:
    for page in pages_of(built_site):
        assert "Sample data." in page.read_text(encoding="utf-8"), page


def _resolve(site: Path, page: Path, href: str) -> tuple[Path, str]:
    """The file and fragment an internal link leads to, as a browser would resolve it."""
    path, _, fragment = href.partition("#")
    path = path.split("?", 1)[0]
    target = (page.parent / path).resolve() if path else page
    if target.is_dir():
        target = target / "index.html"
    return target, fragment


@pytest.mark.parametrize("site_fixture", ["built_site", "sample_site"])
def test_every_internal_link_and_anchor_exists(
    site_fixture: str, request: pytest.FixtureRequest
) -> None:
    """Links inside raw HTML (cards, forms) escape MkDocs' own link check, so check them all."""
    site: Path = request.getfixturevalue(site_fixture)
    ids: dict[Path, set[str]] = {}
    failures = []
    # Each page parsed once: as the page its links are on, and as the target of others.
    parsed = {page: facts(page) for page in pages_of(site)}
    for page, page_facts in parsed.items():
        for href, _ in page_facts.links:
            if not href or href.startswith(("http:", "https:", "mailto:", "tel:", "sms:", "//")):
                continue
            target, fragment = _resolve(site, page, href)
            if not target.is_file():
                failures.append(f"{page.relative_to(site)}: {href} leads nowhere")
                continue
            if fragment and target.suffix == ".html":
                # Parse each target once: setdefault's default would parse it for every link.
                if target not in ids:
                    ids[target] = set((parsed.get(target) or facts(target)).ids)
                if fragment not in ids[target]:
                    failures.append(f"{page.relative_to(site)}: {href} has no #{fragment}")
    assert not failures, "\n".join(failures[:30])
