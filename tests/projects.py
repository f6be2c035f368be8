"""A small MkDocs project for build tests: our mkdocs.yml and hooks, with one page of content.

It keeps the content the generated pages rely on: the glossary, "you said, we did", and the
providers' guide (the service form links to it).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from build_tools.site import CONFIG
from tests.support import REPO_ROOT

CONTENT = REPO_ROOT / "content"


def project_with_page(tmp_path: Path, page: str) -> Path:
    """Write the project under tmp_path, with `page` as its home page; return its mkdocs.yml."""
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    docs = tmp_path / "content"
    config.update(
        docs_dir=str(docs),
        hooks=[str(REPO_ROOT / "build_tools" / "hooks.py")],
        watch=[],
    )
    config["theme"]["custom_dir"] = str(REPO_ROOT / "build_tools" / "overrides")
    del config["nav"]
    docs.mkdir()
    shutil.copy(CONTENT / "glossary.yml", docs)
    shutil.copytree(CONTENT / "feedback", docs / "feedback")
    shutil.copytree(CONTENT / "providers", docs / "providers")
    (docs / "index.md").write_text(page, encoding="utf-8")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    return config_file
