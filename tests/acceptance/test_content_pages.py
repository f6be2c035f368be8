"""The content pages in the built fixture site: easy read both ways, pictures, glossary, the
Inclusion Charter, "you said, we did", and a build that stops on a content problem."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from build_tools.paths import ROOT
from build_tools.site import build_site
from tests.acceptance.test_site_pages import FIXTURE_PROVIDERS, facts, pages_of
from tests.projects import project_with_page

KEY_PAGES = (
    "what-is-send",
    "ehc-plans",
    "help-and-advice",
    "preparing-for-adulthood",
    "disagreements-and-complaints",
    "send-strategy",
    "inclusion-charter",
    "other-ways-to-get-this-information",
)
SLUGS = sorted(p.stem for p in FIXTURE_PROVIDERS.glob("*.yaml"))


def links(page: Path) -> dict[str, str]:
    return {text: href for href, text in facts(page).links}


@pytest.mark.parametrize("slug", SLUGS)
def test_every_service_has_an_easy_read_page_linked_both_ways(built_site: Path, slug: str) -> None:
    service = built_site / "services" / slug / "index.html"
    easy = built_site / "services" / slug / "easy-read" / "index.html"
    assert links(service)["Read this page in easy read"] == "easy-read/"
    assert links(easy)["Read the full page"] == "../"
    headings = [text for _, text in facts(easy).headings]
    for part in ("Who it is for", "What happens", "Where and when", "Does it cost money?",
                 "How to start", "Who to contact"):  # fmt: skip
        assert part in headings


@pytest.mark.parametrize("name", KEY_PAGES)
def test_key_pages_and_their_easy_read_versions_link_both_ways(built_site: Path, name: str) -> None:
    standard = built_site / "guidance" / name / "index.html"
    easy = built_site / "easy-read" / name / "index.html"
    assert links(standard)["Read this page in easy read"] == f"../../easy-read/{name}/"
    assert links(easy)["Read the full page"] == f"../../guidance/{name}/"
    assert "lo-er-row" in easy.read_text(encoding="utf-8")


def test_every_easy_read_picture_has_alt_text_and_is_in_the_site(built_site: Path) -> None:
    used: set[str] = set()
    for page in pages_of(built_site):
        html = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<img [^>]*>", html):
            src = re.search(r'src="([^"]+)"', tag)
            assert src, tag
            if "assets/easy-read/" in src.group(1):
                assert re.search(r'alt="[^"]+"', tag), f"{page}: {tag}"
                target = (page.parent / src.group(1)).resolve()
                assert target.is_file(), target
                used.add(target.name)
    copied = {p.name for p in (built_site / "assets" / "easy-read").iterdir()}
    assert used and copied == used, "only the pictures pages use are copied"


def test_easy_read_text_is_at_least_18px(built_site: Path) -> None:
    css = (built_site / "assets" / "stylesheets" / "local-offer.css").read_text(encoding="utf-8")
    rule = re.search(r"\.md-typeset \.lo-easy-read \{[^}]*\}", css)
    assert rule and "font-size: max(0.9rem, 18px)" in rule.group(0)


def test_charter_page_lists_the_services_that_signed_it(built_site: Path) -> None:
    page = built_site / "guidance" / "inclusion-charter" / "index.html"
    signed = sorted(
        p.stem
        for p in FIXTURE_PROVIDERS.glob("*.yaml")
        if "inclusion_charter: true" in p.read_text()
    )
    service_link = re.compile(r"\.\./\.\./services/([^/]+)/")
    listed = sorted(
        match.group(1) for href, _ in facts(page).links if (match := service_link.fullmatch(href))
    )
    assert signed and listed == signed


def test_glossary_page_and_first_use_explanations(built_site: Path) -> None:
    glossary = facts(built_site / "glossary" / "index.html")
    terms = [text for level, text in glossary.headings if level == 3]  # under A to Z letters
    assert {"SENCO", "SEMH", "CAMHS", "SENDIASS", "EHCP"} <= set(terms)
    html = (built_site / "guidance" / "health" / "index.html").read_text(encoding="utf-8")
    assert "CAMHS)." in html or 'CAMHS (<a class="lo-term"' in html
    assert 'class="lo-term" href="../../glossary/#' in html


def test_you_said_we_did_page(built_site: Path) -> None:
    page = facts(built_site / "you-said-we-did" / "index.html")
    assert page.h1 == ["You said, we did"]
    assert "2026" in [text for level, text in page.headings if level == 2]


def test_accessibility_statement_was_reviewed_in_the_last_year(built_site: Path) -> None:
    text = (ROOT / "content" / "accessibility.md").read_text(encoding="utf-8")
    reviewed = re.search(r"^last_reviewed: (\d{4}-\d{2}-\d{2})$", text, re.MULTILINE)
    assert reviewed, "the statement needs a last_reviewed date in its front matter"
    day = dt.date.fromisoformat(reviewed.group(1))
    # The real date, not the tests' fixed one: this test exists to fail when a year has passed.
    today = dt.date.today()
    assert day <= today, "the review date is in the future"
    assert today - day <= dt.timedelta(days=365), (
        f"the accessibility statement was last reviewed on {day}, over a year ago: review it, "
        "then update last_reviewed and the date in its last section"
    )
    html = (built_site / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert f"last reviewed on {day.day} {day:%B %Y}" in html


def test_privacy_page_says_no_cookies(built_site: Path) -> None:
    html = (built_site / "privacy" / "index.html").read_text(encoding="utf-8")
    assert "sets no cookies" in html and "uses no analytics" in html and "local storage" in html


def test_content_data_files_are_not_published(built_site: Path) -> None:
    assert not list(built_site.rglob("*.yml")) and not list(built_site.rglob("*.yaml"))


def test_unknown_marker_stops_the_build_naming_page_and_line(tmp_path: Path) -> None:
    config = project_with_page(
        tmp_path, "# Home\n\nText.\n\n<!-- services category=shortbreaks -->\n"
    )
    with pytest.raises(Abort) as stopped:
        build_site(tmp_path / "site", FIXTURE_PROVIDERS, config_file=config, pdf=False)
    message = str(stopped.value)
    assert "1 problems in the content, site not built" in message
    assert "content/index.md:5:6  error LO303" in message
    assert "Did you mean category=short-breaks (Short breaks)?" in message
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_good_page_with_a_marker_builds(tmp_path: Path) -> None:
    config = project_with_page(tmp_path, "# Home\n\n<!-- services category=travel -->\n")
    build_site(tmp_path / "site", FIXTURE_PROVIDERS, config_file=config, pdf=False)
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Go Independent Travel Training" in html
