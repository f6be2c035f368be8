"""Index the built site with Pagefind, so search downloads only the chunks a query needs.

mkdocs-material's own search downloads one index of the whole site before the first result
(about 330 KB gzipped for 1,000 services); Pagefind's first search downloads a fraction of that
and supports the directory's filters. Pagefind runs on the finished HTML, after MkDocs; then
`search_bundle` puts the few files it writes in a random order into a fixed one.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .search_bundle import BundleFormatError, make_reproducible

BUNDLE = "pagefind"


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message holds what it said."""


def index_site(site_dir: Path) -> None:
    """Write the search bundle into site_dir/pagefind/, replacing any older one."""
    bundle = site_dir / BUNDLE
    if bundle.exists():
        shutil.rmtree(bundle)
    # Only pages marked data-pagefind-body are indexed: service and guidance pages, not lists.
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"]
    command += ["--output-subdir", BUNDLE]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index {site_dir}:\n{result.stderr.strip()}")
    try:
        make_reproducible(bundle)
    except (BundleFormatError, OSError, ValueError) as error:
        message = f"Pagefind's files in {bundle} are not as expected: {error}"
        raise SearchIndexError(message) from None
