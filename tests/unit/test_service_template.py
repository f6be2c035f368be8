"""The service page made from its template says and links what the Markdown page did.

The build makes service pages from overrides/generated/service.html; `pages.render_service_page`
is the same page as Markdown (the plain mkdocs-material benchmark builds it, and many tests read
it). Both, passed through the site's Markdown and the sanitiser, give the same HTML, for every
sample provider and every entry of the injection corpus."""

from __future__ import annotations

import re

import markdown
import pytest

from build_tools.clock import build_day
from build_tools.directory.service_page import render_service_page
from build_tools.directory.service_template import service_page
from build_tools.entries.catalog import load_catalog
from build_tools.model import Provider, provider_from_dict
from build_tools.text.safe_html import clean_page_html
from tests.injection import corpus_entries
from tests.support import FIXTURE_PROVIDERS, REPO_ROOT

# The sample's review dates are checked against the day of the build, as the site's are.
TODAY = build_day()
# As mkdocs.yml sets them.
EXTENSIONS = ["admonition", "def_list", "attr_list", "md_in_html", "fenced_code", "toc", "tables"]
TWIN = '<p class="lo-twin"><a href="easy-read/">Read this page in easy read</a></p>\n'


def via_markdown(provider: Provider) -> str:
    """The Markdown page as MkDocs made it: its links to .md pages become page addresses."""
    page = render_service_page(provider, TODAY).split("---\n", 2)[2]
    converter = markdown.Markdown(
        extensions=EXTENSIONS, extension_configs={"toc": {"permalink": False}}
    )
    made = converter.convert(page)
    return made.replace(
        'href="../providers/add-or-update.md?', 'href="../../providers/add-or-update/?'
    )


def via_template(provider: Provider) -> str:
    return service_page(provider, TODAY).html.replace(TWIN, "", 1)


def providers() -> list[Provider]:
    shown = [*load_catalog(REPO_ROOT / "providers", TODAY).providers]
    shown += load_catalog(FIXTURE_PROVIDERS, TODAY).providers
    assert len(shown) > 60, "the sample and fixture providers validate"
    entries = corpus_entries(TODAY)[0]
    shown += [provider_from_dict(slug, entry) for slug, entry in entries.items()]
    return shown


@pytest.mark.parametrize("provider", providers(), ids=lambda p: p.slug)
def test_the_template_page_matches_the_markdown_page(provider: Provider) -> None:
    expected = clean_page_html(via_markdown(provider))
    made = clean_page_html(via_template(provider))
    assert re.sub(r"\s+", " ", made) == re.sub(r"\s+", " ", expected)
