"""Property-based tests for the page renderer: random text in every field never crashes it,
never makes HTML that runs, and never makes it slow.

Timing is measured with a generous bound (hypothesis' deadline, and 5 seconds for the largest
entry the schema allows), so a slow CI machine does not fail the tests but a real blow-up does.
"""

from __future__ import annotations

import copy
import datetime as dt
import time
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.directory.cards import service_card
from build_tools.directory.service_page import render_service_page
from build_tools.easy_read.services import render_easy_read_service
from build_tools.exports.jsonld import script_tag, service_jsonld
from build_tools.exports.publisher import Publisher
from build_tools.model import provider_from_dict
from build_tools.text.safe_html import clean_page_html
from tests.injection import (
    GLOSSARY,
    LINK_FIELDS,
    TEXT_FIELDS,
    base_entry,
    entry_errors,
    unsafe_html,
    with_value,
)
from tests.support import TODAY
from tests.unit.test_injection import to_html

RENDER = settings(max_examples=150, deadline=dt.timedelta(seconds=5))
# Characters that mean something to Markdown, HTML, YAML, JSON or a spreadsheet, and others.
SPECIAL = "<>&\"'`*_[](){}#!|\\-+=@:/;.\n\t ~^%$"
texts = st.text(
    alphabet=st.one_of(st.sampled_from(SPECIAL), st.characters(codec="utf-8")), max_size=300
)
fields = st.sampled_from(TEXT_FIELDS + LINK_FIELDS)


def render_all(entry: dict[str, Any]) -> str:
    """Every page part and the JSON-LD of one entry, as the site would hold them."""
    provider = provider_from_dict("fuzz", entry)
    page = render_service_page(provider, TODAY)
    html = clean_page_html(to_html(page))
    easy = to_html(render_easy_read_service(provider, GLOSSARY, TODAY).replace("picture:", "../"))
    html += clean_page_html(easy)
    html += service_card(provider, "fuzz/") + script_tag(service_jsonld(provider, Publisher()))
    return html


@RENDER
@given(st.lists(st.tuples(fields, texts), min_size=1, max_size=6))
def test_random_text_in_any_field_renders_safely(changes: list[tuple[Any, str]]) -> None:
    entry = base_entry(TODAY)
    for path, value in changes:
        entry = with_value(entry, path, value)
    assert unsafe_html(render_all(entry), whole_page=True) == []


@RENDER
@given(st.lists(st.tuples(st.sampled_from(TEXT_FIELDS), texts), min_size=1, max_size=4))
def test_entries_validation_accepts_render_safely(changes: list[tuple[Any, str]]) -> None:
    entry = base_entry(TODAY)
    for path, value in changes:
        entry = with_value(entry, path, value)
    if entry_errors(entry, TODAY):
        return
    assert unsafe_html(render_all(entry), whole_page=True) == []


def largest_entry() -> dict[str, Any]:
    """The biggest entry the schema allows: every text at its limit, every list full."""
    long = ("Word " * 1000)[:4999]
    entry = base_entry(TODAY)
    entry["description"] = long
    answers = ["identifying_needs", "teaching", "progress", "staff_training"]
    answers += ["accessibility", "transitions", "wellbeing", "activities"]
    entry["local_offer"] = dict.fromkeys(answers, long[:2999])
    # Copies, not the same item again, which YAML would write as an alias.
    for key, count in (("contacts", 10), ("locations", 50), ("schedules", 20)):
        entry[key] = [copy.deepcopy(entry[key][0]) for _ in range(count)]
    entry["how_to_access"]["steps"] = [long[:299]] * 12
    entry["cost"]["options"] = [copy.deepcopy(entry["cost"]["options"][0]) for _ in range(10)]
    return entry


def test_the_largest_allowed_entry_validates_and_renders_quickly() -> None:
    entry = largest_entry()
    started = time.perf_counter()
    assert entry_errors(entry, TODAY) == []
    html = render_all(entry)
    took = time.perf_counter() - started
    assert unsafe_html(html, whole_page=True) == []
    # Typically well under half a second; the bound only catches a real blow-up.
    assert took < 5, f"{took:.2f} s"
