"""Importing feeds shaped like real Outpost and ORUK 3.0 directories leaves only what the feed
really lacks: venues once, private homes private, survey answers in their fields, a summary
that is a sentence, and a report an editor can plan from.

The fixtures (tests/examples/oruk/outpost-paged and v3-paged) are paged responses with nested
service_at_locations, masked addresses, survey answers and HTML descriptions; every name,
phone and address in them is made up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from build_tools.cli.main import main
from build_tools.importer.feeds.survey import match_question
from build_tools.importer.feeds.values import first_real_sentence
from build_tools.importer.run import ImportReport, import_feed
from build_tools.importer.summary import FILL_IN, GUESSED, MAPPED, report_data, report_markdown
from build_tools.importer.terms import load_term_map
from tests.support import REPO_ROOT, TODAY

FIXTURES = REPO_ROOT / "tests" / "examples" / "oruk"


@pytest.fixture(scope="module")
def outpost(tmp_path_factory: pytest.TempPathFactory) -> ImportReport:
    return import_feed(FIXTURES / "outpost-paged", tmp_path_factory.mktemp("outpost"), TODAY)


@pytest.fixture(scope="module")
def oruk3(tmp_path_factory: pytest.TempPathFactory) -> ImportReport:
    return import_feed(FIXTURES / "v3-paged", tmp_path_factory.mktemp("v3"), TODAY)


def _entry(report: ImportReport, name: str) -> dict[str, Any]:
    result = next(s for s in report.services if s.name == name)
    assert result.path is not None
    data: dict[str, Any] = yaml.safe_load(result.path.read_text(encoding="utf-8"))
    return data


def test_every_page_is_read(outpost: ImportReport, oruk3: ImportReport) -> None:
    assert len(outpost.services) == 4
    assert len(oruk3.services) == 3


def test_each_venue_comes_in_once(outpost: ImportReport, oruk3: ImportReport) -> None:
    for report in (outpost, oruk3):
        for result in report.services:
            venues = _entry(report, result.name).get("locations", [])
            keys = [(v["name"], v.get("address"), v["town"]) for v in venues]
            assert len(keys) == len(set(keys)), result.name
    # Listed under locations and again, without its id, under service_at_locations.
    assert len(_entry(outpost, "Swim Together Sessions")["locations"]) == 1
    assert len(_entry(oruk3, "Lye Talk Time")["locations"]) == 1


def test_a_masked_address_is_a_private_home(outpost: ImportReport, oruk3: ImportReport) -> None:
    home = _entry(outpost, "Hollytree Childminding")["locations"]
    assert home == [
        {"name": "Childminder's home", "town": "Wordsley", "postcode": "DY8", "private": True}
    ]
    pensnett = _entry(oruk3, "Pensnett Home Childcare")["locations"][0]
    assert pensnett["private"] is True and pensnett["postcode"] == "DY5"
    assert "latitude" not in pensnett and "address" not in pensnett


def test_survey_answers_go_to_their_fields(outpost: ImportReport) -> None:
    data = _entry(outpost, "Hollytree Childminding")
    assert data["how_to_access"]["steps"][0] == "Call or email me to arrange a visit."
    answers = data["local_offer"]
    assert answers["outcomes"].startswith("Children grow in confidence")
    assert answers["future_plans"] == "I am training in Intensive Interaction next year."
    assert set(answers) >= {"staff_training", "accessibility", "progress", "wellbeing"}
    result = next(s for s in outpost.services if s.name == "Hollytree Childminding")
    assert not [k for k in result.kept if "survey_answers" in k.path]


def test_a_question_with_no_field_keeps_its_text(outpost: ImportReport) -> None:
    result = next(s for s in outpost.services if s.name.startswith("Little Stars"))
    left = [k.value for k in result.kept if "survey_answers" in k.path]
    assert left == [
        {
            "question": "Anything else you would like families to know?",
            "answer": "<p>Free parking at the back.</p>",
        }
    ]


@pytest.mark.parametrize(
    ("question", "field", "sure"),
    [
        ("How can children and young people with SEND start to use your service?",
         "how_to_access", True),
        ("How do families begin to use your service?", "how_to_access", True),
        ("What outcomes do young people achieve?", "outcomes", True),
        ("What difference does your group make?", "outcomes", True),
        ("What are your plans for the future?", "future_plans", True),
        ("Are your staff trained to support children with SEND?", "staff_training", True),
        ("How do parents join?", "how_to_access", False),
    ],
)  # fmt: skip
def test_questions_are_matched_by_meaning(question: str, field: str, sure: bool) -> None:
    assert match_question(question) == (field, sure)


def test_no_match_for_a_question_about_something_else() -> None:
    assert match_question("Anything else you would like families to know?") is None


def test_unsure_match_is_flagged_for_checking(outpost: ImportReport) -> None:
    result = next(s for s in outpost.services if s.name.startswith("Halesowen"))
    assert any('"How do parents join?"' in note for note in result.derived)


def test_summary_is_a_sentence_never_a_heading(outpost: ImportReport, oruk3: ImportReport) -> None:
    assert _entry(outpost, "Hollytree Childminding")["summary"].startswith("Hollytree")
    assert _entry(outpost, "Little Stars SEND Stay and Play")["summary"].startswith("A relaxed")
    assert _entry(oruk3, "Lye Talk Time")["summary"].startswith("Friendly speech")
    assert first_real_sentence("## About us\n\n- a list\n\nWe run clubs. Come.") == "We run clubs."


def test_last_reviewed_is_proposed_to_check(outpost: ImportReport) -> None:
    result = next(s for s in outpost.services if s.name.startswith("Little Stars"))
    assert _entry(outpost, result.name)["last_reviewed"] == "2026-05-20"  # its last update
    assert any(
        n.startswith("last_reviewed: proposed from the feed's last update") for n in result.derived
    )
    assert result.fields["last_reviewed"] == GUESSED


def test_outpost_feed_leaves_only_what_it_lacks(outpost: ImportReport) -> None:
    # The Outpost-shaped feed has no eligibility text for any service: nothing else to fill.
    for result in outpost.services:
        assert result.fill_in == ["eligibility"], result.name
        assert not result.other_errors(), result.name


def test_taxonomy_terms_go_through_the_term_list(oruk3: ImportReport) -> None:
    talk = _entry(oruk3, "Lye Talk Time")
    assert "therapies" in talk["categories"] and "SLCN" in talk["needs"]
    assert _entry(oruk3, "Sedgley Accessible Minibus")["categories"] == ["travel"]
    assert report_data(oruk3.services)["unmapped_terms"] == {"Council funded": 1}
    assert "- Council funded (1)" in report_markdown(report_data(oruk3.services))


def test_an_edited_term_list_is_used(tmp_path: Path) -> None:
    terms = tmp_path / "terms.yaml"
    terms.write_text("Council funded: {}\nSpeech and language therapy: {categories: [health]}\n")
    report = import_feed(FIXTURES / "v3-paged", tmp_path / "out", TODAY, terms=load_term_map(terms))
    assert "health" in _entry(report, "Lye Talk Time")["categories"]
    assert "Council funded" not in report_data(report.services)["unmapped_terms"]


def test_a_term_list_with_an_unknown_code_is_refused(tmp_path: Path) -> None:
    terms = tmp_path / "terms.yaml"
    terms.write_text("Swimming: {categories: [swimming]}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="swimming"):
        load_term_map(terms)


def test_report_counts_per_field(outpost: ImportReport) -> None:
    data = report_data(outpost.services)
    assert data["fill_ins"] == 4
    assert data["fields"]["eligibility"] == {MAPPED: 0, GUESSED: 0, FILL_IN: 4}
    assert data["fields"]["name"] == {MAPPED: 4, GUESSED: 0, FILL_IN: 0}
    assert data["fields"]["summary"] == {MAPPED: 0, GUESSED: 4, FILL_IN: 0}
    assert data["fields"]["local_offer.outcomes"][MAPPED] == 2
    markdown = report_markdown(data)
    assert "| eligibility | 0 | 0 | 4 |" in markdown
    assert "4 services imported, with 4 fields to fill in (1.0 a service)." in markdown


def test_cli_writes_the_report_as_json_and_markdown(tmp_path: Path) -> None:
    report = tmp_path / "import-report.json"
    result = CliRunner().invoke(
        main,
        ["import-oruk", str(FIXTURES / "v3-paged"), "--out", str(tmp_path / "out"),
         "--report", str(report), "--today", TODAY.isoformat()],
    )  # fmt: skip
    assert result.exit_code == 1, result.output  # the minibus has no venue or delivery
    assert '"service_count": 3' in report.read_text(encoding="utf-8")
    assert "## Taxonomy terms with no meaning yet" in report.with_suffix(".md").read_text()
