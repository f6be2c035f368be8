"""The navigation is shared only between pages outside it that link to it the same way."""

from __future__ import annotations

import posixpath
from types import SimpleNamespace

from build_tools.pages.shared_nav import SharedNav


def relative(url: str, from_url: str) -> str:
    return posixpath.relpath(url or ".", posixpath.dirname(from_url.rstrip("/")) or ".")


def page(src_uri: str, url: str) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), url=url)


HOME, GUIDE = page("index.md", ""), page("guidance/health.md", "guidance/health/")
NAV = SimpleNamespace(pages=[HOME, GUIDE])


def test_pages_outside_the_nav_that_link_alike_share_it() -> None:
    shared = SharedNav(relative)
    first, second = page("services/a.md", "services/a/"), page("services/b.md", "services/b/")
    assert shared.get(first, NAV, "../..") is None
    assert shared.keep(first, NAV, "../..", "<nav>A</nav>") == "<nav>A</nav>"
    assert shared.get(second, NAV, "../..") == "<nav>A</nav>"


def test_pages_elsewhere_or_in_the_nav_get_their_own() -> None:
    shared = SharedNav(relative)
    shared.keep(page("services/a.md", "services/a/"), NAV, "../..", "<nav>A</nav>")
    deeper = page("services/a/easy-read.md", "services/a/easy-read/")
    assert shared.get(deeper, NAV, "../../..") is None
    shared.keep(GUIDE, NAV, "../..", "<nav>guide is current</nav>")
    assert shared.get(GUIDE, NAV, "../..") is None
    assert shared.get(page("guidance/x.md", "guidance/x/"), NAV, "../..") is None


def test_pages_outside_the_nav_get_it_pruned() -> None:
    shared = SharedNav(relative)
    features = ["navigation.sections", "navigation.top"]
    outside = shared.features(page("services/a.md", "services/a/"), NAV, "../..", features)
    assert outside == ["navigation.top", "navigation.prune"]
    assert shared.features(GUIDE, NAV, "../..", features) == features
