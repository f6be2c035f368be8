"""No command deletes or overwrites what it did not make (issue 15, finding 1).

`localoffer build --site-dir DIR` used to delete DIR whatever it held. Now every command that
writes a folder of output replaces or fills only a folder it made itself (marked by a file it
writes), and refuses the project's own folders, their parents and the user's home with exit 2.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from build_tools import site
from build_tools.bench import run as bench
from build_tools.cli.submit import MADE_BY
from build_tools.files.output_folders import (
    IMPORT,
    SITE,
    OutputRefused,
    check_output_folder,
    mark_output_folder,
)
from tests.conftest import Cli
from tests.support import FIXTURE_PROVIDERS, REPO_ROOT

FEED = REPO_ROOT / "tests" / "examples" / "oruk" / "v3"


@pytest.fixture(autouse=True)
def no_real_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in for MkDocs that writes one page: these tests are about the folders."""

    def build(config: Any) -> None:
        (Path(config.site_dir) / "index.html").write_text("built", encoding="utf-8")

    monkeypatch.setattr(site, "build", build)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (links not followed) with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def build(cli: Cli, site_dir: Path | str) -> Any:
    return cli("build", "--providers", FIXTURE_PROVIDERS, "--site-dir", site_dir, "--no-pdf")


def test_a_folder_with_a_document_is_refused_and_kept(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "my-work"
    folder.mkdir()
    (folder / "letter.docx").write_bytes(b"my only copy")
    result = build(cli, folder)
    assert result.exit_code == 2
    assert "did not make" in result.output and "Choose a new or empty folder" in result.output
    assert snapshot(folder) == {"letter.docx": b"my only copy"}


def test_a_home_folder_is_refused(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home" / "sam"
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "id_ed25519").write_text("secret key", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    for target in (home, home.parent, tmp_path):
        result = build(cli, target)
        assert result.exit_code == 2, target
        assert "your home folder" in result.output
    assert snapshot(home) == {".ssh/id_ed25519": b"secret key"}


def test_even_a_marked_home_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A marker can be copied anywhere; the protected folders stay protected."""
    monkeypatch.setenv("HOME", str(tmp_path))
    mark_output_folder(tmp_path, SITE)
    with pytest.raises(OutputRefused):
        check_output_folder(tmp_path, SITE)


@pytest.mark.parametrize(
    "name", ["providers", ".git", "build_tools", "content", "schema", "tests", "."]
)
def test_the_projects_own_folders_are_refused(cli: Cli, name: str) -> None:
    folder = (REPO_ROOT / name).resolve()
    before = sorted(p.name for p in folder.iterdir())
    result = build(cli, folder)
    assert result.exit_code == 2, result.output
    assert sorted(p.name for p in folder.iterdir()) == before


@pytest.mark.parametrize(
    ("where", "given"),
    [
        (".", ".."),
        (".", "providers/"),
        (".", "./providers//"),
        (".", "build_tools/../providers"),
        ("providers", "."),
        ("providers", ".."),
        ("content/guidance", "../.."),
    ],
)
def test_relative_names_of_the_projects_folders_are_refused(
    where: str, given: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Variants tried after the fix: the same folders by relative names, from inside them."""
    monkeypatch.chdir(REPO_ROOT / where)
    with pytest.raises(OutputRefused):
        check_output_folder(Path(given), SITE)


def test_a_marker_copied_into_a_users_folder_does_not_make_it_replaceable(
    cli: Cli, tmp_path: Path
) -> None:
    """A site copied into a folder of the user's (a backup, the offline copy unzipped) carries
    its marker along; the marker names the folder it was made for, so the copy is left alone."""
    made = tmp_path / "site"
    assert build(cli, made).exit_code == 0
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "letter.docx").write_bytes(b"my only copy")
    (documents / SITE.marker).write_bytes((made / SITE.marker).read_bytes())
    result = build(cli, documents)
    assert result.exit_code == 2
    assert "made for another folder" in result.output
    assert (documents / "letter.docx").read_bytes() == b"my only copy"
    assert build(cli, made).exit_code == 0  # the folder it was made for is still replaced


def test_parents_of_the_project_and_the_root_are_refused() -> None:
    for folder in (REPO_ROOT.parent, Path("/")):
        with pytest.raises(OutputRefused, match="or a folder that holds it"):
            check_output_folder(folder, SITE)


def test_folders_inside_the_projects_own_folders_are_refused(tmp_path: Path) -> None:
    for inside in (REPO_ROOT / "providers" / "site", REPO_ROOT / "content" / "public"):
        with pytest.raises(OutputRefused, match="holds the project's own files"):
            check_output_folder(inside, SITE)
    other_providers = tmp_path / "providers"
    other_providers.mkdir()
    with pytest.raises(OutputRefused):
        check_output_folder(other_providers / "out", SITE, keep=(other_providers,))


def test_a_link_is_refused_and_its_target_kept(cli: Cli, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "notes.txt").write_text("keep me", encoding="utf-8")
    mark_output_folder(elsewhere, SITE)  # even a folder that looks like a site
    link = tmp_path / "site"
    link.symlink_to(elsewhere, target_is_directory=True)
    result = build(cli, link)
    assert result.exit_code == 2
    assert "is a symbolic link" in result.output
    assert (elsewhere / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert link.is_symlink()


def test_a_file_is_refused(cli: Cli, tmp_path: Path) -> None:
    file = tmp_path / "site"
    file.write_text("not a folder", encoding="utf-8")
    assert build(cli, file).exit_code == 2
    assert file.read_text(encoding="utf-8") == "not a folder"


def test_a_new_or_empty_folder_is_built_and_marked_then_replaced(cli: Cli, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    for target in (tmp_path / "new" / "site", empty):
        first = build(cli, target)
        assert first.exit_code == 0, first.output
        assert (target / SITE.marker).is_file()
        (target / "stale.html").write_text("from an old build", encoding="utf-8")
        second = build(cli, target)
        assert second.exit_code == 0, second.output
        assert sorted(p.name for p in target.iterdir()) == [SITE.marker, "index.html"]


def test_build_site_itself_refuses_too(tmp_path: Path) -> None:
    """The check lives in build_site, so every caller (audit, tests, bench) has it."""
    (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
    with pytest.raises(OutputRefused):
        site.build_site(tmp_path, FIXTURE_PROVIDERS)
    assert snapshot(tmp_path) == {"keep.txt": b"x"}


def test_import_refuses_a_folder_it_did_not_make(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.yaml").write_text("name: mine\n", encoding="utf-8")
    for target in (out, REPO_ROOT / "providers", REPO_ROOT):
        result = cli("import-oruk", FEED, "--out", target, "--force")
        assert result.exit_code == 2, (target, result.output)
    assert snapshot(out) == {"mine.yaml": b"name: mine\n"}


def test_import_marks_its_folder_and_may_fill_it_again(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "imported"
    first = cli("import-oruk", FEED, "--out", out, "--today", "2026-11-25")
    assert first.exit_code in (0, 1), first.output
    assert (out / IMPORT.marker).is_file()
    again = cli("import-oruk", FEED, "--out", out, "--force", "--today", "2026-11-25")
    assert again.exit_code in (0, 1), again.output


def test_import_report_is_never_written_over_without_force(cli: Cli, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text("an older report", encoding="utf-8")
    result = cli("import-oruk", FEED, "--out", tmp_path / "out", "--report", report)
    assert result.exit_code == 2
    assert report.read_text(encoding="utf-8") == "an older report"
    assert not (tmp_path / "out").exists()


def test_from_issue_never_writes_its_outputs_into_the_project(cli: Cli, tmp_path: Path) -> None:
    body = tmp_path / "body.md"
    body.write_text("### Service name\n\nAnything\n", encoding="utf-8")
    readme = REPO_ROOT / "README.md"
    before = readme.read_bytes()
    for option, target in (
        ("--comment", REPO_ROOT / "README.md"),
        ("--pr-body", REPO_ROOT / "providers" / "x.yaml"),
        ("--outputs", REPO_ROOT / "schema" / "out.txt"),
    ):
        result = cli("from-issue", body, "--providers", FIXTURE_PROVIDERS, option, target)
        assert result.exit_code == 2, (option, result.output)
    assert readme.read_bytes() == before
    assert not (REPO_ROOT / "providers" / "x.yaml").exists()
    assert not (REPO_ROOT / "schema" / "out.txt").exists()


def test_from_issue_refuses_a_comment_file_that_is_a_link(cli: Cli, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched", encoding="utf-8")
    link = tmp_path / "comment.md"
    link.symlink_to(victim)
    body = tmp_path / "body.md"
    body.write_text("### Service name\n\nAnything\n", encoding="utf-8")
    result = cli("from-issue", body, "--providers", FIXTURE_PROVIDERS, "--comment", link)
    assert result.exit_code == 2
    assert victim.read_text(encoding="utf-8") == "untouched"


def test_from_issue_writes_over_only_the_files_it_wrote(cli: Cli, tmp_path: Path) -> None:
    """A comment or pull request body file that already holds someone's text is left alone;
    one that from-issue wrote before is written again."""
    body = tmp_path / "body.md"
    body.write_text("### Service name\n\nAnything\n", encoding="utf-8")
    notes = tmp_path / "notes.md"
    notes.write_text("my notes", encoding="utf-8")
    args = ("from-issue", body, "--providers", FIXTURE_PROVIDERS)
    result = cli(*args, "--comment", notes)
    assert result.exit_code == 2
    assert "did not write" in result.output
    assert notes.read_text(encoding="utf-8") == "my notes"
    comment = tmp_path / "comment.md"
    assert cli(*args, "--comment", comment).exit_code == 1
    assert cli(*args, "--comment", comment).exit_code == 1  # its own file, written again
    written = comment.read_text(encoding="utf-8")
    assert written.startswith(f"{MADE_BY}\n") and len(written.splitlines()) > 2


def test_bench_refuses_an_output_folder_it_did_not_make(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "thesis.tex").write_text("chapter 1", encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        bench.main(["--sizes", "1", "--out", str(tmp_path)])
    assert stopped.value.code == 2
    assert "did not make" in capsys.readouterr().err
    assert os.listdir(tmp_path) == ["thesis.tex"]
