"""Write the site's search files (build_tools/search/word_index.py) into the finished site.

Services are read from the providers, guidance pages from their finished HTML (collected as
MkDocs renders them), so the search finds what the pages say.
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from build_tools.files.site_files import write_site_files
from build_tools.model import Provider, directory_order
from build_tools.search.search_words import NO_GROUPS, WordGroups
from build_tools.search.typo_index import NEAR_FOLDER
from build_tools.search.word_index import (
    WORDS_FOLDER,
    SearchPage,
    search_files,
    service_search_page,
    text_of_html,
)

# Pages for providers and editors (how to write an entry, the field reference, problem codes,
# the data report) are technical: families searching for help should never land on them.
STAFF_FOLDERS = ("providers/", "editors/")
_HEADING = re.compile(r"<h[23][^>]*>(.*?)</h[23]>", re.DOTALL)


def guidance_search_page(
    url: str, title: str, meta: Mapping[str, Any], page_html: str
) -> SearchPage | None:
    """A content page as the search sees it (its title and description rank first, then its
    section headings, then its text), or None for a page families do not search: a service
    page (found through the providers' data), a page for providers or editors, or a page whose
    front matter says `search: exclude: true` (the browse lists, the search page)."""
    if (meta.get("search") or {}).get("exclude") or meta.get("kind") == "service":
        return None
    if url.startswith(STAFF_FOLDERS):
        return None
    # Titles and descriptions come with HTML entities ("Dudley&#39;s"); the search shows text.
    title = html.unescape(title)
    description = html.unescape(str(meta.get("description") or ""))
    headings = tuple(" ".join(text_of_html(found).split()) for found in _HEADING.findall(page_html))
    return SearchPage(
        url=url,
        kind="guidance",
        title=title,
        summary=description,
        heading_text="",
        body_text=text_of_html(page_html),
        title_text=f"{title} {description}",
        about_text=" ".join(headings),
        headings=tuple(h for h in headings if h),
    )


def write_search(
    site_dir: Path,
    providers: Sequence[Provider],
    guidance: Iterable[SearchPage],
    groups: WordGroups = NO_GROUPS,
) -> int:
    """Write search/words/, search/near/ and search/pages.json; returns how many files were
    written."""
    shutil.rmtree(site_dir / WORDS_FOLDER, ignore_errors=True)
    shutil.rmtree(site_dir / NEAR_FOLDER, ignore_errors=True)
    services = [service_search_page(p) for p in directory_order(providers)]
    pages = services + sorted(guidance, key=lambda page: page.url)
    return write_site_files(site_dir, search_files(pages, len(services), groups).items())
