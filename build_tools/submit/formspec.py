"""The provider schema as a tree of form questions: the one walk both submission forms come from.

The GitHub issue form (`issue_form.py`) and the site's "Add or update your service" form
(`service_form.py`) are generated from `form_fields()`, so a field added to the schema reaches
both, with its title, description, example, choices and limits. Pure functions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from build_tools.schema import load_schema, resolve

# Fields the forms fill in themselves rather than ask about.
ID_FIELD = ("id",)
REVIEWED_FIELD = ("last_reviewed",)
# Text that may be longer than this gets a multi-line box.
LONG_TEXT = 200
# The schema keywords a form can check as people type.
LIMIT_KEYWORDS = (
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "maximum",
    "minItems",
    "maxItems",
    "format",
)
# Shared definitions ($defs) and the kind of control each one gets.
_REF_KINDS = {
    "#/$defs/url": "url",
    "#/$defs/email": "email",
    "#/$defs/phone": "tel",
    "#/$defs/time": "time",
}


@dataclass(frozen=True)
class OneOf:
    """At least one group of child fields must be filled in; with `if_key`, only when that child
    has the value `if_value` (the schema's anyOf of `required` lists, and its if/then)."""

    groups: tuple[tuple[str, ...], ...]
    problem: str
    if_key: str | None = None
    if_value: Any = None


@dataclass(frozen=True)
class Field:
    """One question, or a group or repeated group of questions."""

    key: str
    path: tuple[str, ...]
    kind: str
    title: str
    description: str
    required: bool
    example: str = ""
    options: tuple[tuple[str, str], ...] = ()
    limits: dict[str, Any] = field(default_factory=dict)
    problem: str = ""
    children: tuple[Field, ...] = ()
    item_title: str = ""
    rules: tuple[OneOf, ...] = ()

    @property
    def dotted(self) -> str:
        """The path as people read it: contacts.phone, age_range.min."""
        return ".".join(self.path)

    @property
    def is_container(self) -> bool:
        return self.kind in ("group", "repeat")

    def option_labels(self) -> dict[str, str]:
        return dict(self.options)


def _example(node: dict[str, Any]) -> str:
    examples = node.get("examples") or []
    if not examples or isinstance(examples[0], dict | list | bool):
        return ""
    return str(examples[0])


def _options(node: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """Each choice with its label; a label used twice gets the value after it the second time."""
    labels: dict[str, str] = node.get("x-labels", {})
    seen: set[str] = set()
    options = []
    for value in node["enum"]:
        label = labels.get(value, value)
        if label in seen:
            label = f"{label} ({value})"
        seen.add(label)
        options.append((value, label))
    return tuple(options)


def _kind(raw: dict[str, Any], node: dict[str, Any]) -> str:
    kind = _REF_KINDS.get(raw.get("$ref", ""))
    if kind:
        return kind
    schema_type = node.get("type")
    if "enum" in node:
        return "choice"
    if schema_type == "array":
        item = resolve(node.get("items", {}))
        if "enum" in item:
            return "choices"
        return "repeat" if item.get("type") == "object" else "lines"
    if schema_type == "object":
        return "group"
    if schema_type == "string":
        if node.get("format") == "date":
            return "date"
        return "textarea" if node.get("maxLength", 0) > LONG_TEXT else "text"
    return {"boolean": "boolean", "integer": "integer", "number": "number"}.get(
        str(schema_type), "text"
    )


def _limits(node: dict[str, Any], kind: str) -> dict[str, Any]:
    limits = {k: node[k] for k in LIMIT_KEYWORDS if k in node}
    if kind in ("choices", "lines"):  # the items' own limits, such as a step's length
        item = resolve(node.get("items", {}))
        limits.update({f"item_{k}": item[k] for k in LIMIT_KEYWORDS if k in item})
    return limits


def _rules(node: dict[str, Any]) -> tuple[OneOf, ...]:
    rules = []
    if _is_required_choice(node.get("anyOf")):
        rules.append(OneOf(_groups(node["anyOf"]), node.get("x-problem", "")))
    condition, then = node.get("if"), node.get("then", {})
    if condition and _is_required_choice(then.get("anyOf")):
        [(key, test)] = condition["properties"].items()
        rules.append(OneOf(_groups(then["anyOf"]), then.get("x-problem", ""), key, test["const"]))
    return tuple(rules)


def _is_required_choice(any_of: Any) -> bool:
    return isinstance(any_of, list) and all(set(part) == {"required"} for part in any_of)


def _groups(any_of: list[dict[str, Any]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(part["required"]) for part in any_of)


def _field(key: str, raw: dict[str, Any], path: tuple[str, ...], required: bool) -> Field:
    node = resolve(raw)
    kind = _kind(raw, node)
    children: tuple[Field, ...] = ()
    item_title, rules = "", _rules(node)
    if kind == "group":
        children = _children(node, path)
    elif kind == "repeat":
        item = resolve(node["items"])
        children, item_title, rules = _children(item, path), str(item["title"]), _rules(item)
    options: tuple[tuple[str, str], ...] = ()
    if kind == "choice":
        options = _options(node)
    elif kind == "choices":
        options = _options(resolve(node["items"]))
    return Field(
        key=key,
        path=path,
        kind=kind,
        title=str(node.get("title", key)),
        description=str(node.get("description", "")),
        required=required,
        example=_example(node),
        options=options,
        limits=_limits(node, kind),
        problem=str(node.get("x-problem", "")),
        children=children,
        item_title=item_title,
        rules=rules,
    )


def _children(node: dict[str, Any], path: tuple[str, ...]) -> tuple[Field, ...]:
    required = set(node.get("required", []))
    return tuple(
        _field(key, raw, (*path, key), key in required)
        for key, raw in node.get("properties", {}).items()
    )


@cache
def form_fields() -> tuple[Field, ...]:
    """Every top-level field of a provider entry, in the schema's order."""
    return _children(load_schema(), ())


def help_text(item: Field) -> str:
    """The field's description, worded for a form: Yes and No rather than true and false."""
    text = item.description
    if item.kind == "boolean":
        text = text.replace("true if", "Yes if").replace("false if", "No if")
    return text


@dataclass(frozen=True)
class Branch:
    """Questions whose rules depend on another answer in the same item: the schema's if/then/
    else on one flag, such as a venue's postcode, which may be just a district for a home."""

    key: str
    value: Any
    then: tuple[Field, ...]
    otherwise: tuple[Field, ...]


def branch_of(path: tuple[str, ...]) -> Branch | None:
    """The if/then/else of the object at `path` (a repeated group's item), if it has one."""
    node = resolve(subschema_at_path(path))
    if node.get("type") == "array":
        node = resolve(node.get("items", {}))
    condition = node.get("if") or {}
    tests = condition.get("properties", {})
    if len(tests) != 1 or "const" not in next(iter(tests.values())):
        return None
    [(key, test)] = tests.items()
    properties = node.get("properties", {})
    required = set(node.get("required", []))

    def fields(part: dict[str, Any]) -> tuple[Field, ...]:
        needed = required | set(part.get("required", []))
        keys = list(part.get("properties", {})) + [
            k for k in part.get("required", []) if k not in part.get("properties", {})
        ]
        return tuple(
            _field(k, {**properties[k], **part.get("properties", {}).get(k, {})}, (*path, k),
                   k in needed)
            for k in keys
        )  # fmt: skip

    return Branch(key, test["const"], fields(node.get("then", {})), fields(node.get("else", {})))


def subschema_at_path(path: tuple[str, ...]) -> dict[str, Any]:
    node: dict[str, Any] = load_schema()
    for key in path:
        node = resolve(node)
        if node.get("type") == "array":
            node = resolve(node.get("items", {}))
        node = node.get("properties", {}).get(key, {})
    return node


def walk(fields: tuple[Field, ...]) -> list[Field]:
    """Every field, depth first, containers before their children."""
    found = []
    for item in fields:
        found.append(item)
        found.extend(walk(item.children))
    return found
