"""Phrases joined into one sentence, with a capital letter only where a sentence starts. Pure.

Vocabulary labels are written to stand alone ("You can contact them yourself", "After an
assessment by the council"). Joined, every label after the first loses its capital, unless it
starts with an abbreviation ("GP", "EHC") or the word "I":
"You can contact them yourself or after an assessment by the council".
The previews in the browser (the form's and the editor's) join them the same way, with
assets/javascripts/phrases.js.
"""

from __future__ import annotations

from collections.abc import Sequence


def in_sentence(phrase: str) -> str:
    """The phrase as it reads inside a sentence: "After an assessment" -> "after an assessment"."""
    first = phrase.split(" ", 1)[0]
    if len(first) > 1 and not first[1:].islower():  # an abbreviation: EHC, GP, SENCO
        return phrase
    if first == "I":
        return phrase
    return phrase[:1].lower() + phrase[1:]


def join_phrases(phrases: Sequence[str], last: str = "and") -> str:
    """One phrase, or the phrases joined as a list in a sentence: "a, b or c" (last="or").

    The first keeps its capital; in a list of three or more, a phrase with a comma of its own
    sets the items apart with semicolons, so the list stays readable."""
    if not phrases:
        return ""
    words = [phrases[0], *(in_sentence(p) for p in phrases[1:])]
    if len(words) <= 2:
        return f" {last} ".join(words)
    if any("," in word for word in words):
        return "; ".join(words[:-1]) + f"; {last} " + words[-1]
    return ", ".join(words[:-1]) + f" {last} " + words[-1]
