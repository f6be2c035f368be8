"""Check one parsed entry against the schema and explain each error in plain English.

The validator's own messages ("'x' is not valid under any of the given schemas") are never shown:
each error is turned into a catalogue problem with the field's title, the line it is on and a fix.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from typing import Any

from jsonschema import ValidationError
from jsonschema.exceptions import best_match

from build_tools.entries.safe_yaml import KeyPath, YamlDocument, format_path
from build_tools.problems import Problem, make_problem
from build_tools.schema import provider_validator, quick_validator, resolve, subschema_at


def check_against_schema(document: YamlDocument, file: str) -> list[Problem]:
    """Every schema problem in one entry."""
    if _passes_quick_check(document.data):
        return []
    problems: dict[Problem, None] = {}  # ordered and without repeats: jsonschema reports
    # one `required` error per missing field, each listing all of them
    for error in provider_validator().iter_errors(document.data):
        problems.update(dict.fromkeys(_explain(error, document, file)))
    return list(problems)


def _passes_quick_check(data: Any) -> bool:
    """True when the fast validator accepts the entry; False sends it to the detailed one."""
    try:
        return quick_validator().is_valid(data)
    except (ValueError, OverflowError):  # a value it cannot convert: let jsonschema decide
        return False


def show_value(value: Any) -> str:
    """A value as a reader would type it, shortened if long."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if len(text) > 60:
        text = text[:57] + "..."
    return f'"{text}"'


def _label(path: KeyPath) -> str:
    schema = subschema_at(path)
    title = schema.get("title") if schema else None
    return str(title) if title else format_path(path) or "The entry"


def _explain(error: ValidationError, document: YamlDocument, file: str) -> Iterator[Problem]:
    path: KeyPath = tuple(error.absolute_path)
    keyword = str(error.validator)
    expected: Any = error.validator_value
    instance: Any = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    special = schema.get("x-problem")
    here = document.position_of(path)

    def problem(name: str, at: KeyPath = path, prefer_key: bool = False, **details: Any) -> Problem:
        position = document.position_of(at, prefer_key=prefer_key)
        return make_problem(file, position, name, format_path(at), **details)

    if keyword == "required":
        missing = [key for key in expected if key not in instance]
        for key in missing:
            position = document.position_of(path, prefer_key=True) if path else here
            yield make_problem(
                file,
                position,
                "missing-field",
                format_path((*path, key)),
                key=key,
                label=_label((*path, key)),
                hint=_example_hint((*path, key)),
            )
    elif keyword == "additionalProperties":
        known = list(resolve(schema).get("properties", {}))
        for key in instance:
            if key not in known:
                yield problem(
                    "unknown-field",
                    (*path, key),
                    prefer_key=True,
                    key=key,
                    where=f" under {format_path(path)}" if path else "",
                    suggestion=_suggest_field(key, known),
                )
    elif keyword == "enum":
        yield problem(
            "not-in-list",
            value=show_value(instance),
            label=_label(path),
            suggestion=_suggest_choice(instance, schema),
        )
    elif keyword == "type":
        yield problem(
            "wrong-type",
            label=_label(path),
            expected=_describe_expected(expected),
            found=_describe_found(instance),
            hint=_type_hint(expected, instance),
        )
    elif keyword in ("maxLength", "minLength"):
        length = len(instance)
        if keyword == "maxLength":
            hint = " Put the detail in the description." if path == ("summary",) else ""
            yield problem("too-long", label=_label(path), length=length, limit=expected, hint=hint)
        else:
            yield problem("too-short", label=_label(path), limit=expected, unit="characters")
    elif keyword == "minItems":
        yield problem(
            "too-short",
            label=_label(path),
            limit=expected,
            unit="item" if expected == 1 else "items",
        )
    elif keyword == "maxItems":
        yield problem("too-many", label=_label(path), count=len(instance), limit=expected)
    elif keyword == "uniqueItems":
        repeated = next(
            (item for index, item in enumerate(instance) if item in instance[:index]), None
        )
        yield problem("repeated-item", label=_label(path), value=show_value(repeated))
    elif keyword in ("minimum", "maximum"):
        bound = f"at least {expected}" if keyword == "minimum" else f"at most {expected}"
        yield problem(
            "out-of-range",
            label=_label(path),
            value=instance,
            bound=bound,
            hint=_range_hint(path),
        )
    elif keyword == "format" and expected == "date":
        yield problem("bad-date", value=show_value(instance))
    elif keyword == "format" and expected == "email":
        yield problem("bad-email", value=show_value(instance))
    elif special == "bad-url":
        yield problem("bad-url", value=show_value(instance), detail=_url_detail(instance))
    elif special in ("bad-phone", "bad-postcode", "bad-time", "bad-id", "bad-email"):
        yield problem(special, value=show_value(instance))
    elif special:
        yield problem(special)
    elif error.context:
        # best_match([error]) prefers the branch whose type fits the value; it returns the
        # error itself when no branch is better, so fall back to the closest branch then.
        best = best_match([error])
        best = best if best is not error else best_match(error.context)
        yield from _explain(best, document, file)
    else:
        yield problem("schema-other", label=_label(path), detail=keyword)


def _example_hint(path: KeyPath) -> str:
    schema = subschema_at(path) or {}
    examples = schema.get("examples") or []
    if examples and isinstance(examples[0], str | int | float | bool):
        return f"For example: {path[-1]}: {json.dumps(examples[0], ensure_ascii=False)}"
    return "See the field reference for what goes in it."


def _suggest_field(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key.lower(), known, n=1, cutoff=0.6)
    if close:
        return f"Did you mean '{close[0]}'? Correct the spelling."
    return "Remove it, or check the field reference for the right name."


def _suggest_choice(value: Any, schema: dict[str, Any]) -> str:
    choices: list[str] = [str(c) for c in schema.get("enum", [])]
    labels: dict[str, str] = schema.get("x-labels", {})
    text = str(value)
    by_lower = {c.lower(): c for c in choices}
    match = by_lower.get(text.lower().strip().replace(" ", "-"))
    if match is None:
        for choice, label in labels.items():
            if text.lower().strip() == label.lower():
                match = choice
    if match is None:
        close = difflib.get_close_matches(text.lower(), list(by_lower), n=1, cutoff=0.7)
        match = by_lower[close[0]] if close else None
    if match is not None:
        label = f" ({labels[match]})" if match in labels else ""
        return f"Did you mean {match}{label}? Write it exactly like that."
    if len(choices) <= 8:
        return "Choose one of: " + ", ".join(choices) + "."
    return f"Choose a value from the field reference, for example {choices[0]}."


_JSON_TYPES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a group of fields",
    "null": "empty",
}


def _describe_expected(expected: str | list[str]) -> str:
    kinds = [expected] if isinstance(expected, str) else expected
    return " or ".join(_JSON_TYPES.get(kind, kind) for kind in kinds)


def _describe_found(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true or false)"
    if isinstance(value, int):
        return f"the whole number {value}"
    if isinstance(value, float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {show_value(value)}"
    if isinstance(value, list):
        return "a list"
    return "a group of fields"


def _type_hint(expected: str | list[str], value: Any) -> str:
    kinds = [expected] if isinstance(expected, str) else expected
    if value is None:
        return "Fill in a value after the colon, or remove the line if the field is optional."
    if "array" in kinds:
        return "Make it a list: put each item on its own line below, starting with '- '."
    if "object" in kinds:
        return "Put its fields on the lines below, each indented by two more spaces."
    if "boolean" in kinds:
        return "Write true or false, without quotes."
    if "string" in kinds:
        return "Put the value in quotes."
    if "integer" in kinds or "number" in kinds:
        return "Write just the number, without quotes, units or a £ sign."
    return "See the field reference."


def _range_hint(path: KeyPath) -> str:
    if path and path[0] == "age_range":
        return "Ages are whole years from 0 to 25."
    if path and path[-1] in ("latitude", "longitude"):
        return "Check the latitude and longitude are not swapped (Dudley is about 52.5, -2.08)."
    return "Check the number."


def _url_detail(instance: Any) -> str:
    value = instance if isinstance(instance, str) else ""
    scheme = value.split(":", 1)[0].strip().lower() if ":" in value else ""
    if scheme in ("javascript", "data", "vbscript", "file"):
        return f" Links starting with {scheme}: are not allowed."
    if not scheme or scheme not in ("http", "https"):
        return " It must start with https://."
    return " It has a space or is incomplete."
