"""Synthetic providers for the benchmark, varied the way the sample data varies.

Each entry starts from a random sample in providers/ (so lengths, lists, venues, times and
languages come in the same mix), then gets its own id and name and fresh draws of the things
families filter on: types, needs, ages and areas. The seed is fixed, so the same N gives the
same entries; only review dates follow the calendar, so that no entry is ever overdue.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
from pathlib import Path
from typing import Any

from build_tools.entries.safe_yaml import parse_yaml
from build_tools.entries.scaffold import render_entry
from build_tools.paths import PROVIDERS
from build_tools.schema import vocabulary

SAMPLES = PROVIDERS
SEED = 2026


def sample_entries(folder: Path = SAMPLES) -> list[dict[str, Any]]:
    """The shipped sample entries, as data."""
    entries = []
    for path in sorted(folder.glob("*.yaml")):
        document, _ = parse_yaml(path.read_bytes(), str(path))
        if document is not None:
            entries.append(document.data)
    if not entries:
        raise SystemExit(f"No sample providers to vary in {folder}.")
    return entries


def _some(rng: random.Random, choices: list[str], most: int) -> list[str]:
    return rng.sample(choices, rng.randint(1, most))


def vary(sample: dict[str, Any], index: int, rng: random.Random, today: dt.date) -> dict[str, Any]:
    """A new valid entry made from `sample`."""
    entry = copy.deepcopy(sample)
    entry["id"] = f"00000000-0000-4000-8000-{index:012d}"
    entry["name"] = f"{entry['name'][:90]} {index + 1}"
    if rng.random() < 0.5:
        entry["categories"] = _some(rng, list(vocabulary("categories")), 3)
    draw = rng.random()
    if draw < 0.25:
        entry["needs"] = ["all"]
    elif draw < 0.75:
        entry["needs"] = _some(rng, [n for n in vocabulary("needs") if n != "all"], 4)
    low = rng.randint(0, 18)
    entry["age_range"] = {"min": low, "max": rng.randint(low, 25)}
    if rng.random() < 0.6:
        entry["service_areas"] = _some(rng, list(vocabulary("service_areas")), 3)
    # Shown whatever the date: no start or end dates, and checked within the last year.
    entry.pop("show_from", None)
    entry.pop("show_until", None)
    entry["last_reviewed"] = (today - dt.timedelta(days=rng.randint(1, 330))).isoformat()
    return entry


def generate_providers(count: int, folder: Path, today: dt.date, seed: int = SEED) -> None:
    """Write `count` valid providers into `folder` (emptied first)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.yaml"):
        old.unlink()
    rng = random.Random(seed)
    samples = sample_entries()
    for index in range(count):
        entry = vary(rng.choice(samples), index, rng, today)
        text = render_entry(entry)
        (folder / f"service-{index + 1:05d}.yaml").write_text(text, encoding="utf-8")
