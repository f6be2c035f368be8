"""Work shared out to forked child processes (build_tools/files/forked.py): every item is done
once, in a child; a failing child is counted, and the children print nothing."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from build_tools.files.forked import CORES_VARIABLE, in_forked_children, usable_cores


def test_every_item_is_done_once_in_a_child_process(tmp_path: Path) -> None:
    def work(item: int) -> None:
        (tmp_path / f"{item}.txt").write_text(str(os.getpid()))

    assert in_forked_children(list(range(10)), work, 3) == 0
    done = {int(path.stem): int(path.read_text()) for path in tmp_path.glob("*.txt")}
    assert sorted(done) == list(range(10))
    assert os.getpid() not in done.values()
    assert len(set(done.values())) == 3


def test_a_failing_child_is_counted_and_the_others_finish(tmp_path: Path) -> None:
    def work(item: int) -> None:
        if item == 1:
            raise ValueError("this share fails")
        (tmp_path / f"{item}.txt").write_text("done")

    assert in_forked_children([0, 1, 2, 3], work, 2) == 1
    assert (tmp_path / "0.txt").exists() and (tmp_path / "2.txt").exists()


def test_children_print_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    def work(item: int) -> None:
        logging.getLogger("mkdocs").warning("a warning the parent would give again")

    assert in_forked_children([1, 2], work, 2) == 0
    assert capfd.readouterr().err == ""


def test_fewer_items_than_children_forks_only_what_is_needed(tmp_path: Path) -> None:
    assert in_forked_children([], lambda item: None, 4) == 0
    assert in_forked_children(["one"], lambda item: (tmp_path / item).touch(), 4) == 0
    assert (tmp_path / "one").exists()


def test_the_cores_a_build_uses_can_be_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CORES_VARIABLE, raising=False)
    every_core = usable_cores()
    assert every_core >= 1
    monkeypatch.setenv(CORES_VARIABLE, "1")
    assert usable_cores() == 1
    monkeypatch.setenv(CORES_VARIABLE, "0")
    assert usable_cores() == 1
    monkeypatch.setenv(CORES_VARIABLE, "lots")
    assert usable_cores() == every_core
