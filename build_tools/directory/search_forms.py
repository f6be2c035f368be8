"""The HTML of the search and filter forms, for the directory and the search page. Pure functions.

The forms are ordinary GET forms with labelled controls, written at build time. The script
(overrides/assets/javascripts/finder.js) reads them, keeps their state in the URL and shows the
results; without JavaScript the whole block stays hidden and the browse lists do the job.
Each HTML block is one line with no blank lines, so Python-Markdown passes it through untouched.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from build_tools.directory.filters import FILTERS, MAX_AGE, MIN_AGE, Dimension
from build_tools.directory.near_me import FALLBACK_EXAMPLE, near_me_fields
from build_tools.schema import vocabulary, vocabulary_extra
from build_tools.search.word_index import STOP_WORDS_TEXT
from build_tools.text.front_matter import front_matter

RESULTS_PER_BATCH = 20


def _options(values: dict[str, str], chosen_label: str) -> str:
    items = [f'<option value="">{html.escape(chosen_label)}</option>']
    items += [
        f'<option value="{html.escape(value)}">{html.escape(label)}</option>'
        for value, label in values.items()
    ]
    return "".join(items)


def _type_options(any_label: str) -> str:
    """Types of service in their groups, as the schema's x-groups order them."""
    labels = vocabulary("categories")
    items = [f'<option value="">{html.escape(any_label)}</option>']
    for group in vocabulary_extra("x-groups", "categories").values():
        members = {value: labels[value] for value in group["members"]}
        inner = _options(members, "")[len('<option value=""></option>') :]
        items.append(f'<optgroup label="{html.escape(group["label"])}">{inner}</optgroup>')
    return "".join(items)


def _select(item: Dimension) -> str:
    control_id = f"lo-filter-{item.key}"
    options = (
        _type_options(item.any_label)
        if item.key == "type"
        else _options(item.options(), item.any_label)
    )
    return (
        f'<div class="lo-field"><label for="{control_id}">{html.escape(item.label)}</label>'
        f'<select id="{control_id}" name="{item.key}">{options}</select></div>'
    )


def _text_field(control_id: str, label: str, hint: str) -> str:
    return (
        f'<div class="lo-field"><label for="{control_id}">{label}</label>'
        f'<p class="lo-hint" id="{control_id}-hint">{hint}</p>'
        f'<input id="{control_id}" name="q" type="search" autocomplete="off" '
        f'aria-describedby="{control_id}-hint"></div>'
    )


def _age_field() -> str:
    return (
        '<div class="lo-field"><label for="lo-filter-age">Age of the child or young person</label>'
        '<p class="lo-hint" id="lo-filter-age-hint">In years, for example 7</p>'
        '<p class="lo-error" id="lo-filter-age-error" hidden></p>'
        f'<input id="lo-filter-age" name="age" type="number" inputmode="numeric" '
        f'min="{MIN_AGE}" max="{MAX_AGE}" step="1" class="lo-age" '
        'aria-describedby="lo-filter-age-hint lo-filter-age-error"></div>'
    )


def _results(noun: str, first: FirstResults | None = None) -> str:
    status = html.escape(first.status) if first else ""
    cards = "".join(first.cards) if first else ""
    more = (
        f'<button type="button" id="lo-more" class="md-button">Show more ({first.left} left)'
        "</button>"
        if first and first.left
        else f'<button type="button" id="lo-more" class="md-button" hidden>Show more {noun}'
        "</button>"
    )
    return (
        '<h2 id="lo-results-heading">Results</h2>'
        f'<p id="lo-status" class="lo-status" role="status" aria-live="polite">{status}</p>'
        f'<ol id="lo-results" class="lo-results" aria-labelledby="lo-results-heading">{cards}</ol>'
        + more
    )


@dataclass(frozen=True)
class FirstResults:
    """What the directory shows before anyone chooses anything: the first cards by name.

    Written into the page, so a first visit needs no search data at all.
    """

    cards: tuple[str, ...]
    total: int

    @property
    def left(self) -> int:
        return self.total - len(self.cards)

    @property
    def status(self) -> str:
        noun = "service" if self.total == 1 else "services"
        return (
            f"{self.total} {noun}, by name. Choose a need, an age or an area to narrow them down."
        )


def directory_finder(
    example_postcode: str = FALLBACK_EXAMPLE, first: FirstResults | None = None
) -> str:
    """Search words, the filters, "near you" and the results, for the directory at /services/."""
    main = [f for f in FILTERS if not f.more]
    more = [f for f in FILTERS if f.more]
    filters = [
        _select(main[0]),
        _age_field(),
        *(_select(item) for item in main[1:]),
        '<div class="lo-field lo-check"><input id="lo-filter-cost" name="cost" type="checkbox" '
        'value="free" data-chip="Free or free places"><label for="lo-filter-cost">'
        "Free, or with free places</label></div>",
        '<details class="lo-more-filters" id="lo-more-filters"><summary>More filters: day, '
        "language, venue accessibility, how it is given</summary>",
        *(_select(item) for item in more),
        "</details>",
        near_me_fields(example_postcode),
        '<div class="lo-field"><label for="lo-sort">Sort by</label><select id="lo-sort" '
        'name="sort"><option value="">Best match (by name when there are no search words)'
        '</option><option value="name">Name, A to Z</option><option value="checked">'
        'Most recently checked</option><option value="distance">Nearest first (needs a '
        "postcode or your location)</option></select></div>",
        '<div class="lo-actions"><button type="submit" class="md-button md-button--primary">'
        'Show services</button><a class="md-button" href="./">Clear all filters</a></div>',
    ]
    # On a phone the search box and the results come first: the filters wait behind a
    # "Filter" button (open from the start on a wide screen, finder.js), and the filters
    # chosen show as chips that remove them.
    fields = [
        '<div class="lo-field lo-query"><label for="lo-filter-q">Search words</label>'
        '<p class="lo-hint" id="lo-filter-q-hint">For example speech or swimming</p>'
        '<div class="lo-search-row"><input id="lo-filter-q" name="q" type="search" '
        'autocomplete="off" aria-describedby="lo-filter-q-hint"><button type="submit" '
        'class="md-button md-button--primary">Search</button></div></div>',
        '<details class="lo-filters" id="lo-filters"><summary><span>Filter</span> '
        '<span id="lo-filters-count" class="lo-filters-count"></span></summary>'
        '<div class="lo-filters-body">' + "".join(filters) + "</div></details>",
        '<div id="lo-chips" class="lo-chips" hidden><p class="lo-chips-label" '
        'id="lo-chips-label">Filters applied: choose one to remove it</p>'
        '<ul class="lo-chip-list" aria-labelledby="lo-chips-label"></ul></div>',
    ]
    total = first.total if first else 0
    return _finder(
        "Search and filter services", {"kind": "service"}, fields, "services", first, total
    )


def site_search(service_count: int) -> str:
    """One search box over guidance pages and services, for the search page."""
    fields = [
        _text_field("lo-filter-q", "Search words", "For example autism, or EHC plan"),
        '<div class="lo-field"><label for="lo-filter-kind">Show</label><select '
        'id="lo-filter-kind" name="kind"><option value="">Services and guidance</option>'
        '<option value="service">Services only</option><option value="guidance">Guidance only'
        "</option></select></div>",
        '<div class="lo-actions"><button type="submit" class="md-button md-button--primary">'
        "Search</button></div>",
    ]
    return _finder("Search services and guidance", {}, fields, "results", total=service_count)


def _finder(
    heading: str,
    fixed: dict[str, str],
    fields: list[str],
    noun: str,
    first: FirstResults | None = None,
    total: int = 0,
) -> str:
    fixed_json = html.escape(json.dumps(fixed), quote=True)
    # data-count: how many services the directory's filter data covers (one bit each);
    # data-stop-words: words the search leaves out, as search/word_index.py does.
    return (
        # Shown from the start, so the page does not move when the script arrives; no-js.css
        # hides it (class lo-needs-js) when JavaScript is off.
        '<section id="lo-finder" class="lo-finder lo-needs-js" aria-labelledby="lo-finder-heading">'
        f'<h2 id="lo-finder-heading">{html.escape(heading)}</h2>'
        f'<form id="lo-form" class="lo-form" method="get" role="search" '
        f'data-fixed-filters="{fixed_json}" data-batch="{RESULTS_PER_BATCH}" '
        f'data-count="{total}" data-stop-words="{STOP_WORDS_TEXT}" '
        f'aria-labelledby="lo-finder-heading">'
        + "".join(fields)
        + "</form>"
        + _results(noun, first)
        + "</section>"
    )


SEARCH_PAGE = "search/index.md"


def search_page(service_count: int) -> str:
    """The Markdown of the search page, with its no-JavaScript notice."""
    return "\n".join(
        [
            *front_matter({"template": "finder.html", "search": {"exclude": True}}),
            "# Search",
            "",
            '<p class="lo-nojs">Search needs JavaScript, which is switched off or not working in '
            'this browser. You can still <a href="../services/">browse the services</a> by type, '
            "need, age or area.</p>",
            "",
            site_search(service_count),
            "",
        ]
    )
