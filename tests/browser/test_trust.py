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
    reading_page: Page, notices_url: str, slug: str
) -> None:
    page = reading_page
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


# One page of each template: home, directory, browse list, service, easy-read service, guidance
# (with callouts and tables), easy-read guidance, glossary, search, shortlist, "you said, we
# did", the provider guide, the editors' pages, and the 404 page.
TEMPLATES = [
    "",
    "services/",
    "services/need/asd/",
    "services/bounce-ability-trampolining/",
    "services/bounce-ability-trampolining/easy-read/",
    "guidance/disagreements-and-complaints/",
    "guidance/ehc-plans/",
    "easy-read/ehc-plans/",
    "glossary/",
    "search/",
    "shortlist/",
    "you-said-we-did/",
    "providers/",
    "providers/field-reference/",
    "editors/",
    "404.html",
]
# Every visible piece of text, with its computed size and whether it is in the page's article;
# and the size of the page's body text. Inside the article nothing is smaller than the body
# text; around it (navigation, footer) nothing is below 16px.
SIZES_SCRIPT = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    const hidden = "[hidden], .md-visually-hidden, .lo-visually-hidden, svg";
    if (style.visibility === "hidden" || el.closest(hidden)) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) continue;  // screen-reader-only text
    out.push([parseFloat(style.fontSize), el.tagName + "." + el.className,
              node.textContent.trim().slice(0, 40), !!el.closest("article")]);
  }
  const body = document.querySelector("article.md-typeset");
  return {texts: out, body: body ? parseFloat(getComputedStyle(body).fontSize) : 16};
}"""


@pytest.mark.parametrize("path", TEMPLATES)
@pytest.mark.parametrize("width", [360, 1280])
def test_no_text_is_smaller_than_16px_or_the_body_text(
    reading_page: Page, sample_url: str, path: str, width: int
) -> None:
    page = reading_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(sample_url + path)
    found = page.evaluate(SIZES_SCRIPT)
    small = [
        f"{size:.1f}px {element}: {text!r}"
        for size, element, text, in_page in found["texts"]
        if size < 16 or (in_page and size < found["body"] - 0.05)
    ]
    assert not small, f"{path} at {width}px (body text {found['body']}px):\n" + "\n".join(small)


def test_the_404_page_has_search_and_a_way_home(no_js_page: Page, sample_url: str) -> None:
    """Without JavaScript, as the page must work for everyone: search opens the search page."""
    no_js_page.goto(sample_url + "404.html")
    expect(no_js_page.locator("h1")).to_have_text("Page not found")
    expect(no_js_page.get_by_role("link", name="Find a service").first).to_be_visible()
    no_js_page.get_by_role("link", name="The Local Offer home page").click()
    expect(no_js_page.locator("h1")).to_have_text("Dudley SEND Local Offer")
    no_js_page.goto(sample_url + "404.html")
    # The page's own search form (every page also has the header's).
    own_search = no_js_page.get_by_role("search", name="Search the Local Offer")
    own_search.get_by_label("Search services and guidance").fill("short breaks")
    own_search.get_by_role("button", name="Search").click()
    expect(no_js_page).to_have_url(sample_url + "search/?q=short+breaks")
    expect(no_js_page.locator("h1")).to_be_visible()


@pytest.mark.parametrize("path", ["", "guidance/ehc-plans/", "404.html"])
def test_the_footer_links_are_on_the_page(reading_page: Page, sample_url: str, path: str) -> None:
    page = reading_page
    page.goto(sample_url + path)
    footer = page.locator("footer")
    for name in ("Accessibility statement", "Privacy", "Cookies: this site sets no cookies",
                 "Other ways to get this information", "For council editors"):  # fmt: skip
        expect(footer.get_by_role("link", name=name)).to_be_visible()
    expect(
        page.get_by_role("navigation", name="Council").get_by_role("link", name="Contact us")
    ).to_be_visible()
