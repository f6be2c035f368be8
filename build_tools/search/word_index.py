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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import nh3
import snowballstemmer

from build_tools.model import Provider
from build_tools.schema import vocabulary, vocabulary_extra
from build_tools.search.search_words import NO_GROUPS, WordGroups
from build_tools.search.typo_index import near_files

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


# Where a word is on a page, from what ranks highest: its name or title; what it is about (a
# service's summary and the specific needs it is made for, a guidance page's description and
# section headings); its other headings (organisation, types, broad areas of need); its text.
PLACES = 4
# A service listing more specific needs than this is less about any one of them: its needs
# rank as headings rather than as what it is about.
FEW_NEEDS = 2
# Stems this long or longer that differ by one or two final letters are one word to a family:
# "dyslexic" (stem dyslex) and "dyslexia".
WORD_FORM_STEM = 5


@dataclass(frozen=True)
class SearchPage:
    """One page the search can find: its card, and its text split into how much it counts."""

    url: str  # relative to the site root, e.g. "services/speech-drop-in/"
    kind: str  # "service" or "guidance"
    title: str
    summary: str
    heading_text: str  # summary, headings and the like: a match here ranks higher
    body_text: str
    title_text: str = ""  # its name or title: a match here ranks highest
    about_text: str = ""  # what it is about: ranks next
    headings: tuple[str, ...] = ()  # a guidance page's section headings, for the excerpt


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


def _specific_needs(provider: Provider) -> list[str]:
    """The specific needs a service lists, by label and code ("Autism ASD"). Broad areas and
    "all needs" say less about what it is for."""
    broad = set(vocabulary_extra("x-broad-areas", "needs"))
    specific = [need for need in provider.needs if need != "all" and need not in broad]
    return [*_labels(specific, "needs"), *specific]


def service_search_page(provider: Provider) -> SearchPage:
    """What a family may search a service by: what its page says."""
    needs = _specific_needs(provider)
    made_for = needs if len(needs) <= 2 * FEW_NEEDS else []  # labels and codes: two each
    heading = [
        provider.organisation_name,
        *([] if made_for else needs),
        *_labels([n for n in provider.needs if n != "all"], "needs"),
        *_labels(provider.categories, "categories"),
    ]
    places = [f"{p.name} {p.town} {p.postcode}" for p in provider.locations]
    body = [
        provider.description,
        provider.eligibility,
        *_labels([n for n in provider.needs if n == "all"], "needs"),
        *provider.steps,
        provider.cost_description or "",
        provider.free_places or "",
        *(option.description or "" for option in provider.cost_options),
        *_labels(provider.service_areas, "service_areas"),
        *_labels(provider.languages, "languages"),
        *_labels(provider.delivery, "delivery"),
        *_labels({d for slot in provider.schedules for d in slot.days}, "schedules", "days"),
        *(slot.notes or "" for slot in provider.schedules),
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
        title_text=provider.name,
        about_text=" ".join([provider.summary, *made_for]),
    )


def _gaps(numbers: Iterable[int]) -> list[int]:
    """[3, 4, 9] -> [3, 1, 5]: small numbers, which compress well."""
    gaps, last = [], 0
    for number in sorted(numbers):
        gaps.append(number - last)
        last = number
    return gaps


def shard_of(word: str) -> str:
    """The file a word is looked up in: its first two letters."""
    return word[:SHARD_LETTERS]


Found = list[set[int]]  # the pages holding a stem, one set per place


@dataclass
class _Index:
    forms: dict[str, set[str]]  # stem -> the words seen for it
    found: dict[str, Found]  # stem -> pages holding it, per place
    same: dict[str, tuple[str, ...]]  # stem -> the words and phrases of its group, as written
    canonical: dict[str, str]  # a joined stem -> its family's stem, whose entry it shares


def _index(pages: list[SearchPage], groups: WordGroups) -> _Index:
    """Every stem, the words seen for it and the pages holding it; then word forms and groups
    of words that mean the same are joined (a stem in a group holds every member's pages)."""
    stem = lru_cache(maxsize=None)(_stemmer().stemWord)  # a site repeats its words a lot
    forms: dict[str, set[str]] = defaultdict(set)
    found: dict[str, Found] = defaultdict(lambda: [set() for _ in range(PLACES)])
    phrases = _phrases(groups, stem)
    phrase_found: dict[str, Found] = {p: [set() for _ in range(PLACES)] for p in phrases.values()}
    firsts = {phrase.split()[0] for phrase in phrase_found}
    for number, page in enumerate(pages):
        texts = (page.title_text or page.title, page.about_text, page.heading_text, page.body_text)
        for place, text in enumerate(texts):
            roots = []
            for word in words_of(text):
                root = stem(word)
                forms[root].add(word)
                found[root][place].add(number)
                roots.append(root)
            if firsts.intersection(roots):
                joined = f" {' '.join(roots)} "
                for phrase, lists in phrase_found.items():
                    if f" {phrase} " in joined:
                        lists[place].add(number)
    same, canonical = _join(forms, found, groups, phrases, phrase_found, stem)
    for lists in found.values():
        for place in range(1, PLACES):
            lists[place] -= set().union(*lists[:place])
    return _Index(forms, found, same, canonical)


def _phrases(groups: WordGroups, stem: Callable[[str], str]) -> dict[str, str]:
    """Each phrase of more than one word in the groups -> its stems, space-separated."""
    phrases = {}
    for group in groups.every_group:
        for member in group:
            words = words_of(member)
            if len(words) > 1:
                phrases[member] = " ".join(stem(word) for word in words)
    return phrases


def _join(
    forms: dict[str, set[str]],
    found: dict[str, Found],
    groups: WordGroups,
    phrases: dict[str, str],
    phrase_found: dict[str, Found],
    stem: Callable[[str], str],
) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """Give every stem of a family (word forms, or one-word members of a group) the pages of
    the whole family, and of its group's phrases. Returns each grouped stem's members, and
    each joined stem's family (whose entry in the files it shares)."""
    parent: dict[str, str] = {}

    def root_of(item: str) -> str:
        while parent.get(item, item) != item:
            item = parent[item]
        return item

    def unite(a: str, b: str) -> None:
        parent[root_of(a)] = root_of(b)

    for longer in list(found):
        for cut in (1, 2):
            shorter = longer[:-cut]
            if len(shorter) >= WORD_FORM_STEM and shorter in found:
                unite(longer, shorter)
    extra: dict[str, list[Found]] = defaultdict(list)
    same: dict[str, tuple[str, ...]] = {}
    for group in groups.every_group:
        singles = [words_of(m)[0] for m in group if len(words_of(m)) == 1]
        for word in singles:
            forms[stem(word)].add(word)
            found.setdefault(stem(word), [set() for _ in range(PLACES)])
            unite(stem(word), stem(singles[0]))
        written = tuple(dict.fromkeys(m.lower() for m in group))
        for word in singles:
            same[stem(word)] = tuple(dict.fromkeys(same.get(stem(word), ()) + written))
        if singles:
            extra[stem(singles[0])] += [phrase_found[phrases[m]] for m in group if m in phrases]
    canonical: dict[str, str] = {}
    families: dict[str, list[str]] = defaultdict(list)
    for item in list(parent):
        families[root_of(item)].append(item)
    for family, members in families.items():
        family_stems = {*members, family}
        everything = [found[m] for m in family_stems]
        everything += [lists for m in family_stems for lists in extra.get(m, ())]
        union = [set().union(*(lists[place] for lists in everything)) for place in range(PLACES)]
        words_alike = tuple(dict.fromkeys(w for m in sorted(family_stems) for w in same.get(m, ())))
        for member in family_stems:
            found[member] = union
            canonical[member] = family
            if words_alike:
                same[member] = words_alike
    _spread_phrases(forms, found, groups, stem)
    return same, canonical


def _spread_phrases(
    forms: dict[str, set[str]],
    found: dict[str, Found],
    groups: WordGroups,
    stem: Callable[[str], str],
) -> None:
    """Each word of a phrase in the editors' groups also holds its group's pages, so a family
    typing the phrase finds them ("visually impaired" finds pages that say "blind")."""
    for group in groups.groups:
        singles = [words_of(m)[0] for m in group if len(words_of(m)) == 1]
        if not singles:
            continue
        pages = [set(place) for place in found[stem(singles[0])]]
        for member in group:
            words = words_of(member)
            for word in words if len(words) > 1 else ():
                forms[stem(word)].add(word)
                forms_found = found[stem(word)]
                for place in range(PLACES):
                    forms_found[place] |= pages[place]


def _shards(index: _Index) -> Iterator[tuple[str, dict[str, str]]]:
    """Each file's words, with the stem (or family of stems) each belongs to."""
    by_shard: dict[str, dict[str, str]] = defaultdict(dict)
    for root, words in index.forms.items():
        for word in words:
            by_shard[shard_of(word)][word] = index.canonical.get(root, root)
    for shard in sorted(by_shard):
        yield shard, by_shard[shard]


def search_files(
    pages: list[SearchPage], service_count: int, groups: WordGroups = NO_GROUPS
) -> dict[str, bytes]:
    """Every search file, as {path in the site: contents}. `pages` are the services in
    directory order, then the guidance pages; the first `service_count` are services."""
    index = _index(pages, groups)
    files: dict[str, bytes] = {}
    for shard, words in _shards(index):
        roots = sorted(set(words.values()))
        place = {root: n for n, root in enumerate(roots)}
        data: dict[str, object] = {
            "pages": len(pages),
            "words": {word: place[root] for word, root in sorted(words.items())},
            "found": [[_gaps(pages) for pages in index.found[root]] for root in roots],
        }
        same = {str(place[root]): index.same[root] for root in roots if root in index.same}
        if same:
            data["same"] = same  # for the excerpt: the words that mean the same
        files[f"{WORDS_FOLDER}/{shard}.json"] = _json(data)
    files.update(near_files(word for words in index.forms.values() for word in words))
    guidance = [
        {
            "url": p.url,
            "meta": {"title": p.title, "summary": p.summary, "kind": "Guidance"},
            **({"headings": list(p.headings)} if p.headings else {}),
        }
        for p in pages[service_count:]
    ]
    files[PAGES_FILE] = _json(guidance)
    return files


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
