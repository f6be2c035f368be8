"""The site's search: a word index in small static files, written at build time. Pure functions.

Families search on cheap phones, so a search must download little at any size. Each search
word costs one small file, chosen by the word's first two letters:

- `search/words/<first two letters>.json`: every word of the site that starts with those letters,
  each pointing at the pages that hold it. Words are grouped by their English stem (Snowball),
  so "therapies" finds pages that say "therapy". Pages are numbers: services first, in directory
  order (by name, as `directory_data` numbers them), then guidance pages.
  For each stem there are two lists: pages with it in their title or summary (which rank
  higher), and pages with it only in their text. Lists are stored as gaps between numbers,
  which compress well.
- `search/pages.json`: the cards of the guidance pages (services' cards are in the directory's
  card files).

The browser (finder.js) splits the words as `words_of` does here, looks each one up, keeps the
pages that hold every word and ranks them. There is no search engine to download, no
WebAssembly, and nothing is indexed that a family cannot see.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import nh3
import snowballstemmer

from .model import Provider
from .schema import vocabulary

WORDS_FOLDER = "search/words"
PAGES_FILE = "search/pages.json"
SHARD_LETTERS = 2
# Words too common to help find anything. finder.js gets this list from the form, so a search
# for "help with speech" looks for "help" and "speech" only.
STOP_WORDS_TEXT = (
    "a about an and are as at be by can do for from has have if in into is it its of on or our "
    "the their them they this to us we what when where which who will with you your"
)
STOP_WORDS = frozenset(STOP_WORDS_TEXT.split())
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class SearchPage:
    """One page the search can find: its card, and its text split into how much it counts."""

    url: str  # relative to the site root, e.g. "services/speech-drop-in/"
    kind: str  # "service" or "guidance"
    title: str
    summary: str
    heading_text: str  # title, summary and the like: a match here ranks higher
    body_text: str


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.Stemmer:
    return snowballstemmer.stemmer("english")


def words_of(text: str) -> list[str]:
    """Lower-case words without accents or punctuation, stop words left out: as finder.js
    splits a family's search."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    plain = plain.replace("'", "")  # "children's" -> "childrens", as typed
    return [w for w in _WORD.findall(plain) if len(w) > 1 and w not in STOP_WORDS]


def text_of_html(page_html: str) -> str:
    """The visible text of an HTML fragment: tags removed by the sanitiser, which also drops
    the content of script and style elements. Each tag leaves a space, so the words of
    neighbouring cells or list items never run together."""
    return html.unescape(nh3.clean(page_html.replace("<", " <"), tags=set()))


def _labels(values: Iterable[str], *path: str) -> list[str]:
    names = vocabulary(*path)
    return [names.get(value, value) for value in values]


def service_search_page(provider: Provider) -> SearchPage:
    """What a family may search a service by: what its page says."""
    heading = [
        provider.name,
        provider.summary,
        provider.organisation_name,
        *_labels(provider.needs, "needs"),
        *_labels(provider.categories, "categories"),
    ]
    places = [f"{p.name} {p.town} {p.postcode}" for p in provider.locations]
    body = [
        provider.description,
        provider.eligibility,
        *provider.steps,
        provider.cost_description or "",
        *_labels(provider.service_areas, "service_areas"),
        *_labels(provider.languages, "languages"),
        *_labels(provider.delivery, "delivery"),
        *places,
        *provider.local_offer.values(),
    ]
    return SearchPage(
        url=f"services/{provider.slug}/",
        kind="service",
        title=provider.name,
        summary=provider.summary,
        heading_text=" ".join(heading),
        body_text=" ".join(body),
    )


def _gaps(numbers: Iterable[int]) -> list[int]:
    """[3, 4, 9] -> [3, 1, 5]: small numbers, which compress well."""
    gaps, last = [], 0
    for number in sorted(numbers):
        gaps.append(number - last)
        last = number
    return gaps


def _shard(word: str) -> str:
    return word[:SHARD_LETTERS]


def _index(pages: list[SearchPage]) -> tuple[dict[str, set[str]], dict[str, list[set[int]]]]:
    """Stem -> the words seen for it; stem -> [pages with it in a heading, pages with it only
    in their text]."""
    stem = lru_cache(maxsize=None)(_stemmer().stemWord)  # a site repeats its words a lot
    forms: dict[str, set[str]] = defaultdict(set)
    found: dict[str, list[set[int]]] = defaultdict(lambda: [set(), set()])
    for number, page in enumerate(pages):
        for place, text in enumerate((page.heading_text, page.body_text)):
            for word in words_of(text):
                root = stem(word)
                forms[root].add(word)
                found[root][place].add(number)
    for lists in found.values():
        lists[1] -= lists[0]
    return forms, found


def _shards(forms: dict[str, set[str]]) -> Iterator[tuple[str, dict[str, str]]]:
    """Each file's words, with the stem each belongs to."""
    by_shard: dict[str, dict[str, str]] = defaultdict(dict)
    for root, words in forms.items():
        for word in words:
            by_shard[_shard(word)][word] = root
    for shard in sorted(by_shard):
        yield shard, by_shard[shard]


def search_files(pages: list[SearchPage], service_count: int) -> dict[str, bytes]:
    """Every search file, as {path in the site: contents}. `pages` are the services in
    directory order, then the guidance pages; the first `service_count` are services."""
    forms, found = _index(pages)
    files: dict[str, bytes] = {}
    for shard, words in _shards(forms):
        roots = sorted(set(words.values()))
        place = {root: n for n, root in enumerate(roots)}
        data = {
            "pages": len(pages),
            "words": {word: place[root] for word, root in sorted(words.items())},
            "found": [[_gaps(found[root][0]), _gaps(found[root][1])] for root in roots],
        }
        files[f"{WORDS_FOLDER}/{shard}.json"] = _json(data)
    guidance = [
        {"url": p.url, "meta": {"title": p.title, "summary": p.summary, "kind": "Guidance"}}
        for p in pages[service_count:]
    ]
    files[PAGES_FILE] = _json(guidance)
    return files


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
