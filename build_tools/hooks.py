"""MkDocs hooks, in event order. Thin: each calls one build_tools function.

Listed in mkdocs.yml under `hooks:`. MkDocs does not reload this file in `mkdocs serve`:
restart it after changing Python code (provider and content changes rebuild by themselves).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from build_tools.build_state import BuildState, handed_over
from build_tools.clock import build_day
from build_tools.directory.browse import DIRECTORY, browse_pages
from build_tools.directory.search_forms import SEARCH_PAGE, search_page
from build_tools.directory.service_template import deferred_service_page
from build_tools.directory.tool_files import family_files
from build_tools.easy_read.pictures import picture_file
from build_tools.editor.admin import DecapMissing, write_admin
from build_tools.editor.cms import cms_settings
from build_tools.entries.catalog import Catalog, load_catalog
from build_tools.entries.problem_output import render_problems, render_text
from build_tools.exports.offline import THEME_SEARCH, write_offline_copy
from build_tools.exports.publisher import Publisher
from build_tools.exports.write import add_to_head, write_exports
from build_tools.files.forked import (
    can_fork,
    in_forked_children,
    meanwhile_in_a_child,
    usable_cores,
)
from build_tools.files.page_cache import PageCache, digest
from build_tools.files.source_files import links_in, links_message
from build_tools.guidance.branding import (
    BRANDING_CSS,
    CONTACT_PAGE,
    OTHER_WAYS_PAGE,
    Branding,
    branding_css,
    branding_from,
    colour_problems,
    contact_page,
)
from build_tools.guidance.content_files import refused_files, refused_message
from build_tools.guidance.page_dates import git_dates
from build_tools.guidance.page_feedback import (
    DEFAULT_REPORT_ADDRESS,
    feedback_links,
    feedback_settings,
)
from build_tools.guidance.remote_pictures import remote_picture_problems
from build_tools.guidance.strategy import strategy_from
from build_tools.pages import guidance_pages as site_content
from build_tools.pages.csp import meta_policy
from build_tools.pages.page_space import compact_space
from build_tools.pages.shared_nav import SharedNav
from build_tools.paths import CACHE
from build_tools.printable.build import cache_folder, write_printable
from build_tools.printable.document import Settings
from build_tools.printable.pdf import PrintableError
from build_tools.printable.sources import SourcePage, is_printed
from build_tools.problems import Severity
from build_tools.reports.editors_page import DATA_REPORT_PAGE, data_report_page
from build_tools.schema import PLAIN_ADDRESS
from build_tools.search.search_words import load_search_words
from build_tools.search.write import guidance_search_page, write_search
from build_tools.submit.service_form import (
    FORM_PAGE,
    FORM_SPEC,
    entry_files,
    form_settings,
    form_spec_json,
    service_form_page,
)
from build_tools.text.page_templates import Deferred, RenderedPage, toc_tokens
from build_tools.text.safe_html import clean_page_html, escape_page_meta

log = get_plugin_logger("local_offer")
NOT_IN_NAV = InclusionLevel.NOT_IN_NAV
# MkDocs loads this file once per process and calls its hooks for every build: on_config makes
# each build's state afresh (build_tools/build_state.py), and the later hooks read it from here.
_build: BuildState | None = None
_serving = False


def _state() -> BuildState:
    if _build is None:  # MkDocs always calls on_config first
        raise PluginError("The Local Offer hooks ran before on_config.")
    return _build


def on_startup(command: str, dirty: bool) -> None:
    """on_startup: note whether this is `mkdocs serve`, which skips the slow printable PDF."""
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """on_config: refuse links and unsafe files in content/; take the providers and content
    data that `localoffer build` handed in, or load and validate them (`mkdocs build` and
    `mkdocs serve`), stopping the build if any provider has an error; make the build's state."""
    global _build
    root = Path(config.config_file_path).resolve().parent
    docs = Path(config.docs_dir)
    links = links_in(docs)
    if links:
        raise PluginError(links_message(docs, links))
    refused = refused_files(docs)
    if refused:
        raise PluginError(refused_message(docs, refused))
    given = handed_over(config)
    today = build_day()
    catalog = given.catalog if given and given.catalog else None
    if catalog is None:
        # extra.providers_dir in mkdocs.yml names the folder; providers/ beside it if not.
        folder = given.providers if given else config.extra.get("providers_dir") or "providers"
        catalog = _checked_catalog(root / folder, today)
    content = given.content if given and given.content else None
    content = content or site_content.load_content_data(docs, today)
    groups, problems = load_search_words(docs)
    _build = BuildState(
        catalog=catalog,
        today=today,
        publisher=Publisher(config.site_url or "", config.site_name),
        branding=_branding(config),
        content=content,
        search_words=groups.with_glossary(content.glossary),
        serving=_serving,
        problems=[*content.problems, *problems],
        # Generated pages from earlier builds (build_tools/files/page_cache.py), outside the site;
        # every page depends on the glossary and on how mkdocs.yml sets up Markdown.
        pages=PageCache(
            given.page_cache if given else root / CACHE / "pages",
            digest(
                repr(content.glossary.entries),
                repr(config.markdown_extensions),
                repr(sorted(config.mdx_configs.items())),
                str(config.use_directory_urls),
            ),
        ),
    )
    return config


def _checked_catalog(folder: Path, today: dt.date) -> Catalog:
    """The validated providers of `folder`; warnings logged, and errors stop the build."""
    catalog = load_catalog(folder, today)
    for problem in catalog.validation.warnings:
        log.info("%s:%s %s %s", problem.file, problem.line, problem.code, problem.message)
    if not catalog.validation.ok:
        errors = [p for p in catalog.validation.problems if p.severity is Severity.ERROR]
        raise PluginError(
            f"{len(errors)} problems in the provider files, site not built:\n\n"
            + render_text(catalog.validation)
        )
    return catalog


def _branding(config: MkDocsConfig) -> Branding:
    """The council's branding from `extra.council`; its logo becomes the theme's logo and
    favicon. Colours without enough contrast stop the build."""
    branding = branding_from(config.extra)
    problems = colour_problems(branding)
    if problems:
        raise PluginError("The council's colours cannot be used:\n" + "\n".join(problems))
    if branding.logo:
        config.theme["logo"] = branding.logo
        config.theme["favicon"] = branding.logo
    return branding


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """on_files: add a page for every service (kept out of the navigation), the browse and search
    pages, the editors' data report, the service form, and each service's entry for the form."""
    state = _state()
    catalog = state.catalog
    report_to = config.extra.get("report_problem_email") or DEFAULT_REPORT_ADDRESS
    # Service pages and browse lists: MkDocs reads their front matter and heading; their HTML
    # is made from a template in on_page_content (build_tools/text/page_templates.py).
    for provider in catalog.providers:
        path = f"services/{provider.slug}.md"
        state.service_pages[path] = provider
        page = state.templated[path] = deferred_service_page(provider, state.today, report_to)
        files.append(File.generated(config, path, content=page.source, inclusion=NOT_IN_NAV))
    for path, made in browse_pages(catalog.providers).items():
        if isinstance(made, Deferred):
            state.templated[path] = made
        source = made.source if isinstance(made, Deferred) else made
        inclusion = InclusionLevel.INCLUDED if path == DIRECTORY else NOT_IN_NAV
        files.append(File.generated(config, path, content=source, inclusion=inclusion))
    files.append(File.generated(config, SEARCH_PAGE, content=search_page(len(catalog.providers))))
    report = data_report_page(catalog, state.today)
    files.append(File.generated(config, DATA_REPORT_PAGE, content=report))
    settings = form_settings(config.extra, report_to)
    for address in {report_to, settings.email}:  # addresses from mkdocs.yml `extra`
        if not PLAIN_ADDRESS.fullmatch(address):
            raise PluginError(
                f'mkdocs.yml extra: "{address}" is not one plain email address, so email links'
                " cannot be made to it. Write one whole address and nothing else, for example"
                " localoffer@dudley.example."
            )
    files.append(File.generated(config, FORM_PAGE, content=service_form_page(settings)))
    files.append(File.generated(config, FORM_SPEC, content=form_spec_json(settings)))
    branding = state.branding
    files.append(File.generated(config, BRANDING_CSS, content=branding_css(branding)))
    other_ways = files.get_file_from_path(OTHER_WAYS_PAGE) is not None
    files.append(File.generated(config, CONTACT_PAGE, content=contact_page(branding, other_ways)))
    for path, entry in entry_files(catalog).items():  # loaded by "Update this service"
        files.append(File.generated(config, path, content=entry))
    _add_content_files(files, config, catalog)
    # The directory's filter data, near me and the shortlist: small files fetched on demand.
    for path, data in family_files(catalog.providers, config.site_name).items():
        files.append(File.generated(config, path, content=data))
    return _without_theme_search(files, config)


def _without_theme_search(files: Files, config: MkDocsConfig) -> Files:
    """With the theme's own search switched off (mkdocs.yml), its word-splitting libraries and
    worker (1.2 MB) are copied all the same: leave them out. Nothing loads them: the theme only
    starts its worker from its search box, which is then on no page."""
    if any(name.split("/")[-1] == "search" for name in config.plugins):
        return files
    for file in [f for f in files if f.src_uri.startswith(THEME_SEARCH)]:
        files.remove(file)
    return files


def _add_content_files(files: Files, config: MkDocsConfig, catalog: Catalog) -> None:
    """Easy-read service pages, the glossary, "you said, we did" and the pictures used."""
    state = _state()
    data = state.content
    generated = site_content.generated_pages(data, catalog.providers, state.today, state.branding)
    for path, text in generated.items():
        service = path.startswith("services/")
        inclusion = InclusionLevel.NOT_IN_NAV if service else InclusionLevel.UNDEFINED
        files.append(File.generated(config, path, content=text, inclusion=inclusion))
    sources = {f.src_uri: f.content_string for f in files.documentation_pages()}
    twins, problems = site_content.easy_read_twins(sources, Path(config.docs_dir).name)
    state.problems += problems
    docs_name = Path(config.docs_dir).name
    state.problems += site_content.check_service_easy_read(
        sources, catalog.providers, docs_name, state.today
    )
    state.context = site_content.ContentContext(
        data.glossary,
        catalog.providers,
        twins,
        frozenset(generated),
        docs_name,
        today=state.today,
        history=git_dates(Path(config.docs_dir)),
        strategy=strategy_from(config.extra),
        ehc_request_link=str(config.extra.get("ehc_request_link") or ""),
    )
    state.markdown_keys = site_content.cache_keys(generated, state.context)
    for picture in site_content.pictures_used(sources.values()):
        path = str(picture_file(picture))
        files.append(File.generated(config, picture.site_path, abs_src_path=path))


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """on_nav: just before MkDocs reads the pages one by one, make the generated pages the page
    cache lacks on every core, so that reading them takes each from the cache."""
    state = _state()
    state.nav = nav
    cache = state.pages
    cores = _cores_to_fork_for()
    if not cores or cache.folder is None:
        return nav
    missing = [
        file
        for file in files.documentation_pages()
        if (key := _cache_key(file.src_uri, state)) and not cache.has(f"{key}\n{file.url}")
    ]
    if len(missing) >= PARALLEL_FROM:

        def populate(file: File) -> None:  # in a child: its hooks write the page to the cache
            _populate_page(file.page or Page(None, file, config), config, files)

        in_forked_children(missing, populate, cores)
    return nav


# Fewer pages to make than this are made faster by this process alone than by forking.
PARALLEL_FROM = 100


def _cores_to_fork_for() -> int:
    """How many child processes to share work between: none (0) in `mkdocs serve`, which runs
    threads a fork could leave waiting on a lock, without fork, or with one core."""
    if _serving or not can_fork():
        return 0
    cores = usable_cores()
    return cores if cores > 1 else 0


def _cache_key(src: str, state: BuildState) -> str | None:
    """The page cache key of a generated page (without its address), if it has one."""
    deferred = state.templated.get(src)
    return deferred.key if deferred is not None else state.markdown_keys.get(src)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """on_page_markdown: service-list markers, plain-English checks and easy-read layout; pages
    made from templates (service pages, browse lists) are left as they are."""
    state = _state()
    page.meta = escape_page_meta(page.meta)
    src = page.file.src_uri
    if src in state.templated:  # made from a template in on_page_content
        return markdown
    key = state.markdown_keys.get(src)
    kept = state.pages.get(f"{key}\n{page.url}") if key else None
    if kept is not None:  # on_page_content puts the kept HTML in; MkDocs reads the title
        state.kept[src] = kept
        return next((line for line in markdown.split("\n") if line.startswith("# ")), "")
    source = page.file.content_string
    markdown, problems = site_content.prepare_markdown(markdown, source, src, state.context)
    state.problems += problems
    if key:
        state.found[src] = problems
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """on_page_content: make the HTML of pages made from templates (or take it from the page
    cache); refuse pictures from other websites on editors' pages, explain glossary words where
    they first appear, then pass the page through the HTML sanitiser, the last line of defence
    against provider text; keep guidance and easy-read pages' HTML for the printed Local Offer,
    and guidance pages' text for search."""
    state = _state()
    src = page.file.src_uri
    deferred, kept = state.templated.get(src), state.kept.pop(src, None)
    if deferred is not None:
        html = _templated_html(page, deferred, state)
    elif kept is not None:  # an easy-read service page as an earlier build made it
        state.problems += kept.problems
        html = _use(page, kept)
    else:
        if page.file.generated_by is None:  # an editor's page: no pictures from elsewhere
            shown = f"{Path(config.docs_dir).name}/{src}"
            state.problems += remote_picture_problems(html, page.file.content_string, shown)
        html = _finished(html, page, state)
        if src in state.markdown_keys:
            _keep_markdown_page(page, html, state)
    if is_printed(page.file.src_uri):
        source = SourcePage(page.file.src_uri, page.url, page.title or "", html)
        state.printed[page.file.src_uri] = source
    found = guidance_search_page(page.url, page.title or "", page.meta, html)
    if found is not None:
        state.guidance.append(found)
    _release_source(page)
    return html


def _finished(html: str, page: Page, state: BuildState) -> str:
    """Glossary words explained at first use, then the sanitiser."""
    glossary = state.content.glossary
    return clean_page_html(site_content.explain_terms(html, page.file.src_uri, page.url, glossary))


def _templated_html(page: Page, deferred: Deferred, state: BuildState) -> str:
    """A generated page's finished HTML, made from its template or taken from the page cache,
    in place of what Markdown made of its heading; its table of contents and anchors as
    Markdown would have made them."""

    def make() -> RenderedPage:
        try:
            made = deferred.make()
        except RecursionError:  # validation refuses such text (LO240): name it, no traceback
            raise PluginError(
                f"{page.file.src_uri}: its text nests too deeply to render; please report it."
            ) from None
        return replace(made, html=_finished(made.html, page, state))

    return _use(page, state.pages.page(f"{deferred.key}\n{page.url}", make))


def _use(page: Page, made: RenderedPage) -> str:
    """The page's HTML, table of contents and anchors, as made (or kept) for it."""
    page.toc = get_toc(made.toc)  # type: ignore[arg-type]  # the toc extension's own tokens
    page.present_anchor_ids = set(made.ids)
    return made.html


def _keep_markdown_page(page: Page, html: str, state: BuildState) -> None:
    """Keep a Markdown page's finished HTML, contents, ids and problems for later builds."""
    problems = tuple(state.found.pop(page.file.src_uri, []))
    made = RenderedPage("", html, toc_tokens(page.toc), frozenset(page.present_anchor_ids or ()))
    key = f"{state.markdown_keys[page.file.src_uri]}\n{page.url}"
    state.pages.keep(key, replace(made, problems=problems))


def _release_source(page: Page) -> None:
    """MkDocs keeps every page's source, Markdown and HTML until the whole build ends. With
    thousands of generated pages that was most of the build's memory, and once the HTML exists
    only the HTML is used again: let the other two go. Service pages and browse lists now hold
    only their front matter and heading (their HTML comes from templates), so this still
    matters for the easy-read service pages, which are Markdown, one per service."""
    page.markdown = ""
    if page.file.generated_by is not None:
        page.file.content_string = ""


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """on_env: after every page is read, report content problems and stop on any error; give
    the templates the Content Security Policy (pages/csp.py) and the navigation shared by pages
    outside it (pages/shared_nav.py)."""
    state = _state()
    problems = sorted(state.problems, key=lambda p: p.sort_key())
    for problem in problems:
        if problem.severity is Severity.WARNING:
            log.info("%s:%s %s %s", problem.file, problem.line, problem.code, problem.message)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        raise PluginError(
            f"{len(errors)} problems in the content, site not built:\n\n" + render_problems(errors)
        )
    env.globals["content_security_policy"] = meta_policy
    env.globals["shared_nav"] = SharedNav(get_relative_url)
    env.globals["council"] = state.branding
    settings, site_url = feedback_settings(config.extra), config.site_url or ""
    env.globals["page_feedback"] = lambda url, title: feedback_links(
        settings, site_url + url, title
    )
    _write_generated_pages_on_every_core(env, config, files, state)
    return env


# The template of a page a child process has already written (on_env): it makes nothing, so
# MkDocs writes nothing over that page.
WRITTEN_ELSEWHERE = "written-elsewhere.html"


def _write_generated_pages_on_every_core(
    env: Any, config: MkDocsConfig, files: Files, state: BuildState
) -> None:
    """Put the generated pages (service pages, their easy-read pages and the browse lists)
    through the theme and write them on every core: child processes, forked now that every
    page is read, write them, and MkDocs then writes only the others. The theme was a third
    of a build at 1,000 services, mostly on these pages."""
    cores = _cores_to_fork_for()
    generated = [
        file.page
        for file in files.documentation_pages()
        if file.page is not None and _cache_key(file.src_uri, state)
    ]
    if not cores or len(generated) < PARALLEL_FROM:
        return
    doc_files = files.documentation_pages()

    def write(page: Page) -> None:  # in a child
        _build_page(page, config, doc_files, state.nav, env)

    if in_forked_children(generated, write, cores):
        return  # a child failed: MkDocs writes every page, and reports what went wrong
    for page in generated:
        page.meta["template"] = WRITTEN_ELSEWHERE
        state.written_elsewhere.add(page.file.src_uri)


class _QuietAboutPagesWrittenElsewhere(logging.Filter):
    """MkDocs says it skipped a page that made no output: not news for pages written by the
    child processes."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _build is None or not message.startswith("Page skipped: '"):
            return True
        return message.split("'", 2)[1] not in _build.written_elsewhere


logging.getLogger("mkdocs.commands.build").addFilter(_QuietAboutPagesWrittenElsewhere())


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """on_post_page: put the feed link, and a service page's JSON-LD, in the page's head; fold
    the template's indentation (pages/page_space.py)."""
    state = _state()
    if page.file.src_uri in state.written_elsewhere:
        return ""  # a child process wrote it (on_env)
    pages, publisher = state.service_pages, state.publisher
    output = compact_space(add_to_head(output, page.file.src_uri, page.url, pages, publisher))
    page.content = None  # written out now; the printed Local Offer kept its own copy
    return output


def on_post_build(config: MkDocsConfig) -> None:
    """on_post_build: write the search files, the open data exports (ORUK API, CSV, feed,
    robots.txt), date the sitemap, then make the printed Local Offer and the offline copy, and
    last the editor at /admin/, so that nothing else holds it."""
    state = _state()
    site, catalog = Path(config.site_dir), state.catalog

    def search_and_exports() -> None:
        write_search(site, catalog.providers, state.guidance, state.search_words)
        write_exports(site, catalog.providers, state.publisher)

    if not _cores_to_fork_for():
        search_and_exports()
        write_paper_and_offline(config)
    else:
        # Neither reads what the other writes: the offline copy holds pages, styles, pictures
        # and the printed Local Offer, no search or open data files. A child writes those
        # (about a second at 1,000 services); if it fails, this process writes them again and
        # says what went wrong.
        with meanwhile_in_a_child(search_and_exports) as child_succeeded:
            write_paper_and_offline(config)
        if not child_succeeded():
            search_and_exports()
    try:
        write_admin(
            Path(config.site_dir),
            cms_settings(config.extra),
            config.site_name,
            config.site_url or "",
        )
    except DecapMissing as error:
        raise PluginError(str(error)) from error


def write_paper_and_offline(config: MkDocsConfig) -> None:
    """on_post_build, part: the printed Local Offer (HTML and PDFs), then the offline zip."""
    state = _state()
    site, providers = Path(config.site_dir), state.catalog.providers
    settings = Settings(
        config.site_name,
        config.site_url or "",
        config.site_description or "",
        bool(config.extra.get("sample_data")),
    )
    # A cache beside mkdocs.yml, as mkdocs-material's plugins keep theirs (.cache/).
    project = Path(config.config_file_path).resolve().parent
    cache = cache_folder(project, config.extra.get("printable_cache"))
    # The PDFs take seconds to tens of seconds: not on every preview of `mkdocs serve`.
    pdf = config.extra.get("printable_pdf", True) is not False and not state.serving
    try:
        made = write_printable(site, state.printed, providers, settings, config.nav, cache, pdf)
    except PrintableError as error:
        raise PluginError(str(error)) from error
    if made is not None:
        anew = sum(made.values())
        log.info("Printable booklets: %d made, %d taken from the cache.", anew, len(made) - anew)
    write_offline_copy(site, settings.site_name, settings.site_url, state.today)
