"""localoffer import-oruk: feeds in both styles become valid provider files, the mess real feeds
have is cleaned up, and every value with no home is kept and reported."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_tools.entries.rules import check_markdown
from build_tools.entries.safe_yaml import parse_yaml
from build_tools.entries.validate import validate_files
from build_tools.importer.feeds.html_text import to_markdown
from build_tools.importer.feeds.record import Record
from build_tools.importer.feeds.sources import services_in
from build_tools.importer.feeds.values import age, choice, clock, phone, postcode, routes_from_text
from build_tools.importer.run import ImportReport, import_feed
from tests import oruk_profile
from tests.support import REPO_ROOT, TODAY

FIXTURES = REPO_ROOT / "tests" / "examples" / "oruk"


def run(source: Path, out: Path) -> ImportReport:
    return import_feed(source, out, TODAY)


def entry(path: Path | None) -> dict[str, Any]:
    assert path is not None
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def kept(report: ImportReport, name: str) -> dict[str, Any]:
    result = next(s for s in report.services if s.name == name)
    return {k.path: k.value for k in result.kept}


# --- single values ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "number", "rest"),
    [
        ("01632 960000", "01632 960000", ""),
        ("01632 960401 (9am to 5pm)", "01632 960401", "9am to 5pm"),
        ("+44 (0)1632 960123", "+44 (0)1632 960123", ""),
        ("(01632) 960111", "01632 960111", ""),
        ("Call 01632-960-302 or text 07700 900302", "01632960302", "Call or text 07700 900302"),
        ("Ask at reception", None, "Ask at reception"),
    ],
)
def test_phone_fields_hold_free_text(raw: str, number: str | None, rest: str) -> None:
    assert phone(raw) == (number, rest)


@pytest.mark.parametrize(
    ("raw", "years"),
    [
        (-1, None),
        ("-1", None),
        (None, None),
        ("12", 12),
        (4.0, 4),
        ("ten", None),
        (True, None),
        (float("inf"), None),
        (float("nan"), None),
        ("inf", None),
        ("NaN", None),
    ],
)
def test_ages(raw: object, years: int | None) -> None:
    assert age(raw) == years


def test_names_other_directories_use_are_matched() -> None:
    assert choice("Autism", "needs") == "ASD"
    assert choice("Hearing impairment", "needs") == "HI"
    assert (
        choice("Wheelchair accessible entrance", "locations", "accessibility") == "step-free-access"
    )
    assert choice("ur", "languages") == "urdu"
    assert choice("Short Breaks", "categories") == "short-breaks"
    assert choice("Sensory processing", "needs") is None


def test_postcodes_times_and_routes() -> None:
    assert postcode("dy1  4qa") == "DY1 4QA" and postcode("ABC 1234") is None
    assert clock("10:00:00") == "10:00" and clock("9.30") == "09:30" and clock("noon") is None
    assert routes_from_text("Just turn up, or ask your GP to refer you.") == [
        "self-referral",
        "professional-referral",
    ]


# --- HTML ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ("<p>Hello <b>world</b></p><p>Two &amp; three</p>", "Hello **world**\n\nTwo & three"),
        ("<ul><li>One</li><li>Two</li></ul>", "- One\n- Two"),
        ("<ol><li>First</li><li>Second</li></ol>", "1. First\n2. Second"),
        ("<h2>Who</h2><div>Text<br>more</div>", "**Who**\n\nText\n\nmore"),
        (
            '<p>See <a href="https://x.example">our site</a></p>',
            "See [our site](https://x.example)",
        ),
        ('<a href="javascript:alert(1)">click</a> me', "click me"),
        ("<table><tr><td>Mon</td><td>9 to 5</td></tr></table>", "Mon, 9 to 5"),
        ("<p>Use *stars* and [brackets]</p>", "Use \\*stars\\* and \\[brackets\\]"),
        ("x &lt;b&gt; y", "x \u2039b> y"),
        ("Plain text\n\n- a list\n# not a heading", "Plain text\n\n- a list\n\\# not a heading"),
        ("<p>Unclosed <b>bold", "Unclosed **bold**"),
    ],
)
def test_html_becomes_simple_markdown(html: str, markdown: str) -> None:
    assert to_markdown(html).text == markdown


def test_pictures_and_scripts_are_dropped_and_said() -> None:
    converted = to_markdown('<p>Hi</p><img src="a.png" alt="Logo"><script>alert(1)</script>')
    assert converted.text == "Hi"
    assert converted.dropped == ["a img (Logo)", "a script"]


@pytest.mark.parametrize(
    "html",
    [
        "<div><h1>Title</h1><p>Body with <i>style</i></p><img src=x></div>",
        "<p onclick='x()'>a</p><!-- comment --><style>p{}</style>",
        "&nbsp;&copy; <span>2026</span>",
    ],
)
def test_converted_text_passes_the_markdown_rules(html: str) -> None:
    text = to_markdown(html).text
    document, _ = parse_yaml(json.dumps({"description": text}).encode(), "x.yaml")
    assert document is not None
    assert not list(check_markdown(document, "x.yaml", TODAY)), text


# --- what nobody read is kept -----------------------------------------------------------------
def test_fields_nobody_reads_are_kept_with_their_path() -> None:
    record = Record({"name": "x", "extra": {"a": 1}, "list": [{"b": 2}], "empty": ""})
    record.get("name")
    for item in record.records("list"):
        item.use("id")
    assert [(k.path, k.value) for k in record.leftovers()] == [
        ("extra", {"a": 1}),
        ("list[0].b", 2),
    ]


def test_pages_in_both_styles_are_found() -> None:
    v3, _ = services_in({"contents": [{"id": "1", "name": "A", "status": "active"}]}, "p.json")
    v1, _ = services_in({"content": [{"id": 1, "name": "B", "status": "active"}]}, "q.json")
    assert [f.style for f in v3 + v1] == ["3.0", "1.0"]
    assert services_in({"version": "HSDS-UK-3.0"}, "r.json") == ([], "the API's root document")


# --- whole feeds -----------------------------------------------------------------------------
def test_outpost_feed(tmp_path: Path) -> None:
    report = run(FIXTURES / "outpost", tmp_path)
    club = next(s for s in report.services if s.name == "Netherton Saturday Sensory Club")
    data = entry(club.path)
    assert data["age_range"] == {"min": 3, "max": 25}  # from the age bands: -1 means unknown
    assert data["needs"] == ["ASD", "cognition-and-learning"]
    assert data["categories"] == ["leisure", "short-breaks"]
    assert data["cost"]["options"] == [
        {"amount": 4.5, "per": "session", "description": "Each child"}
    ]
    assert "Lunch: £2.00 per meal" in data["cost"]["description"]
    assert data["contacts"][0] == {
        "role": "Club coordinator",
        "phone": "01632 960301",
        "email": "club@netherton-sensory.example",
    }
    assert data["locations"][0]["postcode"] == "DY2 9AA"
    assert data["locations"][0]["accessibility"] == ["step-free-access", "accessible-toilet"]
    assert data["local_offer"]["staff_training"].startswith("All volunteers")
    assert "<" not in data["description"] and "**What we do**" in data["description"]
    left = kept(report, "Netherton Saturday Sensory Club")
    assert left["send_needs[2]"] == "Sensory processing"
    assert left["locations[0].accessibilities[2]"] == "Baby changing facilities"
    assert left["contacts[0]"] == "Saturdays only"
    assert left["contacts[1]"]["name"] == "Sam Example"  # private contact: kept, not published
    assert data["local_offer"]["future_plans"] == "A quiet tent for the garden."
    gaming = entry(next(s for s in report.services if s.name.startswith("Brierley")).path)
    assert gaming["schedules"] == [
        {"days": ["tuesday", "thursday"], "opens": "18:00", "closes": "20:00"}
    ]


def test_a_repeated_record_goes_to_duplicates(tmp_path: Path) -> None:
    report = run(FIXTURES / "outpost", tmp_path)
    copy = next(s for s in report.services if s.duplicate_of)
    assert copy.duplicate_of == "netherton-saturday-sensory-club.yaml"
    assert copy.path == tmp_path / "duplicates" / "netherton-saturday-sensory-club-2.yaml"
    assert "POSSIBLE DUPLICATE" in copy.path.read_text(encoding="utf-8")


def test_v3_feed(tmp_path: Path) -> None:
    report = run(FIXTURES / "v3", tmp_path)
    assert len(report.services) == 2  # the page and the documents hold the same services
    drop_in = next(s for s in report.services if s.name.startswith("Sedgley"))
    data = entry(drop_in.path)
    assert data["description"] == (
        "Free drop-in sessions with a speech and language therapist.\n\nBring your child along."
    )
    assert data["categories"] == ["therapies"] and data["needs"] == ["SLCN"]
    assert data["cost"] == {"free": True}
    assert data["contacts"][0] == {
        "role": "Therapy team",
        "phone": "01632 960401",
        "text": "07700 900401",
        "email": "therapy@sedgley-therapy.example",
    }
    assert data["delivery"] == ["online"]
    assert data["schedules"][1]["notes"] == "First Saturday of the month"
    left = kept(report, "Sedgley Speech and Language Drop-in")
    assert left["contacts[0].name"] == "Alex Example"
    assert left["languages[2]"] == "Klingon"
    assert left["alert"] == "No session on 24 December."
    fun_days = entry(next(s for s in report.services if s.name.startswith("Coseley")).path)
    assert "age_range" not in fun_days  # -1 means unknown
    assert fun_days["status"] == "closed"


@pytest.mark.parametrize("style", ["outpost", "v3"])
def test_complete_services_pass_validate(tmp_path: Path, style: str) -> None:
    report = run(FIXTURES / style, tmp_path)
    ready = report.complete
    assert ready
    result = validate_files([s.path for s in ready if s.path], today=TODAY)
    assert result.ok, [p.message for p in result.problems]


@pytest.mark.parametrize("style", ["outpost", "v3", "official"])
def test_validate_fails_only_on_the_fields_the_editor_is_told_to_fill_in(
    tmp_path: Path, style: str
) -> None:
    source = (
        oruk_profile.require_profile() / "examples" if style == "official" else FIXTURES / style
    )
    report = run(source, tmp_path)
    incomplete = [s for s in report.services if s.fill_in]
    assert incomplete
    for result in incomplete:
        assert result.path is not None
        text = result.path.read_text(encoding="utf-8")
        for field in result.fill_in:
            assert f"#   - {field}:" in text
        assert not result.other_errors(), [p.message for p in result.other_errors()]
        missing = {p.field for p in result.problems if p.code == "LO101"}
        assert missing <= set(result.fill_in)


def test_official_example_keeps_what_has_no_home(tmp_path: Path) -> None:
    report = run(oruk_profile.require_profile() / "examples", tmp_path)
    (service,) = report.services
    left = {k.path: k for k in service.kept}
    assert left["contacts[0].name"].value == "Ann Persona"
    assert left["funding"].value[0]["source"].startswith("This service is funded")
    assert left["service_at_locations[0].location.addresses[0].postal_code"].value == "ABC 1234"
    assert "locations[0].postcode" in service.fill_in
    text = service.path.read_text(encoding="utf-8") if service.path else ""
    assert "# funding:" in text and "# accreditations:" in text
    assert entry(service.path)["age_range"] == {"min": 12, "max": 25}


def test_existing_files_are_not_replaced_without_force(tmp_path: Path) -> None:
    run(FIXTURES / "v3", tmp_path)
    again = run(FIXTURES / "v3", tmp_path)
    assert all(s.not_written for s in again.services)
    forced = import_feed(FIXTURES / "v3", tmp_path, TODAY, force=True)
    assert all(s.path for s in forced.services)


def test_the_command(cli: Any, tmp_path: Path) -> None:
    report_file = tmp_path / "report.json"
    result = cli(
        "import-oruk", FIXTURES / "v3", "--out", tmp_path / "out", "--report", report_file,
        "--today", TODAY.isoformat(),
    )  # fmt: skip
    assert result.exit_code == 1  # one service needs fields filled in
    assert "Fill in: categories, needs" in result.output
    data = json.loads(report_file.read_text(encoding="utf-8"))
    assert {s["name"] for s in data["services"]} == {
        "Sedgley Speech and Language Drop-in",
        "Coseley Family Fun Days",
    }


def test_dates_are_checked_as_of_today(tmp_path: Path) -> None:
    early = import_feed(FIXTURES / "v3", tmp_path, dt.date(2026, 1, 1))
    codes = {p.code for s in early.services for p in s.problems}
    assert "LO204" in codes  # reviewed after "today"
