"""The ORUK export: every file matches the official UK profile 3.0 schemas, ids are stable, and
Local Offer facts sit in the documented extension, not in standard fields."""

from __future__ import annotations

import copy
import dataclasses
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from build_tools.entries.catalog import load_catalog
from build_tools.exports.api import api_documents
from build_tools.exports.ids import part_id
from build_tools.exports.oruk import EXTENSION
from build_tools.exports.publisher import Publisher
from build_tools.model import Provider
from tests import oruk_profile
from tests.support import REPO_ROOT, TODAY


@pytest.fixture(scope="module")
def providers() -> tuple[Provider, ...]:
    return load_catalog(REPO_ROOT / "providers", TODAY).providers


@pytest.fixture(scope="module")
def documents(providers: tuple[Provider, ...]) -> dict[str, Any]:
    return api_documents(providers, Publisher())


def test_every_file_matches_the_uk_profile(documents: dict[str, Any]) -> None:
    failures = []
    for path, document in documents.items():
        endpoint = oruk_profile.endpoint_of(path)
        failures += [f"{path}: {p}" for p in oruk_profile.problems(endpoint, document)]
    assert not failures, "\n".join(failures[:20])


def test_every_endpoint_the_profile_describes_is_written(documents: dict[str, Any]) -> None:
    written = Counter(oruk_profile.endpoint_of(path) for path in documents)
    assert set(written) == set(oruk_profile.ENDPOINT_SCHEMAS)


def test_the_checks_catch_a_broken_service(documents: dict[str, Any]) -> None:
    path = next(p for p in documents if oruk_profile.endpoint_of(p) == "/services/{id}")
    broken = copy.deepcopy(documents[path])
    broken["status"] = "open"
    broken["id"] = "not-a-uuid"
    del broken["name"]
    problems = "\n".join(oruk_profile.problems("/services/{id}", broken))
    assert "'name' is a required property" in problems
    assert "'open' is not one of" in problems
    assert "is not a 'uuid'" in problems


def test_services_is_one_page_with_the_page_fields(
    documents: dict[str, Any], providers: tuple[Provider, ...]
) -> None:
    page = documents["api/services/index.json"]
    count = len(providers)
    assert {k: v for k, v in page.items() if k != "contents"} == {
        "total_items": count,
        "total_pages": 1,
        "page_number": 1,
        "size": count,
        "first_page": True,
        "last_page": True,
        "empty": False,
    }
    assert [s["name"] for s in page["contents"]] == [p.name for p in providers]


def test_root_names_the_profile(documents: dict[str, Any]) -> None:
    assert documents["api/index.json"]["version"] == "HSDS-UK-3.0"


def test_services_keep_their_ids_and_parts_get_stable_ones(
    providers: tuple[Provider, ...],
) -> None:
    provider = next(p for p in providers if p.locations and p.contacts)
    renamed = dataclasses.replace(
        provider,
        name="A completely new name",
        locations=tuple(dataclasses.replace(loc, name="New hall") for loc in provider.locations),
    )
    before = api_documents([provider], Publisher())
    after = api_documents([renamed], Publisher())
    path = f"api/services/{provider.id}/index.json"
    assert before[path]["id"] == after[path]["id"] == provider.id

    def ids(document: Any) -> list[str]:
        if isinstance(document, dict):
            found = [document["id"]] if "id" in document else []
            return found + [i for value in document.values() for i in ids(value)]
        if isinstance(document, list):
            return [i for item in document for i in ids(item)]
        return []

    assert ids(before[path]) == ids(after[path])
    location = before[path]["service_at_locations"][0]["location"]
    assert location["id"] == part_id(str(provider.id), "location", 0)


def test_local_offer_facts_are_in_the_extension(documents: dict[str, Any]) -> None:
    oakfield = documents["api/services/a3c8b934-3ded-4cdf-a0f2-60e2f311b0a4/index.json"]
    extension = oakfield[EXTENSION]
    assert extension["needs"] == ["all"]
    assert extension["inclusion_charter"] is True
    assert extension["local_offer"]["sen_information_report"].startswith("https://")
    assert extension["slug"] == "oakfield-primary-school"
    # ...and never in a standard field that means something else
    assert "needs" not in oakfield and "inclusion_charter" not in oakfield


def test_needs_and_types_are_also_taxonomy_attributes(documents: dict[str, Any]) -> None:
    castle_hill = documents["api/services/6f1d8c52-3a0e-4f7b-9c21-5b7d0e4a9f13/index.json"]
    codes = {a["taxonomy_term"]["code"] for a in castle_hill["attributes"]}
    assert codes == {"therapies", "early-years", "SLCN", "ASD"}
    for attribute in castle_hill["attributes"]:
        term = attribute["taxonomy_term"]["id"]
        assert documents[f"api/taxonomy_terms/{term}/index.json"] == attribute["taxonomy_term"]


def test_an_organisation_running_several_services_is_one_record(
    documents: dict[str, Any],
) -> None:
    organisations = documents["api/organizations/index.json"]["contents"]
    names = [o["name"] for o in organisations]
    assert len(names) == len(set(names))
    therapy = next(o for o in organisations if o["name"] == "Dudley Children's Therapy Services")
    detail = documents[f"api/organizations/{therapy['id']}/index.json"]
    assert len(detail["services"]) == 4


def test_a_missing_organisation_description_is_marked_as_ours(
    documents: dict[str, Any],
) -> None:
    organisations = documents["api/organizations/index.json"]["contents"]
    generated = [o for o in organisations if o.get(EXTENSION, {}).get("description_generated")]
    given = [o for o in organisations if EXTENSION not in o]
    assert generated and given
    assert all(o["description"] for o in organisations)


def test_service_at_locations_link_each_venue(documents: dict[str, Any]) -> None:
    listing = documents["api/service_at_locations/index.json"]["contents"]
    for item in listing:
        detail = documents[f"api/service_at_locations/{item['id']}/index.json"]
        assert detail["location"]["id"] == item["location_id"] == item["location"]["id"]
        assert "addresses" in detail["location"] and "addresses" not in item["location"]


def test_empty_directory_gives_an_empty_page() -> None:
    documents = api_documents([], Publisher())
    page = documents["api/services/index.json"]
    assert page["empty"] is True and page["total_items"] == 0 and page["contents"] == []
    for path, document in documents.items():
        assert not oruk_profile.problems(oruk_profile.endpoint_of(path), document), path


def test_profile_folder_is_where_the_tests_expect() -> None:
    assert Path(oruk_profile.require_profile(), "examples", "service_full.json").is_file()
