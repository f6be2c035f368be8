"""Characters that hide what text says, and names that copy another with look-alike letters.

Pure functions; the rules in `entries/rules.py` turn what they find into warnings. (Characters that
break the site's files, control characters and non-characters, are refused when a file is
read: `safe_yaml`.)

- Bidirectional overrides and isolates make text show in another order than it is stored: a
  phone number or a web address can read differently from where it leads.
- Zero-width characters hide inside a word, so two names that look the same are different.
- A look-alike letter from another alphabet (Cyrillic "а", Greek "ο") makes a new service's
  name look exactly like a listed one's. `skeleton` maps the common ones to the Latin letter
  they look like, so two names with the same skeleton look the same to a family.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

_HIDDEN = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")

# Cyrillic, Greek and other letters that look like a Latin letter in common fonts; NFKC has
# already turned full-width and mathematical letters into plain ones.
_LOOK_ALIKES = {
    "a": "аαɑ",
    "b": "Ьь",
    "c": "сϲ",
    "d": "ԁ",
    "e": "еε",
    "g": "ɡ",
    "h": "һ",
    "i": "іιӏ",
    "j": "ј",
    "k": "κк",
    "l": "ⅼ",
    "m": "м",
    "n": "п",
    "o": "оοσ",
    "p": "рρ",
    "q": "ԛ",
    "s": "ѕ",
    "t": "т",
    "u": "υ",
    "v": "νѵ",
    "w": "ԝ",
    "x": "хχ",
    "y": "уү",
    "A": "АΑ",
    "B": "ВΒ",
    "C": "СϹ",
    "E": "ЕΕ",
    "H": "НΗ",
    "I": "ІΙӀ",
    "J": "Ј",
    "K": "КΚ",
    "M": "МΜ",
    "N": "Ν",
    "O": "ОΟ",
    "P": "РΡ",
    "S": "Ѕ",
    "T": "ТΤ",
    "X": "ХΧ",
    "Y": "ҮΥ",
    "Z": "Ζ",
}
_TO_LATIN = str.maketrans(
    {other: latin for latin, others in _LOOK_ALIKES.items() for other in others}
)


def hidden_character(text: str) -> str | None:
    """The first bidirectional control or zero-width character in the text, as U+XXXX."""
    match = _HIDDEN.search(text)
    return f"U+{ord(match.group()):04X}" if match else None


def skeleton(name: str) -> str:
    """What a name looks like: look-alike letters made Latin, hidden characters and case and
    spacing ignored."""
    shown = _HIDDEN.sub("", unicodedata.normalize("NFKC", name)).translate(_TO_LATIN)
    return " ".join(shown.casefold().split())


def strings_in(
    data: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text value in parsed YAML, with its path."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings_in(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings_in(value, (*path, index))
