"""Build a new, valid provider entry from a few answers, so nobody starts from a blank file."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml
from slugify import slugify

from build_tools.entries.safe_yaml import parse_yaml


@dataclass
class NewService:
    """The answers `localoffer new` collects."""

    name: str
    summary: str
    description: str
    organisation: str
    eligibility: str
    categories: list[str]
    needs: list[str]
    min_age: int
    max_age: int
    routes: list[str]
    contact_role: str
    organisation_website: str | None = None
    free: bool = True
    cost_description: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    delivery: list[str] = field(default_factory=list)
    venue_name: str | None = None
    venue_address: str | None = None
    venue_town: str | None = None
    venue_postcode: str | None = None
    service_areas: list[str] = field(default_factory=lambda: ["dudley-borough"])
    reviewed_by: str = "Local Offer team"


def slug_for(name: str) -> str:
    """The file name (without .yaml) and web address for a service name."""
    # "Children's" should become "childrens", not "children-s".
    apostrophes = [["'", ""], ["\u2019", ""]]
    return slugify(name, max_length=80, word_boundary=True, replacements=apostrophes) or (
        "new-service"
    )


def build_entry(answers: NewService, today: dt.date, new_id: str | None = None) -> dict[str, Any]:
    """The entry as a dict, in the order the field reference lists the fields."""
    organisation: dict[str, Any] = {"name": answers.organisation}
    if answers.organisation_website:
        organisation["website"] = answers.organisation_website
    contact: dict[str, Any] = {"role": answers.contact_role}
    for key in ("phone", "email", "website"):
        value = getattr(answers, key)
        if value:
            contact[key] = value
    cost: dict[str, Any] = {"free": answers.free}
    if not answers.free and answers.cost_description:
        cost["description"] = answers.cost_description
    entry: dict[str, Any] = {
        "id": new_id or str(uuid.uuid4()),
        "name": answers.name,
        "summary": answers.summary,
        "description": answers.description,
        "organisation": organisation,
        "categories": answers.categories,
        "needs": answers.needs,
        "age_range": {"min": answers.min_age, "max": answers.max_age},
        "eligibility": {"description": answers.eligibility},
        "how_to_access": {"routes": answers.routes},
        "cost": cost,
        "contacts": [contact],
    }
    if answers.delivery:
        entry["delivery"] = answers.delivery
    if answers.venue_name:
        entry["locations"] = [
            {
                "name": answers.venue_name,
                "address": answers.venue_address or "",
                "town": answers.venue_town or "",
                "postcode": (answers.venue_postcode or "").upper(),
            }
        ]
    entry["service_areas"] = answers.service_areas
    entry["last_reviewed"] = today.isoformat()
    entry["reviewed_by"] = answers.reviewed_by
    return entry


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Block style, with multi-line text as readable | blocks. libyaml's writer when present:
    the benchmark writes thousands of entries."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    if style is None and not reads_back_plain(value):
        style = '"'  # e.g. 01632960123 or y: PyYAML writes them plain, our reader refuses them
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


@lru_cache(maxsize=4096)  # the benchmark writes thousands of entries that share their texts
def reads_back_plain(value: str) -> bool:
    """True if `value` written without quotes is read back unchanged and without problems."""
    document, problems = parse_yaml(f"v: {value}\n".encode(), "")
    return not problems and document is not None and document.data.get("v") == value


_Dumper.add_representer(str, _text)


def dump_entry(entry: dict[str, Any]) -> str:
    """The entry as YAML in our house style: block lists, | for multi-line text, safe quoting."""
    return yaml.dump(
        entry,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )


def render_entry(entry: dict[str, Any]) -> str:
    """The entry as YAML text, with a header comment that says what to do next."""
    body = dump_entry(entry)
    header = (
        "# A service in the Dudley SEND Local Offer.\n"
        "# Every field is explained in the field reference: content/providers/"
        "field-reference.md\n"
        "# Check it with: localoffer validate\n"
    )
    return header + body
