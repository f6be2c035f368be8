"""A broken link or anchor in a content page stops the build: the site is built strict."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from build_tools.site import build_site
from tests.projects import project_with_page
from tests.support import FIXTURE_PROVIDERS


def test_the_test_project_builds_when_its_links_are_right(tmp_path: Path) -> None:
    config = project_with_page(tmp_path, "# Home\n\n[Find a service](services/index.md)\n")
    build_site(tmp_path / "site", FIXTURE_PROVIDERS, config_file=config, pdf=False)
    assert (tmp_path / "site" / "index.html").is_file()


@pytest.mark.parametrize(
    "link",
    ["[Gone](no-such-page.md)", "[Gone](services/index.md#no-such-heading)"],
    ids=["missing-page", "missing-anchor"],
)
def test_a_broken_link_stops_the_build(tmp_path: Path, link: str) -> None:
    config = project_with_page(tmp_path, f"# Home\n\n{link}\n")
    with pytest.raises(Abort, match="warnings in strict mode"):
        build_site(tmp_path / "site", FIXTURE_PROVIDERS, config_file=config, pdf=False)
