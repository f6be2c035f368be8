"""The directory and its browse pages, which work without JavaScript. Pure functions.

`browse_pages(providers)` returns, by source path:
- services/index.md, the directory, as Markdown: links to every browse list, with counts;
- services/<facet>/<value>/index.md (and page-2/, page-3/, ...): paginated lists of service cards,
  for each type of provision, need, age band and area, made from the template
  overrides/generated/browse-list.html (build_tools/text/page_templates.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from markupsafe import Markup
from slugify import slugify

from build_tools.directory.cards import card_list, service_card
from build_tools.directory.filters import browse_dimensions
from build_tools.directory.near_me import example_postcode
from build_tools.directory.search_forms import RESULTS_PER_BATCH, FirstResults, directory_finder
from build_tools.files.page_cache import digest
from build_tools.model import Provider, directory_order
from build_tools.text.front_matter import front_matter
from build_tools.text.page_templates import Deferred, Headings, RenderedPage, render, rendered
from build_tools.text.wording import plain

PAGE_SIZE = 50
DIRECTORY = "services/index.md"
# The directory runs the finder script, and is a way into the services, not a search result.
DIRECTORY_FRONT_MATTER = front_matter({"template": "finder.html", "search": {"exclude": True}})


@dataclass(frozen=True)
class Facet:
    """One way to browse: a URL segment, a heading, and which values a provider has."""

    segment: str
    heading: str
    labels: dict[str, str]
    values_of: Callable[[Provider], tuple[str, ...]]
    groups: dict[str, dict[str, Any]] | None = None
    # For areas: the values where a service happens (a venue there), apart from those it is
    # only open to, so a family (and the editors' coverage counts) can tell the two apart.
    here_of: Callable[[Provider], tuple[str, ...]] | None = None


def facets() -> list[Facet]:
    """The browse facets, in the order the directory lists them: the browse dimensions of the
    one table in filters.py, with their labels and groups read once."""
    return [
        Facet(
            dimension.key,
            dimension.heading,
            dimension.options(),
            dimension.values_of,
            dimension.groups() if dimension.groups else None,
            dimension.here_of,
        )
        for dimension in browse_dimensions()
    ]


def value_slug(value: str) -> str:
    return slugify(value) or "other"


def _pages_of(items: list[Provider]) -> Iterator[tuple[int, int, list[Provider]]]:
    total = max(1, -(-len(items) // PAGE_SIZE))
    for number in range(1, total + 1):
        yield number, total, items[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]


def _list_page(
    facet: Facet,
    value: str,
    number: int,
    total: int,
    items: list[Provider],
    count: int,
    entry_keys: dict[str, str],
) -> Deferred:
    """One page of a list, made when it is needed; its key names the list, the page and the
    entries of its cards (`entry_keys`: each entry's hash, by slug)."""
    title = f"{facet.heading}: {facet.labels[value]}"
    # Lists repeat what the service pages say: keep them out of the search index.
    source = "\n".join([*front_matter({"search": {"exclude": True}}), f"# {plain(title)}", ""])
    path = _list_path(facet, value, number)
    cards = [entry_keys[p.slug] for p in items]
    key = digest("list", path, title, f"{number}/{total}/{count}", *cards)
    make = partial(_list_html, facet, value, number, total, items, count, source)
    return Deferred(source, key, make)


def _list_html(
    facet: Facet,
    value: str,
    number: int,
    total: int,
    items: list[Provider],
    count: int,
    source: str,
) -> RenderedPage:
    label = facet.labels[value]
    depth = 3 if number == 1 else 4  # services/<facet>/<value>/[page-N/]index.md
    heading = Headings()
    title = heading(1, f"{facet.heading}: {label}")
    # Links are final URLs, from the list's address (services/<facet>/<value>/[page-N/]).
    service_url = "../" * (depth - 1)
    groups = []
    for where, group in _by_where(facet, value, items):
        level = 3 if where else 2
        cards = [service_card(p, f"{service_url}{p.slug}/", heading_level=level) for p in group]
        groups.append((heading(2, where) if where else None, Markup(card_list(cards))))
    body = render(
        "browse-list.html",
        title=title,
        count=count,
        noun="service" if count == 1 else "services",
        page_note=f" This is page {number} of {total}." if total > 1 else "",
        up="../" * (depth - 1),
        groups=groups,
        pager=list(_pager(number, total)),
    )
    return rendered(source, body, heading)


def _by_where(
    facet: Facet, value: str, items: list[Provider]
) -> Iterator[tuple[str, list[Provider]]]:
    """An area's services in two groups, those happening there first, each with a heading;
    any other list as it is."""
    if facet.here_of is None or value in ("dudley-borough", "outside-dudley"):
        yield "", items
        return
    town = facet.labels[value]
    here = [p for p in items if value in facet.here_of(p)]
    elsewhere = [p for p in items if value not in facet.here_of(p)]
    if here:
        yield f"Happening in {town}", here
    if elsewhere:
        yield f"Also open to families in {town}", elsewhere


def _happening_first(
    here_of: Callable[[Provider], tuple[str, ...]], value: str, items: list[Provider]
) -> list[Provider]:
    return sorted(items, key=lambda provider: value not in here_of(provider))


def _pager(number: int, total: int) -> Iterator[tuple[str, str]]:
    """The links to the previous and next pages, from this page's address."""
    if number > 1:
        yield "Previous page", "../" if number == 2 else f"../page-{number - 1}/"
    if number < total:
        yield "Next page", "page-2/" if number == 1 else f"../page-{number + 1}/"


def _list_path(facet: Facet, value: str, number: int) -> str:
    folder = f"services/{facet.segment}/{value_slug(value)}"
    return f"{folder}/index.md" if number == 1 else f"{folder}/page-{number}/index.md"


def _directory_entry(facet: Facet, value: str, items: list[Provider]) -> str:
    label = plain(facet.labels[value])
    if not items:
        return f"- {label} (none yet)"
    count = f"{len(items)}"
    if facet.here_of is not None and value not in ("dudley-borough", "outside-dudley"):
        here = sum(value in facet.here_of(p) for p in items)
        count = f"{here} happening there, {len(items)} open to families there"
    return f"- [{label}]({facet.segment}/{value_slug(value)}/index.md) ({count})"


def _first_results(providers: tuple[Provider, ...]) -> FirstResults:
    """The directory's first cards, by name, written into the page (links from /services/)."""
    first = directory_order(providers)[:RESULTS_PER_BATCH]
    cards = tuple(service_card(p, f"{p.slug}/", heading_level=3) for p in first)
    return FirstResults(cards, len(providers))


def browse_pages(providers: tuple[Provider, ...]) -> dict[str, str | Deferred]:
    """Every browse page and the directory, as {source path: Markdown} for the directory and
    {source path: page made from a template} for the lists."""
    pages: dict[str, str | Deferred] = {}
    # What a card shows comes from its entry alone: each entry's data, hashed once.
    entry_keys = {p.slug: digest(repr(p)) for p in providers}
    directory = [
        *DIRECTORY_FRONT_MATTER,
        "# Find a service",
        "",
        # The count is in the results' status line: on a phone, the results come first.
        directory_finder(example_postcode(providers), _first_results(providers)),
        "",
        "## Browse the services",
        "",
        "Choose a list. The lists work on any phone or computer, with or without JavaScript.",
        "",
    ]
    for facet in facets():
        directory += [f"### By {facet.heading.lower()}", ""]
        groups = facet.groups or {"": {"label": "", "members": list(facet.labels)}}
        index: dict[str, list[Provider]] = {value: [] for value in facet.labels}
        for provider in providers:
            for value in facet.values_of(provider):
                if value in index:  # SEMH is listed under its broad area (need_choices)
                    index[value].append(provider)
        for group in groups.values():
            if group["label"]:
                directory += [f"#### {plain(group['label'])}", ""]
            for value in group["members"]:
                items = index[value]
                if facet.here_of is not None:  # happening there first, across all pages
                    items = _happening_first(facet.here_of, value, items)
                directory.append(_directory_entry(facet, value, items))
                for number, total, chunk in _pages_of(items) if items else ():
                    pages[_list_path(facet, value, number)] = _list_page(
                        facet, value, number, total, chunk, len(items), entry_keys
                    )
            directory.append("")
    pages[DIRECTORY] = "\n".join(directory)
    return pages
