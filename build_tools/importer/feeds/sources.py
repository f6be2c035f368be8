"""Finding the services in an ORUK source: one JSON file, or a folder of them (searched all
the way down, so a copy of a whole static API such as our site/api/ works)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_tools.exports.oruk import EXTENSION
from build_tools.importer.feeds.record import Kept

# Fields only the older ORUK 1.0 and Outpost feeds use.
_LEGACY = {
    "regular_schedules", "eligibilitys", "send_needs", "suitabilities", "local_offer",
    "organisation", "locations", "service_taxonomys", "taxonomies", "min_age", "max_age",
    "needs_referral", "free", "age_band_all", "age_band_under_2", "visible_from", "cost_type",
}  # fmt: skip
MAX_BYTES = 50 * 1024 * 1024
# Real feeds nest about six levels deep. Deeper JSON is refused before anything walks it, so
# that no part of the import can run out of stack (issue 15).
MAX_DEPTH = 64


class SourceUnreadable(Exception):
    """Files of the source that cannot be read; nothing is imported."""

    def __init__(self, files: list[tuple[str, str]]) -> None:
        self.files = files
        lines = [f"  {origin}: {why}" for origin, why in files]
        super().__init__(
            "These files cannot be read, so nothing was imported:\n" + "\n".join(lines)
        )


def depth_of(document: Any) -> int:
    """How deep lists and objects nest in parsed JSON, found without recursion."""
    deepest, stack = 0, [(document, 1)]
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else value
        if isinstance(value, dict | list):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return deepest


@dataclass
class Found:
    """One service record and where it came from."""

    origin: str
    style: str  # "3.0" or "1.0"
    data: dict[str, Any]
    conflicts: list[Kept] = field(default_factory=list)


def _style(service: dict[str, Any], default: str) -> str:
    if EXTENSION in service:
        return "3.0"
    keys = set(service)
    for link in service.get("service_at_locations") or []:
        location = link.get("location") if isinstance(link, dict) else None
        if isinstance(location, dict):
            keys |= set(location)
    if keys & (_LEGACY | {"physical_addresses", "accessibility_for_disabilities"}):
        return "1.0"
    if keys & {"schedules", "attributes", "organization_id"}:
        return "3.0"
    return default


def _is_service(item: Any) -> bool:
    return isinstance(item, dict) and "name" in item and "status" in item


def services_in(document: Any, origin: str) -> tuple[list[Found], str | None]:
    """The services in one JSON document, or why it holds none."""
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        items, default, where = document["contents"], "3.0", "contents"
    elif isinstance(document, dict) and isinstance(document.get("content"), list):
        items, default, where = document["content"], "1.0", "content"
    elif isinstance(document, list):
        items, default, where = document, "3.0", ""
    elif _is_service(document):
        return [Found(origin, _style(document, "3.0"), document)], None
    elif isinstance(document, dict) and "version" in document and "name" not in document:
        return [], "the API's root document"
    else:
        return [], "not a service or a page of services"
    found = [
        Found(f"{origin}#{where}[{n}]", _style(item, default), item)
        for n, item in enumerate(items)
        if _is_service(item)
    ]
    if not found:
        return (
            [],
            "a page of organisations, locations or taxonomies, not services"
            if items
            else "an empty page",
        )
    return found, None


def _files(source: Path) -> list[Path]:
    if source.is_dir():
        return sorted(p for p in source.rglob("*.json") if p.is_file() and not p.is_symlink())
    return [source]


def _size(data: dict[str, Any]) -> int:
    return len(json.dumps(data, ensure_ascii=False))


def merge_duplicates(found: list[Found]) -> list[Found]:
    """One record per id: the fullest, with fields only the others have added. Where another
    record with the same id says something different, that is kept, not lost."""
    by_id: dict[str, list[Found]] = {}
    merged: list[Found] = []
    for item in found:
        key = str(item.data.get("id") or "")
        if not key:
            merged.append(item)
            continue
        if key not in by_id:
            by_id[key] = []
            merged.append(item)
        by_id[key].append(item)
    result = []
    for item in merged:
        group = by_id.get(str(item.data.get("id") or ""), [item])
        best = max(group, key=lambda f: _size(f.data))
        data = dict(best.data)
        conflicts: list[Kept] = []
        for other in group:
            if other is not best:
                _merge(data, other.data, "", other.origin, conflicts)
        result.append(Found(best.origin, best.style, data, conflicts))
    return result


def _merge(
    into: dict[str, Any], other: dict[str, Any], path: str, origin: str, conflicts: list[Kept]
) -> None:
    """Add what only `other` has; keep, as a conflict, each value it gives differently."""
    for key, value in other.items():
        where = f"{path}.{key}" if path else key
        if key not in into:
            into[key] = value
        elif isinstance(into[key], dict) and isinstance(value, dict):
            into[key] = dict(into[key])
            _merge(into[key], value, where, origin, conflicts)
        elif into[key] != value:
            reason = f"another record with this id ({origin}) says this"
            conflicts.append(Kept(where, value, reason))


def read_source(source: Path) -> tuple[list[Found], list[tuple[str, str]]]:
    """Every service in the source, one per id, and the files that held none (with why).
    Raises SourceUnreadable, naming every file that is not JSON or too large or deep."""
    found: list[Found] = []
    skipped: list[tuple[str, str]] = []
    unreadable: list[tuple[str, str]] = []
    root = source if source.is_dir() else source.parent
    for path in _files(source):
        origin = path.relative_to(root).as_posix()
        document, why = _read(path)
        if why is not None:
            unreadable.append((origin, why))
            continue
        services, why = services_in(document, origin)
        found.extend(services)
        if why:
            skipped.append((origin, why))
    if unreadable:
        raise SourceUnreadable(unreadable)
    return merge_duplicates(found), skipped


def _not_a_number(word: str) -> float:
    """Python reads NaN and Infinity, which JSON has not; an age of NaN stopped the import."""
    raise ValueError(f"{word} is not a JSON number")


def _finite(text: str) -> float:
    """A number as Python reads it, unless it is too large to be one (1e999 reads as infinity)."""
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"{text[:20]} is too large a number")
    return number


def _read(path: Path) -> tuple[Any, str | None]:
    """The parsed JSON of one file, or why it cannot be read."""
    if path.stat().st_size > MAX_BYTES:
        return None, "larger than 50 MB"
    try:
        document = json.loads(
            path.read_text(encoding="utf-8-sig"),
            parse_constant=_not_a_number,
            parse_float=_finite,
        )
    except UnicodeDecodeError:
        return None, "not UTF-8 text"
    except RecursionError:
        return None, f"lists or objects nested more than {MAX_DEPTH} levels deep"
    except ValueError as error:  # not JSON, or a number too long to read
        return None, f"not JSON ({error})"
    if depth_of(document) > MAX_DEPTH:
        return None, f"lists or objects nested more than {MAX_DEPTH} levels deep"
    try:  # JSON may spell half a character (an unpaired surrogate); no file can hold one
        json.dumps(document, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return None, "text with an unpaired surrogate (\\ud800 to \\udfff), half a character"
    return document, None
