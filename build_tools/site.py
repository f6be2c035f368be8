"""Build the site with MkDocs, after the provider files have passed validation."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

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
    with _errors_kept() as errors:
        try:
            build(config)
        except Abort as error:
            # MkDocs logs why it stopped; say it again, so a caller without logging sees it.
            raise Abort("\n".join(errors) or str(error)) from None


class _Keep(logging.Handler):
    def __init__(self, kept: list[str]) -> None:
        super().__init__(logging.ERROR)
        self.kept = kept

    def emit(self, record: logging.LogRecord) -> None:
        self.kept.append(record.getMessage())


@contextmanager
def _errors_kept() -> Iterator[list[str]]:
    """The messages MkDocs logs as errors while the block runs."""
    kept: list[str] = []
    handler = _Keep(kept)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield kept
    finally:
        logger.removeHandler(handler)
