"""Service pages: provider text shows exactly as written and can never become HTML."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import markdown
import pytest
from mkdocs.utils.meta import get_data

from build_tools.directory.service_page import render_service_page
from build_tools.model import provider_from_dict
from build_tools.text.links import tel_href
from build_tools.text.wording import age_text, plain, simple_markdown

TODAY = dt.date(2026, 11, 25)


def entry(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "name": "Lye Stay and Play",
        "summary": "A friendly play session for under-fives with SEND and their parents.",
        "description": "We play, sing and share snacks.\n\n- Free parking\n- **No booking**",
        "organisation": {"name": "Lye Family Hub"},
        "categories": ["early-years"],
        "needs": ["all"],
        "age_range": {"min": 0, "max": 5},
        "eligibility": {"description": "Families in Lye with a child under 5."},
        "how_to_access": {"routes": ["self-referral"], "steps": ["Just turn up."]},
        "cost": {"free": True},
        "contacts": [{"role": "Hub team", "phone": "01632 960555", "email": "hub@lye.example"}],
        "delivery": ["in-person"],
        "locations": [
            {"name": "Lye Hub", "address": "1 Example Street", "town": "Lye", "postcode": "DY9 8AA"}
        ],
        "last_reviewed": "2026-10-01",
    }
    base.update(changes)
    return base


def html_of(data: dict[str, object], today: dt.date = TODAY) -> str:
    page = render_service_page(provider_from_dict("lye-stay-and-play", data), today)
    body, _ = get_data(page)  # MkDocs reads the front matter off before Markdown sees the page
    return markdown.markdown(body, extensions=["def_list", "admonition"])


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "**bold** and [link](javascript:alert(1))",
        "# not a heading",
        "1. not a list",
        "- not a list",
        "a & b < c > d",
    ],
)
def test_plain_text_is_shown_literally(text: str) -> None:
    html = markdown.markdown(plain(text))
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<strong>" not in html and "<h1" not in html and "<li>" not in html


def test_simple_markdown_keeps_lists_bold_and_safe_links() -> None:
    html = markdown.markdown(simple_markdown("- one\n- **two**\n\n[site](https://a.example)"))
    assert "<li>one</li>" in html
    assert "<strong>two</strong>" in html
    assert '<a href="https://a.example">site</a>' in html


@pytest.mark.parametrize(
    "text",
    [
        "[x](javascript:alert(1))",
        "[x]( javascript:alert(1) )",
        '[x](data:text/html,<script>alert(1)</script> "t")',
        "[x](<javascript:alert(1)>)",
        "<script>alert(1)</script>",
        '<a href="javascript:alert(1)">x</a>',
        "[x][1]\n\n[1]: javascript:alert(1)",
        "[x][1]\n\n[1]: <JavaScript:alert(1)>",
        # Variants tried after the fix: a definition inside a quote or a list, and a picture.
        "> [x]: javascript:alert(1)\n\n[y][x]",
        "- [x]: javascript:alert(1)\n\n[y][x]",
        "[y][x]\n\n>[x]:javascript:alert(1)",
        "1. > [x]: <javascript:alert(1)>\n\n![y][x]",
        "  * > - [x]:\n    data:text/html,x\n\n[y][x]",
    ],
)
def test_simple_markdown_never_produces_unsafe_html(text: str) -> None:
    tags = tags_in(markdown.markdown(simple_markdown(text)))
    assert "script" not in [tag for tag, _ in tags]
    for _, attrs in tags:
        for name in ("href", "src"):
            target = (attrs.get(name) or "").strip().lower().lstrip("<")
            assert not target.startswith(("javascript", "data", "vbscript")), target


def tags_in(html: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every start tag in `html`, with its attributes."""
    found: list[tuple[str, dict[str, str | None]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, dict(attrs)))

    Collector().feed(html)
    return found


@pytest.mark.parametrize(
    ("number", "href"),
    [
        ("01632 960123", "tel:+441632960123"),
        ("+44 1632 960123", "tel:+441632960123"),
        ("+44 (0)1632 960123", "tel:+441632960123"),
        ("0800 123 4567", "tel:+448001234567"),
    ],
)
def test_phone_links_are_international(number: str, href: str) -> None:
    assert tel_href(number) == href


@pytest.mark.parametrize(
    ("low", "high", "words"),
    [(0, 5, "birth to 5 years"), (4, 11, "4 to 11 years"), (16, 16, "16 years")],
)
def test_ages_in_words(low: int, high: int, words: str) -> None:
    assert age_text(low, high) == words


def test_service_page_has_the_expected_sections_and_links() -> None:
    html = html_of(entry())
    assert html.startswith("<h1>Lye Stay and Play</h1>")
    for heading in (
        "At a glance",
        "About this service",
        "Who can use it",
        "How to get it",
        "Contact",
        "Where",
    ):
        assert f"<h2>{heading}</h2>" in html
    assert '<a href="tel:+441632960555">01632 960555</a>' in html
    assert '<a href="mailto:hub@lye.example">hub@lye.example</a>' in html
    assert "<dt>Ages</dt><dd>birth to 5 years</dd>" in html
    assert "Last checked on 1 October 2026." in html
    assert "may be out of date" not in html


def test_overdue_entry_shows_a_notice() -> None:
    html = html_of(entry(last_reviewed="2025-06-30"))
    assert "This information may be out of date" in html
    assert "30 June 2025" in html


def test_paid_service_shows_prices() -> None:
    cost = {
        "free": False,
        "options": [{"amount": 4.5, "per": "session"}],
        "description": "Help with costs is available.",
    }
    html = html_of(entry(cost=cost))
    assert "£4.50 per session" in html
    assert "Help with costs is available." in html


def test_report_a_problem_names_the_service_and_update_opens_the_form() -> None:
    html = html_of(entry(name="Lye Stay & Play"))
    report = re.search(r'<a href="(mailto:[^"]+)">Report a problem with this page</a>', html)
    assert report, html
    query = parse_qs(urlsplit(unescape(report.group(1))).query)
    assert query["subject"] == ["Problem with the Local Offer page: Lye Stay & Play"]
    assert query["body"][0].startswith("Page: /services/lye-stay-and-play/\n")
    assert (
        '<a href="../providers/add-or-update.md?service=lye-stay-and-play">Update this service</a>'
        in html
    )
