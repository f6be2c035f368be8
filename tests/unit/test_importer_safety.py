"""`import-oruk` turns every input into files or a clear error with exit code 2, never leaves
part of its output behind, and never writes through a link (issue 15, findings 9 and 10)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from build_tools.files.output_folders import IMPORT, mark_output_folder
from build_tools.importer import run
from build_tools.importer.feeds.html_text import to_markdown
from build_tools.importer.run import ImportFailed, import_feed
from build_tools.importer.write import WriteRefused, write_all
from tests.support import TODAY

FIXTURES = Path(__file__).resolve().parents[1] / "examples" / "oruk"


def service(number: int, description: str = "A friendly group.") -> dict[str, Any]:
    return {
        "id": str(number),
        "name": f"Service {number}",
        "status": "active",
        "description": description,
        "organization": {"name": "Test Organisation"},
    }


def feed(tmp_path: Path, text: str, name: str = "feed.json") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def everything_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []


UNREADABLE = {
    "JSON nested 100,000 deep": "[" * 100_000 + "]" * 100_000,
    "objects nested 900 deep": '{"a":' * 900 + "1" + "}" * 900,
    "a service nested 65 deep": json.dumps([{**service(1), "x": json.loads("[" * 65 + "]" * 65)}]),
    "a number of 5,000 digits": '[{"name": "x", "status": "active", "id": ' + "1" * 5000 + "}]",
    "not JSON": "[{'name': 'x'}]",
    "a lone surrogate": '[{"name": "\\ud800", "status": "active"}]',
    # Variants tried after the fix: numbers JSON has not, or too large to be one. An age of
    # NaN raised ValueError in the middle of converting.
    "an age of NaN": json.dumps([{**service(1), "maximum_age": 5}]).replace("5", "NaN"),
    "an age of Infinity": json.dumps([{**service(1), "maximum_age": 5}]).replace("5", "Infinity"),
    "an age of 1e999": json.dumps([{**service(1), "maximum_age": 5}]).replace("5", "1e999"),
}


@pytest.mark.parametrize("case", sorted(UNREADABLE))
def test_an_unreadable_source_is_a_clear_error_and_writes_nothing(
    cli: Any, tmp_path: Path, case: str
) -> None:
    source = feed(tmp_path, UNREADABLE[case])
    out = tmp_path / "out"
    result = cli("import-oruk", source, "--out", out, "--report", tmp_path / "r.json")
    assert result.exit_code == 2, result.output
    assert "feed.json: " in result.output and "nothing was imported" in result.output
    assert not out.exists() and not (tmp_path / "r.json").exists()


def test_one_unreadable_file_in_a_folder_stops_the_whole_import(cli: Any, tmp_path: Path) -> None:
    source = tmp_path / "api"
    source.mkdir()
    feed(source, json.dumps([service(1)]), "good.json")
    feed(source, "[" * 5000 + "]" * 5000, "deep.json")
    result = cli("import-oruk", source, "--out", tmp_path / "out")
    assert result.exit_code == 2 and "deep.json: lists or objects nested" in result.output
    assert not (tmp_path / "out").exists()


DEEP_HTML = {
    "331 nested bold tags": "<b>" * 331 + "x" + "</b>" * 331,
    "5,000 nested divs": "<div>" * 5000 + "x",
    "nested lists": "<ul><li>" * 2000 + "x",
    "nested links": '<a href="https://a.example">' * 1000 + "x",
    "unclosed italics": "<i>x " * 3000,
}


@pytest.mark.parametrize("case", sorted(DEEP_HTML))
def test_deeply_nested_html_keeps_its_words_and_says_the_formatting_went(case: str) -> None:
    converted = to_markdown(DEEP_HTML[case])
    assert "x" in converted.text
    assert any("nested more than" in note for note in converted.dropped)


def test_the_issue_feed_with_331_nested_bold_tags_imports_every_service(
    cli: Any, tmp_path: Path
) -> None:
    source = feed(tmp_path, json.dumps([service(1), service(2, DEEP_HTML["331 nested bold tags"])]))
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    result = cli("import-oruk", source, "--out", out, "--report", report)
    assert result.exit_code == 1  # written; both need fields filled in
    assert everything_under(out) == [IMPORT.marker, "service-1.yaml", "service-2.yaml"]
    problems = [p for s in json.loads(report.read_text("utf-8"))["services"] for p in s["problems"]]
    assert "LO240" not in {p["code"] for p in problems}, "the written text renders"
    assert "nested more than 50 tags deep" in (out / "service-2.yaml").read_text(encoding="utf-8")


def test_a_service_that_cannot_be_converted_leaves_no_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The last line of defence: should any conversion still run out of stack, no file of the
    # import is written, including the ones converted before it.
    real = run.convert

    def convert(found: Any, county: str, terms: Any = None) -> Any:
        if found.data["id"] == "3":
            raise RecursionError
        return real(found, county, terms)

    monkeypatch.setattr(run, "convert", convert)
    source = feed(tmp_path, json.dumps([service(1), service(2), service(3)]))
    with pytest.raises(ImportFailed, match=r"feed.json#\[2\]: nested too deeply"):
        import_feed(source, tmp_path / "out", TODAY)
    assert not (tmp_path / "out").exists()


def test_a_write_that_fails_half_way_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "kept.yaml").write_text("mine", encoding="utf-8")
    files = {out / "a.yaml": "a", out / "new" / "b.yaml": "b", out / "c.yaml": "c"}
    calls = {"n": 0}

    def failing_replace(source: Any, target: Any) -> None:
        calls["n"] += 1
        raise OSError("disk full")

    monkeypatch.setattr("build_tools.importer.write.os.replace", failing_replace)
    with pytest.raises(OSError):
        write_all(out, files)
    assert everything_under(out) == ["kept.yaml"]
    assert calls["n"] == 1


def _outside(tmp_path: Path) -> Path:
    target = tmp_path / "precious.txt"
    target.write_text("do not touch", encoding="utf-8")
    return target


@pytest.mark.parametrize("force", [False, True])
def test_out_as_a_link_is_refused(cli: Any, tmp_path: Path, force: bool) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "out").symlink_to(elsewhere, target_is_directory=True)
    source = feed(tmp_path, json.dumps([service(1)]))
    result = cli("import-oruk", source, "--out", tmp_path / "out", *(["--force"] if force else []))
    assert result.exit_code == 2 and "is a symbolic link" in result.output
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("dangling", [False, True])
def test_a_link_as_an_output_file_is_never_written_through(
    cli: Any, tmp_path: Path, force: bool, dangling: bool
) -> None:
    precious = _outside(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    mark_output_folder(out, IMPORT)  # a folder an earlier import made
    link_target = tmp_path / "not-yet" if dangling else precious
    (out / "service-1.yaml").symlink_to(link_target)
    source = feed(tmp_path, json.dumps([service(1), service(2)]))
    result = cli("import-oruk", source, "--out", out, *(["--force"] if force else []))
    assert precious.read_text(encoding="utf-8") == "do not touch"
    assert not (tmp_path / "not-yet").exists()
    if force or dangling:
        assert result.exit_code == 2 and "symbolic link" in result.output
        assert not (out / "service-2.yaml").exists(), "nothing written"
    else:  # an existing file is left alone without --force, as before
        assert "already exists" in result.output


def test_a_link_as_the_duplicates_folder_is_refused(cli: Any, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    mark_output_folder(out, IMPORT)
    (out / "duplicates").symlink_to(elsewhere, target_is_directory=True)
    twin = {**service(2), "name": "Service 1"}
    source = feed(tmp_path, json.dumps([service(1), twin]))
    result = cli("import-oruk", source, "--out", out, "--force")
    assert result.exit_code == 2 and "symbolic link" in result.output
    assert list(elsewhere.iterdir()) == [] and not (out / "service-1.yaml").exists()


def test_a_link_as_the_report_is_refused(cli: Any, tmp_path: Path) -> None:
    precious = _outside(tmp_path)
    (tmp_path / "report.json").symlink_to(precious)
    source = feed(tmp_path, json.dumps([service(1)]))
    result = cli(
        "import-oruk", source, "--out", tmp_path / "out", "--report", tmp_path / "report.json"
    )
    assert result.exit_code == 2 and "symbolic link" in result.output
    assert precious.read_text(encoding="utf-8") == "do not touch"


def test_a_link_planted_after_the_check_is_replaced_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    precious = _outside(tmp_path)
    out = tmp_path / "out"
    checks = {"n": 0}

    def plant_after_first_check(folder: Path, targets: list[Path]) -> None:
        checks["n"] += 1
        if checks["n"] == 2:
            (out / "a.yaml").symlink_to(precious)

    monkeypatch.setattr("build_tools.importer.write.refuse_links", plant_after_first_check)
    write_all(out, {out / "a.yaml": "new"})
    assert precious.read_text(encoding="utf-8") == "do not touch"
    assert not (out / "a.yaml").is_symlink() and (out / "a.yaml").read_text() == "new"


def test_a_file_where_a_folder_should_be_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("a file", encoding="utf-8")
    with pytest.raises(WriteRefused, match="is a file, not a folder"):
        write_all(tmp_path / "out", {tmp_path / "out" / "a.yaml": "a"})


def test_written_files_have_the_usual_permissions(tmp_path: Path) -> None:
    write_all(tmp_path / "out", {tmp_path / "out" / "a.yaml": "a"})
    (tmp_path / "usual.yaml").write_text("a", encoding="utf-8")
    usual = (tmp_path / "usual.yaml").stat().st_mode
    assert (tmp_path / "out" / "a.yaml").stat().st_mode == usual
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["a.yaml"], "no temporary files"
