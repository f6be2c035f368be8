"""What the build does to content pages, in one place for the thin hooks to call. Pure functions.

- `load_content_data`: the glossary and "you said, we did", with their problems;
- `generated_pages`: the glossary page, the "you said, we did" page and every service's
  easy-read page, as {source path: Markdown};
- `easy_read_twins`: which standard page each easy-read page belongs to;
- `prepare_markdown`: markers, plain-English checks, the easy-read layout and the links between
  a page and its easy-read version;
- `explain_terms`: glossary words explained at their first use in the built HTML.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.directory.notices import check_notices, notice_lines, service_notices
from build_tools.easy_read.opening import check_opening
from build_tools.easy_read.pictures import (
    CREDIT,
    GALLERY_PAGE,
    PICTURES,
    Picture,
    render_gallery_page,
)
from build_tools.easy_read.rows import check_easy_read, render_easy_read, unexplained_abbreviations
from build_tools.easy_read.services import render_easy_read_service
from build_tools.files.page_cache import digest
from build_tools.guidance.branding import Branding
from build_tools.guidance.feedback import (
    FEEDBACK_PAGE,
    Comment,
    check_freshness,
    load_feedback,
    render_feedback_page,
)
from build_tools.guidance.glossary import (
    GLOSSARY_PAGE,
    Glossary,
    load_glossary,
    render_glossary_page,
)
from build_tools.guidance.page_dates import last_updated
from build_tools.guidance.strategy import (
    Strategy,
    expand_strategy,
    not_updated_problems,
    stale_period_problems,
)
from build_tools.guidance.terms import explain_first_use
from build_tools.model import Provider
from build_tools.pages.markers import expand_markers
from build_tools.problems import Position, Problem, make_problem
from build_tools.text.dates import long_date

GLOSSARY_FILE = "glossary.yml"
FEEDBACK_FOLDER = "feedback"
# Pages for providers and editors are technical guides: no plain-English checks there.
TECHNICAL_FOLDERS = ("providers/", "editors/")
_PICTURE_REF = re.compile(r"\]\(picture:([a-z0-9-]+)\)")
_PICTURE_FILE = re.compile(r"assets/easy-read/([0-9A-F-]+)\.svg")
_FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.DOTALL)
_STANDARD = re.compile(r"^standard:\s*(\S+)\s*$", re.MULTILINE)
_KIND_EASY_READ = re.compile(r"^kind:\s*easy-read\s*$", re.MULTILINE)


@dataclass(frozen=True)
class ContentData:
    glossary: Glossary
    comments: list[Comment]
    problems: list[Problem]


@dataclass
class ContentContext:
    """What page preparation needs to know about the whole site."""

    glossary: Glossary
    providers: tuple[Provider, ...] = ()
    twins: dict[str, str] = field(default_factory=dict)  # standard page -> easy-read page
    generated: frozenset[str] = frozenset()
    docs_name: str = "content"
    # The build's day, each page's last update (build_tools/guidance/page_dates.py) and the current
    # strategy (build_tools/guidance/strategy.py), for "Last updated" and the staleness warnings.
    today: dt.date | None = None
    history: dict[str, dt.date] = field(default_factory=dict)
    strategy: Strategy | None = None
    ehc_request_link: str = ""


def load_content_data(docs_dir: Path, today: dt.date) -> ContentData:
    """The glossary and the feedback entries, with every problem in them."""
    shown = docs_dir.name
    glossary, problems = load_glossary(docs_dir / GLOSSARY_FILE, f"{shown}/{GLOSSARY_FILE}")
    folder = f"{shown}/{FEEDBACK_FOLDER}"
    comments, found = load_feedback(docs_dir / FEEDBACK_FOLDER, folder)
    problems += found
    if not any(p.file.startswith(folder) for p in found):
        problems += check_freshness(comments, today, folder)
    return ContentData(glossary, comments, problems)


def easy_read_path(provider: Provider) -> str:
    return f"services/{provider.slug}/easy-read.md"


def generated_pages(
    data: ContentData, providers: Iterable[Provider], today: dt.date, branding: Branding
) -> dict[str, str]:
    """The pages the content adds to the site, as {source path: Markdown}."""
    pages = {
        GLOSSARY_PAGE: render_glossary_page(data.glossary),
        FEEDBACK_PAGE: render_feedback_page(data.comments, branding),
        GALLERY_PAGE: render_gallery_page(),
    }
    for provider in providers:
        pages[easy_read_path(provider)] = render_easy_read_service(provider, data.glossary, today)
    return pages


def cache_keys(generated: dict[str, str], context: ContentContext) -> dict[str, str]:
    """{path: key} of the generated pages kept in the page cache (build_tools/files/page_cache.py):
    the easy-read service pages, each by its Markdown and the settings `prepare_markdown`
    reads (the glossary is part of every key already)."""
    settings = digest(repr(context.strategy), context.ehc_request_link)
    return {
        path: digest("easy-read", text, settings)
        for path, text in generated.items()
        if path.startswith("services/")
    }


def check_service_easy_read(
    sources: dict[str, str], providers: Iterable[Provider], docs_name: str, today: dt.date
) -> list[Problem]:
    """Every service's easy-read page against its full page: no notice left out (an error),
    and a first sentence that says what the service is (a warning). The full page is made
    from a template, so its notices are read as that template gets them (`service_notices`)."""
    problems: list[Problem] = []
    for provider in providers:
        path = easy_read_path(provider)
        easy = sources.get(path)
        if easy is None:
            continue
        full = "\n".join(notice_lines(service_notices(provider, today)))
        shown = f"{docs_name}/{path}"
        problems += check_notices(full, easy, shown) + check_opening(easy, shown)
    return problems


def is_easy_read(source: str) -> bool:
    match = _FRONT_MATTER.match(source)
    return bool(match and _KIND_EASY_READ.search(match.group(0)))


def easy_read_twins(
    sources: dict[str, str], docs_name: str
) -> tuple[dict[str, str], list[Problem]]:
    """{standard page: its easy-read page} for every easy-read page, and problems for those
    whose `standard:` is missing or names a page that does not exist."""
    twins: dict[str, str] = {}
    problems: list[Problem] = []
    for path, source in sources.items():
        if not is_easy_read(source):
            continue
        front = _FRONT_MATTER.match(source)
        named = _STANDARD.search(front.group(0)) if front else None
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), named.group(1))) \
            if named else None  # fmt: skip
        if target in sources:
            twins[target] = path
            continue
        detail = (
            f"The front matter names {named.group(1)} as the standard page, but there is no "
            "such page."
            if named
            else "The front matter has no 'standard:' line."
        )
        problems.append(
            make_problem(
                f"{docs_name}/{path}", Position(1, 1), "easy-read-no-standard-page", detail=detail
            )  # fmt: skip
        )
    return twins, problems


def pictures_used(sources: Iterable[str]) -> list[Picture]:
    """The pictures the pages use, each once, so only those are copied into the site."""
    texts = list(sources)
    names = {name for text in texts for name in _PICTURE_REF.findall(text)}
    codes = {code for text in texts for code in _PICTURE_FILE.findall(text)}
    chosen = {p for name, p in PICTURES.items() if name in names or p.code in codes}
    return sorted(chosen, key=lambda p: p.code)


def _root(path: str) -> str:
    return "../" * path.count("/")


def _relative(from_path: str, to_path: str) -> str:
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")


def _after_h1(markdown: str, lines: list[str]) -> str:
    """The Markdown with `lines` added after its first-level heading (or at the top)."""
    parts = markdown.split("\n")
    index = next((i for i, line in enumerate(parts) if line.startswith("# ")), -1)
    return "\n".join([*parts[: index + 1], "", *lines, "", *parts[index + 1 :]])


def _shown(path: str, context: ContentContext) -> str:
    if path in context.generated:
        slug = path.split("/")[1] if path.startswith("services/") else ""
        return f"{path} (made from providers/{slug}.yaml)" if slug else f"{path} (generated)"
    return f"{context.docs_name}/{path}"


def prepare_markdown(
    markdown: str, source: str, path: str, context: ContentContext
) -> tuple[str, list[Problem]]:
    """A page's Markdown as the site shows it, and the problems found in it."""
    first_line = 1 + (source[: len(source) - len(markdown)].count("\n")
                      if source.endswith(markdown) else 0)  # fmt: skip
    shown = _shown(path, context)
    root = _root(path)
    technical = path.startswith(TECHNICAL_FOLDERS) or path == GLOSSARY_PAGE
    from_providers = path.startswith("services/") and path in context.generated
    # Check what the editor wrote, before markers bring in the services' own text.
    problems: list[Problem] = []
    if is_easy_read(source):
        checked = markdown
        if from_providers:  # the heading is the provider's name, as the provider wrote it
            checked = re.sub(r"^# .*$", "", markdown, count=1, flags=re.MULTILINE)
        problems += check_easy_read(checked, shown, context.glossary, first_line)
        problems += unexplained_abbreviations(checked, shown, context.glossary, first_line)
    elif not technical and not path.startswith("services/"):
        problems += unexplained_abbreviations(markdown, shown, context.glossary, first_line)
    markdown = expand_strategy(markdown, context.strategy, context.ehc_request_link)
    markdown, found = expand_markers(markdown, shown, context.providers, root, first_line)
    problems += found
    updated = None
    if path not in context.generated and not technical and not path.startswith("services/"):
        updated = last_updated(path, source, context.history)
        problems += _staleness(markdown, shown, updated, context, first_line)
    if is_easy_read(source):
        standard = _STANDARD.search(source)
        markdown = render_easy_read(markdown, root, context.glossary)
        if standard:
            full = f"[Read the full page]({standard.group(1)})"
            back = f"This is the easy-read version of a longer page. {full}."
            markdown = _after_h1(markdown, [back, "{: .lo-twin }"])
        markdown += f"\n\n{CREDIT}\n{{: .lo-credit }}\n"
    if path in context.twins:
        link = f"[Read this page in easy read]({_relative(path, context.twins[path])})"
        markdown = _after_h1(markdown, [link, "{: .lo-twin }"])
    if updated is not None:
        markdown += f"\n\nLast updated on {long_date(updated)}.\n{{: .lo-updated }}\n"
    return markdown, problems


def _staleness(
    markdown: str, shown: str, updated: dt.date | None, context: ContentContext, first_line: int
) -> list[Problem]:
    """Warnings for a page not updated for a year, or naming an ended period as current."""
    if context.today is None:
        return []
    problems = not_updated_problems(updated, shown, context.today)
    return problems + stale_period_problems(markdown, shown, context.today, first_line)


def glossary_href(page_url: str) -> str:
    """The glossary page's address relative to a page's address ("guidance/x/" -> ../../)."""
    return "../" * page_url.count("/") + "glossary/"


def explain_terms(page_html: str, path: str, page_url: str, glossary: Glossary) -> str:
    """The built HTML with glossary words explained at first use (not on the glossary page)."""
    if path == GLOSSARY_PAGE:
        return page_html
    return explain_first_use(page_html, glossary, glossary_href(page_url))
