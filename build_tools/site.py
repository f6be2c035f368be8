"""Build the site with MkDocs, after the provider files have passed validation.

The build writes into a new folder next to the target and swaps it in only when it succeeded, so
a failed build never leaves a half-written site behind: the previous `site/` stays as it was. It
replaces only a folder that an earlier build made (see files/output_folders.py).
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from build_tools.build_state import BuildInput, hand_over
from build_tools.entries.catalog import Catalog
from build_tools.files.output_folders import SITE, check_output_folder, mark_output_folder
from build_tools.pages.guidance_pages import ContentData
from build_tools.paths import CACHE, CONFIG, ROOT

# Beside mkdocs.yml, as the printable booklets' cache and mkdocs-material's plugins keep theirs.
PAGE_CACHE = ROOT / CACHE / "pages"


class BuildFailed(Abort):
    """The site was not built; the message says why. An Abort, so MkDocs' own callers (and
    `mkdocs build`) treat it as they treat theirs, while the CLI needs no MkDocs import."""


def build_site(
    site_dir: Path | None = None,
    providers_dir: Path | None = None,
    config_file: Path = CONFIG,
    pdf: bool = True,
    catalog: Catalog | None = None,
    content: ContentData | None = None,
    page_cache: Path | None = PAGE_CACHE,
) -> None:
    """Run a strict MkDocs build: any warning, such as a broken link, stops it. `pdf=False`
    skips the printable PDF whatever mkdocs.yml says (the print-ready page is still made).

    `providers_dir` replaces mkdocs.yml's `extra.providers_dir`. A `catalog` already validated
    from that folder, and `content` data already loaded, are handed to the hooks
    (build_tools/build_state.py), which then do not read them again. Generated pages are kept
    between builds in `page_cache` (None: not kept; build_tools/files/page_cache.py)."""
    overrides = {"site_dir": str(site_dir.resolve())} if site_dir else {}
    config = load_config(config_file=str(config_file), strict=True, **overrides)
    if providers_dir:
        hand_over(config, BuildInput(providers_dir.resolve(), catalog, content, page_cache))
    if not pdf:
        config.extra["printable_pdf"] = False
    target = Path(config.site_dir)
    # Before any work: the build replaces only a folder that an earlier build made.
    keep = (providers_dir,) if providers_dir else ()
    check_output_folder(target, SITE, keep)
    staging = _new_folder_next_to(target, "building")
    config["site_dir"] = str(staging)
    try:
        with _errors_kept() as errors:
            try:
                build(config)
            except Abort as error:
                # MkDocs logs why it stopped; say it again, so a caller without logging sees it.
                raise BuildFailed("\n".join(errors) or str(error)) from None
            except RecursionError:
                # Validation refuses text that nests too deep to render (LO240), so this is a
                # bug; MkDocs has logged which page it was reading. Never a bare traceback.
                raise BuildFailed(
                    "\n".join([*errors, "A page nests too deeply to render; please report it."])
                ) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    mark_output_folder(staging, SITE, target)
    swap_in(staging, target)


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


def _new_folder_next_to(target: Path, purpose: str) -> Path:
    """An empty, hidden folder beside `target` (same file system, so renames are atomic)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    while True:
        folder = target.parent / f".{target.name}.{purpose}-{secrets.token_hex(4)}"
        try:
            folder.mkdir()  # honours the umask, unlike tempfile.mkdtemp's 0700
        except FileExistsError:
            continue
        return folder


def swap_in(built: Path, target: Path) -> None:
    """Put the `built` folder in place of `target`, then delete the old one."""
    if not target.exists():
        os.replace(built, target)
        return
    previous = _new_folder_next_to(target, "previous")
    previous.rmdir()
    os.replace(target, previous)
    try:
        os.replace(built, target)
    except OSError:
        os.replace(previous, target)  # put the old site back
        raise
    shutil.rmtree(previous, ignore_errors=True)
