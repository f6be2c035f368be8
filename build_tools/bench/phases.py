"""Where a site build spends its time, phase by phase: `python -m build_tools.bench.phases`.

Builds once in this process with timers wrapped around MkDocs' build steps and our hooks, and
prints seconds per phase, split by kind of page (service, browse list, other). With --plain it
does the same for plain mkdocs-material on the same pages, for comparison.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from mkdocs import utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from build_tools.bench.floor import write_plain_project
from build_tools.bench.generate import generate_providers
from build_tools.entries import catalog as catalog_module
from build_tools.paths import ROOT

Timings = defaultdict[str, list[float]]  # phase: [wall seconds, CPU seconds of this process]


def page_kind(page: Page) -> str:
    """service, easy read, browse or other, from where the page's source would be."""
    parts = page.file.src_uri.split("/")
    if parts[0] != "services" or len(parts) < 2 or parts[1] == "index.md":
        return "other"
    if len(parts) == 2:
        return "service"
    return "easy read" if parts[-1] == "easy-read.md" else "browse"


@contextmanager
def _timed(target: Any, name: str, label: Callable[..., str], timings: Timings) -> Iterator[None]:
    """Add the time of each call of target.name to timings[label(call's arguments)]."""
    original = getattr(target, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start, cpu = time.perf_counter(), time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            spent = timings[label(*args, **kwargs)]
            spent[0] += time.perf_counter() - start
            spent[1] += time.process_time() - cpu

    setattr(target, name, wrapper)
    try:
        yield
    finally:
        if isinstance(target, type) or hasattr(target, "__file__"):  # a class or a module
            setattr(target, name, original)
        else:  # an instance: drop the shadowing attribute, the class's method shows again
            delattr(target, name)


def profile_build(config_file: Path, site_dir: Path, providers: Path | None) -> Timings:
    """Seconds per phase of one build. Phases in [brackets] contain others: populating a page
    reads it and turns its Markdown into HTML; theme + write includes writing the file."""
    timings: Timings = defaultdict(lambda: [0.0, 0.0])
    start, cpu = time.perf_counter(), time.process_time()
    overrides = {"site_dir": str(site_dir)}
    config = load_config(config_file=str(config_file), **overrides)
    if providers:
        config.extra["providers_dir"] = str(providers)  # documented in mkdocs.yml
    timings["load config"] = [time.perf_counter() - start, time.process_time() - cpu]
    plugins = config.plugins

    def fixed(text: str) -> Callable[..., str]:
        return lambda *args, **kwargs: text

    with ExitStack() as stack:
        steps: list[tuple[Any, str, Callable[..., str]]] = [
            (catalog_module, "_validated_catalog", fixed("validation and provider objects")),
            (plugins, "on_config", fixed("on_config hook (includes validation)")),
            (mkdocs_build, "get_files", fixed("collect files")),
            (plugins, "on_files", fixed("on_files hook: generate Markdown of pages")),
            (mkdocs_build, "get_navigation", fixed("navigation")),
            (Page, "read_source", lambda page, *a, **k: f"read source: {page_kind(page)}"),
            (Page, "render", lambda page, *a, **k: f"Markdown to HTML: {page_kind(page)}"),
            (
                mkdocs_build,
                "_populate_page",
                lambda page, *a, **k: f"[populate: {page_kind(page)}]",
            ),
            (Files, "copy_static_files", fixed("copy theme assets")),
            (
                mkdocs_build,
                "_build_page",
                lambda page, *a, **k: f"[theme + write: {page_kind(page)}]",
            ),
            (utils, "write_file", fixed("write HTML files")),
            (Page, "validate_anchor_links", fixed("check anchors")),
            (plugins, "on_post_build", fixed("on_post_build hook: search files, exports, paper")),
        ]
        for target, name, label in steps:
            stack.enter_context(_timed(target, name, label, timings))
        start, cpu = time.perf_counter(), time.process_time()
        mkdocs_build.build(config)
        timings["whole build (after config)"] = [
            time.perf_counter() - start,
            time.process_time() - cpu,
        ]
    return timings


def render(timings: Timings) -> str:
    lines = ["| phase | wall seconds | CPU seconds (this process) |", "|---|---:|---:|"]
    for name, (wall, cpu) in sorted(timings.items(), key=lambda item: -item[1][0]):
        lines.append(f"| {name} | {wall:.2f} | {cpu:.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--services", type=int, default=1000)
    parser.add_argument("--plain", action="store_true", help="also profile plain mkdocs-material")
    args = parser.parse_args(argv)
    today = dt.date.today()
    with tempfile.TemporaryDirectory(prefix="localoffer-phases-") as tmp:
        work = Path(tmp)
        providers = work / "providers"
        generate_providers(args.services, providers, today)
        ours = profile_build(ROOT / "mkdocs.yml", work / "site", providers)
        # This process only.
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        sys.stdout.write(f"Ours, {args.services:,} services:\n\n{render(ours)}\n\n")
        sys.stdout.write(f"Peak memory of the MkDocs process: {peak:,.0f} MB\n\n")
        if args.plain:
            write_plain_project(providers, work / "plain", today)
            shutil.rmtree(work / "site")
            plain = profile_build(work / "plain" / "mkdocs.yml", work / "site", None)
            sys.stdout.write(f"Plain mkdocs-material:\n\n{render(plain)}\n")


if __name__ == "__main__":
    main()
