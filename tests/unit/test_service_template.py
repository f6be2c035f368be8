"""The service page made from its template says and links what the Markdown page did.

The build makes service pages from overrides/generated/service.html; `pages.render_service_page`
is the same page as Markdown (the plain mkdocs-material benchmark builds it, and many tests read
it). Both, passed through the site's Markdown and the sanitiser, give the same HTML, for every
sample provider and every entry of the injection corpus."""

from __future__ import annotations

import functools
import re

import markdown
import pytest

from build_tools.clock import build_day
from build_tools.directory.service_page import render_service_page
from build_tools.directory.service_template import service_page
from build_tools.entries.catalog import load_catalog
from build_tools.model import Provider, provider_from_dict
from build_tools.text.safe_html import clean_page_html
from tests.injection import corpus, corpus_entries
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


# The sample and fixture providers shown today, as "sample/slug" and "fixture/slug" (a
# fixture provider may share a sample's slug).
SHOWN = {
    f"{source}/{provider.slug}": provider
    for source, folder in {"sample": REPO_ROOT / "providers", "fixture": FIXTURE_PROVIDERS}.items()
    for provider in load_catalog(folder, TODAY).providers
}
# The injection corpus's entries, named as corpus_entries names them, from the corpus's length.
CORPUS = [f"corpus/injection-{index:02d}" for index in range(len(corpus()))]


@functools.cache
def corpus_providers() -> dict[str, Provider]:
    """The corpus's entries as providers. Worked out by the first test that needs them, not
    while pytest collects: each test process would, and they take seconds to work out."""
    entries = corpus_entries(TODAY)[0]
    return {f"corpus/{slug}": provider_from_dict(slug, entry) for slug, entry in entries.items()}


def test_every_provider_and_corpus_entry_is_checked() -> None:
    assert len(SHOWN) > 60, "the sample and fixture providers validate"
    assert sorted(CORPUS) == sorted(corpus_providers())


@pytest.mark.parametrize("name", [*SHOWN, *CORPUS])
def test_the_template_page_matches_the_markdown_page(name: str) -> None:
    provider = SHOWN[name] if name in SHOWN else corpus_providers()[name]
    expected = clean_page_html(via_markdown(provider))
    made = clean_page_html(via_template(provider))
    assert re.sub(r"\s+", " ", made) == re.sub(r"\s+", " ", expected)
