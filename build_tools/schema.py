"""The provider schema: where it lives, its validator (built once), and its vocabularies.

`schema/provider.schema.json` is the one source of truth for field names, titles and the
fixed lists (with the labels families see). Other modules ask this one for them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker

from build_tools.paths import PROVIDER_SCHEMA

# One plain address: dot-separated words of letters, digits and _ + ' - before the one @,
# and a domain with a dot after it. Stricter than the standard's grammar on purpose: `?`, `&`,
# `%`, `,` and `;` would change what a mailto: link does (`support?bcc=spy@evil.example` sends
# a copy to a stranger), and `#`, `/`, `!` and the rest are not in addresses families use.
PLAIN_ADDRESS = re.compile(
    r"[A-Za-z0-9_+'-]+(?:\.[A-Za-z0-9_+'-]+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
)


SCHEMA_PATH = PROVIDER_SCHEMA

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# The schema's email check: stricter than jsonschema's own "email" check.
_EMAIL = PLAIN_ADDRESS

_formats = FormatChecker(formats=())


@_formats.checks("date")
def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@_formats.checks("email")
def _is_email(value: object) -> bool:
    return not isinstance(value, str) or bool(_EMAIL.fullmatch(value))


@cache
def load_schema(path: Path = SCHEMA_PATH) -> dict[str, Any]:
    """The provider schema as a dict."""
    with path.open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


@cache
def provider_validator(path: Path = SCHEMA_PATH) -> Draft202012Validator:
    """A validator for provider entries, built once: building one costs far more than using it."""
    schema = load_schema(path)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=_formats)


@cache
def quick_validator(path: Path = SCHEMA_PATH) -> jsonschema_rs.Validator:
    """A validator that only answers valid or not, 30 times faster than `provider_validator`.

    It checks the same schema with the same date and email checks. Entries it refuses go through
    `provider_validator`, whose detailed errors the messages are made from.
    """
    return jsonschema_rs.Draft202012Validator(
        load_schema(path),
        formats={"date": _is_date, "email": _is_email},
        validate_formats=True,
    )


def resolve(subschema: dict[str, Any]) -> dict[str, Any]:
    """Follow a local $ref, keeping the referring schema's own title and description."""
    ref = subschema.get("$ref")
    if not ref:
        return subschema
    target: Any = load_schema()
    for part in ref.removeprefix("#/").split("/"):
        target = target[part]
    return {**target, **{k: v for k, v in subschema.items() if k != "$ref"}}


@cache
def subschema_at(path: tuple[str | int, ...]) -> dict[str, Any] | None:
    """The schema of the value at `path` in an entry, or None if the schema has no such field."""
    node = load_schema()
    for part in path:
        node = resolve(node)
        if isinstance(part, int):
            node = node.get("items", {})
        else:
            if node.get("type") == "array":  # ("locations", "town") means any venue's town
                node = resolve(node.get("items", {}))
            props = node.get("properties", {})
            if part not in props:
                return None
            node = props[part]
    return resolve(node)


# Link targets allowed in provider text: web, email and phone links only.
SAFE_LINK_SCHEMES = ("https://", "http://", "mailto:", "tel:")


@cache
def local_offer_questions() -> dict[str, str]:
    """The Local Offer answers in page order, with their titles (the report link is not one)."""
    properties = load_schema()["properties"]["local_offer"]["properties"]
    return {
        key: str(value["title"])
        for key, value in properties.items()
        if key != "sen_information_report"
    }


@cache
def vocabulary(*path: str) -> dict[str, str]:
    """The values and labels of a fixed list, e.g. vocabulary("needs") -> {"ASD": "Autism", ...}."""
    node = subschema_at(path)
    if node is None:
        raise KeyError(path)
    if node.get("type") == "array":
        node = resolve(node["items"])
    labels: dict[str, str] = node["x-labels"]
    return labels


def vocabulary_extra(key: str, *path: str) -> Any:
    """An extra annotation on a fixed list, such as x-groups on categories."""
    node = subschema_at(path)
    if node is None:
        raise KeyError(path)
    if node.get("type") == "array":
        node = resolve(node["items"])
    return node[key]
