"""Nothing in a pull request can make the build read files from elsewhere or run code.

Provider files that are links are refused as they are read (tests/unit/test_load.py); here,
links in content/ stop the build before anything in it is read, and the Markdown extensions and
plugins are pinned to a list known not to read files or run templates.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from build_tools.files.source_files import links_in, links_message
from build_tools.site import CONFIG
from tests.support import FIXTURE_PROVIDERS, REPO_ROOT

# Extensions that only turn Markdown into HTML. Never add one that includes files
# (pymdownx.snippets, markdown-include) or runs templates (the macros plugin): provider and
# content text could then read the build machine's files.
KNOWN_SAFE_EXTENSIONS = {
    "admonition",
    "def_list",
    "attr_list",
    "md_in_html",
    "fenced_code",
    "toc",
    "tables",
}


def _names(items: list[object]) -> set[str]:
    return {next(iter(item)) if isinstance(item, dict) else str(item) for item in items}


def test_only_known_safe_markdown_extensions_and_no_plugins() -> None:
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    assert _names(config["markdown_extensions"]) <= KNOWN_SAFE_EXTENSIONS
    assert config["plugins"] == []
    assert config["hooks"] == ["build_tools/hooks.py"]


def test_links_in_finds_file_and_folder_links_without_following_them(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text("# A page\n", encoding="utf-8")
    (tmp_path / "guidance").mkdir()
    (tmp_path / "guidance" / "leak.md").symlink_to("/etc/passwd")
    (tmp_path / "elsewhere").symlink_to("/etc", target_is_directory=True)
    assert links_in(tmp_path) == [tmp_path / "elsewhere", tmp_path / "guidance" / "leak.md"]
    message = links_message(tmp_path, links_in(tmp_path))
    assert "2 symbolic links" in message and "-> /etc/passwd" in message
    linked_folder = tmp_path / "linked"
    linked_folder.symlink_to(tmp_path / "guidance", target_is_directory=True)
    assert links_in(linked_folder) == [linked_folder]


def test_no_links_in_the_real_content() -> None:
    assert links_in(REPO_ROOT / "content") == []


def test_a_link_in_content_stops_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    content = tmp_path / "content"
    shutil.copytree(REPO_ROOT / "content", content)
    os.symlink("/etc/passwd", content / "leak.md")
    config = load_config(
        config_file=str(CONFIG),
        strict=True,
        docs_dir=str(content),
        site_dir=str(tmp_path / "site"),
    )
    config.extra["providers_dir"] = str(FIXTURE_PROVIDERS)
    with pytest.raises((PluginError, Abort)) as raised:
        build(config)
    said = caplog.text + str(raised.value)
    assert "1 symbolic links in" in said and "leak.md -> /etc/passwd" in said
    assert not (tmp_path / "site" / "leak").exists()
