"""The localoffer command: exit codes, output formats, and writing new entries."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.entries.safe_yaml import parse_yaml
from build_tools.entries.validate import validate_files
from tests.conftest import Cli
from tests.support import INVALID_DIR, MINIMAL_ENTRY, REPO_ROOT, TODAY_ARG, VALID_DIR


@pytest.fixture
def providers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with providers/ holding one valid entry, as the working folder."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "providers"
    folder.mkdir()
    (folder / "lye-online-parent-chat.yaml").write_text(MINIMAL_ENTRY, encoding="utf-8")
    return folder


def add_broken(folder: Path) -> Path:
    path = folder / "broken.yaml"
    path.write_text(
        MINIMAL_ENTRY.replace("max: 25", "max: 30").replace("Lye Online", "Lye"), "utf-8"
    )
    return path


# --- validate -----------------------------------------------------------------------------------


def test_validate_all_good_exits_0(cli: Cli, providers: Path) -> None:
    result = cli("validate", "--today", TODAY_ARG)
    assert result.exit_code == 0
    assert result.stdout == "The service file is valid.\n"


def test_validate_with_problems_exits_1(cli: Cli, providers: Path) -> None:
    add_broken(providers)
    result = cli("validate", "--today", TODAY_ARG)
    assert result.exit_code == 1
    assert "providers/broken.yaml:10:8  error LO113  age_range.max" in result.stdout
    assert result.stdout.endswith(
        "1 problem in 1 of 2 service files. Fix the problems before the site can be built.\n"
    )


def test_warnings_alone_exit_0_and_are_shown(cli: Cli, in_repo_root: Path) -> None:
    result = cli("validate", INVALID_DIR / "byte-order-mark.yaml", "--today", TODAY_ARG)
    assert result.exit_code == 0
    assert "warning LO004" in result.stdout
    assert "The service file is valid. 1 warning in 1 of 1 service file." in result.stdout


def test_validate_named_files_and_folders(cli: Cli, providers: Path) -> None:
    broken = add_broken(providers)
    assert (
        cli("validate", providers / "lye-online-parent-chat.yaml", "--today", TODAY_ARG).exit_code
        == 0
    )
    assert cli("validate", broken, "--today", TODAY_ARG).exit_code == 1
    assert cli("validate", providers, "--today", TODAY_ARG).exit_code == 1


def test_providers_option_names_the_folder(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "lye-online-parent-chat.yaml").write_text(MINIMAL_ENTRY, encoding="utf-8")
    result = cli("validate", "--providers", other, "--today", TODAY_ARG)
    assert result.exit_code == 0, result.output
    add_broken(other)
    assert cli("validate", "--providers", other, "--today", TODAY_ARG).exit_code == 1


def test_today_option_changes_the_date_checks(cli: Cli, providers: Path) -> None:
    # MINIMAL_ENTRY was last reviewed on 2026-10-01
    assert cli("validate", "--today", "2026-09-30").exit_code == 1
    late = cli("validate", "--today", "2027-10-02")
    assert late.exit_code == 0
    assert "warning LO205" in late.stdout


def test_validate_the_committed_examples(cli: Cli, in_repo_root: Path) -> None:
    valid = cli("validate", VALID_DIR.relative_to(REPO_ROOT), "--today", TODAY_ARG)
    assert valid.exit_code == 0, valid.output
    assert valid.stdout.startswith("All ") and valid.stdout.endswith("service files are valid.\n")
    invalid = cli("validate", INVALID_DIR.relative_to(REPO_ROOT), "--today", TODAY_ARG)
    assert invalid.exit_code == 1
    assert "tests/examples/providers/invalid/unknown-field-typo.yaml:2:1" in invalid.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "--today", "2026-13-01"],
        ["validate", "--today", "25/11/2026"],
        ["validate", "--format", "xml"],
        ["validate", "no-such-file.yaml"],
        ["validate", "--providers", "no-such-folder"],
        ["validate", "--no-such-option"],
        ["no-such-command"],
    ],
)
def test_wrong_use_exits_2(cli: Cli, providers: Path, args: list[str]) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_no_providers_folder_here_exits_2_with_advice(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("validate")
    assert result.exit_code == 2
    assert "There is no providers/ folder here" in result.stderr


def test_json_format(cli: Cli, providers: Path) -> None:
    add_broken(providers)
    result = cli("validate", "--format", "json", "--today", TODAY_ARG)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["files_checked"] == 2
    assert data["errors"] == 1
    assert [(p["file"], p["code"]) for p in data["problems"]] == [
        ("providers/broken.yaml", "LO113")
    ]


def test_json_format_when_all_is_well(cli: Cli, providers: Path) -> None:
    result = cli("validate", "--format", "json", "--today", TODAY_ARG)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["problems"] == []


def test_github_format(cli: Cli, providers: Path) -> None:
    add_broken(providers)
    result = cli("validate", "--format", "github", "--today", TODAY_ARG)
    assert result.exit_code == 1
    first, summary = result.stdout.splitlines()
    assert first.startswith("::error file=providers/broken.yaml,line=10,col=8,title=LO113 ")
    assert summary.startswith("1 problem in 1 of 2 service files.")


def test_help_and_version(cli: Cli) -> None:
    assert cli("--help").exit_code == 0
    assert (
        "Exit codes: 0 all good, 1 problems found, 2 the command was used wrongly."
        in cli("--help").stdout
    )
    for command in ("validate", "new", "docs"):
        assert cli(command, "--help").exit_code == 0
    version = cli("--version")
    assert version.exit_code == 0 and "version" in version.stdout


def test_python_dash_m_build_tools_validate(providers: Path) -> None:
    add_broken(providers)
    result = subprocess.run(
        [sys.executable, "-m", "build_tools", "validate", "--today", TODAY_ARG],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=providers.parent,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "providers/broken.yaml:10:8  error LO113" in result.stdout
    assert result.stderr == ""
    good = subprocess.run(
        [
            sys.executable,
            "-m",
            "build_tools",
            "validate",
            "providers/lye-online-parent-chat.yaml",
            "--today",
            TODAY_ARG,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=providers.parent,
        check=False,
    )
    assert good.returncode == 0
    assert good.stdout == "The service file is valid.\n"


# --- new ----------------------------------------------------------------------------------------

NEW_FLAGS = [
    "--name", "Lye Stay and Play",
    "--summary", "A friendly play session for under-fives with SEND and their parents.",
    "--description", "We play, sing and share snacks. Parents stay with their children.",
    "--organisation", "Lye Family Hub",
    "--organisation-website", "https://lye-family-hub.example",
    "--eligibility", "Families in Lye with a child under 5.",
    "--category", "early-years", "--category", "leisure",
    "--need", "all",
    "--min-age", "0", "--max-age", "5",
    "--route", "self-referral", "--route", "professional-referral",
    "--paid", "--cost", "GBP 1 a session, free for families on benefits.",
    "--contact-role", "Hub team",
    "--phone", "01632960555",  # no spaces: must still be written so that it reads back as text
    "--email", "hub@lye-family-hub.example",
    "--website", "https://lye-family-hub.example/stay-and-play",
    "--delivery", "in-person",
    "--venue", "Lye Family Hub", "--address", "1 Example Street", "--town", "Lye",
    "--postcode", "dy9 8aa",
    "--area", "lye", "--area", "stourbridge",
]  # fmt: skip


def _check_written(path: Path) -> dict[str, object]:
    """The written entry validates with no problems on the day it was written."""
    document, problems = parse_yaml(path.read_bytes(), str(path))
    assert problems == [] and document is not None
    written_on = dt.date.fromisoformat(document.data["last_reviewed"])
    assert written_on == dt.date.today()
    report = validate_files([path], today=written_on)
    assert report.problems == [], [p.message for p in report.problems]
    return document.data


def test_new_with_every_option_writes_a_valid_file(cli: Cli, providers: Path) -> None:
    result = cli("new", *NEW_FLAGS)
    assert result.exit_code == 0, result.output
    path = providers / "lye-stay-and-play.yaml"
    assert f"Wrote {Path('providers') / 'lye-stay-and-play.yaml'}" in result.stdout
    data = _check_written(path)
    assert data["name"] == "Lye Stay and Play"
    assert data["cost"] == {
        "free": False,
        "description": "GBP 1 a session, free for families on benefits.",
    }
    assert data["contacts"] == [{
        "role": "Hub team",
        "phone": "01632960555",
        "email": "hub@lye-family-hub.example",
        "website": "https://lye-family-hub.example/stay-and-play",
    }]  # fmt: skip
    assert data["locations"][0]["postcode"] == "DY9 8AA"  # type: ignore[index]
    assert data["service_areas"] == ["lye", "stourbridge"]
    assert path.read_text(encoding="utf-8").startswith(
        "# A service in the Dudley SEND Local Offer."
    )


def test_new_never_writes_through_a_link(cli: Cli, providers: Path, tmp_path: Path) -> None:
    """A link planted where the new file goes (a clone can carry one) would make `new --force`
    overwrite whatever it points to: the link is refused, with exit code 2."""
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched", encoding="utf-8")
    (providers / "lye-stay-and-play.yaml").symlink_to(victim)
    result = cli("new", *NEW_FLAGS, "--force")
    assert result.exit_code == 2
    assert "symbolic link" in result.stderr
    assert victim.read_text(encoding="utf-8") == "untouched"


def test_new_refuses_to_overwrite_without_force(cli: Cli, providers: Path) -> None:
    assert cli("new", *NEW_FLAGS).exit_code == 0
    path = providers / "lye-stay-and-play.yaml"
    path.write_text("# edited by hand\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    again = cli("new", *NEW_FLAGS)
    assert again.exit_code == 1
    assert "already exists. Use --force to replace it." in again.stderr
    assert path.read_text(encoding="utf-8").startswith("# edited by hand")
    forced = cli("new", *NEW_FLAGS, "--force")
    assert forced.exit_code == 0
    assert not path.read_text(encoding="utf-8").startswith("# edited by hand")
    _check_written(path)


def test_new_writes_to_the_providers_option(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    assert cli("new", *NEW_FLAGS, "--providers", "drafts").exit_code == 0
    _check_written(tmp_path / "drafts" / "lye-stay-and-play.yaml")


def test_new_with_prompts(cli: Cli, providers: Path) -> None:
    answers = [
        "Lye Stay and Play",
        "A friendly play session for under-fives with SEND and their parents.",
        "We play, sing and share snacks every week at the hub.",
        "Lye Family Hub",
        "Families in Lye with a child under 5.",
        "0",
        "5",
        "early-years, leisure",
        "all",
        "self-referral",
        "01632 960555",
        "",  # no venue ...
        "online, phone",  # ... so it asks how it is delivered
    ]
    result = cli("new", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    data = _check_written(providers / "lye-stay-and-play.yaml")
    assert data["categories"] == ["early-years", "leisure"]
    assert data["delivery"] == ["online", "phone"]
    assert data["contacts"] == [{"role": "Enquiries", "phone": "01632 960555"}]
    assert "locations" not in data


def test_new_with_prompts_for_a_venue_and_an_email(cli: Cli, providers: Path) -> None:
    answers = [
        "Lye Stay and Play",
        "A friendly play session for under-fives with SEND and their parents.",
        "We play, sing and share snacks every week at the hub.",
        "Lye Family Hub",
        "Families in Lye with a child under 5.",
        "0",
        "5",
        "early-years",
        "ASD, SLCN",
        "self-referral",
        "",  # no phone ...
        "hub@lye-family-hub.example",  # ... so it asks for an email
        "Lye Family Hub",
        "1 Example Street",
        "Lye",
        "DY9 8AA",
    ]
    result = cli("new", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    data = _check_written(providers / "lye-stay-and-play.yaml")
    assert data["needs"] == ["ASD", "SLCN"]
    assert data["contacts"] == [{"role": "Enquiries", "email": "hub@lye-family-hub.example"}]


def test_new_rejects_a_choice_that_does_not_exist(cli: Cli, providers: Path) -> None:
    flags = [flag if flag != "all" else "autism" for flag in NEW_FLAGS]
    result = cli("new", *flags)
    assert result.exit_code == 2
    assert not (providers / "lye-stay-and-play.yaml").exists()


def test_new_with_bad_answers_writes_nothing(cli: Cli, providers: Path) -> None:
    flags = [flag if flag != "01632960555" else "12345" for flag in NEW_FLAGS]
    result = cli("new", *flags)
    assert result.exit_code == 1
    assert "is not a UK phone number" in result.stderr
    assert "nothing was written" in result.stderr
    assert not (providers / "lye-stay-and-play.yaml").exists()


@pytest.mark.parametrize(
    "tricky",
    [
        "01632960123",
        "0123",
        "9:30",
        "yes",
        "No",
        "on",
        "y",
        "n",
        "true",
        "null",
        "~",
        "1e5",
        "2026-01-01",
        "#hash",
        "- dash",
        "a: b",
        "&anchor",
        "*alias",
        "!tag",
        "'quoted'",
        '"dq"',
        "%percent",
        "@at",
        "`tick",
        "{brace}",
        "[bracket]",
        "|pipe",
        ">gt",
        "? question",
        "0x1F",
    ],
)
def test_new_writes_any_answer_so_that_it_reads_back_unchanged(
    cli: Cli, providers: Path, tricky: str
) -> None:
    flags = list(NEW_FLAGS)
    flags[flags.index("--cost") + 1] = tricky
    result = cli("new", *flags)
    assert result.exit_code == 0, result.output
    data = _check_written(providers / "lye-stay-and-play.yaml")
    assert data["cost"] == {"free": False, "description": tricky}
