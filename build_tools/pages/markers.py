"""Markers: HTML comments in a guidance page that the build replaces with a live list of services.

    <!-- services category=short-breaks need=ASD -->

Options (all optional, combined with "and"; a value may list several, comma-separated, meaning
"any of these"):

| option   | values                                                        |
|----------|---------------------------------------------------------------|
| category | a type of provision, as in the field reference (`categories`) |
| need     | a need, as in the field reference (`needs`)                   |
| area     | an area, as in the field reference (`service_areas`)          |
| age      | an age in years, 0 to 25, or a range such as 16-25           |
| charter  | yes: only providers that signed the Inclusion Charter         |
| limit    | show at most this many services                               |

A comment that looks like a marker (a word, then key=value options) with an unknown name, an
unknown option or an unknown value is a problem that stops the build. Other comments are notes
and are left alone. Pure functions.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from build_tools.directory.filters import areas_of, needs_of
from build_tools.model import Provider
from build_tools.problems import Position, Problem, make_problem
from build_tools.schema import vocabulary
from build_tools.text.wording import age_text, cost_text, plain

MARKER = re.compile(
    r"^[ \t]*<!--\s*(?P<name>[a-z][a-z-]*)(?P<options>(?:\s+[a-z_-]+=\S+)*)\s*-->[ \t]*$",
    re.MULTILINE,
)
_OPTION = re.compile(r"([a-z_-]+)=(\"[^\"]*\"|'[^']*'|\S+)")
_AGE = re.compile(r"(\d{1,2})(?:-(\d{1,2}))?")
OPTIONS = ("category", "need", "area", "age", "charter", "limit")


@dataclass(frozen=True)
class ServiceQuery:
    """What a services marker asks for."""

    categories: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    ages: tuple[int, int] | None = None
    charter: bool = False
    limit: int | None = None

    def matches(self, provider: Provider) -> bool:
        tests: list[Callable[[], bool]] = [
            lambda: not self.categories or bool(set(self.categories) & set(provider.categories)),
            lambda: not self.needs or bool(set(self.needs) & set(needs_of(provider))),
            lambda: not self.areas or bool(set(self.areas) & set(areas_of(provider))),
            lambda: (
                self.ages is None
                or (provider.min_age <= self.ages[1] and provider.max_age >= self.ages[0])
            ),
            lambda: not self.charter or provider.inclusion_charter,
        ]
        return all(test() for test in tests)


def _vocabulary_value(key: str, value: str, labels: dict[str, str]) -> str | None:
    """The problem's suggestion if `value` is not in the list, else None."""
    if value in labels:
        return None
    by_label = [code for code, label in labels.items() if label.lower() == value.lower()]
    close = by_label or difflib.get_close_matches(value, list(labels), n=1, cutoff=0.6)
    if close:
        return f"Did you mean {key}={close[0]} ({labels[close[0]]})?"
    return f"Use a {key} from the field reference, for example {key}={next(iter(labels))}."


_LISTS = {"category": ("categories",), "need": ("needs",), "area": ("service_areas",)}


def parse_query(options: str) -> tuple[ServiceQuery, list[tuple[str, dict[str, str]]]]:
    """The query a marker's options ask for, and (problem name, details) for each bad option."""
    found: dict[str, tuple[str, ...]] = {}
    bad: list[tuple[str, dict[str, str]]] = []
    for key, raw in _OPTION.findall(options):
        values = tuple(v for v in raw.strip("\"'").split(",") if v)
        if key not in OPTIONS:
            bad.append(("unknown-marker-option", {"key": key, "options": ", ".join(OPTIONS)}))
            continue
        for value in values:
            suggestion = _check_value(key, value)
            if suggestion:
                bad.append(
                    ("unknown-marker-value", {"key": key, "value": value, "suggestion": suggestion})
                )
        found[key] = values
    ages = None
    if found.get("age") and (match := _AGE.fullmatch(found["age"][0])):
        low = int(match.group(1))
        ages = (low, int(match.group(2) or low))
    limit = found.get("limit", ("",))[0]
    query = ServiceQuery(
        categories=found.get("category", ()),
        needs=found.get("need", ()),
        areas=found.get("area", ()),
        ages=ages,
        charter=found.get("charter", ("no",))[0] == "yes",
        limit=int(limit) if limit.isdigit() else None,
    )
    return query, bad


def _check_value(key: str, value: str) -> str | None:
    if key in _LISTS:
        return _vocabulary_value(key, value, vocabulary(*_LISTS[key]))
    if key == "age":
        match = _AGE.fullmatch(value)
        ok = match and int(match.group(1)) <= int(match.group(2) or match.group(1)) <= 25
        return None if ok else "Write an age from 0 to 25, or a range such as age=16-25."
    if key == "charter":
        return None if value == "yes" else "Write charter=yes, or leave the option out."
    if key == "limit":
        return None if value.isdigit() and int(value) > 0 else "Write a number, like limit=5."
    return None


def service_list(providers: tuple[Provider, ...], query: ServiceQuery, root: str) -> str:
    """The Markdown list of services a marker asks for, each linked to its page."""
    chosen = [p for p in providers if query.matches(p)]
    if query.limit:
        chosen = chosen[: query.limit]
    if not chosen:
        return (
            "No services of this kind are listed yet. "
            f"[Find a service]({root}services/index.md) to see them all."
        )
    lines = []
    for provider in chosen:
        facts = f"{age_text(provider.min_age, provider.max_age)}; {cost_text(provider).lower()}"
        lines.append(
            f"- [{plain(provider.name)}]({root}services/{provider.slug}.md): "
            f"{plain(provider.summary)} ({plain(facts)})"
        )
    return "\n".join(lines)


def _fenced_lines(markdown: str) -> set[int]:
    """The numbers (from 0) of the lines inside fenced code blocks."""
    inside, fence, lines = False, "", set()
    for number, line in enumerate(markdown.split("\n")):
        stripped = line.lstrip()
        if not inside and stripped.startswith(("```", "~~~")):
            inside, fence = True, stripped[:3]
        elif inside and stripped.startswith(fence):
            inside = False
        elif inside:
            lines.add(number)
    return lines


def expand_markers(
    markdown: str, file: str, providers: tuple[Provider, ...], root: str, first_line: int = 1
) -> tuple[str, list[Problem]]:
    """The page with each services marker replaced by its list, and any marker problems."""
    problems: list[Problem] = []
    fenced = _fenced_lines(markdown)

    def replace(match: re.Match[str]) -> str:
        if markdown.count("\n", 0, match.start()) in fenced:
            return match.group(0)  # an example in a code block, not a marker
        line = first_line + markdown.count("\n", 0, match.start())
        where = Position(line, match.start("name") - match.start() + 1)
        name = match.group("name")
        if name != "services":
            if not match.group("options").strip():
                return match.group(0)  # a plain note such as <!-- todo -->
            problems.append(make_problem(file, where, "unknown-marker", name=name))
            return match.group(0)
        query, bad = parse_query(match.group("options"))
        for problem_name, details in bad:
            problems.append(make_problem(file, where, problem_name, marker=name, **details))
        return service_list(providers, query, root)

    return MARKER.sub(replace, markdown), problems
