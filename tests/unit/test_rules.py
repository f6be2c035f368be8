"""Rules across fields of one entry, and the file-name rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from build_tools.entries.load import LoadedFile
from build_tools.entries.rules import check_entry, check_file_name
from build_tools.entries.safe_yaml import parse_yaml
from build_tools.problems import Problem
from tests.support import MINIMAL_ENTRY, TODAY

FILE = "providers/lye-online-parent-chat.yaml"
VENUE = (
    "locations:\n  - name: Lye Library\n    address: 1 Example Street\n    town: Lye\n"
    "    postcode: DY9 8AA\n"
)


def rules(text: str, today: dt.date = TODAY) -> list[Problem]:
    document, problems = parse_yaml(text.encode("utf-8"), FILE)
    assert document is not None, problems
    return check_entry(document, FILE, today)


def codes(text: str, today: dt.date = TODAY) -> list[str]:
    return [problem.code for problem in rules(text, today)]


def changed(old: str, new: str, text: str = MINIMAL_ENTRY) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def test_minimal_entry_breaks_no_rule() -> None:
    assert rules(MINIMAL_ENTRY) == []


@pytest.mark.parametrize(
    ("low", "high", "expected"), [(5, 5, []), (0, 25, []), (6, 5, ["LO203"]), (25, 0, ["LO203"])]
)
def test_ages(low: int, high: int, expected: list[str]) -> None:
    assert codes(changed("  min: 0\n  max: 25", f"  min: {low}\n  max: {high}")) == expected


def test_reversed_ages_point_at_the_youngest_age() -> None:
    (problem,) = rules(changed("  min: 0\n  max: 25", "  min: 16\n  max: 5"))
    assert (problem.line, problem.column, problem.field) == (9, 8, "age_range.min")


def test_ages_of_the_wrong_kind_are_left_to_the_schema() -> None:
    assert codes(changed("  min: 0\n  max: 25", "  min: ten\n  max: 5")) == []


@pytest.mark.parametrize(
    ("reviewed", "expected"),
    [
        ("2026-11-25", []),  # today
        ("2026-11-26", ["LO204"]),  # tomorrow
        ("2025-11-25", []),  # exactly a year ago
        ("2025-11-24", ["LO205"]),  # a year and a day ago
        ("2019-01-01", ["LO205"]),
        ("2026-02-30", []),  # not a real date: the schema reports it
        ("soon", []),
    ],
)
def test_review_date(reviewed: str, expected: list[str]) -> None:
    text = changed('last_reviewed: "2026-10-01"', f'last_reviewed: "{reviewed}"')
    assert codes(text) == expected


def test_review_date_a_year_before_29_february() -> None:
    leap_day = dt.date(2028, 2, 29)
    text = changed('last_reviewed: "2026-10-01"', 'last_reviewed: "2027-02-28"')
    assert codes(text, leap_day) == []
    text = changed('last_reviewed: "2026-10-01"', 'last_reviewed: "2027-02-27"')
    assert codes(text, leap_day) == ["LO205"]


def test_future_review_message_gives_both_dates() -> None:
    (problem,) = rules(changed('last_reviewed: "2026-10-01"', 'last_reviewed: "2027-01-01"'))
    assert problem.message == "last_reviewed is 2027-01-01, which is after today (2026-11-25)."


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2026-01-01", "2026-01-01", []),
        ("2026-01-01", "2027-01-01", []),
        ("2027-01-02", "2027-01-01", ["LO212"]),
    ],
)
def test_show_dates(start: str, end: str, expected: list[str]) -> None:
    text = MINIMAL_ENTRY + f'show_from: "{start}"\nshow_until: "{end}"\n'
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("delivery", "venue", "expected"),
    [
        ("delivery: [online]\n", "", []),
        ("delivery: [phone, home-visits]\n", "", []),
        ("", VENUE, []),
        ("delivery: [in-person]\n", VENUE, []),
        ("delivery: [in-person, online]\n", "", ["LO211"]),
        ("", "", ["LO210"]),
        ("", "locations: []\n", ["LO210"]),
    ],
)
def test_where_and_how(delivery: str, venue: str, expected: list[str]) -> None:
    text = changed("delivery: [online]\n", delivery + venue)
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("opens", "closes", "expected"),
    [
        ("09:30", "11:30", []),
        ("09:30", "09:30", ["LO213"]),
        ("15:00", "03:00", ["LO213"]),
        ("09:30", "9:45", []),
    ],
)
def test_opening_times(opens: str, closes: str, expected: list[str]) -> None:
    text = MINIMAL_ENTRY + f'schedules:\n  - days: [monday]\n    opens: "{opens}"\n'
    text += f'    closes: "{closes}"\n'
    assert codes(text) == expected


@pytest.mark.parametrize(
    "schedules",
    ["text", "true", "7", "1.5", "[1, two]", "{a: 1}", "\n  - opens: 9\n    closes: 8", "[[]]"],
)
def test_schedules_of_the_wrong_kind_are_left_to_the_schema(schedules: str) -> None:
    assert codes(MINIMAL_ENTRY + f"schedules: {schedules}\n") == []


@pytest.mark.parametrize("contacts", ["true", "false", "7", "1.5", "text", "{a: 1}", "[1, [2]]"])
def test_contacts_of_the_wrong_kind_are_left_to_the_schema(contacts: str) -> None:
    text = changed("contacts:\n  - role: Forum team\n    email: forum@lye-parents.example\n", "")
    assert codes(text + f"contacts: {contacts}\n") == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("age_range", "true"),
        ("needs", "5"),
        ("locations", "true"),
        ("delivery", "7"),
        ("local_offer", "[a]"),
        ("organisation", "x"),
        ("summary", "[a, b]"),
        ("show_from", "5"),
    ],
)
def test_any_field_of_the_wrong_kind_never_crashes_a_rule(field: str, value: str) -> None:
    kept, skipping = [], False
    for line in MINIMAL_ENTRY.splitlines():  # drop the field and the lines indented under it
        if not line.startswith(" "):
            skipping = line.startswith(f"{field}:")
        if not skipping:
            kept.append(line)
    rules("\n".join(kept) + f"\n{field}: {value}\n")


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        ("Fun sessions for children aged 5 to 11 and their families.", []),
        ("Fun sessions. Families welcome.", ["LO214"]),
        ("Fun sessions! Families welcome.", ["LO214"]),
        ("Sessions cost £2.50 for each child.", []),
        ("Sessions for ages 5-11. ", []),
    ],
)
def test_summary_sentences(summary: str, expected: list[str]) -> None:
    text = changed(
        "summary: An online chat where parents of disabled children share tips and support.",
        f'summary: "{summary}"',
    )
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("needs", "expected"),
    [("[all]", []), ("[ASD, SLCN]", []), ("[all, ASD]", ["LO215"]), ("[SLCN, all]", ["LO215"])],
)
def test_all_needs(needs: str, expected: list[str]) -> None:
    assert codes(changed("needs: [all]", f"needs: {needs}")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plain words and a [link](https://lye-parents.example).", []),
        ("Some **bold** text and a list:\n\n- one\n- two", []),
        ("Children under 5 and <3 hearts", []),
        ("Ages 5 < 11 > 3", []),
        ("Follow #LyeParents on social media", []),
        ("Hello <b>bold</b>", ["LO208"]),
        ("Hello <script>alert(1)</script>", ["LO208"]),
        ("<img src=x onerror=alert(1)>", ["LO208"]),
        ("Tom &amp; Jerry", ["LO208"]),
        ("Hidden <!-- note -->", ["LO208"]),
        ("See ![map](https://x.example/map.png)", ["LO209"]),
        ("# Heading\n\nText", ["LO209"]),
        ("Intro\n\n### Smaller heading", ["LO209"]),
        ("Title\n=====\n\nText", ["LO209"]),
        ("Title\n-----\n\nText", ["LO209"]),
    ],
)
def test_markdown_in_the_description(text: str, expected: list[str]) -> None:
    block = "description: |\n" + "".join(
        f"  {line}\n" if line else "\n" for line in text.split("\n")
    )
    entry = changed(
        "description: A friendly online group for parents and carers, run every week by "
        "volunteers.\n",
        block,
    )
    assert codes(entry) == expected


@pytest.mark.parametrize(
    ("field", "entry"),
    [
        (
            "eligibility.description",
            changed("Parents and carers of", "<i>Parents</i> and carers of"),
        ),
        ("cost.description", changed("  free: true", '  free: true\n  description: "<b>Free</b>"')),
        (
            "organisation.description",
            changed(
                "  name: Lye Parent Carer Forum",
                "  name: Lye Parent Carer Forum\n  description: <p>Hi</p>",
            ),
        ),
        ("local_offer.teaching", MINIMAL_ENTRY + "local_offer:\n  teaching: <div>We adapt</div>\n"),
        ("name", changed("name: Lye Online Parent Chat", "name: <b>Lye</b> Chat")),
        ("summary", changed("summary: An online chat", "summary: An <em>online</em> chat")),
    ],
)
def test_html_is_refused_in_every_text_field(field: str, entry: str) -> None:
    problems = rules(entry)
    assert [(p.code, p.field) for p in problems] == [("LO208", field)]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://lye-parents.example", []),
        ("http://lye-parents.example", ["LO206"]),
        ("HTTP://LYE-PARENTS.EXAMPLE", ["LO206"]),
    ],
)
def test_insecure_links(url: str, expected: list[str]) -> None:
    for entry in [
        changed("    email: forum@lye-parents.example", f"    website: {url}"),
        changed(
            "  name: Lye Parent Carer Forum", f"  name: Lye Parent Carer Forum\n  website: {url}"
        ),
        MINIMAL_ENTRY + f"local_offer:\n  sen_information_report: {url}\n",
    ]:
        assert codes(entry) == expected


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        ("forum@lye-parents.example", []),
        ("send.team@lye-parents.example", []),
        ("info@lye-parents.example", []),
        ("jsmith@lye-parents.example", []),
        ("jane.smith@lye-parents.example", ["LO207"]),
        ("jane_smith2@lye-parents.example", ["LO207"]),
        ("Jane-Smith@lye-parents.example", ["LO207"]),
    ],
)
def test_personal_email_addresses(email: str, expected: list[str]) -> None:
    assert codes(changed("forum@lye-parents.example", email)) == expected


def _name_problems(name: str) -> list[str]:
    loaded = LoadedFile(Path("providers") / name, f"providers/{name}", None)
    return [problem.code for problem in check_file_name(loaded)]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("castle-hill-speech-drop-in.yaml", []),
        ("club-2.yaml", []),
        ("Bad Name.yaml", ["LO202"]),
        ("UPPER.yaml", ["LO202"]),
        ("club_2.yaml", ["LO202"]),
        ("caf\u00e9-club.yaml", ["LO202"]),
        ("-leading.yaml", ["LO202"]),
        ("club.yml", ["LO218"]),
        ("club.YAML", ["LO218"]),
        ("club.txt", ["LO218"]),
    ],
)
def test_file_names(name: str, expected: list[str]) -> None:
    assert _name_problems(name) == expected


def test_file_name_problem_suggests_a_slug() -> None:
    loaded = LoadedFile(
        Path("providers/Caf\u00e9 Club!.yaml"), "providers/Caf\u00e9 Club!.yaml", None
    )
    (problem,) = check_file_name(loaded)
    assert problem.fix == "Rename the file to cafe-club.yaml"
