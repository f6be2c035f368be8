"""Joined phrases have a capital letter only where a sentence starts, in every generated
sentence of every sample service's pages."""

from __future__ import annotations

import itertools
import re

from build_tools.directory.service_page import render_service_page
from build_tools.directory.shortlist import service_record
from build_tools.easy_read.services import render_easy_read_service
from build_tools.entries.catalog import load_catalog
from build_tools.guidance.glossary import load_glossary
from build_tools.printable.directory import service_entry
from build_tools.schema import vocabulary
from build_tools.text.phrases import in_sentence, join_phrases
from tests.support import REPO_ROOT, TODAY

GLOSSARY, _ = load_glossary(REPO_ROOT / "content" / "glossary.yml", "glossary")
# Labels that generated sentences join: how to get a service, and how it is given.
JOINED = {**vocabulary("how_to_access", "routes"), **vocabulary("delivery")}
# The first word of each label, capitalised, unless it is an abbreviation that keeps capitals.
STARTS = {label.split()[0] for label in JOINED.values() if label.split()[0][1:].islower()}
MID_SENTENCE = re.compile(r"(?:[,;] (?:or |and )?|\b(?:or|and) )(" + "|".join(STARTS) + r")\b")


def test_a_phrase_inside_a_sentence_loses_its_capital_but_not_an_abbreviation() -> None:
    assert in_sentence("After an assessment") == "after an assessment"
    assert in_sentence("GP referral") == "GP referral"
    assert in_sentence("EHC plan") == "EHC plan"
    assert join_phrases(["You can contact them yourself", "After an assessment"], "or") == (
        "You can contact them yourself or after an assessment"
    )
    assert join_phrases(["In person at a venue", "Online", "By phone"]) == (
        "In person at a venue, online and by phone"
    )
    assert join_phrases(["A, b", "C", "D"], "or") == "A, b; c; or d"


def test_every_pair_of_labels_joins_without_a_capital_mid_sentence() -> None:
    for first, second in itertools.permutations(JOINED.values(), 2):
        joined = join_phrases([first, second], "or")
        assert not MID_SENTENCE.search(joined), joined


def test_no_generated_sentence_of_a_sample_service_has_a_capital_mid_sentence() -> None:
    providers = load_catalog(REPO_ROOT / "providers", TODAY).providers
    assert any(len(p.routes) > 1 for p in providers)
    for provider in providers:
        texts = [
            render_service_page(provider, TODAY),
            render_easy_read_service(provider, GLOSSARY, TODAY),
            service_entry(provider, "https://localoffer.example/", 3),
            str(service_record(provider)),
        ]
        for text in texts:
            found = MID_SENTENCE.search(text)
            assert found is None, (
                f"{provider.slug}: ...{text[found.start() - 60 : found.end() + 20]}"
            )
