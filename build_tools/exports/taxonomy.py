"""The two Local Offer vocabularies published as Open Referral taxonomies: types of provision
and SEND needs. Their labels come from the provider schema, like everything families see."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from build_tools.exports.ids import taxonomy_id, term_id
from build_tools.schema import vocabulary, vocabulary_extra


@dataclass(frozen=True)
class Taxonomy:
    key: str  # the provider field, and the last part of the ids
    name: str
    description: str
    link_type: str  # what the term says about a service, in its attributes

    @property
    def id(self) -> str:
        return taxonomy_id(self.key)


TAXONOMIES = (
    Taxonomy(
        "categories",
        "Local Offer types of provision",
        "The kinds of provision a SEND Local Offer lists, from the Children and Families Act "
        "2014 and the SEND Code of Practice, as used to browse the directory.",
        "service_type",
    ),
    Taxonomy(
        "needs",
        "Local Offer SEND needs",
        "The four broad areas of need in the SEND Code of Practice and the types of need that "
        "schools record in the school census. 'all' means every child or young person with SEND.",
        "audience",
    ),
)
BY_KEY = {taxonomy.key: taxonomy for taxonomy in TAXONOMIES}


def _parents(taxonomy: Taxonomy) -> dict[str, str]:
    """Specific needs under their broad area (SLCN under communication and interaction)."""
    if taxonomy.key != "needs":
        return {}
    broad: dict[str, list[str]] = vocabulary_extra("x-broad-areas", "needs")
    return {need: area for area, needs in broad.items() for need in needs}


@cache
def terms(key: str) -> tuple[dict[str, Any], ...]:
    """Every term of one taxonomy, as taxonomy_term documents, in schema order."""
    taxonomy = BY_KEY[key]
    parents = _parents(taxonomy)
    documents = []
    for code, label in vocabulary(key).items():
        document: dict[str, Any] = {
            "id": term_id(key, code),
            "name": label,
            "description": label,
            "code": code,
            "taxonomy": taxonomy.name,
            "taxonomy_id": taxonomy.id,
            "term": label,
        }
        if code in parents:
            document["parent_id"] = term_id(key, parents[code])
        documents.append(document)
    return tuple(documents)


def term(key: str, code: str) -> dict[str, Any]:
    """One term document."""
    return next(document for document in terms(key) if document["code"] == code)


def taxonomy_document(taxonomy: Taxonomy, with_terms: bool) -> dict[str, Any]:
    """The taxonomy, with its terms for /taxonomies/{id} and without for the list."""
    document: dict[str, Any] = {
        "id": taxonomy.id,
        "name": taxonomy.name,
        "description": taxonomy.description,
    }
    if with_terms:
        document["taxonomy_terms"] = list(terms(taxonomy.key))
    return document
