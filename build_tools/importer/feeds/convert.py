"""The state of one service being converted, and the steps every feed style shares."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from build_tools.exports.ids import imported_service_id
from build_tools.importer.feeds.html_text import to_markdown, to_plain
from build_tools.importer.feeds.record import Kept, Record
from build_tools.importer.feeds.values import first_real_sentence, is_uuid, phone
from build_tools.schema import load_schema, resolve, subschema_at

# Lists where the schema asks for each value once.
_UNIQUE = (
    ("categories",),
    ("needs",),
    ("delivery",),
    ("service_areas",),
    ("languages",),
    ("how_to_access", "routes"),
)


@dataclass
class Conversion:
    """One service: the entry built so far, and what the editor must know about it."""

    source: str
    entry: dict[str, Any] = field(default_factory=dict)
    slug: str | None = None  # the file name the feed asks for (our own export gives one)
    kept: list[Kept] = field(default_factory=list)
    derived: list[str] = field(default_factory=list)
    venue_ids: dict[str, int] = field(default_factory=dict)  # feed id -> index in locations

    def keep(self, path: str, value: Any, reason: str) -> None:
        self.kept.append(Kept(path, value, reason))

    def note(self, message: str) -> None:
        self.derived.append(message)

    def put(self, path: tuple[str, ...], value: Any) -> None:
        node = self.entry
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value

    def has(self, *path: str) -> bool:
        node: Any = self.entry
        for part in path:
            if not isinstance(node, dict) or part not in node:
                return False
            node = node[part]
        return True

    def add(self, key: str, value: Any) -> None:
        """Append to a list field."""
        self.entry.setdefault(key, []).append(value)


def set_id(conversion: Conversion, record: Record) -> None:
    """The feed's id if it is a UUID; otherwise one made from it, the same on every import."""
    value = record.get("id")
    if value is None:
        return
    if is_uuid(value):
        conversion.put(("id",), str(value).lower())
    else:
        conversion.put(("id",), imported_service_id(value))
        conversion.keep(
            record.where("id"), value, "the feed's id is not a UUID; a UUID made from it is used"
        )


def set_plain(conversion: Conversion, target: tuple[str, ...], value: Any) -> None:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = to_plain(str(value))
        if text:
            conversion.put(target, text)


def set_markdown(conversion: Conversion, target: tuple[str, ...], value: Any, where: str) -> None:
    """Text that may hold HTML, as simple Markdown; what could not be kept is reported."""
    if not isinstance(value, str) or not value.strip():
        return
    converted = to_markdown(value)
    if converted.text.strip():
        conversion.put(target, converted.text)
    for dropped in converted.dropped:
        conversion.keep(where, dropped, "HTML that simple Markdown cannot show was left out")


def add_contact(
    conversion: Conversion,
    role: str,
    where: str,
    *,
    phones: Sequence[str] = (),
    email: str | None = None,
    website: str | None = None,
    text: str | None = None,
    only_new: bool = False,
) -> None:
    """A contact, with free-text phone fields read for the number; the rest is kept. With
    `only_new`, ways in that another contact already has are left out (for the service-wide
    email, phone and web address, which repeat a contact's in our own export)."""
    contact: dict[str, Any] = {"role": role}
    for raw in phones:
        number, rest = phone(raw)
        if number and "phone" not in contact:
            contact["phone"] = number
        elif number:
            conversion.keep(where, raw, "a second phone number for the same contact")
            continue
        if rest and (number or not raw.strip().isdigit()):
            conversion.keep(where, raw if not number else rest, "words in a phone field")
    if text:
        number, rest = phone(text)
        if number:
            contact["text"] = number
        if rest:
            conversion.keep(where, text, "words in a text-message number")
    for key, value in (("email", email), ("website", website)):
        if value:
            contact[key] = value.strip()
    existing = conversion.entry.get("contacts", [])
    if only_new:
        known = {value for c in existing for key, value in c.items() if key != "role"}
        contact = {k: v for k, v in contact.items() if k == "role" or v not in known}
    if len(contact) == 1:
        if not only_new:
            conversion.keep(where, role, "a contact with no phone, email or website")
        return
    ways = {k: v for k, v in contact.items() if k != "role"}
    if any(all(c.get(k) == v for k, v in ways.items()) for c in existing):
        return  # the same ways in are already there
    conversion.add("contacts", contact)


def finish(conversion: Conversion) -> None:
    """Steps after any feed style: a summary from the description, each value once."""
    entry = conversion.entry
    if "summary" not in entry and isinstance(entry.get("description"), str):
        sentence = first_real_sentence(entry["description"])
        if 10 <= len(sentence) <= 160:
            entry["summary"] = sentence
            conversion.note("summary: taken from the first sentence of the description")
    for path in _UNIQUE:
        node: Any = entry
        for part in path[:-1]:
            node = node.get(part, {}) if isinstance(node, dict) else {}
        values = node.get(path[-1]) if isinstance(node, dict) else None
        if isinstance(values, list):
            node[path[-1]] = list(dict.fromkeys(values))
    order_like_schema(entry, load_schema())


def order_like_schema(node: Any, schema: dict[str, Any]) -> None:
    """Put fields in the order the field reference lists them, at every level."""
    schema = resolve(schema)
    if isinstance(node, dict):
        properties = schema.get("properties", {})
        ordered = {k: node[k] for k in properties if k in node}
        ordered.update({k: v for k, v in node.items() if k not in ordered})
        node.clear()
        node.update(ordered)
        for key, value in node.items():
            if key in properties:
                order_like_schema(value, properties[key])
    elif isinstance(node, list) and isinstance(schema.get("items"), dict):
        for item in node:
            order_like_schema(item, schema["items"])


def missing_required(entry: dict[str, Any]) -> list[str]:
    """The required fields the entry lacks, as paths like "categories" or "locations[0].town"."""
    missing: list[str] = []

    def walk(node: Any, schema: dict[str, Any], path: str) -> None:
        schema = resolve(schema)
        if isinstance(node, dict):
            for key in schema.get("required", ()):
                if key not in node:
                    missing.append(f"{path}.{key}" if path else key)
            for key, value in node.items():
                child = schema.get("properties", {}).get(key)
                if child is not None:
                    walk(value, child, f"{path}.{key}" if path else key)
        elif isinstance(node, list) and isinstance(schema.get("items"), dict):
            for index, item in enumerate(node):
                walk(item, schema["items"], f"{path}[{index}]")

    walk(entry, load_schema(), "")
    if not entry.get("locations") and not entry.get("delivery"):
        missing.append("delivery")
    return missing


def fill_in_hint(path: str) -> str:
    """What to write in a missing field, from the schema's own title and description."""
    parts = tuple(p for p in path.replace("]", "").replace("[", ".").split(".") if not p.isdigit())
    node = subschema_at(parts) or {}
    title, description = node.get("title", ""), node.get("description", "")
    if path == "delivery":
        description = "The feed gave no venue. " + description
    return f"{path}: {title}. {description}".strip()
