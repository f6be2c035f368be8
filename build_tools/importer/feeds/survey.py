"""Local Offer survey questions matched to our fields by what they ask, not their wording.

Directories word their Local Offer questions in many ways ("How can families start to use your
service?", "How do parents join?"). Each field has words that point to it, some stronger than
others; the field with the highest score wins. When the winner is close to the runner-up the
match is unsure, and the question is kept with the answer so that an editor can check it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from build_tools.importer.feeds.convert import Conversion, set_markdown
from build_tools.importer.feeds.html_text import to_plain
from build_tools.importer.feeds.record import Record
from build_tools.importer.feeds.shared import read_steps

# Field -> words that point to it, with their weight. Words are stemmed as _stem() does.
_POINTERS: dict[str, dict[str, int]] = {
    "how_to_access": {
        "start": 2, "begin": 2, "join": 2, "access": 1, "refer": 2, "referral": 2, "apply": 2,
        "book": 1, "sign": 1, "register": 2, "contact": 1, "first": 1, "get": 1,
    },
    "identifying_needs": {"identify": 3, "assess": 2, "assessment": 2, "notice": 1, "concern": 1},
    "teaching": {"teach": 3, "curriculum": 3, "lesson": 2, "adapt": 1, "learn": 1},
    "progress": {
        "progress": 3, "involve": 1, "share": 1, "information": 1, "review": 1,
        "report": 1, "parent": 1, "carer": 1, "communicate": 1, "feedback": 1,
    },
    "staff_training": {
        "train": 3, "staff": 1, "qualification": 2, "expertise": 2, "skill": 1, "experience": 1,
    },
    "accessibility": {
        "accessible": 3, "accessibility": 3, "building": 2, "wheelchair": 2, "physical": 1,
        "environment": 1, "setting": 1, "adaptation": 1,
    },
    "transitions": {
        "transition": 3, "move": 2, "leave": 2, "prepare": 1, "adulthood": 2, "next": 1,
        "change": 1,
    },
    "wellbeing": {
        "wellbeing": 3, "emotional": 2, "mental": 2, "social": 1, "friendship": 2,
        "behaviour": 1, "confidence": 1, "safe": 1,
    },
    "activities": {"activity": 2, "club": 2, "trip": 2, "outing": 2, "extra": 1},
    "outcomes": {"outcome": 3, "achieve": 2, "difference": 2, "impact": 2, "result": 1,
                 "benefit": 1},
    "future_plans": {"future": 3, "plan": 2, "develop": 1, "improve": 1},
}  # fmt: skip
SURE_MARGIN = 2  # the winner must beat the runner-up by this much to be sure


class Match(NamedTuple):
    field: str  # "how_to_access" or a key of the local_offer block
    sure: bool


def _stem(word: str) -> str:
    for ending in ("ing", "ies", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[: -len(ending)] + ("y" if ending == "ies" else "")
            break
    return word


def _words(question: str) -> list[str]:
    return [_stem(word) for word in re.findall(r"[a-z]+", question.lower())]


def match_question(question: str) -> Match | None:
    """The field a Local Offer question belongs to, and whether the match is sure."""
    words = _words(question)
    scores = sorted(
        (
            (sum(pointers.get(word, 0) for word in words), field)
            for field, pointers in _POINTERS.items()
        ),
        reverse=True,
    )
    (best, field), (second, _) = scores[0], scores[1]
    if best < 2:
        return None
    return Match(field, best - second >= SURE_MARGIN)


def read_survey_answer(conversion: Conversion, answer: Record) -> None:
    """One question and answer from a Local Offer survey, in the field it belongs to.

    "How to start" answers become the steps of how_to_access (unless the feed gave steps
    already). An unsure match keeps the question in bold above the answer, to check."""
    question = answer.text("question") or ""
    text = answer.get("answer")
    answer.use("question")
    found = match_question(question)
    if found is None or not isinstance(text, str) or not text.strip():
        conversion.keep(
            answer.path,
            {"question": question, "answer": text},
            "a Local Offer question with no matching answer field",
        )
        return
    where = answer.where("answer")
    if found.field == "how_to_access" and not conversion.has("how_to_access", "steps"):
        read_steps(conversion, to_plain(text), where)
        if not found.sure:
            conversion.note(f'how_to_access.steps: from the answer to "{question}"; check it fits')
        return
    target = ("local_offer", "transitions" if found.field == "how_to_access" else found.field)
    before = conversion.entry.get("local_offer", {}).get(target[1])
    set_markdown(conversion, target, text, where)
    added = conversion.entry.get("local_offer", {}).get(target[1])
    if added is None or added == before:
        return
    if not found.sure:
        added = f"**{to_plain(question)}**\n\n{added}"
        conversion.note(f'{".".join(target)}: "{question}" may not belong here; check it')
    conversion.put(target, f"{before}\n\n{added}" if before else added)
