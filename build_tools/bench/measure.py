"""Whole-process measurements: wall time and peak memory of a command, and sizes on disk."""

from __future__ import annotations

import gzip
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

# What a web server typically uses (nginx and Apache default to levels 1 to 6).
GZIP_LEVEL = 6


class CommandFailed(RuntimeError):
    """A measured command exited with an error; the message ends with its output."""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float  # the largest resident set of the process or any process it waited for
    cpu_seconds: float  # user and system time of the process and the processes it waited for


def run_measured(args: list[str], log: Path, cwd: Path | None = None) -> Run:
    """Run `args` to the end, its output into `log`; its time and peak memory."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, cwd=cwd)
        # wait4 gives this child's own resource use, not that of every child so far.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise CommandFailed(f"{' '.join(args)} exited with {process.returncode}:\n{tail}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, usage.ru_maxrss / 1024, cpu)  # ru_maxrss is in KiB on Linux


def median_run(args: list[str], log: Path, repeats: int) -> Run:
    """The run with the median time of `repeats` runs."""
    runs = sorted((run_measured(args, log) for _ in range(repeats)), key=lambda r: r.seconds)
    return runs[len(runs) // 2]


def folder_bytes(folder: Path) -> tuple[int, int]:
    """Total bytes and number of files under `folder`."""
    total = count = 0
    for root, _, names in os.walk(folder):
        for name in names:
            total += os.path.getsize(os.path.join(root, name))
            count += 1
    return total, count


def disk_use(folder: Path) -> int:
    """Bytes `folder` takes on this disk, as `du` counts them: whole blocks, folders included.
    With thousands of small files this is well above the sum of their sizes."""
    total = folder.stat().st_blocks * 512
    for root, folders, names in os.walk(folder):
        for name in (*folders, *names):
            total += os.lstat(os.path.join(root, name)).st_blocks * 512
    return total


def part_bytes(site: Path) -> dict[str, int]:
    """Bytes under each top-level folder or file of the site, with the services folder split
    into its three kinds of page (the service pages, their easy-read pages, the browse lists)
    and the rest: biggest first."""
    sizes: dict[str, int] = {}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        parts = path.relative_to(site).parts
        sizes[_part(parts)] = sizes.get(_part(parts), 0) + path.stat().st_size
    return dict(sorted(sizes.items(), key=lambda item: (-item[1], item[0])))


def _part(parts: tuple[str, ...]) -> str:
    if parts[0] != "services" or len(parts) < 3:
        return parts[0]
    if parts[1] in BROWSE_FOLDERS:
        return "services (browse lists)"
    if parts[2] == "easy-read":
        return "services (easy-read pages)"
    return "services (service pages)" if parts[2] == "index.html" else "services (other)"


# The folders of the lists by type, need, age and area (build_tools/directory/browse.py).
BROWSE_FOLDERS = frozenset(["type", "need", "age", "area"])


def gzipped_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def transfer_size(path: Path) -> int:
    """Bytes a server sends for this file with gzip on: compressed unless that is no smaller
    (pictures and the PDF are already compressed)."""
    data = path.read_bytes()
    return min(len(data), gzipped_size(data))


@dataclass(frozen=True)
class PageSizes:
    median_raw: int
    median_gzip: int
    largest_raw: int
    largest_gzip: int
    pages: int


def service_page_sizes(site: Path, sample: int = 500) -> PageSizes:
    """HTML bytes of service pages (an even sample of at most `sample`), raw and gzipped."""
    pages = sorted((site / "services").glob("*/index.html"))
    pages = [p for p in pages if p.parent.name.startswith("service-")]
    step = max(1, len(pages) // sample)
    raw, zipped = [], []
    for page in pages[::step]:
        data = page.read_bytes()
        raw.append(len(data))
        zipped.append(gzipped_size(data))
    raw.sort()
    zipped.sort()
    middle = len(raw) // 2
    return PageSizes(raw[middle], zipped[middle], raw[-1], zipped[-1], len(pages))
