"""A record from a feed that remembers which of its fields were used.

Converters read fields through `Record`, so whatever they never read is found afterwards
and kept: a new field in a feed cannot vanish on import without anyone noticing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Kept:
    """A value from the feed with no field in the Local Offer format, and why."""

    path: str
    value: Any
    reason: str


NO_FIELD = "no field in the Local Offer format"
UNMAPPED_TERM = "a taxonomy term with no matching type of provision or need"


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)


class Record:
    """One JSON object from the feed, at `path` inside the service."""

    def __init__(self, data: dict[str, Any], path: str = "") -> None:
        self.data = data
        self.path = path
        self._used: set[str] = set()
        self._children: list[Record] = []

    def where(self, key: str) -> str:
        """The dotted path of a field, for messages: contacts[0].phones[1].number."""
        return f"{self.path}.{key}" if self.path else key

    def get(self, *keys: str) -> Any:
        """The first of these fields that has a value; all of them count as used."""
        self._used.update(keys)
        for key in keys:
            value = self.data.get(key)
            if not is_empty(value):
                return value
        return None

    def text(self, *keys: str) -> str | None:
        """A field as text: numbers become text, other kinds count as no value."""
        value = self.get(*keys)
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            return None
        return str(value).strip() or None

    def use(self, *keys: str) -> None:
        """Mark fields as used without reading them: ids and values the export derives."""
        self._used.update(keys)

    def use_all(self) -> None:
        """Mark every field here and below as used: for a copy of something already read."""
        self._used.update(self.data)
        for child in self._children:
            child.use_all()

    def record(self, *keys: str) -> Record | None:
        """A nested object."""
        for key in keys:
            self._used.add(key)
            value = self.data.get(key)
            if isinstance(value, dict) and value:
                return self._child(value, self.where(key))
        return None

    def records(self, *keys: str) -> list[Record]:
        """The objects in a list field; anything in the list that is not an object is kept."""
        for key in keys:
            self._used.add(key)
            value = self.data.get(key)
            if isinstance(value, dict) and value:  # a single object where a list was expected
                value = [value]
            if isinstance(value, list) and value:
                found = []
                for index, item in enumerate(value):
                    path = f"{self.where(key)}[{index}]"
                    if isinstance(item, dict):
                        found.append(self._child(item, path))
                    elif not is_empty(item):
                        self._child({"value": item}, path)
                return found
        return []

    def _child(self, data: dict[str, Any], path: str) -> Record:
        child = Record(data, path)
        self._children.append(child)
        return child

    def leftovers(self) -> list[Kept]:
        """Every field with a value that nothing read, here and in nested objects."""
        kept = [
            Kept(self.where(key), value, NO_FIELD)
            for key, value in self.data.items()
            if key not in self._used and not is_empty(value)
        ]
        for child in self._children:
            if list(child.data) == ["value"] and "value" not in child._used:
                kept.append(Kept(child.path, child.data["value"], NO_FIELD))
            else:
                kept.extend(child.leftovers())
        return kept
