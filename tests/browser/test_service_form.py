"""The "Add or update your service" form in Chromium: filling it in makes a file that passes
`localoffer validate`; it checks answers with the same rules; it round-trips every valid example;
"Update this service" opens it filled in; and without JavaScript the page says what else to do.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from build_tools.entries.safe_yaml import parse_yaml
from build_tools.entries.validate import validate_files
from build_tools.submit.formspec import Field, form_fields
from tests.conftest import Cli
from tests.support import INVALID_DIR, REPO_ROOT, VALID_DIR, provider_cases

from .conftest import DESKTOP, watched_context
from .test_routes import Keyboard, assert_no_sideways_scroll, focus_description

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def form_page(browser: Browser) -> Iterator[Page]:
    """One desktop page for the many example cases: each opens the form afresh, and the page's
    cache makes that quick. It fails the same way `page` does on requests to other hosts."""
    for context in watched_context(browser, viewport=DESKTOP, locale="en-GB"):
        yield context.new_page()


FORM = "providers/add-or-update/"


def read_yaml(path: Path) -> dict[str, Any]:
    document, problems = parse_yaml(path.read_bytes(), str(path))
    assert document is not None, problems
    return document.data


@dataclass(frozen=True)
class FormSite:
    """The sample site served with entries of services it does not have, added by serve_entry."""

    url: str
    entries: dict[str, bytes]


@pytest.fixture(scope="module")
def form_site(serve: Any, sample_site: Path) -> FormSite:
    entries: dict[str, bytes] = {}
    return FormSite(serve(sample_site, entries), entries)


def serve_entry(site: FormSite, slug: str, data: dict[str, Any]) -> None:
    """Serve `data` as the entry of service `slug`, which the form fetches for ?service=slug.
    Served, not answered by page.route(): while a page has a route, Chromium fetches every
    file of every page it loads again, and Playwright handles each request."""
    site.entries[f"/services/{slug}/entry.json"] = json.dumps(data).encode("utf-8")


def open_form(page: Page, url: str) -> None:
    """Open the form and wait for its script: it fetches its rules before it shows the form, so
    the page's load event can come first."""
    page.goto(url)
    expect(page.locator("#lo-service-form-app")).to_be_visible()


def check_answers(page: Page) -> None:
    page.get_by_role("button", name="Check my answers").click()


def open_github_section(page: Page) -> None:
    """The file and GitHub are folded away under a section for people who use GitHub."""
    page.locator(".lo-for-github > summary").click()


def shown_yaml(page: Page) -> str:
    expect(page.locator("#lo-result")).to_be_visible()
    return page.locator("#lo-yaml").text_content() or ""  # folded away, so not inner_text


def fill_a_new_service(page: Page, touch: bool = False) -> None:
    """What a small charity types for a weekly online group: by touch on a phone, or clicks."""

    def choose(control: Locator) -> None:
        if touch:
            control.tap()
        else:
            control.check()

    page.get_by_label("Service name").fill("Lye Online Parent Chat")
    page.get_by_label("Summary").fill(
        "An online chat where parents of disabled children share tips and support."
    )
    page.get_by_label("Description", exact=True).fill(
        "A friendly online group for parents and carers.\n\n- Every Tuesday evening\n- Free"
    )
    page.get_by_label("Organisation name").fill("Lye Parent Carer Forum")
    choose(page.locator("#lo-f-categories").get_by_label("Support groups"))
    choose(page.locator("#lo-f-needs").get_by_label("All needs", exact=False))
    page.get_by_label("Youngest age").fill("0")
    page.get_by_label("Oldest age").fill("25")
    page.get_by_label("Who can use it", exact=True).fill(
        "Parents and carers of children with SEND who live in Dudley."
    )
    choose(page.locator("#lo-f-how_to_access-routes").get_by_label("You can contact them yourself"))
    choose(page.locator("#lo-f-cost-free").get_by_label("Yes"))
    page.get_by_label("Role or team").fill("Forum team")
    page.locator("#lo-f-contacts-0-email").fill("forum@lye-parents.example")
    choose(page.locator("#lo-f-delivery").get_by_label("Online"))


def test_a_new_service_filled_in_on_a_phone_passes_validation(
    phone_page: Page, sample_url: str, tmp_path: Path, cli: Cli
) -> None:
    page = phone_page
    open_form(page, sample_url + FORM)
    assert_no_sideways_scroll(page)
    fill_a_new_service(page, touch=True)
    check_answers(page)
    text = shown_yaml(page)
    assert_no_sideways_scroll(page)
    expect(page.locator("#lo-preview-title")).to_be_focused(), "the preview comes first"

    with page.expect_download() as download:
        page.get_by_role("button", name="Download it as a file").tap()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "lye-online-parent-chat.yaml"
    assert saved.read_text(encoding="utf-8").strip() == text.strip()

    result = cli("validate", saved)
    assert result.exit_code == 0, result.output
    entry = read_yaml(saved)
    assert entry["needs"] == ["all"]
    assert entry["last_reviewed"] == dt.date.today().isoformat()
    assert re.fullmatch(r"[0-9a-f-]{36}", entry["id"])


def test_the_file_can_be_emailed_or_sent_on_github_prefilled(page: Page, sample_url: str) -> None:
    open_form(page, sample_url + FORM)
    fill_a_new_service(page)
    check_answers(page)
    text = shown_yaml(page)

    email_link = page.get_by_role("link", name="Email it to the Local Offer team")
    email = urlsplit(email_link.get_attribute("href") or "")
    assert email.scheme == "mailto" and email.path == "localoffer@dudley.example"
    assert text.strip() in parse_qs(email.query)["body"][0]

    open_github_section(page)
    github = page.get_by_role("link", name="Open the GitHub form").get_attribute("href") or ""
    issue = urlsplit(github)
    query = parse_qs(issue.query)
    assert issue.netloc == "github.com" and issue.path.endswith("/issues/new")
    assert query["template"] == ["add-or-update-a-service.yml"]
    assert query["title"] == ["Service: Lye Online Parent Chat"]
    assert query["service-file"][0].strip() == text.strip()
    assert query["name"] == ["Lye Online Parent Chat"]
    assert query["contacts-role"] == ["Forum team"], "required issue-form answers are filled in"


def test_the_file_can_be_copied(page: Page, sample_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_form(page, sample_url + FORM)
    fill_a_new_service(page)
    check_answers(page)
    text = shown_yaml(page)
    open_github_section(page)
    page.get_by_role("button", name="Copy the file").click()
    expect(page.locator("#lo-action-status")).to_contain_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()").strip() == text.strip()


def test_answers_are_checked_when_you_leave_them_and_all_at_once(
    page: Page, sample_url: str
) -> None:
    open_form(page, sample_url + FORM)
    phone = page.locator("#lo-f-contacts-0-phone")
    phone.fill("0121")
    phone.press("Tab")
    error = page.locator("#lo-f-contacts-0-phone-error")
    expect(error).to_have_text(re.compile(r'^"0121" is not a UK phone number\.'))
    expect(phone).to_have_attribute("aria-invalid", "true")
    assert "lo-f-contacts-0-phone-error" in (phone.get_attribute("aria-describedby") or "")
    expect(page.locator("#lo-f-name-error")).to_be_hidden(), "untouched fields wait"

    phone.fill("01632 960123")
    expect(error).to_be_hidden()

    check_answers(page)
    summary = page.locator("#lo-error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text(re.compile(r"There are \d+ problems"))
    summary.get_by_role("link", name="Enter service name.").click()
    expect(page.get_by_label("Service name")).to_be_focused()


def test_contacts_venues_and_times_can_be_added_and_removed(page: Page, sample_url: str) -> None:
    open_form(page, sample_url + FORM)
    expect(page.locator("#lo-f-contacts .lo-remove")).to_be_hidden(), "one contact is needed"
    page.get_by_role("button", name="Add another contact").click()
    second = page.locator("#lo-f-contacts .lo-item").nth(1)
    expect(second.get_by_label("Role or team")).to_be_focused()
    expect(second.locator("legend")).to_have_text("Contact 2")
    second.get_by_role("button", name="Remove contact 2").click()
    expect(page.locator("#lo-f-contacts .lo-item")).to_have_count(1)
    expect(page.locator("#lo-form-status")).to_have_text("Contact 2 removed.")

    page.get_by_role("button", name="Add a time slot").click()
    slot = page.locator("#lo-f-schedules .lo-item").first
    slot.get_by_label("Opens").fill("15:00")
    slot.get_by_label("Closes").fill("09:30")
    slot.get_by_label("Closes").press("Tab")
    check_answers(page)
    expect(page.locator("#lo-error-summary")).to_contain_text(
        "The service closes at 09:30, which is not after it opens (15:00)."
    )


def test_update_this_service_opens_the_form_filled_in(
    page: Page, sample_url: str, tmp_path: Path, cli: Cli
) -> None:
    original = sorted((REPO_ROOT / "providers").glob("*.yaml"))[0]
    slug = original.stem
    page.goto(f"{sample_url}services/{slug}/")
    page.get_by_role("link", name="Update this service").click()
    expect(page).to_have_url(re.compile(rf"/providers/add-or-update/\?service={slug}$"))
    expect(page.locator("#lo-form-status")).to_contain_text("The form has the details of")
    expect(page.get_by_label("Service name")).not_to_have_value("")
    expect(page.get_by_label("Last checked")).to_have_value(dt.date.today().isoformat())

    check_answers(page)
    saved = tmp_path / f"{slug}.yaml"
    saved.write_text(shown_yaml(page) + "\n", encoding="utf-8")
    assert cli("validate", saved).exit_code == 0
    before, after = read_yaml(original), read_yaml(saved)
    assert after["id"] == before["id"], "an update keeps the permanent id"
    assert after["name"] == before["name"]


def _normalised(data: Any, fields: tuple[Field, ...] | None = None) -> Any:
    """An entry as the form writes it: text trimmed, choices in the schema's order."""
    if isinstance(data, str):
        return data.strip()
    if isinstance(data, list):
        return [_normalised(item, fields) for item in data]
    if not isinstance(data, dict):
        return data
    known = {f.key: f for f in fields or form_fields()}
    result = {}
    for key, value in data.items():
        item = known.get(key)
        if item is not None and item.kind == "choices":
            order = [v for v, _ in item.options]
            value = sorted(value, key=order.index)
        children = item.children if item is not None else None
        result[key] = _normalised(value, children)
    return result


@pytest.mark.parametrize("case", provider_cases(VALID_DIR), ids=lambda p: p.stem)
def test_every_valid_example_goes_through_the_form_unchanged(
    case: Path, form_page: Page, form_site: FormSite
) -> None:
    page = form_page
    data = read_yaml(case)
    serve_entry(form_site, case.stem, data)
    open_form(page, f"{form_site.url}{FORM}?service={case.stem}")
    expect(page.locator("#lo-form-status")).to_contain_text("The form has the details of")
    check_answers(page)
    expect(page.locator("#lo-error-summary")).to_be_hidden()
    document, problems = parse_yaml(shown_yaml(page).encode(), case.name)
    assert document is not None, problems
    written = dict(document.data)
    if "id" not in data:  # a new service gets its permanent id from the form
        assert re.fullmatch(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", written.pop("id"))
    expected = {**data, "last_reviewed": dt.date.today().isoformat()}
    assert _normalised(written) == _normalised(expected)


# Invalid examples the form can hold. (Others break the YAML itself, or are values a form control
# cannot take, such as a time like "9:30am".)
CAUGHT_IN_THE_BROWSER = [
    "age-over-25",
    "ages-reversed",
    "bad-email",
    "bad-phone",
    "bad-postcode",
    "contact-role-only",
    "coordinates-swapped",
    "data-url",
    "html-in-description",
    "in-person-without-venue",
    "javascript-url",
    "markdown-heading",
    "markdown-image",
    "missing-required-fields",
    "no-venue-no-delivery",
    "paid-without-cost",
    "schedule-closes-before-opens",
    "schedule-empty-entry",
    "show-dates-reversed",
    "summary-too-long",
    "text-too-short",
    "too-many-contacts",
]


def _control_id(field_path: str) -> str:
    return "lo-f-" + re.sub(r"\[(\d+)\]", r"-\1", field_path).replace(".", "-")


def _value_at(data: Any, field_path: str) -> Any:
    for part in re.findall(r"[^.\[\]]+", field_path):
        data = data[int(part)] if isinstance(data, list) else (data or {}).get(part)
    return data


@pytest.mark.parametrize("name", CAUGHT_IN_THE_BROWSER)
def test_the_browser_finds_what_validate_finds(
    name: str, form_page: Page, form_site: FormSite
) -> None:
    """Each error `localoffer validate` finds is in the summary, in the same words or on the same
    field. (The form words some rules with its question titles rather than YAML field names.)"""
    page = form_page
    case = INVALID_DIR / f"{name}.yaml"
    data = read_yaml(case)
    # An empty list cannot be given in a form: leaving every box unticked leaves the field out.
    errors = [p for p in validate_files([case]).errors if _value_at(data, p.field) != []]
    assert errors, f"{name} should have errors"
    serve_entry(form_site, name, data)
    open_form(page, f"{form_site.url}{FORM}?service={name}")
    expect(page.locator("#lo-form-status")).to_contain_text("The form has the details of")
    check_answers(page)
    summary = page.locator("#lo-error-summary")
    expect(summary).to_be_visible()
    shown = summary.inner_text()
    targets = summary.locator("a").evaluate_all("links => links.map(a => a.hash.slice(1))")
    for problem in errors:
        field = _control_id(problem.field)
        on_its_field = any(t == field or t.startswith(f"{field}-") for t in targets)
        assert problem.message in shown or on_its_field, (
            f"{problem.code} {problem.field}: {problem.message!r} not in:\n{shown}"
        )


def test_without_javascript_the_page_says_how_else_to_send_a_service(
    no_js_page: Page, sample_url: str
) -> None:
    page = no_js_page
    page.goto(sample_url + FORM)  # no script: the form is never shown
    expect(page.locator("#lo-service-form-app")).to_be_hidden()
    note = page.locator(".lo-nojs")
    expect(note).to_contain_text("This form needs JavaScript")
    expect(note.get_by_role("link", name="localoffer@dudley.example")).to_have_attribute(
        "href", "mailto:localoffer@dudley.example"
    )
    note.get_by_role("link", name="How to describe your service").click()
    expect(page.locator("h1")).to_have_text("How to describe your service")


def test_the_form_works_with_the_keyboard_alone(page: Page, sample_url: str) -> None:
    open_form(page, sample_url + FORM)
    keys = Keyboard(page)
    keys.skip_to_content()
    keys.tab_to("Service name", tag="input")
    keys.type("Lye Stay and Play")
    keys.press("Tab")
    assert focus_description(page)["text"].startswith("Summary"), focus_description(page)
    keys.press("Tab")  # then the type of provision, as on the service's card
    assert focus_description(page)["text"].startswith("Early years"), focus_description(page)
    keys.press("Space")
    early_years = page.locator("#lo-f-categories").get_by_label("Early years", exact=False)
    expect(early_years).to_be_checked()
    page.locator("#lo-f-contacts-0-role").focus()  # past the 40-odd boxes of needs and types
    keys.tab_to("Add another contact", tag="button")
    keys.press("Enter")
    expect(page.locator("#lo-f-contacts-1-role")).to_be_focused()


def test_a_file_too_long_for_a_link_is_copied_to_paste_on_github(
    page: Page, sample_url: str
) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_form(page, sample_url + FORM)
    fill_a_new_service(page)
    page.get_by_label("Description", exact=True).fill("Every week we meet online. " * 180)
    check_answers(page)
    text = shown_yaml(page)
    open_github_section(page)
    github = page.get_by_role("link", name="Open the GitHub form")
    href = github.get_attribute("href") or ""
    assert len(href) <= 7000
    assert "service-file" not in parse_qs(urlsplit(href).query)
    # Click without leaving the site: the test may not reach GitHub.
    github.evaluate("link => { link.addEventListener('click', e => e.preventDefault()); }")
    github.click()
    expect(page.locator("#lo-action-status")).to_contain_text("too long to send in a link")
    assert page.evaluate("navigator.clipboard.readText()").strip() == text.strip()
