"""Write the site's search files (build_tools/word_index.py) into the finished site.

Services are read from the providers, guidance pages from their finished HTML (collected as
MkDocs renders them), so the search finds what the pages say.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

from .directory_data import directory_order
from .model import Provider
from .word_index import WORDS_FOLDER, SearchPage, search_files, service_search_page


def guidance_search_page(url: str, title: str, description: str, text: str) -> SearchPage:
    """A guidance page as the search sees it: its title and description rank first."""
    return SearchPage(
        url=url,
        kind="guidance",
        title=title,
        summary=description,
        heading_text=f"{title} {description}",
        body_text=text,
    )


def write_search(
    site_dir: Path, providers: Sequence[Provider], guidance: Iterable[SearchPage]
) -> int:
    """Write search/words/ and search/pages.json; returns how many files were written."""
    shutil.rmtree(site_dir / WORDS_FOLDER, ignore_errors=True)
    services = [service_search_page(p) for p in directory_order(providers)]
    pages = services + sorted(guidance, key=lambda page: page.url)
    files = search_files(pages, len(services))
    for path, data in files.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return len(files)
