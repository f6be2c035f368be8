"""Rules the schema cannot express: across fields of one entry, and across all entries.

Each rule reads the entry defensively (it may also have schema problems) and returns problems.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any

from slugify import slugify

from build_tools.entries.load import LoadedFile
from build_tools.entries.safe_yaml import KeyPath, YamlDocument, format_path
from build_tools.entries.venue_rules import check_private_homes
from build_tools.model import one_year_before
from build_tools.problems import Position, Problem, make_problem
from build_tools.schema import SAFE_LINK_SCHEMES, local_offer_questions
from build_tools.text.characters import hidden_character, skeleton, strings_in
from build_tools.text.text_render import LONGEST_FIELD, Rendered, needs_rendering, render_field
from build_tools.text.wording import plain, simple_markdown

# Text fields that take simple Markdown, with their titles for messages.
MARKDOWN_FIELDS: dict[KeyPath, str] = {
    ("description",): "Description",
    ("eligibility", "description"): "Who can use it",
    ("cost", "description"): "About the cost",
    ("organisation", "description"): "About the organisation",
}

# A character that each check below needs to find anything: most text has none, and skips them.
_MARKUP = re.compile(r"[<&#=\]]|--|!!!|\?\?\?|///")
_HTML = re.compile(r"<\s*/?\s*[A-Za-z][^>]*>|<!--|&#?[A-Za-z0-9]+;")
_IMAGE = re.compile(r"!\[[^\]]*\]\(")
_HEADING = re.compile(r"^\s{0,3}(#{1,6}\s|#{1,6}$)", re.MULTILINE)
_SETEXT = re.compile(r"^\s{0,3}(=+|-{2,})\s*$", re.MULTILINE)
# The opening of one of the site's own boxes, at a line start or inside a list or quote:
# `!!! danger "..."` (admonition), `??? note` / `???+ note` (details), `/// warning` (blocks).
_BOX = re.compile(r"^[ \t>*+\-\d.)]*(!!!|\?\?\?|///)", re.MULTILINE)
# A full stop after a word of three or more lower-case letters (not "e.g.", "St." or "a.m."),
# or a ! or ?, followed by a capital letter.
_SENTENCE_BREAK = re.compile(r"([a-z]{3,}\.|[!?])\s+[A-Z]")
# Local parts that name a role, not a person.
_ROLE_WORDS = {
    "info", "office", "admin", "enquiries", "enquiry", "hello", "contact", "team", "send", "sen",
    "senco", "referrals", "referral", "bookings", "booking", "help", "support", "reception",
    "duty", "advice", "mail", "general", "clinic", "service", "services", "therapy", "nursery",
    "school", "college", "club", "parents", "family", "families", "youth", "localoffer",
    "local-offer", "transport", "ehc", "inclusion",
}  # fmt: skip
_PERSONAL = re.compile(r"[a-z]+[._-][a-z]+[0-9]*")

_LINK_TARGETS = re.compile(r"\]\(\s*<?([^\s)>]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S*)", re.MULTILINE)


def _unsafe_link(text: str) -> str | None:
    """The first link target in Markdown text that is not a web, email or phone link."""
    for match in _LINK_TARGETS.finditer(text):
        target = (match.group(1) or match.group(2) or "").rstrip(">")
        if not target.lower().startswith(SAFE_LINK_SCHEMES):
            return target[:60]
    return None


Rule = Callable[[YamlDocument, str, dt.date], Iterator[Problem]]


def _get(data: Any, *path: str | int) -> Any:
    for part in path:
        if isinstance(part, int):
            if not isinstance(data, list) or part >= len(data):
                return None
        elif not isinstance(data, dict):
            return None
        data = data[part] if isinstance(part, int) else data.get(part)
    return data


def _items(data: Any, key: str) -> list[Any]:
    """The list under `key`, or no items if it is missing or not a list (the schema says so)."""
    value = _get(data, key)
    return value if isinstance(value, list) else []


def _problem(doc: YamlDocument, file: str, path: KeyPath, name: str, **details: Any) -> Problem:
    return make_problem(file, doc.position_of(path), name, format_path(path), **details)


def check_ages(doc: YamlDocument, file: str, today: dt.date) -> Iterator[Problem]:
    low, high = _get(doc.data, "age_range", "min"), _get(doc.data, "age_range", "max")
    if isinstance(low, int) and isinstance(high, int) and low > high:
        yield _problem(doc, file, ("age_range", "min"), "ages-reversed", min=low, max=high)


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def check_review_date(doc: YamlDocument, file: str, today: dt.date) -> Iterator[Problem]:
    reviewed = _date(_get(doc.data, "last_reviewed"))
    if reviewed is None:
        return
    value = reviewed.isoformat()
    if reviewed > today:
        yield _problem(
            doc, file, ("last_reviewed",), "review-in-future", value=value, today=today.isoformat()
        )
    elif reviewed < one_year_before(today):
        yield _problem(doc, file, ("last_reviewed",), "review-overdue", value=value)


def check_show_dates(doc: YamlDocument, file: str, today: dt.date) -> Iterator[Problem]:
    start, end = _date(_get(doc.data, "show_from")), _date(_get(doc.data, "show_until"))
    if start and end and start > end:
        yield _problem(doc, file, ("show_from",), "dates-reversed", start=start, end=end)


def check_where_and_how(doc: YamlDocument, file: str, today: dt.date) -> Iterator[Problem]:
    locations, delivery = _get(doc.data, "locations"), _get(doc.data, "delivery")
    has_venue = isinstance(locations, list) and bool(locations)
    if not has_venue and not delivery and "delivery" not in doc.data:
        yield _problem(doc, file, (), "no-venue-or-delivery")
    elif not has_venue and isinstance(delivery, list) and "in-person" in delivery:
        yield _problem(doc, file, ("delivery",), "in-person-without-venue")


def check_times(doc: YamlDocument, file: str, today: dt.date) -> Iterator[Problem]:
    for index, slot in enumerate(_items(doc.data, "schedules")):
        opens, closes = _get(slot, "opens"), _get(slot, "closes")
        if (
            isinstance(opens, str)
            and isinstance(closes, str)
            and len(opens) == len(closes) == 5
            and closes <= opens
        ):
            yield _problem(
                doc,
                file,
                ("schedules", index, "closes"),
                "times-reversed",
                opens=opens,
                closes=closes,
            )


def check_summary(doc: YamlDocument, file: str, today: dt.date) -> Iterator[Problem]:
    summary = _get(doc.data, "summary")
    if isinstance(summary, str) and _SENTENCE_BREAK.search(summary.strip()):
        yield _problem(doc, file, ("summary",), "summary-sentences")


def check_needs(doc: YamlDocument, file: str, today: dt.date) -> Iterator[Problem]:
    needs = _get(doc.data, "needs")
    if isinstance(needs, list) and "all" in needs and len(needs) > 1:
        yield _problem(doc, file, ("needs",), "all-needs-mixed")


def _markdown_fields(doc: YamlDocument) -> Iterator[tuple[KeyPath, str, Any, Callable[[str], str]]]:
    """Each text field that reaches a page, with how the service page prepares it."""
    for path, label in MARKDOWN_FIELDS.items():
        yield path, label, _get(doc.data, *path), simple_markdown
    for answer in local_offer_questions():
        yield (
            ("local_offer", answer),
            "The Local Offer answer",
            _get(doc.data, "local_offer", answer),
            simple_markdown,
        )
    for name in ("name", "summary"):
        yield (name,), name.capitalize(), _get(doc.data, name), plain


def _unsafe_target(text: str, rendered: Rendered) -> str | None:
    """The first link or picture target, in the source or in the HTML made of it, that is not a
    web, email or phone link. The service page turns such a target into a #fragment; the
    message shows it as it was written."""
    found = _unsafe_link(text)
    if found is not None:
        return found
    for target in (*rendered.links, *rendered.pictures):
        if not target.lower().startswith(SAFE_LINK_SCHEMES):
            shown = target[1:] if target.startswith("#") and target[1:] in text else target
            return shown[:60]
    return None


def check_markdown(doc: YamlDocument, file: str, today: dt.date) -> Iterator[Problem]:
    for path, label, text, prepare in _markdown_fields(doc):
        if not isinstance(text, str):
            continue
        # Box marks are plain punctuation to the quick tests below, so they come first.
        if box := _BOX.search(text):
            yield _problem(
                doc,
                file,
                path,
                "markdown-not-allowed",
                label=label,
                what=f'"{box.group(1)}", which draws a box like the site\'s own warnings',
                fix="Remove the marks at the start of the line. Use **bold** for words that"
                " must stand out.",
            )
            continue
        # Text over the longest length is refused for that (LO105), and never rendered.
        render = needs_rendering(text) and len(text) <= LONGEST_FIELD
        if not render and not _MARKUP.search(text):
            continue
        html = _HTML.search(text)
        if html:
            snippet = html.group()[:40]
            yield _problem(doc, file, path, "html-in-text", label=label, snippet=snippet)
            continue
        rendered = render_field(text, prepare) if render else Rendered()
        unsafe = _unsafe_target(text, rendered)
        if rendered.failure is not None:
            yield _problem(
                doc, file, path, "text-does-not-render", label=label, reason=rendered.failure
            )
        elif unsafe is not None:
            yield _problem(
                doc,
                file,
                path,
                "bad-url",
                value=f'"{unsafe}"',
                detail=" Links in text must start with https://, mailto: or tel:.",
            )
        elif rendered.pictures or _IMAGE.search(text):
            yield _problem(
                doc,
                file,
                path,
                "markdown-not-allowed",
                label=label,
                what="a picture",
                fix="Remove the picture. Pictures cannot be added to provider text.",
            )
        elif rendered.headings or _HEADING.search(text) or _SETEXT.search(text):
            yield _problem(
                doc,
                file,
                path,
                "markdown-not-allowed",
                label=label,
                what="a heading",
                fix="Use **bold** text instead of a heading.",
            )


def _urls(doc: YamlDocument) -> Iterator[tuple[KeyPath, Any]]:
    yield ("organisation", "website"), _get(doc.data, "organisation", "website")
    yield (
        ("local_offer", "sen_information_report"),
        _get(doc.data, "local_offer", "sen_information_report"),
    )
    for index, contact in enumerate(_items(doc.data, "contacts")):
        yield ("contacts", index, "website"), _get(contact, "website")


def check_urls(doc: YamlDocument, file: str, today: dt.date) -> Iterator[Problem]:
    for path, url in _urls(doc):
        if isinstance(url, str) and url.lower().startswith("http://"):
            yield _problem(doc, file, path, "insecure-url", value=f'"{url}"')


def check_emails(doc: YamlDocument, file: str, today: dt.date) -> Iterator[Problem]:
    for index, contact in enumerate(_items(doc.data, "contacts")):
        email = _get(contact, "email")
        if not isinstance(email, str) or "@" not in email:
            continue
        local = email.split("@", 1)[0].lower()
        words = set(re.split(r"[._-]", local))
        if _PERSONAL.fullmatch(local) and not words & _ROLE_WORDS:
            yield _problem(
                doc, file, ("contacts", index, "email"), "personal-email", value=f'"{email}"'
            )


def check_hidden_characters(doc: YamlDocument, file: str, today: dt.date) -> Iterator[Problem]:
    # Most files have no such character, nor a backslash that could write one as an escape:
    # one scan of the file's text says so, without walking every value.
    if hidden_character(doc.text) is None and "\\" not in doc.text:
        return
    for path, text in strings_in(doc.data):
        codepoint = hidden_character(text)
        if codepoint is not None:
            yield _problem(doc, file, path, "hidden-character", codepoint=codepoint)


ENTRY_RULES: list[Rule] = [
    check_ages,
    check_review_date,
    check_show_dates,
    check_where_and_how,
    check_times,
    check_summary,
    check_needs,
    check_markdown,
    check_urls,
    check_emails,
    check_private_homes,
    check_hidden_characters,
]


def check_entry(doc: YamlDocument, file: str, today: dt.date) -> list[Problem]:
    """Every rule for one entry."""
    return [problem for rule in ENTRY_RULES for problem in rule(doc, file, today)]


def check_file_name(loaded: LoadedFile) -> list[Problem]:
    """The file name must be a slug ending in .yaml, because it becomes the web address."""
    name = loaded.path.name
    stem, suffix = loaded.path.stem, loaded.path.suffix
    start = Position(1, 1)
    slug = slugify(stem)
    suggested = f"{slug or 'my-service'}.yaml"
    if suffix != ".yaml":
        return [
            make_problem(
                loaded.shown, start, "not-yaml-extension", suffix=suffix, suggested=suggested
            )
        ]
    if slug != stem:
        return [make_problem(loaded.shown, start, "bad-file-name", name=name, suggested=suggested)]
    return []


def check_across_files(files: list[LoadedFile]) -> list[Problem]:
    """Slugs, ids and names must not be shared between entries."""
    problems: list[Problem] = []
    seen_slugs: dict[str, LoadedFile] = {}
    seen_ids: dict[str, LoadedFile] = {}
    seen_names: dict[str, LoadedFile] = {}
    for loaded in files:
        start = Position(1, 1)
        first = seen_slugs.setdefault(loaded.slug, loaded)
        if first is not loaded:
            problems.append(
                make_problem(
                    loaded.shown, start, "duplicate-slug", slug=loaded.slug, other=first.shown
                )
            )
        doc = loaded.document
        if doc is None or not isinstance(doc.data, dict):
            continue
        for key, seen, name in (
            ("id", seen_ids, "duplicate-id"),
            ("name", seen_names, "duplicate-name"),
        ):
            value = doc.data.get(key)
            if not isinstance(value, str):
                continue
            first = seen.setdefault(value.strip().lower(), loaded)
            if first is not loaded:
                problems.append(
                    make_problem(
                        loaded.shown,
                        doc.position_of((key,)),
                        name,
                        key,
                        value=value,
                        other=first.shown,
                    )
                )
    problems.extend(_look_alike_names(files))
    return problems


def _look_alike_names(files: list[LoadedFile]) -> Iterator[Problem]:
    """A name that looks the same as an earlier one but is spelt with other letters."""
    seen: dict[str, tuple[str, LoadedFile]] = {}
    for loaded in files:
        doc = loaded.document
        name = doc.data.get("name") if doc is not None and isinstance(doc.data, dict) else None
        if doc is None or not isinstance(name, str):
            continue
        first_name, first = seen.setdefault(skeleton(name), (name, loaded))
        if first is not loaded and first_name.strip().lower() != name.strip().lower():
            yield make_problem(
                loaded.shown,
                doc.position_of(("name",)),
                "look-alike-name",
                "name",
                value=name,
                other_name=first_name,
                other=first.shown,
            )
