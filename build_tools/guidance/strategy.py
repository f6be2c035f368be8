"""The council's current SEND strategy, an editor setting, and the checks that keep pages from
presenting an old one as current. Pure.

`extra.current_strategy` in mkdocs.yml names the strategy, its period and its link. A page
shows it where it writes the marker `<!-- current-strategy -->` (a comment, so it disappears
quietly if the hook is off). `stale_period_problems` warns when a sentence calls a period that
has ended "current" (or "now", "this year"), so "our strategy for 2021 to 2024" cannot read as
today's once 2024 is over.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from build_tools.model import one_year_before
from build_tools.problems import Position, Problem, make_problem
from build_tools.text.dates import long_date
from build_tools.text.wording import link_target, plain

MARKER = re.compile(r"^[ \t]*<!--\s*current-strategy\s*-->[ \t]*$", re.MULTILINE)
# Where the council's own request form is linked, from `extra.ehc_request_link`.
REQUEST_MARKER = re.compile(r"^[ \t]*<!--\s*ehc-request-link\s*-->[ \t]*$", re.MULTILINE)
# "2021 to 2024", "2021-2024", "2021 - 24"
_PERIOD = re.compile(r"\b(20\d\d)\s*(?:to|-|–)\s*((?:20)?\d\d)\b")
_NOW_WORDS = re.compile(r"\b(?:current|currently|now|this year|at the moment)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]|$)")


@dataclass(frozen=True)
class Strategy:
    name: str
    period: str
    link: str = ""


def strategy_from(extra: Mapping[str, Any]) -> Strategy | None:
    """The current strategy in mkdocs.yml `extra.current_strategy`, or None when not set."""
    data = extra.get("current_strategy") or {}
    if not data.get("name") or not data.get("period"):
        return None
    return Strategy(str(data["name"]), str(data["period"]), str(data.get("link") or ""))


def strategy_block(strategy: Strategy | None) -> str:
    """What the marker becomes: the strategy's name, period and link, in a sentence."""
    if strategy is None:
        return ""
    name = plain(strategy.name)
    named = f"[{name}]({link_target(strategy.link)})" if strategy.link else name
    return f"Dudley's current strategy is the {named}, for {plain(strategy.period)}."


def expand_strategy(markdown: str, strategy: Strategy | None, request_link: str = "") -> str:
    """The page with `<!-- current-strategy -->` and `<!-- ehc-request-link -->` filled in from
    the settings (each disappears when its setting is empty)."""
    markdown = MARKER.sub(lambda _: strategy_block(strategy), markdown)
    return REQUEST_MARKER.sub(lambda _: request_block(request_link), markdown)


def request_block(link: str) -> str:
    """Where to ask for an EHC needs assessment: `extra.ehc_request_link` in mkdocs.yml."""
    if not link:
        return ""
    return (
        f"[Ask for an EHC needs assessment online]({link_target(link)}). The form saves as you "
        "go, and you can ask for it on paper from the SEND team."
    )


def _end_year(match: re.Match[str]) -> int:
    end = match.group(2)
    return int(end) if len(end) == 4 else int(match.group(1)[:2] + end)


def _paragraphs(markdown: str, first_line: int) -> list[tuple[int, str]]:
    """(line of its start, text) for each paragraph: sentences run across wrapped lines."""
    found: list[tuple[int, str]] = []
    start, lines = first_line, list[str]()
    for number, line in enumerate([*markdown.split("\n"), ""], first_line):
        if line.lstrip().startswith("|"):  # a table row is a paragraph of its own
            found.append((number, line.strip()))
        elif line.strip():
            start = number if not lines else start
            lines.append(line.strip())
        elif lines:
            found.append((start, " ".join(lines)))
            lines = []
    return found


def stale_period_problems(
    markdown: str, file: str, today: dt.date, first_line: int = 1
) -> list[Problem]:
    """A warning for each sentence that names a period that has ended as current."""
    problems = []
    for number, paragraph in _paragraphs(markdown, first_line):
        for sentence in _SENTENCE.findall(paragraph):
            if not _NOW_WORDS.search(sentence):
                continue
            for match in _PERIOD.finditer(sentence):
                if _end_year(match) < today.year:
                    problems.append(
                        make_problem(
                            file,
                            Position(number, 1),
                            "ended-period-as-current",
                            period=match.group(0),
                            sentence=sentence.strip(),
                        )
                    )
    return problems


def not_updated_problems(updated: dt.date | None, file: str, today: dt.date) -> list[Problem]:
    """A warning when a guidance page was last updated more than 12 months before `today`."""
    if updated is None or updated >= one_year_before(today):
        return []
    return [make_problem(file, Position(1, 1), "page-not-updated", date=long_date(updated))]
