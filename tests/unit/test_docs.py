"""The generated pages are committed, so they must match what `localoffer docs` makes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from build_tools.guidance import reference as docs
from build_tools.problems import CATALOGUE
from build_tools.schema import load_schema, resolve
from tests.conftest import Cli
from tests.support import REPO_ROOT

FIELD_REFERENCE = REPO_ROOT / "content" / "providers" / "field-reference.md"
PROBLEM_CODES = REPO_ROOT / "content" / "providers" / "problem-codes.md"
STALE = "is out of date: run localoffer docs (or make docs) and commit the result."


def test_field_reference_is_up_to_date() -> None:
    assert FIELD_REFERENCE.read_text(encoding="utf-8") == docs.render_field_reference(), (
        f"{FIELD_REFERENCE.relative_to(REPO_ROOT)} {STALE}"
    )


def test_problem_codes_page_is_up_to_date() -> None:
    assert PROBLEM_CODES.read_text(encoding="utf-8") == docs.render_problem_codes(), (
        f"{PROBLEM_CODES.relative_to(REPO_ROOT)} {STALE}"
    )


def test_every_problem_code_is_explained() -> None:
    text = PROBLEM_CODES.read_text(encoding="utf-8")
    for code in CATALOGUE:
        assert f"## {code.code}: {code.title}" in text
        assert code.help.split(".")[0] in text


def _property_paths(schema: dict[str, Any], prefix: str = "") -> Iterator[str]:
    for key, raw in schema.get("properties", {}).items():
        sub = resolve(raw)
        path = f"{prefix}.{key}" if prefix else key
        yield path
        if sub.get("type") == "object":
            yield from _property_paths(sub, path)
        elif sub.get("type") == "array":
            item = resolve(sub.get("items", {}))
            if item.get("type") == "object":
                yield from _property_paths(item, f"{path}[]")


def test_every_schema_field_is_in_the_field_reference() -> None:
    text = FIELD_REFERENCE.read_text(encoding="utf-8")
    paths = list(_property_paths(load_schema()))
    assert {"name", "organisation.name", "contacts[].phone", "local_offer.teaching"} <= set(paths)
    missing = [path for path in paths if f"`{path}`" not in text]
    assert not missing, f"Not in the field reference: {missing}. Run: localoffer docs"


def test_every_choice_is_in_the_field_reference() -> None:
    text = FIELD_REFERENCE.read_text(encoding="utf-8")
    for vocabulary in ("needs", "categories", "delivery", "languages", "service_areas"):
        items = resolve(load_schema()["properties"][vocabulary]["items"])
        for value, label in items["x-labels"].items():
            assert f"| `{value}` | {label} |" in text


def test_docs_check_passes_on_the_committed_pages(cli: Cli) -> None:
    result = cli("docs", "--check")
    assert result.exit_code == 0, result.output


def test_docs_check_fails_and_docs_rewrites_stale_pages(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docs, "ROOT", tmp_path)
    monkeypatch.setattr(docs, "FIELD_REFERENCE", tmp_path / "field-reference.md")
    monkeypatch.setattr(docs, "PROBLEM_CODES", tmp_path / "problem-codes.md")
    (tmp_path / "field-reference.md").write_text("# old\n", encoding="utf-8")

    stale = cli("docs", "--check")
    assert stale.exit_code == 1
    assert "Run: localoffer docs" in stale.stderr
    assert (tmp_path / "field-reference.md").read_text(encoding="utf-8") == "# old\n"
    assert not (tmp_path / "problem-codes.md").exists()

    written = cli("docs")
    assert written.exit_code == 0
    assert written.stdout == "Wrote field-reference.md\nWrote problem-codes.md\n"
    assert (tmp_path / "field-reference.md").read_text(encoding="utf-8") == (
        docs.render_field_reference()
    )
    assert cli("docs", "--check").exit_code == 0
    assert cli("docs").stdout == ""  # nothing to rewrite
