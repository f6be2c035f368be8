"""Benchmark: how long validation takes for N generated providers (`make bench`).

Generates N providers by varying the shipped sample entries (fixed seed, in a temporary folder
outside the repo), then times `localoffer validate` in a fresh process, next to the naive way
(yaml.safe_load plus jsonschema.validate per file, which rebuilds the validator every time).
Prints a Markdown table. This is a measurement, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .scaffold import render_entry
from .validate import validate_files

ROOT = Path(__file__).resolve().parent.parent
_NAIVE = """
import json, sys, pathlib, yaml, jsonschema
schema = json.loads(pathlib.Path(sys.argv[1]).read_text())
for path in sorted(pathlib.Path(sys.argv[2]).glob('*.yaml')):
    try:
        jsonschema.validate(yaml.safe_load(path.read_text()), schema)
    except jsonschema.ValidationError:
        pass
"""


def generate_providers(count: int, folder: Path, seed: int = 2026) -> None:
    """Write `count` valid providers into `folder`, varied from the sample entries."""
    rng = random.Random(seed)
    report = validate_files([ROOT / "providers"])
    samples = [f.document.data for f in report.valid_files() if f.document is not None]
    if not samples:
        raise SystemExit("No valid sample providers to vary: run localoffer validate first.")
    for index in range(count):
        entry = dict(rng.choice(samples))
        entry["id"] = f"00000000-0000-4000-8000-{index:012d}"
        entry["name"] = f"{entry['name']} {index}"
        entry["last_reviewed"] = f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"
        age_min = rng.randint(0, 18)
        entry["age_range"] = {"min": age_min, "max": rng.randint(age_min, 25)}
        (folder / f"service-{index:05d}.yaml").write_text(render_entry(entry), encoding="utf-8")


def _time_command(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def run(counts: list[int], naive_limit: int) -> str:
    """Time validation at each count and return the Markdown table."""
    rows = [
        "| services | `localoffer validate` | per entry | naive safe_load + validate() "
        "| naive / ours |",
        "|---:|---:|---:|---:|---:|",
    ]
    schema = ROOT / "schema" / "provider.schema.json"
    for count in counts:
        with tempfile.TemporaryDirectory(prefix="localoffer-bench-") as tmp:
            folder = Path(tmp)
            generate_providers(count, folder)
            ours = _time_command(
                [
                    sys.executable,
                    "-m",
                    "build_tools",
                    "validate",
                    str(folder),
                    "--today",
                    "2026-11-25",
                ]
            )
            naive_text, ratio = "not run", ""
            if count <= naive_limit:
                naive = _time_command([sys.executable, "-c", _NAIVE, str(schema), str(folder)])
                naive_text, ratio = f"{naive:.2f} s", f"{naive / ours:.1f}x"
        rows.append(
            f"| {count:,} | {ours:.2f} s | {ours / count * 1000:.2f} ms | {naive_text} | {ratio} |"
        )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--counts", default="100,1000,10000", help="comma-separated numbers of services"
    )
    parser.add_argument(
        "--naive-limit",
        type=int,
        default=1000,
        help="skip the slow naive run above this many services",
    )
    args = parser.parse_args()
    counts = [int(part) for part in args.counts.split(",")]
    sys.stdout.write(run(counts, args.naive_limit) + "\n")


if __name__ == "__main__":
    main()
