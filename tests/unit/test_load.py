"""Finding provider files and reading them: links, huge files and odd files are refused safely."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from build_tools.entries.load import (
    MAX_FILE_BYTES,
    find_provider_files,
    read_provider_file,
    show_path,
)
from tests.support import MINIMAL_ENTRY


def codes(path: Path) -> list[str]:
    return [problem.code for problem in read_provider_file(path).problems]


def test_an_ordinary_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "lye-online-parent-chat.yaml"
    path.write_text(MINIMAL_ENTRY, encoding="utf-8")
    loaded = read_provider_file(path)
    assert loaded.problems == []
    assert loaded.document is not None
    assert loaded.document.data["name"] == "Lye Online Parent Chat"
    assert loaded.slug == "lye-online-parent-chat"


def test_symlink_is_refused_without_reading_its_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "elsewhere.yaml"
    target.write_text(MINIMAL_ENTRY, encoding="utf-8")
    link = tmp_path / "linked.yaml"
    link.symlink_to(target)

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the link's target was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    monkeypatch.setattr(Path, "read_bytes", no_reading)
    loaded = read_provider_file(link, shown="providers/linked.yaml")
    assert loaded.document is None
    assert [p.code for p in loaded.problems] == ["LO012"]
    problem = loaded.problems[0]
    assert (problem.file, problem.line, problem.column) == ("providers/linked.yaml", 1, 1)
    assert str(target) in problem.message


def test_dangling_symlink_is_refused_as_a_link(tmp_path: Path) -> None:
    link = tmp_path / "dangling.yaml"
    link.symlink_to(tmp_path / "missing.yaml")
    assert codes(link) == ["LO012"]


def test_symlink_to_a_secret_outside_the_project_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "passwords.yaml"
    link.symlink_to("/etc/passwd")
    assert codes(link) == ["LO012"]


def test_file_over_the_limit_is_refused_without_being_parsed(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"[" * (MAX_FILE_BYTES + 1))  # would be a syntax error if it were parsed
    loaded = read_provider_file(path)
    assert loaded.document is None
    assert [p.code for p in loaded.problems] == ["LO011"]
    assert "257 KB" in loaded.problems[0].message
    assert "256 KB" in loaded.problems[0].message


def test_file_exactly_at_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    body = MINIMAL_ENTRY.encode()
    path.write_bytes(body + b"#" * (MAX_FILE_BYTES - len(body) - 1) + b"\n")
    assert path.stat().st_size == MAX_FILE_BYTES
    assert codes(path) == []


def test_folder_or_pipe_named_yaml_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a-folder.yaml").mkdir()
    assert codes(tmp_path / "a-folder.yaml") == ["LO019"]
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "a-pipe.yaml"
        os.mkfifo(fifo)  # reading a pipe nobody writes to would hang for ever
        assert codes(fifo) == ["LO019"]


def test_missing_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    loaded = read_provider_file(tmp_path / "gone.yaml")
    assert loaded.document is None
    assert len(loaded.problems) == 1
    assert "could not be opened" in loaded.problems[0].message


def test_folder_listing_skips_hidden_and_non_yaml_files(tmp_path: Path) -> None:
    for name in [
        "b-service.yaml",
        "a-service.yaml",
        "c-service.yml",
        ".hidden.yaml",
        ".#editor-lock.yaml",
        "notes.txt",
        "README.md",
        "backup.yaml~",
        "service.json",
    ]:
        (tmp_path / name).write_text(MINIMAL_ENTRY, encoding="utf-8")
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "inner.yaml").write_text(MINIMAL_ENTRY, encoding="utf-8")
    found = [path.name for path in find_provider_files([tmp_path])]
    assert found == ["a-service.yaml", "b-service.yaml", "c-service.yml"]


def test_files_named_directly_are_always_checked(tmp_path: Path) -> None:
    named = tmp_path / "notes.txt"
    named.write_text("x", encoding="utf-8")
    assert list(find_provider_files([named])) == [named]


def test_linked_folder_is_not_searched(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "service.yaml").write_text(MINIMAL_ENTRY, encoding="utf-8")
    link = tmp_path / "linked"
    link.symlink_to(real, target_is_directory=True)
    found = list(find_provider_files([link]))
    assert found == [link]
    assert codes(link) == ["LO012"]


def test_show_path(tmp_path: Path) -> None:
    assert show_path(Path("providers/x.yaml")) == "providers/x.yaml"
    assert show_path(tmp_path / "providers" / "x.yaml", base=tmp_path) == "providers/x.yaml"
    outside = Path("/somewhere/else/x.yaml")
    assert show_path(outside, base=tmp_path) == str(outside)
