"""`make bench` / `python -m build_tools.bench`: measure, then write and print the tables.

For each number of services: generate the providers, time `localoffer validate` next to the
naive and the plain best ways, build the site from nothing next to plain mkdocs-material,
rebuild after changing one provider, and measure sizes and first-visit downloads. Everything
goes under bench/out/ (git-ignored). Ratios taken in one run hold better than absolute times.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.bench.browser import CHROMIUM, Visit, first_visits
from build_tools.bench.floor import BEST_PLAIN_VALIDATION, NAIVE_VALIDATION, write_plain_project
from build_tools.bench.generate import generate_providers
from build_tools.bench.measure import (
    PageSizes,
    Run,
    disk_use,
    folder_bytes,
    median_run,
    part_bytes,
    run_measured,
    service_page_sizes,
)
from build_tools.files.output_folders import BENCH, OutputRefused, claim_output_folder
from build_tools.paths import ROOT

SCHEMA = ROOT / "schema" / "provider.schema.json"
PARTS = ("validate", "naive", "best", "floor", "build", "rebuild", "browser")
# Issue 19: the site on disk at most 60 kB per service (300 MB at 5,000, under 1 GB at 10,000).
SITE_BUDGET_PER_SERVICE = 60_000
# How many of the site's biggest parts the size table names.
BIGGEST_PARTS = 6


@dataclass
class Result:
    """What was measured for one number of services; None where a part was skipped."""

    count: int
    validate: Run | None = None
    naive: Run | None = None
    best: Run | None = None
    floor: Run | None = None
    build: Run | None = None
    rebuild: Run | None = None
    site_bytes: tuple[int, int] | None = None
    site_parts: dict[str, int] = field(default_factory=dict)
    site_disk_use: int | None = None
    pages: PageSizes | None = None
    visits: dict[str, Visit] = field(default_factory=dict)


def _python(*args: str) -> list[str]:
    return [sys.executable, *args]


def measure(count: int, out: Path, parts: set[str], repeats: int, keep: bool) -> Result:
    """Every part in `parts` for `count` services."""
    today = dt.date.today()
    work = out / str(count)
    providers, logs = work / "providers", work / "logs"
    generate_providers(count, providers, today)
    result = Result(count)
    validate = _python("-m", "build_tools", "validate", str(providers), "--today", str(today))
    if "validate" in parts:
        result.validate = median_run(validate, logs / "validate.log", repeats)
    if "best" in parts:
        best = _python("-c", BEST_PLAIN_VALIDATION, str(SCHEMA), str(providers))
        result.best = median_run(best, logs / "best.log", repeats)
    if "naive" in parts:
        naive = _python("-c", NAIVE_VALIDATION, str(SCHEMA), str(providers))
        result.naive = run_measured(naive, logs / "naive.log")
    if "floor" in parts:
        project = work / "plain"
        shutil.rmtree(project, ignore_errors=True)
        write_plain_project(providers, project, today)
        config = str(project / "mkdocs.yml")
        plain_build = _python("-m", "mkdocs", "build", "-q", "-f", config)
        result.floor = run_measured(plain_build, logs / "plain.log")
        shutil.rmtree(project)
    if parts & {"build", "rebuild", "browser"}:
        _build_ours(result, providers, work, parts)
        if not keep:
            shutil.rmtree(work / "site", ignore_errors=True)
    return result


def _build_ours(result: Result, providers: Path, work: Path, parts: set[str]) -> None:
    site, logs = work / "site", work / "logs"
    shutil.rmtree(site, ignore_errors=True)
    build = _python("-m", "build_tools", "build", "--providers", str(providers))
    # No printable PDF: it is a separate product, minutes long at this size (docs/benchmarks.md).
    build += ["--site-dir", str(site), "--no-pdf"]
    # An empty page cache of its own (build_tools/files/page_cache.py): the first build is cold, the
    # rebuild after one change takes the other pages from it.
    cache = work / "page-cache"
    shutil.rmtree(cache, ignore_errors=True)
    build += ["--cache-dir", str(cache)]
    # From nothing to the finished site: validation, MkDocs, the search files and exports.
    result.build = run_measured(build, logs / "build.log", cwd=ROOT)
    result.site_bytes = folder_bytes(site)
    result.site_parts = part_bytes(site)
    result.site_disk_use = disk_use(site)
    result.pages = service_page_sizes(site)
    if "rebuild" in parts:
        changed = sorted(providers.glob("*.yaml"))[0]
        text = changed.read_text(encoding="utf-8")
        changed.write_text(text.replace("\nsummary: ", "\nsummary: Changed. ", 1), "utf-8")
        result.rebuild = run_measured(build, logs / "rebuild.log", cwd=ROOT)
    if "browser" in parts:
        result.visits = first_visits(site, result.count)


def _s(run: Run | None) -> str:
    return f"{run.seconds:.2f} s" if run else "–"


def _ratio(top: Run | None, bottom: Run | None) -> str:
    return f"{top.seconds / bottom.seconds:.2f}" if top and bottom else "–"


def _cpu_ratio(top: Run | None, bottom: Run | None) -> str:
    return f"{top.cpu_seconds / bottom.cpu_seconds:.2f}" if top and bottom else "–"


def _kb(size: int | None) -> str:
    return f"{size / 1000:,.1f} kB" if size is not None else "–"


def _visit(result: Result, name: str, data: bool = False) -> str:
    visit = result.visits.get(name)
    if visit is None:
        return "–"
    text = f"{_kb(visit.total)} ({visit.requests} requests)"
    return text + (f", of which data {_kb(visit.data)}" if data else "")


def render_tables(results: list[Result]) -> str:
    """The results as Markdown tables, with the machine and date they were taken on."""
    lines = [
        f"Measured {dt.datetime.now():%Y-%m-%d %H:%M} on {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load average {os.getloadavg()[0]:.2f} at the end. "
        "Whole-process wall times; validation is the median of several runs, builds one run.",
        "",
        "**Build** (from nothing to the finished site, with the search files)",
        "",
        "| services | plain mkdocs-material | `localoffer build` | ours / plain | same, in CPU "
        "time | rebuild after one change | peak memory (largest process) | site size |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        memory = f"{r.build.peak_mb:,.0f} MB" if r.build else "–"
        size = (
            f"{r.site_bytes[0] / 1e6:,.1f} MB, {r.site_bytes[1]:,} files" if r.site_bytes else "–"
        )
        lines.append(
            f"| {r.count:,} | {_s(r.floor)} | {_s(r.build)} | {_ratio(r.build, r.floor)} "
            f"| {_cpu_ratio(r.build, r.floor)} | {_s(r.rebuild)} | {memory} | {size} |"
        )
    lines += [
        "",
        "**Validation** (every check on; naive: `yaml.safe_load` + `jsonschema.validate()` per "
        "file; plain best: `CSafeLoader` + one validator, no other checks)",
        "",
        "| services | `localoffer validate` | CPU time | per entry | plain best | naive "
        "| best / ours | naive / ours | peak memory |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        per = f"{r.validate.seconds / r.count * 1000:.2f} ms" if r.validate else "–"
        memory = f"{r.validate.peak_mb:,.0f} MB" if r.validate else "–"
        cpu = f"{r.validate.cpu_seconds:.2f} s" if r.validate else "–"
        lines.append(
            f"| {r.count:,} | {_s(r.validate)} | {cpu} | {per} | {_s(r.best)} | {_s(r.naive)} "
            f"| {_ratio(r.best, r.validate)} | {_ratio(r.naive, r.validate)} | {memory} |"
        )
    lines += [
        "",
        "**Bytes** (service page HTML: median and largest; first visits: fresh browser, "
        "gzip level 6 where it makes a file smaller, 1 kB = 1,000 bytes)",
        "",
        "| services | service page raw | service page gzipped | home page | directory "
        "(first 20 listed) | first search | first search with a typo "
        "| first filter (need and age) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        raw = f"{_kb(r.pages.median_raw)} / {_kb(r.pages.largest_raw)}" if r.pages else "–"
        zipped = f"{_kb(r.pages.median_gzip)} / {_kb(r.pages.largest_gzip)}" if r.pages else "–"
        lines.append(
            f"| {r.count:,} | {raw} | {zipped} | {_visit(r, 'home')} "
            f"| {_visit(r, 'directory', True)} | {_visit(r, 'search', True)} "
            f"| {_visit(r, 'typo', True)} | {_visit(r, 'filter', True)} |"
        )
    lines += ["", *_site_sizes(results), "", *_scaling(results)]
    return "\n".join(lines) + "\n"


def _site_sizes(results: list[Result]) -> list[str]:
    """The site on disk per service, against the budget, and its biggest parts."""
    measured = [r for r in results if r.site_bytes]
    if not measured:
        return []
    budget = SITE_BUDGET_PER_SERVICE / 1000
    lines = [
        "**Site on disk** (the sum of every file's size, the offline zip included: what a host "
        f"stores; budget {budget:,.0f} kB per service. Disk use: as `du` counts, in whole blocks "
        "with the folders. The biggest parts in kB per service)",
        "",
        "| services | total | per service | budget | disk use | biggest parts |",
        "|---:|---:|---:|---|---:|---|",
    ]
    for r in measured:
        assert r.site_bytes is not None
        total = r.site_bytes[0]
        per = total / r.count
        verdict = "met" if per <= SITE_BUDGET_PER_SERVICE else "**not met**"
        biggest = ", ".join(
            f"{name} {size / r.count / 1000:,.1f}"
            for name, size in list(r.site_parts.items())[:BIGGEST_PARTS]
        )
        disk = f"{r.site_disk_use / 1e6:,.1f} MB" if r.site_disk_use else "–"
        lines.append(
            f"| {r.count:,} | {total / 1e6:,.1f} MB | {per / 1000:,.1f} kB | {verdict} "
            f"| {disk} | {biggest} |"
        )
    return lines


def _scaling(results: list[Result]) -> list[str]:
    by_count = {r.count: r for r in results}
    small, large = by_count.get(1000), by_count.get(5000)
    if not (small and large):
        return []
    parts = [
        f"{label} {_ratio(getattr(large, name), getattr(small, name))} "
        f"(CPU time {_cpu_ratio(getattr(large, name), getattr(small, name))})"
        for label, name in (
            ("plain mkdocs-material", "floor"),
            ("`localoffer build`", "build"),
            ("`localoffer validate`", "validate"),
        )
    ]
    return ["**Scaling**, 5,000 / 1,000 services: " + "; ".join(parts) + "."]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,5000,10000", help="numbers of services")
    parser.add_argument(
        "--skip", default="", help=f"comma-separated parts to leave out: {', '.join(PARTS)}"
    )
    parser.add_argument(
        "--naive-up-to", type=int, default=10_000, help="skip the slow naive way above this size"
    )
    parser.add_argument("--repeats", type=int, default=3, help="runs of each validation")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--keep-sites", action="store_true", help="keep the built sites")
    args = parser.parse_args(argv)
    skipped = {part for part in args.skip.split(",") if part}
    unknown = skipped - set(PARTS)
    if unknown:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    if "browser" not in skipped and not Path(CHROMIUM).exists():
        sys.stderr.write(f"No browser at {CHROMIUM}: leaving out the first-visit downloads.\n")
        skipped.add("browser")
    try:
        claim_output_folder(args.out, BENCH)
    except OutputRefused as error:
        sys.stderr.write(f"{error}\n")
        sys.exit(OutputRefused.exit_code)
    results = []
    for count in (int(size) for size in args.sizes.split(",")):
        parts = set(PARTS) - skipped
        if count > args.naive_up_to:
            parts.discard("naive")
        sys.stderr.write(f"Measuring {count:,} services: {', '.join(sorted(parts))}...\n")
        results.append(measure(count, args.out, parts, args.repeats, args.keep_sites))
        table = render_tables(results)
        (args.out / "results.md").write_text(table, encoding="utf-8")
    sys.stdout.write(table)
