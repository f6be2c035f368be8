"""Every service's easy-read page, written from its fields, passes the easy-read checker."""

from __future__ import annotations

import datetime as dt

import pytest

from build_tools.easy_read.rows import check_easy_read, unexplained_abbreviations
from build_tools.easy_read.services import (
    CATEGORY_LINES,
    NEED_LINES,
    ROUTE_LINES,
    render_easy_read_service,
)
from build_tools.entries.catalog import load_catalog
from build_tools.guidance.glossary import load_glossary
from build_tools.model import provider_from_dict
from build_tools.schema import vocabulary
from tests.support import REPO_ROOT, TODAY
from tests.unit.test_pages import entry

GLOSSARY, _ = load_glossary(REPO_ROOT / "content" / "glossary.yml", "glossary")


def problems_in(page: str) -> list[str]:
    body = page.split("\n# ", 1)[1].split("\n", 1)[1]  # the provider's name is not checked
    found = check_easy_read(body, "page", GLOSSARY) + unexplained_abbreviations(
        body, "page", GLOSSARY
    )
    return [f"{p.line} {p.code} {p.message}" for p in found]


def test_every_sample_service_passes_the_checker() -> None:
    catalog = load_catalog(REPO_ROOT / "providers", dt.date(2026, 11, 25))
    assert len(catalog.providers) >= 60
    for provider in catalog.providers:
        assert problems_in(render_easy_read_service(provider, GLOSSARY, TODAY)) == [], provider.slug


def test_page_has_the_six_parts_and_links_back() -> None:
    page = render_easy_read_service(provider_from_dict("lye-play", entry()), GLOSSARY, TODAY)
    assert "kind: easy-read\nstandard: ../lye-play.md\n" in page
    assert "# Lye Stay and Play: easy read" in page
    for heading in ("Who it is for", "What happens", "Where and when", "Does it cost money?",
                    "How to start", "Who to contact"):  # fmt: skip
        assert f"## {heading}\n" in page
    assert "![A young person](picture:young-person)" not in page  # under 5: a child
    assert "It is for children from birth to 5 years old." in page
    assert "It is free." in page
    assert "Ring the Hub team on [01632 960555](tel:+441632960555)." in page
    assert "Email [hub@lye.example](mailto:hub@lye.example)." in page
    assert "It happens at Lye Hub in Lye." in page


def test_long_names_fall_back_to_shorter_sentences() -> None:
    long_venue = "The Very Long Named Community Resource and Activity Centre for Families of Lye"
    data = entry(
        locations=[
            {
                "name": long_venue,
                "address": "1 Example Street",
                "town": "Lye",
                "postcode": "DY9 8AA",
            }
        ],
        contacts=[{"role": "ABC XYZ referral and assessment team", "phone": "01632 960555"}],
    )
    page = render_easy_read_service(provider_from_dict("x", data), GLOSSARY, TODAY)
    assert "It happens in Lye." in page
    assert "Ring [01632 960555](tel:+441632960555)." in page
    assert problems_in(page) == []


def test_a_town_in_capitals_never_stops_the_build() -> None:
    """A venue, town or address in capitals reads as abbreviations the glossary lacks; the page
    then says to ask, rather than failing the build for everyone."""
    place = {"name": "THE HUB", "address": "1 HIGH STREET", "town": "LYE", "postcode": "DY9 8AA"}
    page = render_easy_read_service(
        provider_from_dict("x", entry(locations=[place])), GLOSSARY, TODAY
    )
    assert "Ask them where it is." in page
    assert "The postcode is DY9 8AA." in page
    assert problems_in(page) == []


def test_paid_service_with_schedule() -> None:
    data = entry(
        cost={"free": False, "options": [{"amount": 4.5, "per": "session"}]},
        schedules=[
            {
                "days": ["tuesday", "thursday"],
                "opens": "09:30",
                "closes": "15:00",
                "term_time_only": True,
            }
        ],  # fmt: skip
    )
    page = render_easy_read_service(provider_from_dict("x", data), GLOSSARY, TODAY)
    assert "You have to pay for it." in page
    assert "It costs £4.50 each time." in page
    assert "It is on Tuesday and Thursday." in page
    assert "It starts at 9:30am and ends at 3pm." in page
    assert "It stops in the school holidays." in page


def test_providers_own_lines_replace_a_part() -> None:
    data = entry(easy_read={"what_happens": ["We sing songs.", "We play games."]})
    page = render_easy_read_service(provider_from_dict("x", data), GLOSSARY, TODAY)
    part = page.split("## What happens\n\n", 1)[1].split("## ", 1)[0]
    assert part == (
        "![A star](picture:star)\nWe sing songs.\n\n![A star](picture:star)\nWe play games.\n\n"
    )


@pytest.mark.parametrize(
    ("table", "path"),
    [
        (NEED_LINES, ("needs",)),
        (CATEGORY_LINES, ("categories",)),
        (ROUTE_LINES, ("how_to_access", "routes")),
    ],  # fmt: skip
)
def test_every_schema_value_has_an_easy_read_line(
    table: dict[str, object], path: tuple[str, ...]
) -> None:
    assert set(vocabulary(*path)) - {"all"} <= set(table)
