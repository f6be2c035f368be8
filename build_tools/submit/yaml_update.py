"""Change the values of an existing provider file without losing anything else in it.

An update sent through the issue form must not cost a provider their comments, their order of
keys, their quoting or their layout. ruamel.yaml reads the file as a tree that keeps all of
these; only the values that changed are replaced, and the rest is written back as it was.

New or changed text is written the way our own files are: `|` blocks for several lines, and
quotes wherever our reader would otherwise refuse or misread the value (`yes`, `09:30`,
01632 numbers). Pure functions.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from build_tools.entries.scaffold import reads_back_plain

# The two list layouts people write: "- item" under the key, or indented by two.
_LAYOUTS = ((2, 2, 0), (2, 4, 2))
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _yaml(layout: tuple[int, int, int]) -> YAML:
    yaml = YAML()  # round trip: comments, order, flow lists and quotes are kept
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-fold a long line the provider wrote on one line
    mapping, sequence, offset = layout
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _dump(yaml: YAML, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _layout_of(text: str) -> tuple[int, int, int]:
    """The layout that writes the file back exactly as it is, or the closest one."""

    def lines_changed(layout: tuple[int, int, int]) -> int:
        yaml = _yaml(layout)
        again = _dump(yaml, yaml.load(text)).splitlines()
        return sum(a != b for a, b in zip(again, text.splitlines(), strict=False)) + abs(
            len(again) - len(text.splitlines())
        )

    return min(_LAYOUTS, key=lines_changed)


def _fresh(value: Any) -> Any:
    """A new value, styled as our own files write it."""
    if isinstance(value, dict):
        return CommentedMap((key, _fresh(item)) for key, item in value.items())
    if isinstance(value, list):
        return CommentedSeq(_fresh(item) for item in value)
    if isinstance(value, str):
        if "\n" in value:
            return LiteralScalarString(value)
        if not reads_back_plain(value):
            return DoubleQuotedScalarString(value)
    return value


def _as_read(value: Any) -> Any:
    """A value of the tree as our own reader gives it (dates stay text)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _same(old: Any, new: Any) -> bool:
    """Equal values of the same kind: `true` is not `1`, and a quoted "1" is not 1."""
    if isinstance(old, bool) or isinstance(new, bool):
        return isinstance(old, bool) and isinstance(new, bool) and old == new
    if isinstance(old, str) or isinstance(new, str):
        return isinstance(old, str) and isinstance(new, str) and old == new
    return old == new


def _merge(old: Any, new: Any) -> Any:
    """`old` (from the file's tree) changed to hold `new`, keeping what did not change."""
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        for key in [key for key in old if key not in new]:
            del old[key]
        after = -1  # a new key goes after the key before it in `new`, so in schema order
        for key, value in new.items():
            if key in old:
                old[key] = _merge(old[key], value)
                after = list(old).index(key)
            else:
                after += 1
                old.insert(after, key, _fresh(value))
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list) and len(old) == len(new):
        for index, value in enumerate(new):
            old[index] = _merge(old[index], value)
        return old
    if _same(_as_read(old), new):
        return old
    if isinstance(old, dt.date) and isinstance(new, str) and _ISO_DATE.fullmatch(new):
        return dt.date.fromisoformat(new)  # written plain, as the file had it
    if isinstance(old, CommentedSeq) and isinstance(new, list) and old.fa.flow_style():
        changed = CommentedSeq(_fresh(item) for item in new)
        changed.fa.set_flow_style()  # [a, b] stays [a, b]
        return changed
    return _fresh(new)


def updated_text(original: str, entry: dict[str, Any]) -> str:
    """The file `original` holding the values of `entry`, with its comments, key order, quotes
    and layout kept. A key that is new goes after the key that comes before it in `entry`
    (give it in schema order)."""
    yaml = _yaml(_layout_of(original))
    tree = yaml.load(original)
    if not isinstance(tree, CommentedMap):
        raise ValueError("a provider file holds a mapping at the top")
    return _dump(yaml, _merge(tree, entry))
