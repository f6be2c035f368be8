"""Shared constants and helpers for the tests (fixtures live in conftest.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = REPO_ROOT / "tests" / "examples" / "providers"
VALID_DIR = EXAMPLES / "valid"
INVALID_DIR = EXAMPLES / "invalid"
FIXTURE_PROVIDERS = REPO_ROOT / "tests" / "examples" / "site" / "providers"

# Every date-dependent check runs as if today were this day, so the tests never go stale.
TODAY = dt.date(2026, 11, 25)
TODAY_ARG = TODAY.isoformat()

PROVIDER_SUFFIXES = (".yaml", ".yml")
GOLDEN_SUFFIX = ".expected.txt"

# A small entry that is valid at TODAY, for tests that build files in tmp_path.
MINIMAL_ENTRY = """\
name: Lye Online Parent Chat
summary: An online chat where parents of disabled children share tips and support.
description: A friendly online group for parents and carers, run every week by volunteers.
organisation:
  name: Lye Parent Carer Forum
categories: [support-groups]
needs: [all]
age_range:
  min: 0
  max: 25
eligibility:
  description: Parents and carers of children with SEND who live in Dudley.
how_to_access:
  routes: [self-referral]
cost:
  free: true
contacts:
  - role: Forum team
    email: forum@lye-parents.example
delivery: [online]
last_reviewed: "2026-10-01"
"""


def provider_cases(folder: Path) -> list[Path]:
    """The example provider files in `folder`, sorted by name."""
    return sorted(
        path
        for path in folder.iterdir()
        if path.suffix in PROVIDER_SUFFIXES and not path.name.startswith(".")
    )


def golden_for(case: Path) -> Path:
    """The expected report that sits next to an invalid example: x.yaml -> x.expected.txt."""
    return case.with_name(case.stem + GOLDEN_SUFFIX)


def case_name(case: Path) -> str:
    """The name a case is known by in tests: its file name without .yaml or .yml."""
    return case.stem
