"""What lets a family trust the site, checked in the browser: easy read never hides a notice,
no text is too small to read, the 404 page leads somewhere, and every page has the footer."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.sites import built_site_dir

pytestmark = pytest.mark.browser

# The services of the "notices" site (tests/sites.py) that carry a notice, and its id.
NOTICES = {
    "castle-hill-speech-drop-in": "notice-temporarily-closed",
    "go-independent-travel-training": "notice-moved",
    "open-door-send-advice-service": "notice-out-of-date",
}


@pytest.fixture(scope="module")
def notices_url(serve: object) -> str:
    return serve(built_site_dir("notices"))  # type: ignore[operator]


@pytest.mark.parametrize("slug", sorted(NOTICES))
def test_every_notice_of_the_full_page_is_on_the_easy_read_page(
    page: Page, notices_url: str, slug: str
) -> None:
    page.goto(f"{notices_url}services/{slug}/")
    titles = page.locator(".admonition.warning .admonition-title").all_inner_texts()
    assert titles, f"{slug} shows no notice on its full page"
    page.goto(f"{notices_url}services/{slug}/easy-read/")
    shown = page.locator("h2[id^='notice-']")
    expect(shown).to_have_count(len(titles))
    notice = page.locator(f"#{NOTICES[slug]}")
    expect(notice).to_be_visible()
    # Its row follows, with a picture and words, above "What it is".
    row = page.locator(f"#{NOTICES[slug]} + .lo-er-row")
    expect(row.locator("img")).to_be_visible()
    assert row.inner_text().strip()
    order = page.locator("h2").all_inner_texts()
    assert order.index(notice.inner_text()) < order.index("What it is")
