"""Every attack string in the corpus, in every field at once, with validation skipped.

Validation refuses most of these strings (HTML in text, links that are not web, email or phone
links, values that break a pattern). These tests make sure that even if it did not, the
rendering functions would still write nothing that runs: the service page, its easy-read page,
its card, the search block, the JSON-LD, the ORUK documents, the CSV and the feed. The HTML is
checked as Markdown makes it, before the sanitiser, and after it.
"""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from html.parser import HTMLParser
from typing import Any
from xml.etree import ElementTree as ET

import markdown
import pytest
import yaml
from mkdocs.utils.meta import get_data

from build_tools.directory.cards import service_card
from build_tools.directory.service_page import render_service_page
from build_tools.easy_read.services import render_easy_read_service
from build_tools.exports.api import api_documents
from build_tools.exports.feed import ATOM, atom_feed
from build_tools.exports.jsonld import script_tag, service_jsonld
from build_tools.exports.publisher import Publisher
from build_tools.exports.spreadsheet import services_csv
from build_tools.guidance.glossary import load_glossary
from build_tools.model import Provider, provider_from_dict
from build_tools.text.safe_html import clean_page_html, escape_page_meta
from build_tools.text.wording import simple_markdown
from tests.injection import corpus, hostile_entry, unsafe_html
from tests.support import REPO_ROOT, TODAY

ATTACKS = corpus()
GLOSSARY, _ = load_glossary(REPO_ROOT / "content" / "glossary.yml", "glossary")


@cache
def site_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions mkdocs.yml turns on."""
    config = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, settings = [], {}
    for item in config["markdown_extensions"]:
        if isinstance(item, dict):
            (name, options), *_ = item.items()
            names.append(name)
            settings[name] = options or {}
        else:
            names.append(item)
    return markdown.Markdown(extensions=names, extension_configs=settings)


def to_html(text: str) -> str:
    """The page's Markdown as MkDocs makes it: front matter taken off, the rest converted.
    The front matter goes into the head through escape_page_meta, checked here too."""
    body, meta = get_data(text)
    for value in escape_page_meta(meta).values():
        assert "<" not in str(value) and '"' not in str(value)
    converter = site_markdown()
    converter.reset()
    return converter.convert(body)


def hostile(attack: str) -> Provider:
    return provider_from_dict("hostile", hostile_entry(attack, TODAY))


def test_the_corpus_is_loaded() -> None:
    assert len(ATTACKS) >= 60
    assert any("\n" in attack for attack in ATTACKS)
    assert all(attack.strip() for attack in ATTACKS)


def test_the_checker_finds_each_kind_of_attack() -> None:
    """The checker itself works: raw attack HTML is caught, plain text is not."""
    for raw in [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<a href=" JaVa\tScRiPt:alert(1)">x</a>',
        '<iframe src="https://evil.example"></iframe>',
        "<style>p{}</style>",
        '<p style="color:red">x</p>',
        '<img src="data:image/svg+xml,x">',
        "<svg></svg>",
        '<form action="javascript:alert(1)"></form>',
    ]:
        assert unsafe_html(raw), raw
    assert not unsafe_html('<p>Fine <a href="https://a.example/">link</a> &lt;b&gt;</p>')


@pytest.mark.parametrize("attack", ATTACKS)
def test_service_page_writes_nothing_that_runs(attack: str) -> None:
    provider = hostile(attack)
    page = render_service_page(provider, TODAY)
    html = to_html(page)
    assert unsafe_html(html) == [], "before the sanitiser"
    assert unsafe_html(clean_page_html(html)) == []


@pytest.mark.parametrize("attack", ATTACKS)
def test_easy_read_page_writes_nothing_that_runs(attack: str) -> None:
    html = to_html(render_easy_read_service(hostile(attack), GLOSSARY, TODAY))
    # Easy-read pictures are written as links to picture:NAME until the page hook swaps them for
    # files; that scheme is the page's own, not the provider's.
    found = [f for f in unsafe_html(html) if "picture:" not in f]
    assert found == []
    assert unsafe_html(clean_page_html(html.replace("picture:", "../"))) == []


@pytest.mark.parametrize("attack", ATTACKS)
def test_simple_markdown_alone_writes_nothing_that_runs(attack: str) -> None:
    assert unsafe_html(to_html(simple_markdown(attack))) == []


@pytest.mark.parametrize("attack", ATTACKS)
def test_card_writes_nothing_that_runs(attack: str) -> None:
    assert unsafe_html(service_card(hostile(attack), "hostile/")) == []


class _HeadScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        if self.tags and self.tags[-1] == "script":
            self.scripts.append(data)


@pytest.mark.parametrize("attack", ATTACKS)
def test_json_ld_stays_inside_its_script_element(attack: str) -> None:
    provider = hostile(attack)
    document = service_jsonld(provider, Publisher())
    parser = _HeadScripts()
    parser.feed(script_tag(document))
    assert parser.tags == ["script"]
    assert len(parser.scripts) == 1
    assert json.loads(parser.scripts[0]) == document
    assert document["name"] == attack


@pytest.mark.parametrize("attack", ATTACKS)
def test_oruk_documents_are_json_with_the_text_unchanged(attack: str) -> None:
    documents = api_documents([hostile(attack)], Publisher())
    texts = json.dumps(documents, ensure_ascii=False)
    assert json.loads(texts) == documents
    services = [
        document
        for path, document in documents.items()
        if path.startswith("api/services/") and path != "api/services/index.json"
    ]
    assert services and all(service["name"] == attack for service in services)


@pytest.mark.parametrize("attack", ATTACKS)
def test_csv_cells_never_start_a_formula(attack: str) -> None:
    text = services_csv([hostile(attack)], Publisher()).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 2
    for cell in rows[1]:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert attack.replace("\n", " ") in " ".join(rows[1]).replace("\n", " ") or attack.startswith(
        ("=", "+", "-", "@")
    )


def _atom_tags(element: ET.Element) -> set[str]:
    return {child.tag for child in element.iter()}


@pytest.mark.parametrize("attack", ATTACKS)
def test_feed_is_well_formed_with_the_text_as_text(attack: str) -> None:
    data = atom_feed([hostile(attack)], Publisher())
    root = ET.fromstring(data)
    allowed = {f"{{{ATOM}}}{tag}" for tag in ("feed", "title", "id", "link", "updated")}
    allowed |= {f"{{{ATOM}}}{tag}" for tag in ("author", "name", "entry", "summary", "category")}
    assert _atom_tags(root) <= allowed
    entry = root.find(f"{{{ATOM}}}entry")
    assert entry is not None
    assert entry.findtext(f"{{{ATOM}}}title") == attack
    assert b"<!DOCTYPE" not in data and b"<!ENTITY" not in data


def _fields_reached(provider: Provider) -> dict[str, Any]:
    return {"name": provider.name, "summary": provider.summary}


def test_hostile_entries_really_carry_the_attack_everywhere() -> None:
    attack = ATTACKS[0]
    provider = hostile(attack)
    assert _fields_reached(provider) == {"name": attack, "summary": attack}
    assert provider.contacts[0].website == attack
    assert provider.locations[0].transport == attack
    assert provider.easy_read["what_happens"] == (attack,)
