"""Typo tolerance for the word index: a family's word with one letter wrong, missing, extra or
swapped still finds the site's word. Pure functions.

A word and a typo of it, each with one letter deleted (or none), always meet: "speach" and
"speech" both give "spech"; "austism" gives "autism". So the build writes, for every word of
the site, the word and each of its one-letter deletions, pointing back at the word. Like the
word index, the keys are split into files by their first two letters:
`search/near/<first two letters>.json`. A typo's own deletions start with at most three pairs
of letters (its first two; the first and third; the second and third), so the browser fetches
at most three of these files, and only for a word the index does not hold. It then keeps the
words within one edit (finder.js checks, as the keys meet for some two-edit pairs too).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

NEAR_FOLDER = "search/near"
# Shorter words have too many neighbours one letter away ("ot" and "at", "pip" and "pop"):
# the browser tries typos for words of at least this many letters.
MIN_TYPO_LENGTH = 4


def deletions(word: str) -> set[str]:
    """The word with each one letter left out: "cat" -> {"at", "ct", "ca"}."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def near_files(words: Iterable[str]) -> dict[str, bytes]:
    """The near files, as {path in the site: contents}: each key (a word or a deletion of it)
    with the site's words it comes from, space-separated."""
    keys: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for word in set(words):
        # A typo of a word has at least MIN_TYPO_LENGTH letters, so the word at least one less.
        if len(word) < MIN_TYPO_LENGTH - 1 or not word.isalpha():
            continue
        for key in {word} | deletions(word):
            if len(key) >= 2:
                keys[key[:2]][key].add(word)
    return {
        f"{NEAR_FOLDER}/{shard}.json": json.dumps(
            {key: " ".join(sorted(found)) for key, found in sorted(keys[shard].items())},
            separators=(",", ":"),
        ).encode()
        for shard in sorted(keys)
    }
