"""The website form is generated from the schema: labelled, complete, and checked by its rules."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from typing import Any

import yaml

from build_tools.entries.catalog import load_catalog
from build_tools.entries.safe_yaml import parse_yaml
from build_tools.entries.validate import check_document
from build_tools.submit.form_rules import form_spec
from build_tools.submit.formspec import ID_FIELD, form_fields, walk
from build_tools.submit.service_form import (
    FormSettings,
    entry_files,
    form_html,
    form_settings,
    form_spec_json,
    service_form_page,
)
from tests.support import FIXTURE_PROVIDERS, MINIMAL_ENTRY, TODAY

SETTINGS = FormSettings("localoffer@dudley.example", "example-council/local-offer")
_PLACEHOLDERS = {
    "value", "length", "count", "detail", "label", "snippet", "min", "max", "opens", "closes",
    "start", "end", "scheme",
}  # fmt: skip


class Controls(HTMLParser):
    """The form's controls, labels, ids and references, outside the blank items that "Add a ..."
    copies (div.lo-blank, which the script takes out of the page)."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str]] = []
        self.labels: set[str] = set()
        self.ids: list[str] = []
        self.in_template = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "div" and (self.in_template or "lo-blank" in found.get("class", "")):
            self.in_template += 1  # counts the divs open inside the blank item
        if self.in_template:
            return
        if "id" in found:
            self.ids.append(found["id"])
        if tag in ("input", "select", "textarea"):
            self.controls.append(found)
        if tag == "label":
            self.labels.add(found.get("for", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self.in_template:
            self.in_template -= 1


def parsed() -> Controls:
    parser = Controls()
    parser.feed(form_html(SETTINGS))
    return parser


def test_every_control_has_a_label_and_a_unique_id() -> None:
    page = parsed()
    assert len(page.controls) > 100
    for control in page.controls:
        assert control["id"] in page.labels, f"no label for {control}"
    duplicates = {i for i in page.ids if page.ids.count(i) > 1}
    assert not duplicates


def test_hints_and_error_messages_are_tied_to_their_controls() -> None:
    page = parsed()
    ids = set(page.ids)
    for control in page.controls:
        if control.get("type") in ("checkbox", "radio"):
            continue  # described through their fieldset
        described = control["aria-describedby"].split()
        assert described == [f"{control['id']}-hint", f"{control['id']}-error"]
        assert set(described) <= ids


def test_every_schema_field_is_asked() -> None:
    # Count the controls in the blank items of repeated groups too: a venue's, once added.
    everything = Controls()
    html = form_html(SETTINGS).replace('class="lo-blank" hidden', 'class="counted"')
    everything.feed(html.replace("__i__", "0"))
    ids = set(everything.ids)
    repeats = {item.path for item in walk(form_fields()) if item.kind == "repeat"}
    for item in walk(form_fields()):
        if item.path == ID_FIELD:
            continue
        parts = []
        for depth, key in enumerate(item.path, 1):
            parts.append(key)
            if item.path[:depth] in repeats and depth < len(item.path):
                parts.append("0")
        expected = "lo-f-" + "-".join(parts)
        assert expected in ids, f"{item.dotted} has no control {expected}"
    assert "lo-f-id" not in ids, "the permanent id is never asked"


def test_the_rules_go_with_the_form_as_json() -> None:
    assert "<script" not in form_html(SETTINGS), "pages are sanitised: scripts never survive"
    spec = json.loads(form_spec_json(SETTINGS))
    assert spec["newIssueUrl"] == "https://github.com/example-council/local-offer/issues/new"
    assert spec["issueFields"]["contacts-role"] == ["contacts", "role"]
    assert [node["key"] for node in spec["fields"]][:3] == ["id", "name", "summary"]


def _messages(node: Any) -> list[str]:
    found = [check["message"] for check in node.get("checks", [])]
    found += [rule["message"] for rule in node.get("rules", [])]
    found += [node["requiredMessage"]] if "requiredMessage" in node else []
    for child in node.get("children", []):
        found += _messages(child)
    return found


def test_every_message_is_plain_english_with_known_blanks() -> None:
    spec = form_spec()
    texts = [m for node in spec["fields"] for m in _messages(node)]
    texts += list(spec["messages"].values())
    for text in texts:
        assert set(re.findall(r"\{(\w+)\}", text)) <= _PLACEHOLDERS, text
        assert "is not valid under" not in text and "'" + "minLength" not in text


def _check(dotted: str, kind: str) -> dict[str, Any]:
    spec = form_spec()
    nodes, node = spec["fields"], None
    for key in dotted.split("."):
        node = next(n for n in nodes if n["key"] == key)
        nodes = node.get("children", [])
    assert node is not None
    return next(c for c in node["checks"] if c["check"] == kind)


def _validate(changes: str) -> list[str]:
    data = yaml.safe_load(MINIMAL_ENTRY) | yaml.safe_load(changes)
    text = yaml.safe_dump(data).encode()
    document, read = parse_yaml(text, "x.yaml")
    assert document is not None, read
    return [p.message for p in check_document(document, "x.yaml", read, TODAY)]


def test_the_form_says_what_validate_says() -> None:
    too_old = _check("age_range.max", "maximum")["message"].replace("{value}", "30")
    assert any(too_old.startswith(m) for m in _validate("age_range: {min: 0, max: 30}"))
    phone = _check("contacts.phone", "pattern")
    assert re.fullmatch(phone["pattern"], "01632 960123")
    assert not re.fullmatch(phone["pattern"], "0121")
    bad = phone["message"].replace("{value}", '"0121"')
    contacts = "contacts: [{role: Team, phone: '0121'}]"
    assert any(bad.startswith(m) for m in _validate(contacts))


def test_without_javascript_the_page_offers_email_the_guide_and_github() -> None:
    page = service_form_page(SETTINGS)
    nojs = page[page.index('<div class="lo-nojs" markdown>') : page.index("</div>")]
    assert "(mailto:localoffer@dudley.example)" in nojs
    assert "[How to describe your service](index.md)" in nojs
    assert "issues/new?template=add-or-update-a-service.yml" in nojs
    email_only = service_form_page(FormSettings("team@council.example"))
    assert "GitHub" not in email_only.split("<div id=")[0]
    assert 'id="lo-github"' not in email_only


def test_settings_come_from_mkdocs_extra() -> None:
    extra = {"report_problem_email": "a@x.example", "github_repository": "o/r"}
    assert form_settings(extra, "z@x.example") == FormSettings("a@x.example", "o/r")
    assert form_settings({"submit_email": "s@x.example"}, "z@x.example").email == "s@x.example"
    assert form_settings({}, "z@x.example") == FormSettings("z@x.example", "")


def test_each_published_service_has_its_entry_as_json() -> None:
    catalog = load_catalog(FIXTURE_PROVIDERS, dt.date(2026, 11, 25))
    files = entry_files(catalog)
    assert len(files) == len(catalog.providers)
    castle = json.loads(files["services/castle-hill-speech-drop-in/entry.json"])
    assert castle["name"] == "Castle Hill Speech Drop-in"
    assert castle["schedules"][0]["opens"] == "09:30", "times stay text"
