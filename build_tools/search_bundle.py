"""Pagefind's bundle made byte-for-byte reproducible, so two builds of one commit are identical.

Pagefind 1.5 writes each filter's values, the list of filters and the list of sort keys in the
order of a Rust hash map, which is seeded at random on every run. The bytes of
`filter/*.pf_filter` and their file names (a hash of the bytes) change from build to build, and
with them the `pagefind.*.pf_meta` file that lists filters and sort keys, and
`pagefind-entry.json` that names the meta file. Pagefind's maintainers know
(Pagefind issue 638: "other files will still change, such as the filter/metadata indexes").

`make_reproducible` puts every filter's values, and the meta file's lists of filters and of sort
keys, in sorted order, then names the files the way Pagefind does: the language, then the start
of the SHA-1 of the file's CBOR (written in Pagefind's hex, which drops leading zeros of each
byte). A future Pagefind that sorts them itself would give the same names. Everything else
Pagefind writes is already the same on every run.

Pagefind files are gzip files holding "pagefind_dcd" and then CBOR.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
FILTER_HASH_LENGTH = 7
META_HASH_LENGTH = 13
# The meta file is a CBOR array; these are the places of its parts that we touch.
_META_FILTERS = 3
_META_SORTS = 4


class BundleFormatError(RuntimeError):
    """The bundle is not laid out as this module expects (a new Pagefind version?)."""


def pagefind_hash(data: bytes) -> str:
    """SHA-1 in Pagefind's hex: each byte with `{:x}`, so 0x05 is written "5"."""
    return "".join(format(byte, "x") for byte in hashlib.sha1(data).digest())


def read_pagefind_file(path: Path) -> Any:
    """The CBOR value inside one of Pagefind's gzipped files."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise BundleFormatError(f"{path} does not start with Pagefind's signature")
    return cbor2.loads(data[len(SIGNATURE) :])


def _gzipped(data: bytes) -> bytes:
    """Gzip with no name and no time in the header, so the same data gives the same bytes."""
    return gzip.compress(SIGNATURE + data, compresslevel=9, mtime=0)


def _free_name(language: str, digest: str, length: int, taken: set[str]) -> str:
    """language_<start of digest>, made longer while another file has that name (as Pagefind)."""
    while f"{language}_{digest[:length]}" in taken and length < len(digest):
        length += 1
    name = f"{language}_{digest[:length]}"
    taken.add(name)
    return name


def _sorted_filters(folder: Path, language: str, filters: list[list[str]]) -> list[list[str]]:
    """Rewrite each filter file with its values in order; returns [name, hash] in name order."""
    taken: set[str] = set()
    result = []
    for name, old_hash in sorted(filters, key=lambda pair: pair[0]):
        path = folder / f"{old_hash}.pf_filter"
        filter_name, values = read_pagefind_file(path)
        data = cbor2.dumps([filter_name, sorted(values, key=lambda pair: pair[0])])
        new_hash = _free_name(language, pagefind_hash(data), FILTER_HASH_LENGTH, taken)
        path.unlink()
        (folder / f"{new_hash}.pf_filter").write_bytes(_gzipped(data))
        result.append([name, new_hash])
    return result


def _reproducible_language(bundle: Path, language: str, entry: dict[str, Any]) -> None:
    meta_path = bundle / f"pagefind.{entry['hash']}.pf_meta"
    meta = read_pagefind_file(meta_path)
    if not isinstance(meta, list) or len(meta) <= _META_SORTS:
        raise BundleFormatError(f"{meta_path} is not a Pagefind 1.x meta file")
    meta[_META_FILTERS] = _sorted_filters(bundle / "filter", language, meta[_META_FILTERS])
    meta[_META_SORTS] = sorted(meta[_META_SORTS], key=lambda pair: pair[0])
    data = cbor2.dumps(meta)
    entry["hash"] = f"{language}_{pagefind_hash(data)[:META_HASH_LENGTH]}"
    meta_path.unlink()
    (bundle / f"pagefind.{entry['hash']}.pf_meta").write_bytes(_gzipped(data))


def make_reproducible(bundle: Path) -> None:
    """Put the filter and meta files of the Pagefind bundle in `bundle` in a fixed order."""
    entry_path = bundle / ENTRY
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    languages = entry.get("languages")
    if not isinstance(languages, dict):
        raise BundleFormatError(f"{entry_path} lists no languages")
    for language in sorted(languages):
        _reproducible_language(bundle, language, languages[language])
    entry["languages"] = {language: languages[language] for language in sorted(languages)}
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    entry_path.write_text(text, encoding="utf-8")
