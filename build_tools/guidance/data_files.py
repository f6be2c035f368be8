"""Read a small YAML data file of the content (the glossary, "you said, we did") and check it
against its JSON Schema, explaining each problem in plain English with its line.

Uses the same safe YAML reader as the provider files. Pure: returns data and problems.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, ValidationError

from build_tools.entries.safe_yaml import YamlDocument, format_path, parse_yaml
from build_tools.paths import SCHEMA_DIR
from build_tools.problems import Problem, make_problem


@cache
def data_validator(name: str) -> Draft202012Validator:
    """The validator for schema/<name>.schema.json, built once."""
    with (SCHEMA_DIR / f"{name}.schema.json").open(encoding="utf-8") as handle:
        schema = json.load(handle)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker(formats=("date",)))


def read_data_file(path: Path, shown: str, schema: str) -> tuple[Any, list[Problem]]:
    """The file's data (None if it cannot be used) and every problem found in it."""
    document, problems = parse_yaml(path.read_bytes(), shown)
    if document is None:
        return None, problems
    errors = sorted(data_validator(schema).iter_errors(document.data), key=lambda e: e.path)
    problems += [_explain(error, document, shown) for error in errors]
    if any(p.severity.value == "error" for p in problems):
        return None, problems
    return document.data, problems


def _explain(error: ValidationError, document: YamlDocument, file: str) -> Problem:
    path = tuple(error.absolute_path)
    where = format_path(path) or "the file"
    keyword = str(error.validator)
    instance: Any = error.instance
    expected: Any = error.validator_value
    schema = error.schema if isinstance(error.schema, dict) else {}
    message, fix = f"{where} is not valid here.", "Check it against the editors' guide."
    if keyword == "required":
        missing = [key for key in expected if key not in instance]
        message = f"{where} has no {', '.join(missing)}."
        fix = f"Add {' and '.join(missing)}."
    elif keyword == "additionalProperties":
        known = list(schema.get("properties", {}))
        extra = [key for key in instance if key not in known]
        message = f"{where} has a field this file does not take: {', '.join(extra)}."
        fix = schema.get("x-fix", f"Remove it. The fields are: {', '.join(known)}.")
    elif keyword == "enum":
        message = f"{where} is {json.dumps(instance)}, which is not one of the choices."
        fix = "Write one of: " + ", ".join(str(v) for v in expected) + "."
    elif keyword == "format":
        message = f"{where} is {json.dumps(instance)}, which is not a date."
        fix = "Write the date as YYYY-MM-DD, for example 2026-03-03, in quotes."
    elif keyword in ("maxLength", "minLength"):
        message = f"{where} is too {'long' if keyword == 'maxLength' else 'short'}."
        fix = f"Keep it to {'at most' if keyword == 'maxLength' else 'at least'} "
        fix += f"{expected} characters."
    elif keyword == "type":
        message = f"{where} should be {expected}, not what is written."
        fix = "Check the indentation and the example in the editors' guide."
    elif keyword in ("minItems", "pattern"):
        message = f"{where}: {schema.get('description', 'not in the expected form')}"
        fix = "Check it against the editors' guide."
    position = document.position_of(path, prefer_key=keyword == "additionalProperties")
    return make_problem(file, position, "content-data-invalid", where, message=message, fix=fix)
