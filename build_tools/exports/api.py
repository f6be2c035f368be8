"""The static Open Referral UK 3.0 API: every endpoint as a document at a path under api/.

Each endpoint is a folder with an index.json, so `/api/services/{id}` works without an
extension on any host that serves index files. Lists are single pages holding everything:
a static host cannot answer ?page= or filters, and one page is what the standard allows then.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from build_tools.exports.ids import organisation_id
from build_tools.exports.oruk import (
    EXTENSION,
    organisation_record,
    service_document,
    service_summary,
)
from build_tools.exports.publisher import Publisher
from build_tools.exports.taxonomy import TAXONOMIES, taxonomy_document, terms
from build_tools.model import Provider

VERSION = "HSDS-UK-3.0"
PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json"
# Fields of a location that a list item leaves out: the arrays.
_LOCATION_ARRAYS = ("addresses", "accessibility", "attributes")


def page(contents: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """A list endpoint's single page, with the page fields ORUK requires."""
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": list(contents),
    }


def root_document() -> dict[str, Any]:
    """The / endpoint: which standard and profile this API follows."""
    return {"version": VERSION, "profile": PROFILE_URL, "openapi_url": OPENAPI_URL}


def _organisations(
    providers: Sequence[Provider], publisher: Publisher
) -> dict[str, dict[str, Any]]:
    grouped: dict[str, list[Provider]] = defaultdict(list)
    for provider in providers:
        grouped[organisation_id(provider.organisation_name)].append(provider)
    records = {key: organisation_record(group, publisher) for key, group in grouped.items()}
    return dict(sorted(records.items(), key=lambda item: (item[1]["name"].lower(), item[0])))


def _path(*parts: str) -> str:
    return "/".join(("api", *parts, "index.json"))


def _service_files(
    providers: Sequence[Provider], publisher: Publisher, organisations: dict[str, dict[str, Any]]
) -> Iterator[tuple[str, Any]]:
    # One document at a time: with thousands of services, holding every full document at
    # once would be most of the build's memory.
    summaries = [service_summary(p, publisher, organisations) for p in providers]
    yield _path("services"), page(summaries)
    at_locations = []
    for provider, summary in zip(providers, summaries, strict=True):
        document = service_document(provider, publisher, organisations)
        yield _path("services", document["id"]), document
        for link in document.get("service_at_locations", ()):
            service = {k: v for k, v in document.items() if k != "service_at_locations"}
            yield _path("service_at_locations", link["id"]), {**link, "service": service}
            location = {k: v for k, v in link["location"].items() if k not in _LOCATION_ARRAYS}
            at_locations.append({**link, "location": location, "service": summary})
    yield _path("service_at_locations"), page(at_locations)
    by_organisation: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for summary in summaries:
        service = {k: v for k, v in summary.items() if k != "organization"}
        by_organisation[summary["organization_id"]].append(service)
    yield _path("organizations"), page(list(organisations.values()))
    for key, record in organisations.items():
        yield _path("organizations", key), {**record, "services": by_organisation[key]}


def _taxonomy_files() -> dict[str, Any]:
    files: dict[str, Any] = {
        _path("taxonomies"): page([taxonomy_document(t, with_terms=False) for t in TAXONOMIES])
    }
    all_terms = [document for taxonomy in TAXONOMIES for document in terms(taxonomy.key)]
    files[_path("taxonomy_terms")] = page(all_terms)
    for taxonomy in TAXONOMIES:
        files[_path("taxonomies", taxonomy.id)] = taxonomy_document(taxonomy, with_terms=True)
    for document in all_terms:
        files[_path("taxonomy_terms", document["id"])] = document
    return files


def api_items(providers: Sequence[Provider], publisher: Publisher) -> Iterator[tuple[str, Any]]:
    """Every endpoint of the API, as (path under the site folder, JSON document), made one at
    a time."""
    organisations = _organisations(providers, publisher)
    yield _path(), root_document()
    yield from _service_files(providers, publisher, organisations)
    yield from _taxonomy_files().items()


def api_documents(providers: Sequence[Provider], publisher: Publisher) -> dict[str, Any]:
    """Every endpoint of the API, as {path under the site folder: JSON document}."""
    return dict(api_items(providers, publisher))


__all__ = ["EXTENSION", "api_documents", "api_items", "page", "root_document"]
