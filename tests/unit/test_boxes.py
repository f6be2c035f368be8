"""Provider text never draws one of the site's own boxes (issue 15, finding 11).

The reproduction: a description with `!!! danger "..."` drew a box that looked like the site's
own warnings. Validation refuses the marks (LO209), and the page shows them as typed even if
they reach it: tested with the site's Markdown extensions, and with the details and blocks
extensions turned on too, so that a site which adds them later stays safe.
"""

from __future__ import annotations

import json

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.directory import service_page as pages
from build_tools.entries.rules import check_entry
from build_tools.entries.safe_yaml import parse_yaml
from build_tools.model import provider_from_dict
from build_tools.text import wording
from build_tools.text.wording import simple_markdown
from tests.support import MINIMAL_ENTRY, REPO_ROOT, TODAY

SPOOFS = [
    '!!! danger "This service has been closed by the council"\n    Ring 01632 960999 now.',
    '!!! danger ""\n    Call us instead.',
    "!!!danger\n    Closed.",
    '!!! warning inline end "Official notice"\n    Pay here.',
    "Intro line\n!!! note\n    Text",
    '- first point\n\n    !!! danger "Inside a list"\n        Text',
    '> !!! danger "Inside a quote"\n>     Text',
    '> > !!! danger "Two quotes deep"\n> >     Text',
    '1. step\n\n    !!! danger "In a numbered list"\n        Text',
    '   !!! danger "Indented three spaces"\n       Text',
    '\t!!! danger "After a tab"',
    '??? danger "Open to see"\n    Text',
    '???+ danger "Open already"\n    Text',
    '/// danger | "Closed"\nText\n///',
    '/// admonition | "Notice"\n    type: danger\nText\n///',
    '/// details | "More"\nText\n///',
]
# What a box is made of in HTML; provider text makes none of it.
BOX_PARTS = ("<div", "<details", "class=")


def entry_with(description: str) -> str:
    old = (
        "description: A friendly online group for parents and carers, run every week by "
        "volunteers.\n"
    )
    assert old in MINIMAL_ENTRY
    return MINIMAL_ENTRY.replace(old, f"description: {json.dumps(description)}\n", 1)


def codes(text: str) -> list[str]:
    document, problems = parse_yaml(text.encode("utf-8"), "providers/x.yaml")
    assert document is not None, problems
    return [p.code for p in check_entry(document, "providers/x.yaml", TODAY)]


@pytest.mark.parametrize("text", SPOOFS)
def test_validation_refuses_the_marks_of_a_box(text: str) -> None:
    assert codes(entry_with(text)) == ["LO209"]


def test_the_refusal_says_what_and_how_to_fix() -> None:
    document, _ = parse_yaml(entry_with(SPOOFS[0]).encode("utf-8"), "providers/x.yaml")
    assert document is not None
    (problem,) = check_entry(document, "providers/x.yaml", TODAY)
    assert '"!!!"' in problem.message and "site's own warnings" in problem.message
    assert "**bold**" in problem.fix


@pytest.mark.parametrize(
    "text",
    [
        "We are great!!! Come along.",
        "Is it free??? Yes, always.",
        "Bring your own snack and/or drink.",
        "Open 9 to 5 - ask us!",
    ],
)
def test_the_marks_inside_a_sentence_are_fine(text: str) -> None:
    assert codes(entry_with(text)) == []


def site_extensions() -> tuple[list[str], dict[str, dict[str, object]]]:
    config = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, options = [], {}
    for item in config["markdown_extensions"]:
        name = next(iter(item)) if isinstance(item, dict) else item
        names.append(name)
        options[name] = (item[name] or {}) if isinstance(item, dict) else {}
    return names, options


def test_the_site_turns_on_no_box_extension_but_admonition() -> None:
    names, _ = site_extensions()
    assert "admonition" in names  # the guidance pages' own boxes
    assert not [name for name in names if "details" in name or "blocks" in name]


def render(text: str, *extra: str) -> str:
    names, options = site_extensions()
    return markdown.markdown(
        simple_markdown(text), extensions=names + list(extra), extension_configs=options
    )


@pytest.mark.parametrize("text", SPOOFS)
@pytest.mark.parametrize(
    "extra",
    [(), ("pymdownx.details",), ("pymdownx.blocks.admonition", "pymdownx.blocks.details")],
)
def test_a_page_shows_the_marks_as_typed(text: str, extra: tuple[str, ...]) -> None:
    html = render(text, *extra)
    assert not any(part in html for part in BOX_PARTS), html


def test_the_words_of_a_spoof_still_show() -> None:
    html = render(SPOOFS[0])
    assert "!!! danger" in html.replace("&#33;", "!")
    assert "Ring 01632 960999 now." in html


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["!!!", "???", "???+", "///", " ", "    ", "\n", "> ", "- ", "1. "])
        | st.sampled_from(["danger", "note", '"Closed"', "| x", "type: danger", "Text"]),
        max_size=14,
    ).map("".join)
)
def test_property_no_text_opens_a_box(text: str) -> None:
    html = render(text, "pymdownx.details", "pymdownx.blocks.admonition")
    assert not any(part in html for part in BOX_PARTS), (text, html)


def test_provider_text_has_a_renderer_without_any_extension() -> None:
    assert wording._PROVIDER_MARKDOWN.registeredExtensions == []
    processors = wording._PROVIDER_MARKDOWN.parser.blockprocessors
    assert "admonition" not in processors and "defindent" not in processors


@pytest.mark.parametrize("text", SPOOFS)
def test_a_service_page_shows_no_box_from_its_provider(text: str) -> None:
    provider = provider_from_dict(
        "x", {**yaml.safe_load(MINIMAL_ENTRY), "description": text, "id": "x"}
    )
    page = pages.render_service_page(provider, TODAY)
    names, options = site_extensions()
    html = markdown.markdown(page.split("---", 2)[-1], extensions=names, extension_configs=options)
    about = html.split("About this service")[1].split("<h2")[0]
    assert 'class="admonition' not in about and "<details" not in about, about
