"""The issue parser reads answers from issue bodies exactly as GitHub writes them."""

from __future__ import annotations

from build_tools.submit.formspec import form_fields, walk
from build_tools.submit.issue_body import convert, read_answers, sections, ticked, unfence
from tests.issue_bodies import github_issue_body
from tests.support import REPO_ROOT

NEW_SERVICE = REPO_ROOT / "tests" / "examples" / "issues" / "new-service.md"


def field(dotted: str):  # type: ignore[no-untyped-def]
    return next(f for f in walk(form_fields()) if f.dotted == dotted)


def test_a_full_submission_is_read() -> None:
    answers = read_answers(NEW_SERVICE.read_text(encoding="utf-8"))
    assert answers["name"] == "Pensnett Sensory Stay and Play"
    assert answers["categories"] == ["early-years", "leisure"]
    assert answers["needs"] == ["all"]
    assert answers["age_range-min"] == 0 and answers["age_range-max"] == 5
    assert answers["eligibility-ehc_plan_needed"] is False
    assert answers["cost-free"] is True
    assert answers["how_to_access-steps"] == [
        "Ring to book your first visit.",
        "Come along on a Wednesday morning.",
    ]
    assert answers["locations-accessibility"] == [
        "step-free-access",
        "accessible-toilet",
        "quiet-space",
    ]
    assert answers["schedules-days"] == ["wednesday"]
    assert answers["service_areas"] == ["brierley-hill", "pensnett"], "in the schema's order"


def test_empty_answers_are_left_out() -> None:
    answers = read_answers(NEW_SERVICE.read_text(encoding="utf-8"))
    for empty in ("status", "show_from", "contacts-text", "local_offer-teaching", "update-of"):
        assert empty not in answers
    assert "service-file" not in answers


def test_a_multi_line_answer_keeps_its_lines() -> None:
    answers = read_answers(NEW_SERVICE.read_text(encoding="utf-8"))
    description = answers["description"]
    assert description.startswith("A calm, friendly session in our sensory room.\n\n- Soft play")
    assert "**What to bring**\n\nA drink for your child." in description
    assert answers["anything-else"].endswith("first Saturday, 10:00 to 12:00.")


def test_windows_line_endings_read_the_same() -> None:
    text = NEW_SERVICE.read_text(encoding="utf-8")
    assert read_answers(text.replace("\n", "\r\n")) == read_answers(text)


def test_checkboxes_take_either_case_of_x() -> None:
    assert ticked("- [x] Autism\n- [ ] Vision\n- [X] Hearing\n* [x] Other needs") == [
        "Autism",
        "Hearing",
        "Other needs",
    ]
    assert ticked("- [ ] Autism") == []


def test_only_the_forms_headings_start_an_answer() -> None:
    text = "### Summary\n\nOne\n### Not a question\ntwo\n\n### Description\n\nThree"
    assert sections(text, ["Summary", "Description"]) == {
        "Summary": "One\n### Not a question\ntwo",
        "Description": "Three",
    }


def test_a_fenced_service_file_is_unwrapped() -> None:
    assert unfence("```yaml\nname: A\nsummary: B\n```") == "name: A\nsummary: B"
    assert unfence("~~~\nname: A\n~~~") == "name: A"
    assert unfence("name: A") == "name: A"


def test_numbers_are_numbers_and_anything_else_is_left_for_validation() -> None:
    assert convert(field("age_range.min"), "7") == 7
    assert convert(field("age_range.min"), "seven") == "seven"
    assert convert(field("cost.options.amount"), "£4.50") == 4.5
    assert convert(field("cost.options.amount"), "1,200") == 1200
    assert convert(field("locations.longitude"), "-2.08") == -2.08


def test_dropdowns_map_labels_to_values() -> None:
    assert convert(field("status"), "Temporarily closed") == "temporarily-closed"
    assert convert(field("cost.options.per"), "per session") == "session"
    assert convert(field("status"), "None") is None
    assert convert(field("status"), "_No response_") is None
    assert convert(field("eligibility.ehc_plan_needed"), "Yes") is True


def test_needs_that_share_a_label_are_told_apart() -> None:
    semh = field("needs")
    labels = dict(semh.options)
    body = f"- [X] {labels['SEMH']}\n- [ ] {labels['social-emotional-and-mental-health']}"
    assert convert(semh, body) == ["SEMH"]


def test_a_body_from_the_website_form() -> None:
    body = github_issue_body(
        {"service-file": "name: Lye Stay and Play\nneeds: [all]\n", "name": "Lye Stay and Play"}
    )
    answers = read_answers(body)
    assert answers["service-file"] == "name: Lye Stay and Play\nneeds: [all]"
    assert answers["name"] == "Lye Stay and Play"


def test_an_edited_body_with_missing_sections_still_reads() -> None:
    body = "### Service name\n\nLye Stay and Play\n\n### Summary\n\n"
    assert read_answers(body) == {"name": "Lye Stay and Play"}
