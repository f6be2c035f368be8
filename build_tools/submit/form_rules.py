"""The checks the website form runs as people type, generated from the schema and the rules.

`form_spec()` gives the script (overrides/assets/javascripts/service-form.js) the tree of
fields with, for each, the schema's own limits (length, pattern, range, number of choices) and
the message to show, worded from the problem catalogue. The checks across fields that the
schema cannot express (entries/rules.py) go with their regular expressions and messages, so
the browser applies the same rules as `localoffer validate` wherever it can. The final word
stays with `localoffer validate`. Pure functions.
"""

from __future__ import annotations

from typing import Any

from build_tools.entries import rules
from build_tools.entries.schema_check import _range_hint, _url_detail
from build_tools.problems import CATALOGUE
from build_tools.schema import _EMAIL, SAFE_LINK_SCHEMES, local_offer_questions, subschema_at
from build_tools.submit.formspec import ID_FIELD, Branch, Field, branch_of, form_fields


def lower_first(text: str) -> str:
    """ "Service name" -> "service name", but "SEN information report" stays as it is."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _say(name: str, **details: Any) -> str:
    """A catalogue message and its fix, as one sentence pair; {value} and the like stay for
    the script to fill in."""
    code = CATALOGUE[name]
    keep = {k: "{" + k + "}" for k in ("value", "length", "count", "detail")}
    filled = {**keep, **details}
    fix = code.fix.format(**filled) if "{fix}" not in code.fix else details.get("fix", "")
    return f"{code.message.format(**filled)} {fix}".strip()


def _required_message(item: Field, item_title: str) -> str:
    if item.kind == "choices":
        return f"Choose at least one {lower_first(item_title)}."
    if item.kind in ("choice", "boolean"):
        return f"Choose an answer for {item.title}."
    return f"Enter {lower_first(item.title)}."


def _checks(item: Field, item_title: str) -> list[dict[str, Any]]:
    title, limits = item.title, item.limits
    checks: list[dict[str, Any]] = []
    if item.kind == "integer":
        wrong = _say("wrong-type", label=title, expected="a whole number", found="text", hint="")
        checks.append({"check": "integer", "message": wrong})
    if item.kind == "number":
        wrong = _say("wrong-type", label=title, expected="a number", found="text", hint="")
        checks.append({"check": "number", "message": wrong})
    # A value in the wrong form is named first, as `localoffer validate` names it.
    if "pattern" in limits and item.problem:
        message = _say(item.problem, detail="{detail}")
        checks.append({"check": "pattern", "pattern": limits["pattern"], "message": message})
    if limits.get("format") == "email":
        message = _say("bad-email")
        checks.append(
            {"check": "pattern", "pattern": f"^(?:{_EMAIL.pattern})$", "message": message}
        )
    if "minLength" in limits:
        short = _say("too-short", label=title, limit=limits["minLength"], unit="characters")
        checks.append({"check": "minLength", "limit": limits["minLength"], "message": short})
    if "maxLength" in limits:
        long = _say("too-long", label=title, limit=limits["maxLength"], hint="")
        checks.append({"check": "maxLength", "limit": limits["maxLength"], "message": long})
    for keyword, word in (("minimum", "at least"), ("maximum", "at most")):
        if keyword in limits:
            hint = _range_hint(item.path)
            bound = f"{word} {limits[keyword]}"
            message = _say("out-of-range", label=title, bound=bound, hint=hint)
            checks.append({"check": keyword, "limit": limits[keyword], "message": message})
    if "maxItems" in limits:
        many = _say("too-many", label=title, limit=limits["maxItems"])
        checks.append({"check": "maxItems", "limit": limits["maxItems"], "message": many})
    for keyword, name in (("item_minLength", "too-short"), ("item_maxLength", "too-long")):
        if keyword in limits:
            label = f"Each {lower_first(item_title)}"
            message = _say(name, label=label, limit=limits[keyword], unit="characters", hint="")
            checks.append({"check": keyword, "limit": limits[keyword], "message": message})
    return checks


def _rule(rule: Any, children: tuple[Field, ...]) -> dict[str, Any]:
    titles = {child.key: child.title for child in children}
    choices = [" and ".join(titles.get(key, key) for key in group) for group in rule.groups]
    fix = "Fill in at least one of: " + ", ".join(choices) + "."
    message = f"{CATALOGUE[rule.problem].message} {fix}"
    return {
        "groups": [list(group) for group in rule.groups],
        "ifKey": rule.if_key,
        "ifValue": rule.if_value,
        "message": message,
    }


def _item_title(item: Field) -> str:
    """What one item of a list is called: "need" for needs, "step" for steps."""
    node = subschema_at(item.path) or {}
    return str(node.get("items", {}).get("title", item.title))


def _node(item: Field) -> dict[str, Any]:
    item_title = _item_title(item) if item.kind in ("choices", "lines") else item.item_title
    node: dict[str, Any] = {
        "key": item.key,
        # The permanent id is kept as it is, or made for a new service: never asked.
        "kind": "hidden" if item.path == ID_FIELD else item.kind,
        "title": item.title,
        "required": item.required,
        "checks": [] if item.path == ID_FIELD else _checks(item, item_title),
    }
    if item.required and not item.is_container:
        node["requiredMessage"] = _required_message(item, item_title)
    if item.options:
        node["options"] = [value for value, _ in item.options]
        # The words families see, for the preview (without the code added to tell apart two
        # choices with the same words in the form).
        node["labels"] = {v: label.removesuffix(f" ({v})") for v, label in item.options}
    if item.kind == "repeat":
        node["itemTitle"] = item.item_title
        node["min"] = item.limits.get("minItems", 0)
        node["max"] = item.limits.get("maxItems", 100)
    if item.children:
        node["children"] = [_node(child) for child in item.children]
    if item.rules:
        node["rules"] = [_rule(rule, item.children) for rule in item.rules]
    branch = branch_of(item.path) if item.kind == "repeat" else None
    if branch:
        node["branch"] = _branch(branch)
    return node


def _branch(branch: Branch) -> dict[str, Any]:
    """How an item's questions are checked when its flag is set (then) or not (else)."""

    def overrides(fields: tuple[Field, ...]) -> dict[str, Any]:
        return {
            child.key: {
                "required": child.required,
                "requiredMessage": _required_message(child, child.title),
                "checks": _checks(child, child.title),
            }
            for child in fields
        }

    return {
        "key": branch.key,
        "value": branch.value,
        "then": overrides(branch.then),
        "else": overrides(branch.otherwise),
    }


def _titles() -> dict[str, str]:
    return {item.key: item.title for item in form_fields()}


def _cross_field_messages() -> dict[str, str]:
    """The rules across fields, worded with the form's question titles."""
    t = _titles()
    return {
        "ages-reversed": _say("ages-reversed", min="{min}", max="{max}"),
        "times-reversed": _say("times-reversed", opens="{opens}", closes="{closes}"),
        "dates-reversed": (
            f"{t['show_from']} ({{start}}) is after {t['show_until']} ({{end}}). "
            f"{CATALOGUE['dates-reversed'].fix}"
        ),
        "no-venue-or-delivery": (
            f"{CATALOGUE['no-venue-or-delivery'].message} Add a venue under {t['locations']}, "
            f"or choose how it is delivered under {t['delivery']}."
        ),
        "in-person-without-venue": (
            f"{t['delivery']} includes in person at a venue, but no venue is listed. Add the "
            f"venue under {t['locations']}."
        ),
        "html-in-text": _say("html-in-text", label="{label}", snippet="{snippet}"),
        "unsafe-link": _say(
            "bad-url", detail=" Links in text must start with https://, mailto: or tel:."
        ),
        "picture": _say(
            "markdown-not-allowed",
            label="{label}",
            what="a picture",
            fix="Remove the picture. Pictures cannot be added to provider text.",
        ),
        "heading": _say(
            "markdown-not-allowed",
            label="{label}",
            what="a heading",
            fix="Use **bold** text instead of a heading.",
        ),
    }


def _markdown_fields() -> list[list[str | int]]:
    paths: list[list[str | int]] = [list(path) for path in rules.MARKDOWN_FIELDS]
    paths += [["local_offer", key] for key in local_offer_questions()]
    return [*paths, ["name"], ["summary"]]


def _url_details() -> dict[str, Any]:
    """What a web address that fails its pattern is told, as `localoffer validate` says it."""
    probes = ("javascript", "data", "vbscript", "file", "mailto", "tel", "ftp")
    refused = [s for s in probes if "not allowed" in _url_detail(f"{s}:x")]
    return {
        "refusedSchemes": refused,
        "refused": _url_detail(f"{refused[0]}:x").replace(refused[0], "{scheme}"),
        "noScheme": _url_detail("x"),
        "incomplete": _url_detail("https://a b"),
    }


def form_spec() -> dict[str, Any]:
    """Everything the form's script checks, as JSON-ready data."""
    return {
        "fields": [_node(item) for item in form_fields()],
        "messages": _cross_field_messages(),
        "markdownFields": _markdown_fields(),
        "patterns": {
            "html": rules._HTML.pattern,
            "picture": rules._IMAGE.pattern,
            "heading": rules._HEADING.pattern,
            "setextHeading": rules._SETEXT.pattern,
            "linkTarget": rules._LINK_TARGETS.pattern,
        },
        "safeLinkSchemes": list(SAFE_LINK_SCHEMES),
        "urlDetails": _url_details(),
    }
