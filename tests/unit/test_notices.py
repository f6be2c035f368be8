"""Notices on service pages and their easy-read pages, and what an easy-read page says first."""

from __future__ import annotations

import datetime as dt

from build_tools.directory.notices import check_notices, service_notices
from build_tools.directory.service_page import render_service_page
from build_tools.easy_read.opening import check_opening, names_activity, what_it_is
from build_tools.easy_read.rows import link_contacts, render_easy_read
from build_tools.easy_read.services import render_easy_read_service
from build_tools.entries.catalog import load_catalog
from build_tools.guidance.glossary import load_glossary
from build_tools.model import provider_from_dict
from tests.support import REPO_ROOT, TODAY
from tests.unit.test_pages import entry

GLOSSARY, _ = load_glossary(REPO_ROOT / "content" / "glossary.yml", "glossary")
SAMPLE = load_catalog(REPO_ROOT / "providers", TODAY).providers


def keys(**changes: object) -> list[str]:
    return [n.key for n in service_notices(provider_from_dict("x", entry(**changes)), TODAY)]


def test_each_kind_of_notice() -> None:
    assert keys() == []
    assert keys(status="temporarily-closed") == ["temporarily-closed"]
    assert keys(last_reviewed="2025-01-01") == ["out-of-date"]
    assert keys(moved_on=(TODAY - dt.timedelta(days=10)).isoformat()) == ["moved"]
    assert keys(moved_on=(TODAY + dt.timedelta(days=10)).isoformat()) == ["moved"]
    assert keys(moved_on=(TODAY - dt.timedelta(days=91)).isoformat()) == []


def test_every_notice_of_a_service_page_is_on_its_easy_read_page() -> None:
    moved = (TODAY - dt.timedelta(days=3)).isoformat()
    provider = provider_from_dict(
        "x", entry(status="temporarily-closed", last_reviewed="2024-05-01", moved_on=moved)
    )
    full = render_service_page(provider, TODAY)
    easy = render_easy_read_service(provider, GLOSSARY, TODAY)
    assert full.count("!!! warning") == 3
    for key in ("temporarily-closed", "out-of-date", "moved"):
        assert f"{{ #notice-{key} }}" in easy
    assert check_notices(full, easy, "page") == []


def test_the_checker_fails_a_page_that_drops_a_notice() -> None:
    provider = provider_from_dict("x", entry(status="temporarily-closed"))
    full = render_service_page(provider, TODAY)
    easy = render_easy_read_service(provider, GLOSSARY, TODAY)
    dropped = easy.replace("{ #notice-temporarily-closed }", "")
    assert [p.code for p in check_notices(full, dropped, "page")] == ["LO330"]
    # A notice someone adds to the full page without easy-read words fails too.
    added = full + '\n!!! warning "Building work"\n\n    The car park is shut.\n'
    assert [p.message for p in check_notices(added, easy, "page")] == [
        'The service page shows the notice "Building work", but its easy-read page does not.'
    ]


def test_the_first_sentence_says_what_the_service_is() -> None:
    football = next(p for p in SAMPLE if p.slug == "stourbridge-stars-inclusive-football")
    assert what_it_is(football)[0] == (
        "Football sessions for children and young people aged 5 to 18."
    )
    for provider in SAMPLE:
        page = render_easy_read_service(provider, GLOSSARY, TODAY)
        assert check_opening(page, "page") == [], provider.slug
        assert "a fun activity" not in page


def test_a_vague_first_sentence_is_a_warning() -> None:
    assert not names_activity("It is a fun activity.")
    page = "---\nkind: easy-read\n---\n\n# X\n\n![A star](picture:star)\nIt is fun.\n"
    [problem] = check_opening(page, "page")
    assert (problem.code, problem.severity.value) == ("LO331", "warning")


def test_a_hard_word_in_two_forms_is_explained_once() -> None:
    page = "![A plan](picture:plan)\nYou may get an **EHC plan**.\nSome have **EHC plans**.\n"
    html = render_easy_read(page, "../", GLOSSARY)
    hard_words = html.split("## Hard words", 1)[1]
    assert hard_words.count(":   ") == 1


def test_phone_numbers_and_emails_become_links() -> None:
    assert link_contacts("Ring 01632 960400 or email a@b.example.") == (
        "Ring [01632 960400](tel:+441632960400) or email [a@b.example](mailto:a@b.example)."
    )
    linked = "Ring [01632 960400](tel:+441632960400)."
    assert link_contacts(linked) == linked
