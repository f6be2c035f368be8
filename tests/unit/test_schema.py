"""The schema is written for readers: every field explained, every fixed list labelled."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from build_tools.entries.safe_yaml import parse_yaml
from build_tools.entries.validate import check_document
from build_tools.schema import load_schema, resolve
from tests.support import TODAY

ROOT = Path(__file__).resolve().parents[2]


def properties(schema: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    for key, raw in schema.get("properties", {}).items():
        sub = resolve(raw)
        path = f"{prefix}.{key}" if prefix else key
        yield path, sub
        item = resolve(sub.get("items", {})) if sub.get("type") == "array" else sub
        if item.get("type") == "object":
            yield from properties(item, path)


def test_schema_is_valid_draft_2020_12() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_every_property_has_a_title_description_and_examples() -> None:
    missing = [
        f"{path}: {key}"
        for path, sub in properties(load_schema())
        for key in ("title", "description", "examples")
        if not sub.get(key)
    ]
    assert not missing, missing


def test_every_fixed_list_has_a_label_for_each_value() -> None:
    for path, sub in properties(load_schema()):
        node = resolve(sub.get("items", {})) if sub.get("type") == "array" else sub
        if "enum" in node:
            assert list(node["x-labels"]) == node["enum"], path
            assert all(label.strip() for label in node["x-labels"].values()), path


def test_the_example_in_the_provider_guide_is_valid() -> None:
    page = (ROOT / "content" / "providers" / "index.md").read_text(encoding="utf-8")
    match = re.search(r"```yaml\n(.*?)```", page, re.DOTALL)
    assert match, "the guide has no YAML example"
    document, problems = parse_yaml(match.group(1).encode(), "example")
    assert document is not None and not problems
    assert check_document(document, "example", problems, TODAY) == []
