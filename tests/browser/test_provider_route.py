"""The provider's way in, in Chromium: from the home page to the form, filled in, previewed as
families will see it, and sent, on a phone and on a desktop; the form in one column in the order
of a service page, in plain words, tidying what it can, and its preview matching the built page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from build_tools.submit.form_words import PAGE_ORDER
from build_tools.submit.formspec import form_fields, walk
from tests.support import REPO_ROOT

from .conftest import DESKTOP, watched_context
from .test_service_form import FORM, fill_a_new_service, open_form

pytestmark = pytest.mark.browser

PHONE_800 = {"width": 360, "height": 800}
SHOTS = Path("/tmp") / "localoffer-provider-route"
# Words that belong to the file format, the schema or the code, not to a provider's form.
TECHNICAL_WORDS = re.compile(
    r"YAML|JSON|HH:MM|YYYY|latitude|longitude|\btrue\b|\bfalse\b|Markdown|HTML|\bslug\b|UUID|"
    r"schema|\bfield\b|\bfields\b|Open Referral|https://|localoffer|`|[a-z]+_[a-z]+",
)
# The codes the file uses for choices ("dudley-borough", "self-referral"): never shown.
CODES = {
    value
    for item in walk(form_fields())
    for value, _ in item.options
    if "-" in value and len(value) > 4
}


@pytest.fixture(params=["phone", "desktop"])
def any_page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    phone = request.param == "phone"
    size = PHONE_800 if phone else DESKTOP
    for context in watched_context(
        browser, viewport=size, has_touch=phone, is_mobile=phone, locale="en-GB"
    ):
        page = context.new_page()
        page.name = request.param  # type: ignore[attr-defined]
        yield page


def test_a_provider_goes_from_the_home_page_to_sending(any_page: Page, sample_url: str) -> None:
    page = any_page
    name = page.name  # type: ignore[attr-defined]
    SHOTS.mkdir(exist_ok=True)
    page.goto(sample_url)
    page.get_by_role("link", name="form for providers").click()
    expect(page.locator("h1")).to_have_text("Add or update your service")
    fill_a_new_service(page, touch=name == "phone")
    preview = page.locator("#lo-preview")
    expect(preview.locator("#lo-preview-card")).to_contain_text("Lye Online Parent Chat")
    expect(preview.locator("#lo-preview-page")).to_contain_text("Forum team")
    page.screenshot(path=str(SHOTS / f"{name}-form.png"))
    page.get_by_role("button", name="Check my answers").click()
    expect(page.locator("#lo-preview-title")).to_be_focused()
    page.screenshot(path=str(SHOTS / f"{name}-preview.png"))
    send = page.get_by_role("link", name="Email it to the Local Offer team")
    send.scroll_into_view_if_needed()
    expect(send).to_be_visible()
    page.screenshot(path=str(SHOTS / f"{name}-send.png"))
    mail = urlsplit(send.get_attribute("href") or "")
    assert mail.scheme == "mailto"
    assert "name: Lye Online Parent Chat" in parse_qs(mail.query)["body"][0]
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], "no sideways scrolling"  # type: ignore[index]


def test_the_provider_guide_starts_with_the_form(page: Page, sample_url: str) -> None:
    page.goto(sample_url + "providers/")
    first = page.locator("article p").first
    expect(first.get_by_role("link", name="Add or update your service")).to_be_visible()
    expect(page.get_by_role("heading", name="For people who use GitHub")).to_be_visible()


def test_questions_are_one_column_in_the_order_of_a_service_page(
    page: Page, sample_url: str
) -> None:
    open_form(page, sample_url + FORM)
    boxes = page.locator("#lo-service-form > .lo-field, #lo-service-form > fieldset, "
                         "#lo-service-form > details, #lo-service-form > div")  # fmt: skip
    found = boxes.evaluate_all(
        """els => els.filter(e => e.offsetParent).map(e => {
             const r = e.getBoundingClientRect();
             const id = (e.id || (e.querySelector('[id^="lo-f-"]') || {}).id || "");
             return {id, left: Math.round(r.left), top: Math.round(r.top)};
           })"""
    )
    assert len({box["left"] for box in found}) == 1, found  # one column
    tops = [box["top"] for box in found]
    assert tops == sorted(tops)
    keys = [re.sub(r"^lo-f-([a-z_]+).*", r"\1", box["id"]) for box in found if box["id"]]
    asked = [key for key in dict.fromkeys(keys) if key in PAGE_ORDER]
    assert asked == [key for key in PAGE_ORDER if key in asked]


def test_labels_and_hints_use_no_technical_words(page: Page, sample_url: str) -> None:
    open_form(page, sample_url + FORM)
    for folded in page.locator("#lo-service-form details").all():
        folded.evaluate("d => d.open = true")
    texts = page.locator(
        "#lo-service-form label, #lo-service-form legend, #lo-service-form .lo-hint, "
        "#lo-service-form summary, #lo-service-form button"
    ).all_inner_texts()
    assert len(texts) > 100
    leaks = [t for t in texts if TECHNICAL_WORDS.search(t) or any(c in t for c in CODES)]
    assert not leaks, leaks
    # The map point is not asked for: the team works it out.
    expect(page.get_by_label("Latitude")).to_have_count(0)


def test_answers_are_tidied_not_refused(page: Page, sample_url: str) -> None:
    open_form(page, sample_url + FORM)
    page.get_by_role("button", name="Add a venue").click()
    postcode = page.locator("#lo-f-locations-0-postcode")
    postcode.fill("dy98lp")
    postcode.press("Tab")
    expect(postcode).to_have_value("DY9 8LP")
    expect(page.locator("#lo-f-locations-0-postcode-error")).to_be_hidden()
    phone = page.locator("#lo-f-contacts-0-phone")
    phone.fill("01632960123")
    phone.press("Tab")
    expect(phone).to_have_value("01632 960123")
    website = page.locator("#lo-f-contacts-0-website")
    website.fill("www.lye-parents.example")
    website.press("Tab")
    expect(website).to_have_value("https://www.lye-parents.example")
    expect(page.locator("#lo-f-contacts-0-website-error")).to_be_hidden()


def test_a_private_home_needs_no_street_and_keeps_it_off_the_file(
    page: Page, sample_url: str
) -> None:
    open_form(page, sample_url + FORM)
    fill_a_new_service(page)
    page.get_by_role("button", name="Add a venue").click()
    venue = page.locator("#lo-f-locations-0")
    venue.get_by_label("Venue name").fill("Childminder's home")
    venue.locator("#lo-f-locations-0-private").get_by_label("Yes").check()
    venue.get_by_label("Street address").fill("14 Example Close")
    venue.get_by_label("Town").fill("Wordsley")
    venue.get_by_label("Postcode").fill("dy8 4zz")
    page.get_by_role("button", name="Check my answers").click()
    expect(page.locator("#lo-error-summary")).to_be_hidden()
    text = page.locator("#lo-yaml").text_content() or ""
    assert "Example Close" not in text and "DY8 4ZZ" not in text and "postcode: DY8" in text
    expect(page.locator("#lo-preview-page")).to_contain_text("A private home in Wordsley (DY8).")


def test_a_blank_contact_gets_one_clear_message(page: Page, sample_url: str) -> None:
    open_form(page, sample_url + FORM)
    page.get_by_role("button", name="Check my answers").click()
    summary = page.locator("#lo-error-summary")
    messages = [m for m in summary.locator("li").all_inner_texts() if "ontact" in m]
    assert messages == ["Contact 1 is empty. Fill it in."]


# The facts of a <dl>, without the glossary's explanations the site adds to a word's first use
# ("GP (general practitioner)"): the site adds them to the page after it is written.
PLAIN = """element => {
  const copy = element.cloneNode(true);
  for (const term of copy.querySelectorAll("a.lo-term")) {
    const before = term.previousSibling, after = term.nextSibling;
    if (before) before.textContent = before.textContent.replace(/ \\($/, "");
    if (after) after.textContent = after.textContent.replace(/^\\)/, "");
    term.remove();
  }
  return copy.textContent.trim();
}"""
FACTS = f"""dl => [...dl.querySelectorAll("dt")].map(dt =>
  [dt.textContent.trim(), ({PLAIN})(dt.nextElementSibling).split(/; |, /).sort()])"""

# The first paragraph of "About this service": the provider's text block after the heading.
ABOUT = "{heading}:text-is('About this service') + div.lo-provider-text > p"
HREFS = "links => links.map(a => a.getAttribute('href'))"


def test_the_preview_matches_the_built_page(page: Page, sample_url: str) -> None:
    slug = sorted((REPO_ROOT / "providers").glob("*.yaml"))[0].stem
    page.goto(f"{sample_url}services/{slug}/")
    article = page.locator("article")
    built = article.locator("h1, h2, h3").evaluate_all(
        "hs => hs.map(h => [Number(h.tagName[1]), h.textContent.replace('¶', '').trim()])"
    )
    built_contacts = article.locator("h2:text-is('Contact') ~ ul").first
    contacts = (built_contacts.inner_text(), built_contacts.locator("a").evaluate_all(HREFS))
    built_glance = article.locator("dl.lo-glance").evaluate(FACTS)
    summary = article.locator("h1 ~ p:not(.lo-twin)").first.evaluate(PLAIN)
    # Provider text sits in its own block (wording.provider_html), right after its heading.
    description = article.locator(ABOUT.format(heading="h2")).first.evaluate(PLAIN)

    open_form(page, f"{sample_url}{FORM}?service={slug}")
    expect(page.locator("#lo-form-status")).to_contain_text("The form has the details of")
    preview = page.locator("#lo-preview-page")
    shown = preview.locator(".lo-preview-heading").evaluate_all(
        "hs => hs.map(h => [Number(h.dataset.level), h.textContent.trim()])"
    )
    assert [list(h) for h in built[: len(shown)]] == shown, (built, shown)
    # The same contact lines, linked the same way (tel:+44..., sms:, mailto:, the website).
    shown_contacts = preview.locator("ul").nth(0)
    assert (
        shown_contacts.inner_text(),
        shown_contacts.locator("a").evaluate_all(HREFS),
    ) == contacts
    # The same facts; lists in the form's order of choices, which a file may not follow.
    assert preview.locator("dl.lo-glance").evaluate(FACTS) == built_glance
    # The summary, and the description's first paragraph in the same place as on the page.
    expect(preview).to_contain_text(" ".join(summary.split()))
    about = preview.locator(ABOUT.format(heading=".lo-preview-heading")).first
    assert " ".join(about.evaluate(PLAIN).split()) == " ".join(description.split())


def test_the_filled_in_form_and_its_preview_pass_axe(browser: Browser, sample_url: str) -> None:
    from axe_playwright_python.base import AXE_SCRIPT

    from .test_accessibility import AXE_OPTIONS, AXE_VIOLATIONS

    slug = sorted((REPO_ROOT / "providers").glob("*.yaml"))[0].stem
    for context in watched_context(browser, viewport=PHONE_800, locale="en-GB"):
        context.add_init_script(AXE_SCRIPT)
        page = context.new_page()
        open_form(page, f"{sample_url}{FORM}?service={slug}")
        expect(page.locator("#lo-form-status")).to_contain_text("The form has the details of")
        page.get_by_role("button", name="Check my answers").click()
        expect(page.locator("#lo-result")).to_be_visible()
        page.mouse.move(0, 0)  # the button's hover colour is the theme's, checked elsewhere
        page.wait_for_timeout(300)  # after the theme's colour transition
        found_violations = page.evaluate(AXE_VIOLATIONS, AXE_OPTIONS)
        found = [
            f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']]}" for v in found_violations
        ]
        assert not found, found
