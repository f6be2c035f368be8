"""Validating sets of files: problems across files, limits per file, and the Validation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from build_tools.entries import validate
from build_tools.entries.validate import MAX_PROBLEMS_PER_FILE, validate_files
from build_tools.problems import Severity
from tests.support import EXAMPLES, MINIMAL_ENTRY, TODAY


def write(folder: Path, name: str, text: str = MINIMAL_ENTRY) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def renamed(new_name: str) -> str:
    return MINIMAL_ENTRY.replace("Lye Online Parent Chat", new_name)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_same_file_name_in_two_folders(tmp_path: Path) -> None:
    write(tmp_path / "one", "lye-chat.yaml")
    write(tmp_path / "two", "lye-chat.yaml", renamed("Another Lye Chat"))
    report = validate_files([Path("one"), Path("two")], today=TODAY)
    assert [(p.file, p.code) for p in report.problems] == [("two/lye-chat.yaml", "LO201")]
    assert "one/lye-chat.yaml" in report.problems[0].message
    assert not report.ok


def test_same_name_with_yaml_and_yml_in_one_folder(tmp_path: Path) -> None:
    write(tmp_path, "lye-chat.yaml")
    write(tmp_path, "lye-chat.yml", renamed("Another Lye Chat"))
    report = validate_files([Path(".")], today=TODAY)
    assert sorted((p.file, p.code) for p in report.problems) == [
        ("lye-chat.yml", "LO201"),
        ("lye-chat.yml", "LO218"),
    ]


def test_same_id_in_two_files(tmp_path: Path) -> None:
    uuid = "id: 0b7a4c1e-2d3f-4a5b-8c6d-7e8f9a0b1c2d\n"
    write(tmp_path, "first.yaml", uuid + MINIMAL_ENTRY)
    write(tmp_path, "second.yaml", uuid + renamed("Another Lye Chat"))
    report = validate_files([Path(".")], today=TODAY)
    assert [(p.file, p.line, p.code, p.field) for p in report.problems] == [
        ("second.yaml", 1, "LO216", "id")
    ]
    assert "first.yaml" in report.problems[0].message


def test_same_name_in_two_files(tmp_path: Path) -> None:
    write(tmp_path, "first.yaml")
    write(tmp_path, "second.yaml", renamed("LYE online parent chat "))
    report = validate_files([Path(".")], today=TODAY)
    assert [(p.file, p.code, p.severity) for p in report.problems] == [
        ("second.yaml", "LO217", Severity.WARNING)
    ]
    assert report.ok  # only a warning


def test_every_file_is_checked_and_reported_at_once(tmp_path: Path) -> None:
    write(tmp_path, "good.yaml")
    write(tmp_path, "bad-yaml.yaml", "name: [\n")
    write(tmp_path, "bad-field.yaml", renamed("Another Lye Chat").replace("max: 25", "max: 30"))
    report = validate_files([Path(".")], today=TODAY)
    assert [(p.file, p.code) for p in report.problems] == [
        ("bad-field.yaml", "LO113"),
        ("bad-yaml.yaml", "LO002"),
    ]
    assert [f.shown for f in report.valid_files()] == ["good.yaml"]
    assert len(report.files) == 3
    assert len(report.errors) == 2
    assert report.warnings == []


def test_problems_are_sorted_by_file_then_line(tmp_path: Path) -> None:
    text = MINIMAL_ENTRY.replace("max: 25", "max: 30").replace("needs: [all]", "needs: [x]")
    write(tmp_path, "b.yaml", text)
    write(tmp_path, "a.yaml", renamed("Another Lye Chat").replace("free: true", "free: 3"))
    report = validate_files([Path(".")], today=TODAY)
    keys = [(p.file, p.line, p.column) for p in report.problems]
    assert keys == sorted(keys)
    assert [p.file for p in report.problems] == ["a.yaml", "b.yaml", "b.yaml"]


def test_a_value_refused_when_reading_is_not_reported_again(tmp_path: Path) -> None:
    write(tmp_path, "x.yaml", MINIMAL_ENTRY.replace("free: true", "free: no"))
    report = validate_files([Path(".")], today=TODAY)
    assert [p.code for p in report.problems] == ["LO013"]


def test_problems_per_file_are_capped_with_a_notice(tmp_path: Path) -> None:
    extra = "".join(f"unknown_{index:02d}: x\n" for index in range(40))
    write(tmp_path, "noisy.yaml", MINIMAL_ENTRY + extra)
    write(tmp_path, "other.yaml", renamed("Another Lye Chat").replace("max: 25", "max: 30"))
    report = validate_files([Path(".")], today=TODAY)
    noisy = [p for p in report.problems if p.file == "noisy.yaml"]
    notices = [p for p in noisy if p.code == "LO020"]
    assert len(noisy) == MAX_PROBLEMS_PER_FILE + 1
    assert len(notices) == 1
    assert "20 more problems" in notices[0].message
    # the cap is per file: the other file's problem is still shown
    assert [p.code for p in report.problems if p.file == "other.yaml"] == ["LO113"]


def test_no_files(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    report = validate_files([Path("empty")], today=TODAY)
    assert report.files == []
    assert report.problems == []
    assert report.ok


def test_today_decides_the_date_rules(tmp_path: Path) -> None:
    write(tmp_path, "x.yaml")  # last_reviewed 2026-10-01
    assert validate_files([Path(".")], today=dt.date(2026, 10, 1)).problems == []
    assert [p.code for p in validate_files([Path(".")], today=dt.date(2026, 9, 30)).problems] == [
        "LO204"
    ]
    assert [p.code for p in validate_files([Path(".")], today=dt.date(2027, 10, 2)).problems] == [
        "LO205"
    ]


def test_many_files_are_checked_on_every_core_with_the_same_report(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folders = [EXAMPLES / "valid", EXAMPLES / "invalid"]
    one_by_one = validate_files(folders, today=TODAY)
    monkeypatch.setattr(validate, "PARALLEL_FROM", 1)
    monkeypatch.setattr(validate, "CHUNK_SIZE", 3)
    monkeypatch.setattr(validate, "machine_cores", lambda: 2)
    shared = validate_files(folders, today=TODAY)
    assert shared.problems == one_by_one.problems
    assert [f.shown for f in shared.files] == [f.shown for f in one_by_one.files]
    assert [f.document and f.document.data for f in shared.files] == [
        f.document and f.document.data for f in one_by_one.files
    ]


def test_positions_are_found_when_first_asked_for(tmp_path: Path) -> None:
    report = validate_files([write(tmp_path, "lye-online-parent-chat.yaml")], today=TODAY)
    document = report.files[0].document
    assert document is not None
    assert document.position_of(("contacts", 0, "email")) == (19, 12)
