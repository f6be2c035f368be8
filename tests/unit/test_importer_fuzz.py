"""Property-based tests of the importer: any feed text and any JSON shape is converted without
a crash, into text the validator's Markdown rules accept and a file that reads back."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from build_tools.entries.rules import check_markdown
from build_tools.entries.safe_yaml import parse_yaml
from build_tools.importer.feeds.html_text import to_markdown
from build_tools.importer.feeds.sources import Found
from build_tools.importer.output import render
from build_tools.importer.run import convert
from tests.support import TODAY

FUZZ = settings(max_examples=100, deadline=dt.timedelta(seconds=5))
PIECES = st.sampled_from(
    [
        "<p>", "</p>", "<b>", "</b>", "<ul><li>", "</li></ul>", "<h2>", "</h2>", "<br>",
        "<a href='",
        "javascript:x()", "https://x.example", "'>", "</a>", "<img src=x alt='y'>", "<script>",
        "&amp;", "&lt;", "&#60;", "# ", "\n", "\n\n", "* ", "1. ", "![p](x.png)", "---", "<!--",
        "-->", "<table><tr><td>", "</td></tr></table>", "[", "]", "(", ")", "`", "_", "\\", "<",
    ]
)  # fmt: skip
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=25).map("".join)


@FUZZ
@given(TEXT)
@example("* # ")  # a heading inside a list item, found by this test
@example("1. ## x\n- > y")
@example("=")
@example("<ul><li>&amp;<ul><li>&amp;<ul><li>")
def test_converted_text_always_passes_the_markdown_rules(text: str) -> None:
    markdown = to_markdown(text).text
    document, _ = parse_yaml(yaml.safe_dump({"description": markdown}).encode(), "x.yaml")
    assert document is not None
    problems = list(check_markdown(document, "x.yaml", TODAY))
    assert not problems, (text, markdown, [p.message for p in problems])


KEYS = st.sampled_from(
    [
        "id", "name", "description", "status", "organization", "organisation", "contacts",
        "phones", "number", "email", "url", "minimum_age", "maximum_age", "min_age",
        "age_band_3_4", "cost_options", "amount", "cost_type", "schedules", "regular_schedules",
        "weekday", "byday", "opens_at", "service_at_locations", "location", "addresses",
        "postal_code", "locations", "accessibilities", "send_needs", "local_offer",
        "survey_answers", "x_local_offer", "attributes", "taxonomy_term", "languages",
    ]
)  # fmt: skip
LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 200), st.floats(allow_nan=False), st.text(max_size=20)
)
JSON: st.SearchStrategy[Any] = st.recursive(
    LEAVES,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=25,
)


@FUZZ
@given(st.dictionaries(KEYS, JSON, max_size=10), st.sampled_from(["3.0", "1.0"]))
@example({"contacts": {"name": "0\x1f0"}}, "3.0")  # a control character quoted in a note
def test_any_record_converts_and_renders(data: dict[str, Any], style: str) -> None:
    conversion = convert(Found("fuzz.json", style, data), "West Midlands")
    text = render(conversion, [])
    document, problems = parse_yaml(text.encode("utf-8"), "fuzz.yaml")
    assert document is not None, (text, [p.message for p in problems])
