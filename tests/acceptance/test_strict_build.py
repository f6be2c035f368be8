"""A broken link or anchor in a content page stops the build: the site is built strict."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort

from build_tools.site import CONFIG, build_site
from tests.support import FIXTURE_PROVIDERS, REPO_ROOT


def project_with_page(tmp_path: Path, page: str) -> Path:
    """Our mkdocs.yml, pointed at a content folder holding one page."""
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    config.update(
        docs_dir=str(tmp_path / "content"),
        hooks=[str(REPO_ROOT / "build_tools" / "hooks.py")],
        watch=[],
    )
    config["theme"]["custom_dir"] = str(REPO_ROOT / "build_tools" / "overrides")
    del config["nav"]
    content = tmp_path / "content"
    content.mkdir()
    # The glossary and "you said, we did" data every site needs.
    shutil.copy(REPO_ROOT / "content" / "glossary.yml", content)
    shutil.copytree(REPO_ROOT / "content" / "feedback", content / "feedback")
    (content / "index.md").write_text(page, encoding="utf-8")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    return config_file


def test_the_test_project_builds_when_its_links_are_right(tmp_path: Path) -> None:
    config = project_with_page(tmp_path, "# Home\n\n[Find a service](services/index.md)\n")
    build_site(tmp_path / "site", FIXTURE_PROVIDERS, config_file=config)
    assert (tmp_path / "site" / "index.html").is_file()


@pytest.mark.parametrize(
    "link",
    ["[Gone](no-such-page.md)", "[Gone](services/index.md#no-such-heading)"],
    ids=["missing-page", "missing-anchor"],
)
def test_a_broken_link_stops_the_build(tmp_path: Path, link: str) -> None:
    config = project_with_page(tmp_path, f"# Home\n\n{link}\n")
    with pytest.raises(Abort, match="warnings in strict mode"):
        build_site(tmp_path / "site", FIXTURE_PROVIDERS, config_file=config)
