"""What one site build knows, owned in one place. No MkDocs.

Two records:

- `BuildInput` is what the caller hands the hooks before MkDocs starts. `localoffer build`
  (build_tools/cli/main.py) validates the providers itself, so that problems print in the usual
  format and stop the command with exit 1, and then hands the validated catalog and the content
  data in through `site.build_site`, which puts the record on the MkDocs config with
  `hand_over`. A plain `mkdocs build` or `mkdocs serve` hands nothing in: the on_config hook
  then loads and validates the providers folder named by `extra.providers_dir` in mkdocs.yml
  (default: providers/ beside mkdocs.yml) and stops the build on any error.
- `BuildState` is everything the hooks share during one build. The on_config hook makes a new
  one (so `mkdocs serve` never carries anything from one rebuild into the next), and every later
  hook reads it from there.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from build_tools.files.page_cache import PageCache
from build_tools.guidance.glossary import Glossary
from build_tools.pages.guidance_pages import ContentContext

if TYPE_CHECKING:  # only named in annotations: no import cycle through site.py
    import datetime as dt
    from pathlib import Path

    from build_tools.entries.catalog import Catalog
    from build_tools.exports.publisher import Publisher
    from build_tools.guidance.branding import Branding
    from build_tools.model import Provider
    from build_tools.pages.guidance_pages import ContentData
    from build_tools.printable.sources import SourcePage
    from build_tools.problems import Problem
    from build_tools.search.search_words import WordGroups
    from build_tools.search.write import SearchPage
    from build_tools.text.page_templates import Deferred, RenderedPage

# The key under which `hand_over` keeps the caller's input on the MkDocs config. A top-level key
# of our own, not `extra`: `extra` is what mkdocs.yml says and what the templates read.
INPUT_KEY = "local_offer_input"


@dataclass(frozen=True)
class BuildInput:
    """What the command line hands the hooks: the providers folder, and optionally the catalog
    it already validated from that folder and the content data it already loaded (so neither
    is read twice in one build)."""

    providers: Path
    catalog: Catalog | None = None
    content: ContentData | None = None
    # Where generated pages are kept between builds (files/page_cache.py); None: nowhere.
    page_cache: Path | None = None


def hand_over(config: MutableMapping[str, Any], given: BuildInput) -> None:
    """Give the hooks of the build about to run with `config` what the caller already has."""
    config[INPUT_KEY] = given


def handed_over(config: MutableMapping[str, Any]) -> BuildInput | None:
    """What the caller handed in with `hand_over`, if anything."""
    given = config.get(INPUT_KEY)
    return given if isinstance(given, BuildInput) else None


@dataclass
class BuildState:
    """Everything the hooks share during one build, made by on_config."""

    catalog: Catalog
    today: dt.date
    publisher: Publisher
    branding: Branding
    content: ContentData
    search_words: WordGroups
    # Generated pages kept from earlier builds, and how many this build made anew.
    pages: PageCache = field(default_factory=lambda: PageCache(None, ""))
    # `mkdocs serve`: the slow printable PDF is skipped.
    serving: bool = False
    # Content problems, reported all at once by on_env.
    problems: list[Problem] = field(default_factory=list)
    # What page preparation needs to know about the whole site; on_files completes it.
    context: ContentContext = field(default_factory=lambda: ContentContext(Glossary()))
    # on_files: each service page's source path and its provider (for its JSON-LD).
    service_pages: dict[str, Provider] = field(default_factory=dict)
    # on_files: the pages made from templates, not Markdown, by source path: each makes its
    # page when on_page_content asks (build_tools/text/page_templates.py).
    templated: dict[str, Deferred] = field(default_factory=dict)
    # on_files: the Markdown pages kept in the page cache (easy-read service pages), by source
    # path: the key of their Markdown and settings.
    markdown_keys: dict[str, str] = field(default_factory=dict)
    # on_page_markdown: such pages found in the cache, or the problems found in the others.
    kept: dict[str, RenderedPage] = field(default_factory=dict)
    found: dict[str, list[Problem]] = field(default_factory=dict)
    # on_page_content: the pages the printed Local Offer holds, and guidance pages for search.
    printed: dict[str, SourcePage] = field(default_factory=dict)
    guidance: list[SearchPage] = field(default_factory=list)
    # on_nav: MkDocs' navigation, which the theme needs to write a page.
    nav: Any = None
    # on_env: the generated pages that child processes wrote into the site (hooks.py), which
    # this process then leaves alone.
    written_elsewhere: set[str] = field(default_factory=set)
