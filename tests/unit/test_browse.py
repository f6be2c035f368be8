"""Browse pages: every service reachable without JavaScript, in short pages."""

from __future__ import annotations

import dataclasses
import re

from build_tools.directory.browse import DIRECTORY, PAGE_SIZE, browse_pages
from build_tools.model import provider_from_dict
from build_tools.text.page_templates import Deferred

from .test_pages import entry


def providers(count: int, **changes: object) -> tuple:
    base = provider_from_dict("base", entry(**changes))
    return tuple(
        dataclasses.replace(base, slug=f"service-{n:03d}", name=f"Service {n:03d}")
        for n in range(count)
    )


def html(page: str | Deferred) -> str:
    """A list page's HTML (lists are made from a template), or the directory's Markdown."""
    return page.make().html if isinstance(page, Deferred) else page


def test_directory_links_only_to_pages_that_exist() -> None:
    pages = browse_pages(providers(3))
    targets = re.findall(r"\]\(([^)]+)\)", html(pages[DIRECTORY]))
    assert targets
    for target in targets:
        assert f"services/{target}" in pages, target


def test_long_lists_are_split_into_pages() -> None:
    count = PAGE_SIZE * 2 + 5
    pages = browse_pages(providers(count, categories=["early-years"]))
    first = html(pages["services/type/early-years/index.md"])
    second = html(pages["services/type/early-years/page-2/index.md"])
    third = html(pages["services/type/early-years/page-3/index.md"])
    assert first.count('<li class="lo-card">') == PAGE_SIZE
    assert third.count('<li class="lo-card">') == 5
    assert '<a href="../../service-000/">Service 000</a>' in first
    assert '<a href="../../../service-100/">Service 100</a>' in third
    assert '<a href="page-2/">Next page</a>' in first
    assert '<a href="../">Previous page</a>' in second
    assert '<a href="../page-3/">Next page</a>' in second
    assert "This is page 3 of 3." in third
    assert "services/type/early-years/page-4/index.md" not in pages


def test_all_needs_and_whole_borough_appear_in_every_list() -> None:
    pages = browse_pages(providers(1, needs=["all"], service_areas=["dudley-borough"]))
    assert "services/need/asd/index.md" in pages
    assert "services/need/hi/index.md" in pages
    assert "services/area/stourbridge/index.md" in pages
    assert "services/area/outside-dudley/index.md" not in pages


def test_age_bands_overlap_the_age_range() -> None:
    pages = browse_pages(providers(1, age_range={"min": 4, "max": 11}))
    assert {p for p in pages if p.startswith("services/age/")} == {
        "services/age/0-4/index.md",
        "services/age/5-10/index.md",
        "services/age/11-15/index.md",
    }


def test_empty_lists_are_named_but_not_linked() -> None:
    directory = html(browse_pages(providers(1))[DIRECTORY])
    assert "- Special schools (none yet)" in directory


def test_a_broad_area_of_need_and_its_needs_find_each_other() -> None:
    pages = browse_pages(providers(1, needs=["communication-and-interaction"]))
    assert "services/need/asd/index.md" in pages
    assert "services/need/slcn/index.md" in pages
    assert "services/need/hi/index.md" not in pages
    specific = browse_pages(providers(1, needs=["ASD"]))
    assert "services/need/communication-and-interaction/index.md" in specific
    assert "services/need/slcn/index.md" not in specific


def test_cards_escape_provider_text() -> None:
    pages = browse_pages(providers(1, summary="<script>alert(1)</script> & more."))
    page = html(pages["services/type/early-years/index.md"])
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more." in page
