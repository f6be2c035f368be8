"""The official Open Referral UK 3.0 profile schemas, for validating exports in tests.

A copy of the profile is kept in tests/standards/ (set ORUK_PROFILE_DIR to use another copy).
Every file is registered under the address the profile's own openapi.json uses, so the
profile's references resolve locally and nothing is fetched from the network.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.support import REPO_ROOT

PROFILE_DIR = Path(
    os.environ.get("ORUK_PROFILE_DIR") or REPO_ROOT / "tests" / "standards" / "oruk-uk-profile-3.0"
)
BASE = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
OPENAPI = BASE + "openapi.json"


def require_profile() -> Path:
    """The profile folder; skipped locally when it is missing, but a failure in CI."""
    if not (PROFILE_DIR / "schema" / "openapi.json").is_file():
        message = f"The ORUK UK profile 3.0 schemas are not in {PROFILE_DIR}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return PROFILE_DIR


@cache
def registry() -> Registry:
    schema_dir = require_profile() / "schema"
    resources = []
    for path in sorted(schema_dir.rglob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        address = BASE + path.relative_to(schema_dir).as_posix()
        resources.append((address, Resource.from_contents(contents, DRAFT202012)))
    return Registry().with_resources(resources)


def _response(path: str) -> str:
    pointer = path.replace("~", "~0").replace("/", "~1")
    return f"{OPENAPI}#/paths/{pointer}/get/responses/200/content/application~1json/schema"


def _page_of(items: str) -> dict[str, Any]:
    return {
        "allOf": [{"$ref": f"{OPENAPI}#/components/schemas/Page"}],
        "properties": {"contents": {"type": "array", "items": {"$ref": items}}},
    }


# The schema each endpoint's response must match. The profile's openapi.json gives most of them.
# It points /service_at_locations/{id} at the service schema, a slip in the profile: the
# compiled service_at_location schema is the one that describes that response. HSDS 3.0's
# /organizations endpoints are not in the profile's openapi.json, so its compiled organisation
# schemas are used for them.
ENDPOINT_SCHEMAS: dict[str, dict[str, Any]] = {
    "/": {"$ref": _response("/")},
    "/services": {"$ref": _response("/services")},
    "/services/{id}": {"$ref": _response("/services/{id}")},
    "/service_at_locations": {"$ref": _response("/service_at_locations")},
    "/service_at_locations/{id}": {"$ref": BASE + "compiled/service_at_location.json"},
    "/organizations": _page_of(BASE + "compiled/organization_list.json"),
    "/organizations/{id}": {"$ref": BASE + "compiled/organization.json"},
    "/taxonomies": {"$ref": _response("/taxonomies")},
    "/taxonomies/{id}": {"$ref": _response("/taxonomies/{id}")},
    "/taxonomy_terms": {"$ref": _response("/taxonomy_terms")},
    "/taxonomy_terms/{id}": {"$ref": _response("/taxonomy_terms/{id}")},
}


@cache
def validator(endpoint: str) -> Draft202012Validator:
    """A validator for one endpoint's responses, with formats (uuid, email, date) checked."""
    return Draft202012Validator(
        ENDPOINT_SCHEMAS[endpoint], registry=registry(), format_checker=FormatChecker()
    )


def endpoint_of(path: str) -> str:
    """The endpoint a file under api/ answers: api/services/<id>/index.json -> /services/{id}."""
    parts = path.split("/")[1:-1]
    if len(parts) == 2:
        return f"/{parts[0]}/{{id}}"
    return "/" + "/".join(parts)


def problems(endpoint: str, document: Any) -> list[str]:
    """Every way the document breaks the profile, as 'at $.path: message' lines."""
    return [
        f"at {error.json_path}: {error.message}"
        for error in validator(endpoint).iter_errors(document)
    ]
