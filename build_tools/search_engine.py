"""Write the site's search files (build_tools/word_index.py) into the finished site.

Services are read from the providers, guidance pages from their finished HTML (collected as
MkDocs renders them), so the search finds what the pages say.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .directory_data import directory_order
from .model import Provider
from .site import write_site_files
from .word_index import (
    WORDS_FOLDER,
    SearchPage,
    search_files,
    service_search_page,
    text_of_html,
)


def guidance_search_page(
    url: str, title: str, meta: Mapping[str, Any], page_html: str
) -> SearchPage | None:
    """A content page as the search sees it (its title and description rank first), or None
    for a service page (found through the providers' data) or a page whose front matter says
    `search: exclude: true` (the browse lists, the search page)."""
    if (meta.get("search") or {}).get("exclude") or meta.get("kind") == "service":
        return None
    description = str(meta.get("description") or "")
    return SearchPage(
        url=url,
        kind="guidance",
        title=title,
        summary=description,
        heading_text=f"{title} {description}",
        body_text=text_of_html(page_html),
    )


def write_search(
    site_dir: Path, providers: Sequence[Provider], guidance: Iterable[SearchPage]
) -> int:
    """Write search/words/ and search/pages.json; returns how many files were written."""
    shutil.rmtree(site_dir / WORDS_FOLDER, ignore_errors=True)
    services = [service_search_page(p) for p in directory_order(providers)]
    pages = services + sorted(guidance, key=lambda page: page.url)
    return write_site_files(site_dir, search_files(pages, len(services)).items())
