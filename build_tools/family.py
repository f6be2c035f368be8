"""The generated files behind the families' tools: near me and the shortlist. Pure functions."""

from __future__ import annotations

from .model import Provider
from .near_me import NEAR_ME_DATA, near_me_json
from .shortlist import SHORTLIST_PAGE, record_json, record_path, shortlist_page


def family_files(providers: tuple[Provider, ...], site_name: str) -> dict[str, str]:
    """{path from the docs root: content} for the shortlist page and the data files."""
    files = {SHORTLIST_PAGE: shortlist_page(site_name), NEAR_ME_DATA: near_me_json(providers)}
    files.update((record_path(p.slug), record_json(p)) for p in providers)
    return files
