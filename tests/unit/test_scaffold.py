"""New entries built by `localoffer new` are valid and read back exactly."""

from __future__ import annotations

from build_tools.entries.safe_yaml import parse_yaml
from build_tools.entries.scaffold import NewService, build_entry, render_entry, slug_for
from build_tools.entries.validate import check_document
from tests.support import TODAY

UUID = "0b7a4c1e-2d3f-4a5b-8c6d-7e8f9a0b1c2d"


def service(**changes: object) -> NewService:
    answers: dict[str, object] = {
        "name": "Lye Stay and Play",
        "summary": "A friendly play session for under-fives with SEND and their parents.",
        "description": "We play, sing and share snacks.\n\n- Free parking\n- **No booking**",
        "organisation": "Lye Family Hub",
        "eligibility": "Families in Lye with a child under 5.",
        "categories": ["early-years"],
        "needs": ["all"],
        "min_age": 0,
        "max_age": 5,
        "routes": ["self-referral"],
        "contact_role": "Hub team",
        "phone": "01632 960555",
        "delivery": ["online"],
    }
    answers.update(changes)
    return NewService(**answers)  # type: ignore[arg-type]


def written(answers: NewService) -> tuple[dict[str, object], list[str]]:
    text = render_entry(build_entry(answers, TODAY, new_id=UUID))
    document, read_problems = parse_yaml(text.encode(), "providers/new.yaml")
    assert document is not None, read_problems
    problems = [*read_problems, *check_document(document, "new.yaml", read_problems, TODAY)]
    return document.data, [p.code for p in problems]


def test_new_entry_is_valid_and_reads_back() -> None:
    data, problems = written(service())
    assert problems == []
    assert data["id"] == UUID
    assert data["last_reviewed"] == "2026-11-25"
    assert (
        data["description"] == "We play, sing and share snacks.\n\n- Free parking\n- **No booking**"
    )
    assert data["cost"] == {"free": True}


def test_new_paid_entry_with_a_venue() -> None:
    data, problems = written(
        service(
            free=False,
            cost_description="GBP 2 a session.",
            delivery=[],
            venue_name="Lye Hub",
            venue_address="1 Example Street",
            venue_town="Lye",
            venue_postcode="dy9 8aa",
        )
    )
    assert problems == []
    assert data["cost"] == {"free": False, "description": "GBP 2 a session."}
    assert data["locations"] == [
        {"name": "Lye Hub", "address": "1 Example Street", "town": "Lye", "postcode": "DY9 8AA"}
    ]


def test_text_that_yaml_would_misread_is_quoted() -> None:
    data, problems = written(service(phone="01632960555", contact_role="On"))
    assert problems == []
    assert data["contacts"] == [{"role": "On", "phone": "01632960555"}]


def test_slug_for() -> None:
    assert slug_for("Lye Stay and Play") == "lye-stay-and-play"
    assert slug_for("Caf\u00e9 & Chat: Sedgley!") == "cafe-chat-sedgley"
    assert slug_for("!!!") == "new-service"
    assert len(slug_for("word " * 40)) <= 80
