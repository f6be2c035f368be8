"""MkDocs hooks, in event order. Thin: each calls one build_tools function.

Listed in mkdocs.yml under `hooks:`. MkDocs does not reload this file in `mkdocs serve`:
restart it after changing Python code (provider and content changes rebuild by themselves).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from build_tools.browse import DIRECTORY, browse_pages
from build_tools.catalog import Catalog, load_catalog
from build_tools.editors_page import DATA_REPORT_PAGE, data_report_page
from build_tools.finder import SEARCH_PAGE, search_page
from build_tools.pages import DEFAULT_REPORT_ADDRESS, render_service_page
from build_tools.problems import Severity
from build_tools.report import render_text
from build_tools.search_engine import SearchIndexError, index_site
from build_tools.search_index import search_block
from build_tools.service_form import FORM_PAGE, entry_files, form_settings, service_form_page

log = get_plugin_logger("local_offer")
_state: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """on_config: load and validate the providers; stop the build if any has an error."""
    root = Path(config.config_file_path).resolve().parent
    folder = Path(config.extra.get("providers_dir") or root / "providers")
    today = dt.date.today()
    catalog: Catalog = load_catalog(folder, today)
    for problem in catalog.report.warnings:
        log.info("%s:%s %s %s", problem.file, problem.line, problem.code, problem.message)
    if not catalog.report.ok:
        errors = [p for p in catalog.report.problems if p.severity is Severity.ERROR]
        raise PluginError(
            f"{len(errors)} problems in the provider files, site not built:\n\n"
            + render_text(catalog.report)
        )
    _state.update(catalog=catalog, today=today)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """on_files: add a page for every service (kept out of the navigation), the browse and search
    pages, the editors' data report, the service form, and each service's entry for the form."""
    catalog: Catalog = _state["catalog"]
    report_to = config.extra.get("report_problem_email") or DEFAULT_REPORT_ADDRESS
    for provider in catalog.providers:
        page = render_service_page(provider, _state["today"], report_to)
        files.append(
            File.generated(
                config,
                f"services/{provider.slug}.md",
                content=f"{page}\n{search_block(provider)}\n",
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
        )
    for path, content in browse_pages(catalog.providers).items():
        inclusion = InclusionLevel.INCLUDED if path == DIRECTORY else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, path, content=content, inclusion=inclusion))
    files.append(File.generated(config, SEARCH_PAGE, content=search_page()))
    report = data_report_page(catalog, _state["today"])
    files.append(File.generated(config, DATA_REPORT_PAGE, content=report))
    form = service_form_page(form_settings(config.extra, report_to))
    files.append(File.generated(config, FORM_PAGE, content=form))
    for path, entry in entry_files(catalog).items():  # loaded by "Update this service"
        files.append(File.generated(config, path, content=entry))
    return files


def on_post_build(config: MkDocsConfig) -> None:
    """on_post_build: index the finished pages for search and the directory's filters."""
    try:
        index_site(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(str(error)) from error
