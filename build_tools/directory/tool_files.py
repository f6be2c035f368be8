"""The generated files behind the families' tools: the directory's filter data, near me and the
shortlist. Pure functions."""

from __future__ import annotations

from build_tools.directory.filter_data import directory_files
from build_tools.directory.near_me import NEAR_ME_DATA, near_me_json
from build_tools.directory.shortlist import SHORTLIST_PAGE, record_json, record_path, shortlist_page
from build_tools.model import Provider


def family_files(providers: tuple[Provider, ...], site_name: str) -> dict[str, str | bytes]:
    """{path from the docs root: content} for the shortlist page and the data files."""
    files: dict[str, str | bytes] = {
        SHORTLIST_PAGE: shortlist_page(site_name),
        NEAR_ME_DATA: near_me_json(providers),
    }
    files.update((record_path(p.slug), record_json(p)) for p in providers)
    files.update(directory_files(providers))
    return files
