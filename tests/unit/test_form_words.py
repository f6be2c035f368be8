"""The website form speaks plain English and asks in the order of a service page."""

from __future__ import annotations

import re
from html import unescape

from build_tools.schema import load_schema
from build_tools.submit.form_words import HIDDEN, PAGE_ORDER, form_hint, page_ordered
from build_tools.submit.formspec import form_fields, walk
from build_tools.submit.service_form import FormSettings, form_html

TECHNICAL = re.compile(
    r"YAML|JSON|HH:MM|YYYY|latitude|longitude|\btrue\b|\bfalse\b|Markdown|HTML|UUID|"
    r"Open Referral|https://|`|\bfields?\b|[a-z]+_[a-z]+"
)


def test_every_shown_hint_is_plain() -> None:
    leaks = {
        item.dotted: form_hint(item)
        for item in walk(form_fields())
        if item.path not in HIDDEN and TECHNICAL.search(form_hint(item))
    }
    assert not leaks, leaks


def test_no_choice_code_is_named_in_a_hint() -> None:
    codes = {v for item in walk(form_fields()) for v, _ in item.options if "-" in v and len(v) > 4}
    named = {
        item.dotted for item in walk(form_fields()) for code in codes if code in form_hint(item)
    }
    assert not named, named


def test_every_top_level_field_has_a_place_in_the_page_order() -> None:
    assert set(PAGE_ORDER) == set(load_schema()["properties"]) - {"id"}
    keys = [item.key for item in page_ordered(form_fields())]
    assert keys[:3] == ["name", "summary", "categories"]
    assert keys.index("contacts") < keys.index("locations") < keys.index("schedules")


def test_the_map_point_is_kept_but_never_asked() -> None:
    html = form_html(FormSettings("team@example.org"))
    assert '<input type="hidden" id="lo-f-locations-__i__-latitude">' in html
    assert "Latitude" not in unescape(html)
    assert "Email it to the Local Offer team" in html
