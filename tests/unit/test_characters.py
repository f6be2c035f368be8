"""Characters that break the site's files are refused in every text field; characters that hide
what text says, and names copied with look-alike letters, are warned about (issue 15, finding 8).
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.entries.validate import validate_files
from build_tools.exports.publisher import Publisher
from build_tools.exports.write import export_files
from build_tools.model import provider_from_dict
from build_tools.problems import Severity
from build_tools.text.characters import hidden_character, skeleton
from tests.injection import TEXT_FIELDS, base_entry, entry_errors, with_value
from tests.support import MINIMAL_ENTRY, TODAY

REFUSED = {
    "U+FFFE": "\ufffe",
    "U+FFFF": "\uffff",
    "U+FDD0": "\ufdd0",
    "U+FDEF": "\ufdef",
    "U+1FFFE": "\U0001fffe",
    "U+10FFFF": "\U0010ffff",
    "U+0080": "\x80",
    "U+0085 (next line)": "\x85",
    "U+009B (control sequence)": "\x9b",
    "U+009F": "\x9f",
}
WARNED = ["\u202e", "\u202a", "\u2066", "\u2069", "\u200b", "\u200d", "\u2060", "\ufeff", "\u061c"]


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_non_characters_and_c1_controls_are_refused_in_every_text_field(name: str) -> None:
    character = REFUSED[name]
    for path in TEXT_FIELDS:
        entry = with_value(base_entry(TODAY), path, f"Text {character}with it {path[-1]}")
        assert {"LO017", "LO021"} & set(entry_errors(entry, TODAY)), (name, path)


def test_refused_characters_in_a_file_and_as_escapes(tmp_path: Path) -> None:
    raw = MINIMAL_ENTRY.replace("Lye Online Parent Chat", "Lye Online\u0085 Parent Chat")
    escaped = MINIMAL_ENTRY.replace("Lye Online Parent Chat", '"Lye Online Parent Chat\\uFFFF"')
    (tmp_path / "raw.yaml").write_text(raw, encoding="utf-8")
    (tmp_path / "escaped.yaml").write_text(escaped, encoding="utf-8")
    report = validate_files([tmp_path], today=TODAY)
    assert sorted(p.code for p in report.errors) == ["LO017", "LO021"]


@pytest.mark.parametrize("character", WARNED)
def test_hidden_characters_are_warned_about_but_build(character: str) -> None:
    assert hidden_character(f"call 01632{character} 960000") == f"U+{ord(character):04X}"
    for path in TEXT_FIELDS:
        text = f"A longer text with{character} it, long enough for every field."
        entry = with_value(base_entry(TODAY), path, text)
        assert entry_errors(entry, TODAY) == [], path


def test_ordinary_text_has_no_hidden_characters() -> None:
    assert hidden_character("Café — crèche, naïve: “quoted” 😀 ①") is None


LOOK_ALIKES = [
    "Lye Оnline Parent Chat",  # Cyrillic O
    "Lye Online Pаrent Chat",  # Cyrillic a
    "Lye Οnline Ρarent Chat",  # Greek O and P
    "Lye Online Parent Сhat",  # Cyrillic C
    "Lye Online Parent Chat\u200b",  # a zero-width space at the end
    "Ｌｙｅ Online Parent Chat",  # full-width letters
    "Lye  Online  Parent  Chаt",  # doubled spaces and a Cyrillic a
]


@pytest.mark.parametrize("name", LOOK_ALIKES)
def test_a_name_copied_with_look_alike_letters_is_warned(tmp_path: Path, name: str) -> None:
    assert skeleton(name) == skeleton("Lye Online Parent Chat")
    (tmp_path / "a-first.yaml").write_text(MINIMAL_ENTRY, encoding="utf-8")
    copy = MINIMAL_ENTRY.replace("Lye Online Parent Chat", json.dumps(name))
    (tmp_path / "b-copy.yaml").write_text(copy, encoding="utf-8")
    report = validate_files([tmp_path], today=TODAY)
    assert report.ok
    looks = [p for p in report.problems if p.code == "LO242"]
    assert len(looks) == 1 and looks[0].severity is Severity.WARNING
    assert looks[0].file.endswith("b-copy.yaml") and looks[0].field == "name"


def test_different_names_are_not_look_alikes() -> None:
    assert skeleton("Lye Online Parent Chat") != skeleton("Lye Online Parents Chat")
    assert skeleton("Παιδιά") != skeleton("Lye")  # Greek text of its own is fine


# Text an attacker would put into a name to break XML or JSON, that validation accepts.
accepted_text = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=40
).filter(lambda text: text.strip() != "")


@settings(max_examples=120, deadline=None)
@given(accepted_text)
def test_feed_and_json_parse_whatever_name_validation_accepts(text: str) -> None:
    entry = with_value(base_entry(TODAY), ("name",), text)
    entry = with_value(entry, ("description",), f"About {text}, a friendly group for parents.")
    entry = with_value(entry, ("summary",), f"A short summary of the service called {text}")
    entry = with_value(entry, ("organisation", "name"), f"{text} Trust")
    if entry_errors(entry, TODAY):
        return
    provider = provider_from_dict("x", entry)
    publisher = Publisher("https://local-offer.example/", "Local Offer")
    files = export_files([provider], publisher)
    assert any(path.endswith(".xml") for path in files)
    for path, data in files.items():
        if path.endswith(".xml"):
            ET.fromstring(data)
        elif path.endswith(".json"):
            json.loads(data)
