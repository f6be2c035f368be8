"""A venue marked private (a childminder's home) never publishes its street or map point."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml

from build_tools.directory.near_me import near_me_json
from build_tools.directory.service_page import render_service_page
from build_tools.entries.safe_yaml import parse_yaml
from build_tools.entries.venue_rules import looks_like_a_home
from build_tools.exports.api import api_documents
from build_tools.exports.jsonld import service_jsonld
from build_tools.exports.publisher import Publisher
from build_tools.exports.spreadsheet import services_csv
from build_tools.importer.run import import_feed
from build_tools.model import Provider, provider_from_dict
from build_tools.submit.service_form import public_entry
from tests import oruk_profile
from tests.support import VALID_DIR

STREET, FULL_POSTCODE, LATITUDE = "14 Example Close", "DY8 4ZZ", "52.4761"


def _childminder() -> Provider:
    """The valid private-home example, with a street, full postcode and point written in too,
    as a careless edit or an import might leave them."""
    path = VALID_DIR / "childminder-private-home.yaml"
    document, problems = parse_yaml(path.read_bytes(), str(path))
    assert document is not None and not problems
    data = document.data
    venue = data["locations"][0]
    venue.update(address=STREET, postcode=FULL_POSTCODE, latitude=52.4761, longitude=-2.1695)
    return provider_from_dict(Path(path).stem, data)


def _outputs(provider: Provider) -> dict[str, str]:
    publisher = Publisher()
    return {
        "page": render_service_page(provider, dt.date(2026, 7, 1)),
        "oruk": json.dumps(api_documents([provider], publisher)),
        "jsonld": json.dumps(service_jsonld(provider, publisher)),
        "csv": services_csv([provider], publisher).decode("utf-8"),
        "near-me": near_me_json((provider,)),
    }


def test_no_output_has_the_street_full_postcode_or_point() -> None:
    for name, text in _outputs(_childminder()).items():
        for secret in (STREET, FULL_POSTCODE, LATITUDE, "-2.1695"):
            assert secret not in text, f"{secret} is in the {name} output"


def test_page_shows_the_town_and_district_and_says_why() -> None:
    page = _outputs(_childminder())["page"]
    assert "A private home in Wordsley (DY8)." in page


def test_a_house_number_without_an_organisation_looks_like_a_home() -> None:
    assert looks_like_a_home({"name": "Sam's home", "address": "14 Example Close"})
    assert looks_like_a_home({"name": "Sam Smith", "address": "Flat 2, 3 Example Road"})
    assert not looks_like_a_home({"name": "Wordsley Library", "address": "14 Example Close"})
    assert not looks_like_a_home({"name": "The Barn", "address": "Example Lane"})


def test_oruk_documents_still_match_the_uk_profile() -> None:
    documents = api_documents([_childminder()], Publisher())
    failures = [
        f"{path}: {problem}"
        for path, document in documents.items()
        for problem in oruk_profile.problems(oruk_profile.endpoint_of(path), document)
    ]
    assert not failures, "\n".join(failures[:10])


def test_oruk_address_of_a_private_home_says_it_is_private() -> None:
    documents = api_documents([_childminder()], Publisher())
    link = next(d for p, d in documents.items() if p.startswith("api/service_at_locations/"))
    address = link["location"]["addresses"][0]
    assert address["address_1"] == "Private address, given when you book"
    assert address["postal_code"] == "DY8" and address["city"] == "Wordsley"


def test_a_private_home_survives_export_and_import(tmp_path: Path) -> None:
    feed = tmp_path / "feed"
    for path, document in api_documents([_childminder()], Publisher()).items():
        target = feed / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(document), encoding="utf-8")
    report = import_feed(feed / "api", tmp_path / "out", dt.date(2026, 7, 1))
    [result] = report.services
    assert result.path is not None
    venue = yaml.safe_load(result.path.read_text(encoding="utf-8"))["locations"][0]
    assert venue == {
        "name": "Childminder's home",
        "town": "Wordsley",
        "postcode": "DY8",
        "private": True,
    }


def test_the_entry_the_form_loads_hides_a_private_home() -> None:
    data = {
        "name": "Little Acorns",
        "locations": [
            {"name": "Home", "address": STREET, "town": "Wordsley", "postcode": FULL_POSTCODE,
             "latitude": 52.4761, "longitude": -2.1695, "private": True},
            {"name": "Wordsley Library", "address": "1 Example Street", "town": "Wordsley",
             "postcode": "DY8 5AA"},
        ],
    }  # fmt: skip
    shown = json.dumps(public_entry(data))
    for secret in (STREET, FULL_POSTCODE, LATITUDE):
        assert secret not in shown
    assert "1 Example Street" in shown and data["locations"][0]["address"] == STREET
