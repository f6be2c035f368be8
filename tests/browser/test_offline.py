"""The offline copy opened from disk (file://) in Chromium: browse from the home page to a
service without a server, and every link inside the copy leads to a file in it."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from build_tools.exports.offline import KEPT_SUFFIXES, OFFLINE_ZIP
from tests.acceptance.test_site_pages import facts

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_copy(sample_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site's offline zip, unzipped: the folder a family would open."""
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(sample_site / OFFLINE_ZIP) as archive:
        archive.extractall(folder)
    (top,) = folder.iterdir()
    return top


def test_browse_from_home_to_a_service_from_disk(page: Page, offline_copy: Path) -> None:
    page.goto((offline_copy / "index.html").as_uri())
    expect(page.locator(".lo-offline-note")).to_contain_text("Offline copy")
    page.get_by_role("link", name="Find a service").first.click()
    expect(page).to_have_url(re.compile(r"/services/index\.html$"))
    # From disk no script module runs: the search form is hidden, as without JavaScript.
    expect(page.locator("#lo-finder")).to_be_hidden()
    page.get_by_role("link", name="Autism", exact=True).click()
    expect(page.locator("h1")).to_have_text("Need: Autism")
    first = page.locator("li.lo-card a").first
    name = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_have_text(name)
    expect(page.get_by_role("heading", name="Contact", exact=True)).to_be_visible()


def test_every_link_in_the_copy_leads_to_a_file_in_it(offline_copy: Path) -> None:
    broken = []
    for page in sorted(offline_copy.rglob("*.html")):
        for href, _ in facts(page).links:
            path = href.split("#", 1)[0].split("?", 1)[0]
            if not path or re.match(r"^[a-z]+:", path):
                continue
            if Path(path).suffix.lower() not in KEPT_SUFFIXES:
                broken.append(f"{page.relative_to(offline_copy)}: {href} needs a server")
            elif not (page.parent / path).resolve().is_file():
                broken.append(f"{page.relative_to(offline_copy)}: {href} leads nowhere")
    assert not broken, "\n".join(broken[:20])


def test_the_copy_says_what_works_offline(offline_copy: Path) -> None:
    readme = (offline_copy / "README.txt").read_text(encoding="utf-8")
    assert "Open index.html" in readme
    assert "What needs the website: searching, the filters, services near you" in readme
    assert (offline_copy / "local-offer-guidance.pdf").is_file()
    assert (offline_copy / "local-offer-health.pdf").is_file()
    assert not (offline_copy / "search" / "words").exists()
