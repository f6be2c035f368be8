"""The editor at /admin/ in Chromium, in local mode: decap-server writes into a copy of the
repository's content/ and providers/, never the real ones.

An editor signs in, changes a guidance page and a service's phone number, and the files on disk
change; a phone number that is not a UK number is refused in plain English; the preview of a
service shows the same headings, text and contacts as its built page; and the admin page talks
to nothing but the site and the configured backend.

Set LOCALOFFER_SCREENSHOTS to a folder to keep the screenshots the editors' guide uses.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Browser, FrameLocator, Page, expect

from build_tools.editor.cms import LOCAL_ENV
from build_tools.editor.cms_local import DECAP_SERVER, proxy_url, start_local_backend
from build_tools.entries.validate import validate_files
from build_tools.problems import CATALOGUE
from build_tools.site import build_site
from tests.support import REPO_ROOT

from .conftest import DESKTOP, PageWatch
from .test_accessibility import AXE_OPTIONS, AXE_VIOLATIONS

pytestmark = pytest.mark.browser

GUIDANCE = "health"
SERVICE = "castle-hill-speech-drop-in"
# Services whose previews are compared with their built pages: a free one with steps, one
# with prices, and one with Local Offer answers.
PREVIEWED = [
    "little-acorns-inclusive-nursery",
    "sunny-days-holiday-playscheme",
    "oakfield-primary-school",
]
# What axe finds in Decap CMS's own screens (WCAG 2.2 A and AA rules), listed in the
# accessibility statement. A new Decap version that fails anything else fails this test.
KNOWN_DECAP_FAILURES = {
    "aria-command-name",
    "aria-input-field-name",
    "button-name",
    "color-contrast",
    "frame-title",
}
# Lines of a service page that the preview leaves out: links to the site's other pages.
SITE_ONLY = (
    "Read this page in easy read",
    "Report a problem with this page",
    "Are you the provider?",
)


# Puts the caret after the last character of an element (Slate ignores Control+End).
END_OF_TEXT = """element => {
  const range = document.createRange();
  range.selectNodeContents(element);
  range.collapse(false);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}"""


# Every address a page links to or loads.
LOADS = re.compile(r"""\s(?:src|href|data)=["']([^"']*)["']""")


@dataclass(frozen=True)
class Editor:
    url: str
    repo: Path
    backend: str
    site: Path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory, serve: object) -> Iterator[Editor]:
    """The site built for local mode, served, with decap-server on a copy of the repository."""
    if not DECAP_SERVER.is_file():
        message = "node_modules is not installed: run `npm ci` (make test does)."
        if os.environ.get("CI"):
            pytest.fail(message + " CI must run the editor's tests, never skip them.")
        pytest.skip(message)
    repo = tmp_path_factory.mktemp("editor-repo")
    for folder in ("content", "providers"):
        shutil.copytree(REPO_ROOT / folder, repo / folder)
    port = _free_port()
    backend = start_local_backend(repo, port)
    previous = os.environ.get(LOCAL_ENV)
    os.environ[LOCAL_ENV] = proxy_url(port)
    try:
        site = tmp_path_factory.mktemp("editor-site")
        build_site(site_dir=site, pdf=False)
    finally:
        if previous is None:
            del os.environ[LOCAL_ENV]
        else:
            os.environ[LOCAL_ENV] = previous
    try:
        yield Editor(serve(site), repo, f"http://127.0.0.1:{port}", site)  # type: ignore[operator]
    finally:
        backend.terminate()
        backend.wait(timeout=10)


@dataclass
class Admin:
    page: Page
    requested: list[str]
    watch: PageWatch


@pytest.fixture(scope="module")
def admin(browser: Browser, editor: Editor) -> Iterator[Admin]:
    """The editor, signed in once for the module; every address it asked for; its errors."""
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")  # type: ignore[arg-type]
    watch = PageWatch()
    watch.attach(context)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    # "Leave this entry without saving?" after the refused phone number: yes.
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(editor.url + "admin/")
    page.get_by_role("button", name="Login").click(timeout=20_000)
    expect(page.get_by_text("Guidance pages").first).to_be_visible(timeout=20_000)
    yield Admin(page, requested, watch)
    context.close()
    assert not watch.errors, f"script errors: {watch.errors}"


def _shot(page: Page, name: str) -> None:
    folder = os.environ.get("LOCALOFFER_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def _open(page: Page, editor: Editor, collection: str, title: str) -> None:
    """Open an entry as an editor does: its collection, then the entry by its title."""
    page.goto(f"{editor.url}admin/#/collections/{collection}")
    page.get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_text("Changes saved")).to_be_visible(timeout=20_000)


def _name(slug: str) -> str:
    entry = yaml.safe_load((REPO_ROOT / "providers" / f"{slug}.yaml").read_text(encoding="utf-8"))
    return str(entry["name"])


def _publish(page: Page) -> None:
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now").click()


def _saved(page: Page, path: Path, before: bytes) -> str:
    """The file's text once the editor has written it (and has finished writing it)."""
    last = before
    for _ in range(100):
        page.wait_for_timeout(100)
        now = path.read_bytes()
        if now not in (before, b"") and now == last:
            return now.decode("utf-8")
        last = now
    raise AssertionError(f"{path} was not saved")


def _front_matter(text: str) -> dict[str, object]:
    return yaml.safe_load(text.split("---\n", 2)[1])  # type: ignore[no-any-return]


def test_an_editor_changes_a_guidance_page_and_the_file_changes(
    admin: Admin, editor: Editor
) -> None:
    page = admin.page
    _shot(page, "admin-collections")
    _open(page, editor, "guidance", "Health")
    description = "How to get NHS health services for children and young people with SEND."
    page.get_by_label("Description").fill(description)
    # The Markdown box (Decap's "raw" mode) is a text box that is not an <input>.
    body = page.get_by_role("textbox").filter(has_text="Where to start")
    body.click()
    body.evaluate(END_OF_TEXT)
    # The editor (Slate) reads the page's selection on a 100 ms throttle: typing sooner can
    # land the words where the click put the caret, which once failed this test.
    page.wait_for_timeout(250)
    page.keyboard.press("Enter")
    page.keyboard.type("Ask your GP first.", delay=10)
    preview = page.frame_locator("iframe").first
    expect(preview.get_by_text("Ask your GP first.")).to_be_visible()
    _shot(page, "admin-guidance-page")
    path = editor.repo / "content" / "guidance" / f"{GUIDANCE}.md"
    before = path.read_bytes()
    _publish(page)
    saved = _saved(page, path, before)
    assert _front_matter(saved) == {"title": "Health", "description": description}
    assert saved.rstrip().endswith("Ask your GP first.")
    assert "\n# Health\n" in saved and "## Where to start" in saved


def test_an_editor_changes_a_phone_number_and_the_entry_stays_valid(
    admin: Admin, editor: Editor
) -> None:
    page = admin.page
    _open(page, editor, "providers", _name(SERVICE))
    phone = page.get_by_label(re.compile(r"^Phone( \(optional\))?$")).first
    phone.fill("01632 960555")
    preview = page.frame_locator("iframe").first
    expect(preview.get_by_role("link", name="01632 960555")).to_have_attribute(
        "href", "tel:+441632960555"
    )
    _shot(page, "admin-service-entry")
    path = editor.repo / "providers" / f"{SERVICE}.yaml"
    before = path.read_bytes()
    _publish(page)
    saved = yaml.safe_load(_saved(page, path, before))
    original = yaml.safe_load((REPO_ROOT / "providers" / path.name).read_text(encoding="utf-8"))
    assert saved["contacts"][0]["phone"] == "01632 960555"
    original["contacts"][0]["phone"] = "01632 960555"
    assert saved == original, "only the phone number changed"
    report = validate_files([path])
    assert report.ok, [p.message for p in report.problems]


def test_a_wrong_phone_number_is_refused_in_plain_english(admin: Admin, editor: Editor) -> None:
    page = admin.page
    path = editor.repo / "providers" / "vision-support-team.yaml"
    before = path.read_bytes()
    _open(page, editor, "providers", _name("vision-support-team"))
    page.get_by_label(re.compile(r"^Phone( \(optional\))?$")).first.fill("ring us")
    _publish(page)
    expect(page.get_by_text(CATALOGUE["bad-phone"].title).first).to_be_visible()
    _shot(page, "admin-check-before-saving")
    assert path.read_bytes() == before
    # Decap rejects its save with no reason when a check fails: its own way, not a fault.
    admin.watch.errors.remove("undefined")


def _texts(scope: Page | FrameLocator, selector: str) -> list[str]:
    return [" ".join(t.split()) for t in scope.locator(selector).all_inner_texts()]


def _without_glossary(texts: list[str]) -> list[str]:
    """The texts without the words the site adds after a glossary term's first use, such as
    "SEND (special educational needs and disabilities)": the preview does not explain terms."""
    glossary = yaml.safe_load((REPO_ROOT / "content" / "glossary.yml").read_text(encoding="utf-8"))
    added = [f" ({t['stands_for']})" for t in glossary["terms"] if t.get("stands_for")]
    found = []
    for text in texts:
        for words in added:
            text = text.replace(words, "")
        found.append(text)
    return found


@pytest.mark.parametrize("slug", PREVIEWED)
def test_the_preview_of_a_service_matches_its_page(
    admin: Admin, editor: Editor, browser: Browser, slug: str
) -> None:
    page = admin.page
    built = browser.new_page()
    built.goto(f"{editor.url}services/{slug}/")
    article = "article.md-content__inner"
    # "Was this page helpful?" ends every page of the site; it is no part of the service.
    own = ":not(.lo-page-feedback *)"
    expected = {
        "headings": _texts(built, f"{article} :is(h1, h2, h3){own}"),
        "glance": _texts(built, f"{article} dl.lo-glance"),
        "contacts": [
            (a.inner_text(), a.get_attribute("href"))
            for a in built.locator(
                f"{article} a[href^='tel:']{own}, {article} a[href^='mailto:']{own}"
            ).all()
            if a.inner_text() != "Report a problem with this page"
        ],
        "paragraphs": _without_glossary(_texts(built, f"{article} > p")),
    }
    built.close()
    _open(page, editor, "providers", _name(slug))
    preview = page.frame_locator("iframe").first
    expect(preview.locator("h1")).to_have_count(1)
    found = {
        "headings": _texts(preview, f"{article} :is(h1, h2, h3)"),
        "glance": _texts(preview, f"{article} dl.lo-glance"),
        "contacts": [
            (a.inner_text(), a.get_attribute("href"))
            for a in preview.locator(
                f"{article} a[href^='tel:'], {article} a[href^='mailto:']"
            ).all()
        ],
        "paragraphs": _texts(preview, f"{article} > p"),
    }
    assert found["headings"] == expected["headings"]
    assert found["glance"] == expected["glance"]
    assert found["contacts"] == expected["contacts"]
    site_only = [p for p in expected["paragraphs"] if p.startswith(SITE_ONLY)]
    assert found["paragraphs"] == [p for p in expected["paragraphs"] if p not in site_only]


def test_the_admin_page_talks_only_to_the_site_and_the_backend(
    admin: Admin, editor: Editor
) -> None:
    page, requested = admin.page, admin.requested
    _open(page, editor, "providers", _name(SERVICE))
    origins = {f"{urlparse(u).scheme}://{urlparse(u).netloc}" for u in requested}
    origins.discard("data:")
    site = editor.url.rstrip("/")
    assert {o for o in origins if o.startswith("http")} == {site, editor.backend}
    assert all(u.startswith(("http:", "data:", "blob:")) for u in requested)


def test_axe_finds_nothing_new_in_the_editor(admin: Admin, editor: Editor) -> None:
    page = admin.page
    _open(page, editor, "providers", _name(SERVICE))
    page.evaluate(AXE_SCRIPT)
    found_violations = page.evaluate(AXE_VIOLATIONS, AXE_OPTIONS)
    assert {v["id"] for v in found_violations} <= KNOWN_DECAP_FAILURES


def test_no_family_page_loads_any_of_the_editor(browser: Browser, editor: Editor) -> None:
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")  # type: ignore[arg-type]
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    for path in ("", "services/", f"services/{SERVICE}/", "guidance/health/", "search/?q=speech"):
        page.goto(editor.url + path)
    context.close()
    assert requested and not [u for u in requested if "/admin/" in u]
    for built in editor.site.rglob("*.html"):
        if built.parent.name != "admin":
            loads = LOADS.findall(built.read_text(encoding="utf-8"))
            assert not [url for url in loads if "admin/" in url or "decap" in url], built


def test_without_the_editor_configured_admin_says_how_to_set_it_up(
    browser: Browser, sample_url: str, sample_site: Path
) -> None:
    """The sample site has no sign-in proxy: /admin/ is one plain page, with nothing that runs,
    none of the editor's files, and no accessibility failure."""
    admin_folder = sample_site / "admin"
    assert sorted(p.name for p in admin_folder.iterdir()) == ["index.html"]
    html = (admin_folder / "index.html").read_text(encoding="utf-8")
    assert "<script" not in html and 'http-equiv="Content-Security-Policy"' in html
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")  # type: ignore[arg-type]
    watch = PageWatch()
    watch.attach(context)
    context.add_init_script(AXE_SCRIPT)
    page = context.new_page()
    page.goto(sample_url + "admin/")
    expect(page.get_by_role("heading", level=1)).to_have_text("The editor is not set up yet")
    expect(page.get_by_role("link", name="Read the editors' guide")).to_be_visible()
    found_violations = page.evaluate(AXE_VIOLATIONS, AXE_OPTIONS)
    context.close()
    assert found_violations == []
    assert not watch.foreign_requests and not watch.errors
