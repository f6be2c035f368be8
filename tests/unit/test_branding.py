"""The council's branding from mkdocs.yml: colours checked for contrast, contact details, the
"Contact us" page, and the feedback links on every page."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlparse

import yaml

from build_tools.guidance.branding import branding_from, colour_problems, contact_page, contrast
from build_tools.guidance.page_feedback import FeedbackSettings, feedback_links, feedback_settings
from tests.support import REPO_ROOT


def mkdocs_extra() -> dict[str, object]:
    text = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)["extra"]  # type: ignore[no-any-return]


def test_contrast_ratios_match_wcag() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48


def test_the_sample_settings_are_used_and_pass() -> None:
    branding = branding_from(mkdocs_extra())
    assert branding.name == "Dudley Council"
    assert branding.phone.startswith("01632 960")
    assert branding.email.endswith(".example")
    assert (REPO_ROOT / "content" / branding.logo).is_file()
    assert colour_problems(branding) == []


def test_colours_without_enough_contrast_stop_the_build() -> None:
    pale = branding_from({"council": {"colours": {"header": "#ffcc00", "link": "zzz"}}})
    problems = colour_problems(pale)
    assert len(problems) == 2
    assert "header_text on header has a contrast of 1.5:1" in problems[0]
    assert "zzz is not a colour" in problems[1]


def test_contact_page_gives_every_route_as_a_link() -> None:
    page = contact_page(branding_from(mkdocs_extra()))
    assert "[01632 960200](tel:+441632960200)" in page
    assert "[07700 900200](sms:+447700900200)" in page
    assert "[localoffer@dudley.example](mailto:localoffer@dudley.example)" in page
    assert "Write to Local Offer team" in page


def test_feedback_links_carry_the_page_address_and_title() -> None:
    settings = feedback_settings(mkdocs_extra())
    links = feedback_links(settings, "https://localoffer.example/guidance/health/", "Health")
    for link in (links.helpful, links.not_helpful, links.problem):
        parts = urlparse(link)
        assert (parts.scheme, parts.path) == ("mailto", "localoffer@dudley.example")
        query = parse_qs(parts.query)
        assert "Health" in query["subject"][0]
        assert "https://localoffer.example/guidance/health/" in unquote(query["body"][0])


def test_report_a_problem_can_open_the_issue_form() -> None:
    settings = FeedbackSettings("a@b.example", "council/local-offer", use_issue_form=True)
    problem = feedback_links(settings, "https://x.example/p/", "P").problem
    parts = urlparse(problem)
    assert parts.netloc == "github.com" and parts.path == "/council/local-offer/issues/new"
    assert parse_qs(parts.query)["page"] == ["https://x.example/p/"]
    assert parse_qs(parts.query)["template"] == ["report-a-problem-with-a-page.yml"]
