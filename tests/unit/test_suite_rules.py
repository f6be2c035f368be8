"""Rules the test suite keeps so that `make test` stays within its time (docs/testing.md)."""

from __future__ import annotations

import re

from tests.support import REPO_ROOT

# page.route() and context.route(): while a route is set, Chromium fetches every file of every
# page again and Playwright handles each request (pages took two to three times as long).
ROUTE = re.compile(r"\.route(_from_har)?\((?!\))")  # a call, with what it routes


def test_no_test_answers_requests_through_playwright() -> None:
    here = REPO_ROOT / "tests" / "unit" / "test_suite_rules.py"
    using = [
        f"{path.relative_to(REPO_ROOT)}:{number}"
        for path in sorted((REPO_ROOT / "tests").rglob("*.py"))
        if path != here
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ROUTE.search(line)
    ]
    assert using == [], "serve the file beside the site instead (serve(folder, extra))"
