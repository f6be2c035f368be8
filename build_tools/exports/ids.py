"""Stable UUIDs for everything the Open Referral UK export publishes.

A service's id is the `id` in its provider file. Everything inside a service (contacts, venues,
times, prices) gets a UUID derived from the service id and its place in the file, so ids never
change when a service or venue is renamed. Organisations and taxonomy terms are shared between
services, so their ids come from their names or codes in one fixed namespace.
"""

from __future__ import annotations

import uuid

# Fixed for ever: changing it would change every organisation and taxonomy id in the export.
NAMESPACE = uuid.UUID("a2a7fe1e-6898-48ab-95ab-1738eadb3fbe")


def service_id(provider_id: str | None, slug: str) -> str:
    """The service's own id, or (for a file without one) an id derived from its file name."""
    return provider_id or str(uuid.uuid5(NAMESPACE, f"service/{slug}"))


def part_id(service: str, *path: object) -> str:
    """The id of a part of a service, such as ("location", 0) or ("contact", 1, "phone")."""
    return str(uuid.uuid5(uuid.UUID(service), "/".join(str(part) for part in path)))


def organisation_id(name: str) -> str:
    """The same id for every service run by an organisation, spelt in any case or spacing."""
    return str(uuid.uuid5(NAMESPACE, "organisation/" + " ".join(name.lower().split())))


def taxonomy_id(key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"taxonomy/{key}"))


def term_id(key: str, code: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"taxonomy/{key}/{code}"))


def imported_service_id(source_id: object) -> str:
    """A UUID for a feed record whose own id is not one, the same each time it is imported."""
    return str(uuid.uuid5(NAMESPACE, f"imported/{source_id}"))
