"""The data behind near me and the shortlist, and the shortlist page."""

from __future__ import annotations

import json

from build_tools.directory.near_me import example_postcode, near_me_data, near_me_fields
from build_tools.directory.shortlist import SHORTLIST_PAGE, service_record, shortlist_page
from build_tools.directory.tool_files import family_files
from build_tools.model import Contact, Location
from tests.unit.family_helpers import provider

HALL = Location("Hall", "1 Road", "Stourbridge", "DY8 1AW", 52.4563, -2.14821)
HUB = Location("Hub", "2 Road", "Halesowen", "B62 8RS", 52.4478, -2.0472)


def test_near_me_data_lists_every_service_in_name_order() -> None:
    services = (
        provider("zebra-club", name="Zebra club", locations=(HALL,)),
        provider("phone-line", name="a phone line", delivery=("phone", "online"), locations=()),
        provider("hub-group", name="Hub group", locations=(HUB, HALL)),
    )
    data = near_me_data(services)
    assert data["area"] == "Dudley borough"
    assert data["example"] == "B62 8RS"
    assert data["districts"] == {"B62": [52.4478, -2.0472], "DY8": [52.4563, -2.1482]}
    assert data["services"] == [
        {"slug": "phone-line", "how": "by phone, online"},
        {"slug": "hub-group", "at": [[52.4478, -2.0472], [52.4563, -2.1482]]},
        {"slug": "zebra-club", "at": [[52.4563, -2.1482]]},
    ]


def test_a_venue_with_no_known_place_has_neither_coordinates_nor_a_way() -> None:
    lost = Location("Barn", "Farm Lane", "Kidderminster", "WV1 1AA")
    assert near_me_data((provider("barn", locations=(lost,)),))["services"] == [{"slug": "barn"}]


def test_example_postcode_falls_back_without_venues() -> None:
    assert example_postcode((provider("online", locations=()),)) == "DY1 1HZ"


def test_the_postcode_box_has_no_name_so_it_never_reaches_the_url() -> None:
    fields = near_me_fields("DY8 1AW")
    assert 'id="lo-near-postcode"' in fields
    box = fields.split('id="lo-near-postcode"')[1].split(">")[0]
    assert "name=" not in box
    assert 'name="within"' in fields
    assert "For example DY8 1AW, or just DY8" in fields
    for miles in ("1 mile", "2 miles", "5 miles", "10 miles"):
        assert f"Within {miles}<" in fields


def test_service_record_holds_contacts_and_venues() -> None:
    service = provider(
        "speech",
        name="Speech <drop-in>",
        contacts=(Contact("Team", phone="01632 960101", text="07700 900101", email="a@b.example"),),
        locations=(HALL,),
        delivery=("in-person",),
        status="temporarily-closed",
    )
    record = service_record(service)
    assert record["name"] == "Speech <drop-in>"  # JSON, set as text by the script
    assert record["url"] == "services/speech/"
    assert record["contacts"] == [
        {
            "role": "Team",
            "phone": "01632 960101",
            "phone_href": "tel:+441632960101",
            "text": "07700 900101",
            "text_href": "sms:+447700900101",
            "email": "a@b.example",
        }
    ]
    assert record["venues"] == ["Hall, 1 Road, Stourbridge, DY8 1AW"]
    assert record["delivery"] == "In person at a venue"
    assert record["closed"] is True
    assert ["Cost", "Free"] in record["facts"]


def test_family_files() -> None:
    files = family_files((provider("one", locations=(HALL,)),), "Dudley SEND Local Offer")
    family_pages = {name for name in files if not name.startswith("services/directory/")}
    assert family_pages == {SHORTLIST_PAGE, "services/near-me.json", "services/one/service.json"}
    # The directory's own filter data comes with them, so filters work without the search engine.
    assert "services/directory/checked.bin" in files
    assert "services/directory/cards/0.json" in files
    assert json.loads(files["services/one/service.json"])["name"] == "One"


def test_the_shortlist_page_says_it_needs_javascript() -> None:
    page = shortlist_page('A "quoted" & name')
    assert "# Your shortlist" in page
    assert "Your shortlist needs JavaScript" in page
    assert 'data-site-name="A &quot;quoted&quot; &amp; name"' in page
    # Each HTML block is one line: a blank line would end Markdown's raw HTML block.
    frame = next(line for line in page.splitlines() if 'id="lo-shortlist"' in line)
    assert frame.endswith("</div>")
