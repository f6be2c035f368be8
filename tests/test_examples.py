"""The example provider files: valid ones pass, invalid ones give exactly their golden report.

Each invalid example tests/examples/providers/invalid/<case>.yaml has a sibling
<case>.expected.txt with the exact text report. Run `pytest --update-golden` (or `make golden`)
to rewrite the goldens after a deliberate change, then read the diff.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from build_tools.entries.problem_output import render_text
from build_tools.entries.validate import validate_files
from build_tools.problems import CATALOGUE, Severity
from tests.support import (
    GOLDEN_SUFFIX,
    INVALID_DIR,
    REPO_ROOT,
    TODAY,
    VALID_DIR,
    case_name,
    golden_for,
    provider_cases,
)

CATALOGUE_BY_CODE = {code.code: code for code in CATALOGUE}
VALID_CASES = provider_cases(VALID_DIR)
INVALID_CASES = provider_cases(INVALID_DIR)

# What each invalid example is for: the codes its report must contain. A new example must be
# added here too, so that --update-golden cannot quietly accept a report that misses the point.
INTENDED: dict[str, set[str]] = {
    "Bad Name": {"LO202"},
    "age-over-25": {"LO113"},
    "ages-reversed": {"LO203"},
    "all-needs-mixed": {"LO215"},
    "anchor-and-alias": {"LO009"},
    "bad-email": {"LO109"},
    "bad-id": {"LO108"},
    "bad-phone": {"LO110"},
    "bad-postcode": {"LO111"},
    "bad-time": {"LO115"},
    "billion-laughs": {"LO009"},
    "byte-order-mark": {"LO004"},
    "complex-key": {"LO018"},
    "contact-role-only": {"LO117"},
    "control-character": {"LO017"},
    "coordinates-swapped": {"LO113"},
    "custom-tag": {"LO010"},
    "data-url": {"LO112"},
    "duplicate-keys": {"LO008"},
    "easy-read-line-too-long": {"LO121"},
    "empty-file": {"LO005"},
    "enum-typo-categories": {"LO104"},
    "enum-typo-needs": {"LO104"},
    "html-in-description": {"LO208"},
    "http-url": {"LO206"},
    "impossible-date": {"LO107"},
    "home-not-private": {"LO230"},
    "in-person-without-venue": {"LO211"},
    "javascript-url": {"LO112"},
    "many-problems": {"LO020", "LO102"},
    "markdown-heading": {"LO209"},
    "markdown-image": {"LO209"},
    "missing-required-fields": {"LO101"},
    "nested-too-deep": {"LO016"},
    "no-venue-no-delivery": {"LO210"},
    "not-utf8-latin1": {"LO001"},
    "paid-without-cost": {"LO116"},
    "personal-email": {"LO207"},
    "phone-leading-zero": {"LO014"},
    "python-tag": {"LO010"},
    "repeated-list-item": {"LO114"},
    "review-in-future": {"LO204"},
    "review-overdue": {"LO205"},
    "schedule-closes-before-opens": {"LO213"},
    "schedule-empty-entry": {"LO118"},
    "text-nested-too-deep": {"LO240"},
    "non-character": {"LO021"},
    "c1-control-character": {"LO017"},
    "hidden-character": {"LO241"},
    "several-documents": {"LO006"},
    "show-dates-reversed": {"LO212"},
    "summary-too-long": {"LO105"},
    "summary-two-sentences": {"LO214"},
    "syntax-bad-indentation": {"LO002"},
    "syntax-colon-in-value": {"LO002"},
    "syntax-list-misaligned": {"LO002"},
    "syntax-missing-colon": {"LO002"},
    "syntax-quote-inside-quotes": {"LO002"},
    "syntax-reserved-character": {"LO002"},
    "syntax-unclosed-bracket": {"LO002"},
    "syntax-unclosed-quote": {"LO002"},
    "syntax-unclosed-single-quote": {"LO002"},
    "tab-indentation": {"LO003"},
    "text-too-short": {"LO106"},
    "time-unquoted": {"LO015"},
    "too-many-contacts": {"LO119"},
    "too-many-prices": {"LO119"},
    "top-level-list": {"LO007"},
    "unknown-field-typo": {"LO101", "LO102"},
    "wrong-types": {"LO103"},
    "yes-no-unquoted": {"LO013"},
    "yml-extension": {"LO218"},
}

# Codes no single committed example can produce, each with the reason and the test that covers it.
NOT_FROM_ONE_EXAMPLE: dict[str, str] = {
    "LO011": "a file over 256 KB is not worth committing; "
    "tests/unit/test_load.py::test_file_over_the_limit_is_refused_without_being_parsed",
    "LO012": "git symlinks do not survive every checkout (Windows); "
    "tests/unit/test_load.py::test_symlink_is_refused_without_reading_its_target",
    "LO019": "a folder, pipe or device cannot be committed as a .yaml file; "
    "tests/unit/test_load.py::test_folder_or_pipe_named_yaml_is_refused",
    "LO120": "the fallback for schema keywords the provider schema does not use; "
    "tests/unit/test_schema_check.py::test_unknown_keyword_falls_back_to_schema_other",
    "LO201": "needs two files with the same name in different folders; "
    "tests/unit/test_validate.py::test_same_file_name_in_two_folders",
    "LO216": "needs two files; tests/unit/test_validate.py::test_same_id_in_two_files",
    "LO217": "needs two files; tests/unit/test_validate.py::test_same_name_in_two_files",
    "LO440": "a submission, not a provider file; tests/unit/test_submission_robustness.py::"
    "test_wrong_types_in_the_service_file_give_a_comment",
    "LO441": "a submission, not a provider file; tests/unit/test_submission_robustness.py::"
    "test_an_unforeseen_failure_still_gives_a_comment",
    "LO242": "needs two files; "
    "tests/unit/test_characters.py::test_a_name_copied_with_look_alike_letters_is_warned",
    # LO3xx are about content pages and content data files, not provider files.
    "LO301": "content; tests/unit/test_markers.py::test_unknown_marker_name_is_a_problem",
    "LO302": "content; tests/unit/test_markers.py::test_unknown_option_is_a_problem",
    "LO303": "content; tests/unit/test_markers.py::test_unknown_value_suggests_the_code",
    "LO304": "content; tests/unit/test_easy_read.py::test_long_sentence_reports_page_line_sentence",
    "LO305": "content; tests/unit/test_easy_read.py::test_row_without_picture",
    "LO306": "content; tests/unit/test_easy_read.py::test_picture_without_alt_text",
    "LO307": "content; tests/unit/test_easy_read.py::test_unknown_picture_suggests_a_name",
    "LO308": "content; tests/unit/test_easy_read.py::test_unexplained_abbreviation",
    "LO309": "content; tests/unit/test_content.py::test_easy_read_page_must_name_its_standard_page",
    "LO310": "content; tests/unit/test_easy_read.py::test_bold_word_needs_an_easy_read_meaning",
    "LO311": "content; tests/unit/test_feedback.py::test_name_or_contact_fields_are_refused",
    "LO312": "content; "
    "tests/unit/test_feedback.py::test_warns_when_newest_entry_is_over_a_year_old",
    "LO313": "content; tests/unit/test_easy_read.py::test_row_with_too_many_sentences",
    "LO330": "a service page against its easy-read page; "
    "tests/unit/test_notices.py::test_the_checker_fails_a_page_that_drops_a_notice",
    "LO331": "a generated easy-read page; "
    "tests/unit/test_notices.py::test_a_vague_first_sentence_is_a_warning",
    "LO332": "content; "
    "tests/unit/test_strategy.py::test_an_ended_period_called_current_is_a_warning",
    "LO333": "content and its git history; "
    "tests/unit/test_strategy.py::test_a_page_not_updated_for_a_year_is_a_warning",
    "LO401": "comes from an issue, not a file; "
    "tests/unit/test_submission.py::test_an_update_of_an_unknown_service_is_refused",
    "LO402": "comes from an issue, not a file; "
    "tests/unit/test_submission.py::test_a_new_service_may_not_take_a_listed_name",
    "LO320": "content; tests/unit/test_remote_pictures.py::"
    "test_a_remote_picture_in_content_stops_the_build_without_a_request",
    "LO403": "comes from an issue, not a file; "
    "tests/unit/test_issue_updates.py::test_an_update_names_only_this_sites_own_service_pages",
    "LO404": "comes from an issue, not a file; "
    "tests/unit/test_issue_updates.py::test_a_pasted_file_with_another_services_id_is_refused",
}

_CODE_IN_REPORT = re.compile(r"^\S.*?:\d+:\d+  (?:error|warning) (LO\d{3})\b", re.MULTILINE)


def _shown(case: Path) -> Path:
    return case.relative_to(REPO_ROOT)


@pytest.mark.parametrize("case", VALID_CASES, ids=case_name)
def test_valid_example_has_no_errors_and_no_warnings(case: Path, in_repo_root: Path) -> None:
    report = validate_files([_shown(case)], today=TODAY)
    assert report.problems == [], render_text(report)
    assert len(report.files) == 1
    assert report.files[0].document is not None


@pytest.mark.parametrize("case", INVALID_CASES, ids=case_name)
def test_invalid_example_report_matches_golden(
    case: Path, in_repo_root: Path, update_golden: bool
) -> None:
    report = validate_files([_shown(case)], today=TODAY)
    actual = render_text(report)
    codes = {problem.code for problem in report.problems}
    assert case_name(case) in INTENDED, f"Say what {case.name} is for in INTENDED."
    assert INTENDED[case_name(case)] <= codes, actual

    golden = golden_for(case)
    if update_golden:
        if not golden.exists() or golden.read_text(encoding="utf-8") != actual:
            golden.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert golden.exists(), f"{golden.name} is missing. Run: pytest --update-golden"
    expected = golden.read_text(encoding="utf-8")
    assert actual == expected, (
        f"The report for {case.name} changed. If that is deliberate, run "
        "pytest --update-golden and review the diff."
    )


def test_there_are_enough_examples() -> None:
    assert len(VALID_CASES) >= 6
    assert len(INVALID_CASES) >= 50


def test_every_intended_case_has_an_example() -> None:
    assert set(INTENDED) == {case_name(case) for case in INVALID_CASES}


def test_every_golden_belongs_to_an_example() -> None:
    goldens = {path.name for path in INVALID_DIR.glob("*" + GOLDEN_SUFFIX)}
    assert goldens == {golden_for(case).name for case in INVALID_CASES}


def test_valid_folder_holds_only_provider_files() -> None:
    assert {path.name for path in VALID_DIR.iterdir()} == {case.name for case in VALID_CASES}


def _golden_codes() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for case in INVALID_CASES:
        golden = golden_for(case)
        text = golden.read_text(encoding="utf-8") if golden.exists() else ""
        for code in _CODE_IN_REPORT.findall(text):
            found.setdefault(code, set()).add(case.name)
    return found


def test_every_problem_code_has_an_example_or_a_named_unit_test() -> None:
    catalogue = {code.code for code in CATALOGUE}
    in_goldens = set(_golden_codes())
    assert set(NOT_FROM_ONE_EXAMPLE) <= catalogue, "An exception names a code that is gone."
    assert not set(NOT_FROM_ONE_EXAMPLE) & in_goldens, (
        "These codes now have an example, so remove them from NOT_FROM_ONE_EXAMPLE: "
        f"{sorted(set(NOT_FROM_ONE_EXAMPLE) & in_goldens)}"
    )
    missing = catalogue - in_goldens - set(NOT_FROM_ONE_EXAMPLE)
    assert not missing, f"No invalid example produces {sorted(missing)}: add one."
    assert in_goldens <= catalogue


def test_goldens_only_show_codes_from_the_catalogue_with_their_severity() -> None:
    severity = {code.code: code.severity.value for code in CATALOGUE}
    pattern = re.compile(r"^\S.*:\d+:\d+  (error|warning) (LO\d{3})\b", re.MULTILINE)
    for case in INVALID_CASES:
        for level, code in pattern.findall(golden_for(case).read_text(encoding="utf-8")):
            assert severity[code] == level, (case.name, code)


def test_goldens_never_show_the_validators_own_wording() -> None:
    """Messages are written for council officers, never jsonschema's or PyYAML's raw text."""
    raw_phrases = [
        "is not valid under any of the given schemas",
        "is a required property",
        "does not match",
        "Additional properties are not allowed",
        "is not of type",
        "Traceback",
        "tag:yaml.org,2002:",
        "<unicode string>",
        "{",  # an unfilled template
    ]
    for case in INVALID_CASES:
        text = golden_for(case).read_text(encoding="utf-8")
        for phrase in raw_phrases:
            assert phrase not in text, (case.name, phrase)


def test_warning_only_examples_still_pass_validation(in_repo_root: Path) -> None:
    for case in INVALID_CASES:
        intended = {CATALOGUE_BY_CODE[code].severity for code in INTENDED[case_name(case)]}
        if intended != {Severity.WARNING}:
            continue
        report = validate_files([_shown(case)], today=TODAY)
        assert report.ok, render_text(report)
        assert report.warnings


# --- the examples must really contain what they claim (an editor could "fix" them) ------------


def test_not_utf8_example_really_is_not_utf8() -> None:
    raw = (INVALID_DIR / "not-utf8-latin1.yaml").read_bytes()
    assert b"\xe9" in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")


def test_byte_order_mark_example_starts_with_one() -> None:
    assert (INVALID_DIR / "byte-order-mark.yaml").read_bytes().startswith(b"\xef\xbb\xbf")


def test_tab_example_has_a_tab_at_the_start_of_a_line() -> None:
    text = (INVALID_DIR / "tab-indentation.yaml").read_text(encoding="utf-8")
    assert any(line.startswith("\t") for line in text.splitlines())


def test_control_character_example_has_one() -> None:
    assert "\x07" in (INVALID_DIR / "control-character.yaml").read_text(encoding="utf-8")


def test_empty_example_is_empty() -> None:
    assert (INVALID_DIR / "empty-file.yaml").read_bytes() == b""


def test_examples_survive_whitespace_fixers() -> None:
    """Pre-commit's trailing-whitespace and end-of-file fixers must not change any example."""
    for path in [*VALID_DIR.iterdir(), *INVALID_DIR.iterdir()]:
        raw = path.read_bytes()
        if not raw:
            continue
        assert raw.endswith(b"\n") and not raw.endswith(b"\n\n"), path.name
        for number, line in enumerate(raw.split(b"\n"), start=1):
            assert line == line.rstrip(b" \t\r"), f"{path.name}:{number} has trailing spaces"


# --- a few goldens spelled out, so the most important wording is pinned by name -------------


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("unknown-field-typo.yaml", "Did you mean 'name'?"),
        ("enum-typo-needs.yaml", "Did you mean ASD (Autism)?"),
        ("enum-typo-categories.yaml", "Did you mean therapies"),
        ("syntax-colon-in-value.yaml", "syntax-colon-in-value.yaml:3:"),
        ("tab-indentation.yaml", "Line 15 starts with a tab."),
        ("several-documents.yaml", "second document starting at line 23"),
        ("python-tag.yaml", "'!!python/object/apply:os.system'"),
        ("impossible-date.yaml", '"2026-02-30" is not a real date'),
        ("review-in-future.yaml", "which is after today (2026-11-25)"),
        ("javascript-url.yaml", "Links starting with javascript: are not allowed."),
        ("data-url.yaml", "Links starting with data: are not allowed."),
        ("yes-no-unquoted.yaml", '"no"'),
        ("time-unquoted.yaml", "the number 570"),
        ("Bad Name.yaml", "Rename the file to bad-name.yaml"),
        ("yml-extension.yml", "Rename it to yml-extension.yaml"),
        ("missing-required-fields.yaml", "Organisation name (name) is missing."),
        ("byte-order-mark.yaml", "The service file is valid. 1 warning in 1 of 1 service file."),
    ],
)
def test_golden_says(case: str, expected: str) -> None:
    assert expected in golden_for(INVALID_DIR / case).read_text(encoding="utf-8")


@pytest.mark.parametrize("code", sorted(NOT_FROM_ONE_EXAMPLE))
def test_each_exception_names_a_test_that_exists(code: str) -> None:
    where = NOT_FROM_ONE_EXAMPLE[code].rsplit("; ", 1)[-1]
    path, name = where.split("::")
    module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
    assert callable(getattr(module, name, None)), f"{code}: {where} does not exist"
