"""Build the site with MkDocs, after the provider files have passed validation."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"


def build_site(
    site_dir: Path | None = None, providers_dir: Path | None = None, config_file: Path = CONFIG
) -> None:
    """Run a strict MkDocs build: any warning, such as a broken link, stops it."""
    overrides = {"site_dir": str(site_dir.resolve())} if site_dir else {}
    config = load_config(config_file=str(config_file), strict=True, **overrides)
    if providers_dir:  # read by the on_config hook
        config.extra["providers_dir"] = str(providers_dir.resolve())
    build(config)
