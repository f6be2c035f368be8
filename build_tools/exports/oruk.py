"""One provider as an Open Referral UK 3.0 service: the document at /services/{id}.

Field names follow the UK profile of HSDS 3.0. Where the profile leaves out an HSDS 3.0 field
that fits (eligibility_description, application_process, fees_description, contact email and
phones, language name and code, location transportation, cost currency), the HSDS 3.0 field is
used. Local Offer facts with no HSDS field at all go in the `x_local_offer` extension object,
described in docs/open-data.md. Nothing is squeezed into a field that means something else.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from build_tools.exports.ids import organisation_id, part_id, service_id
from build_tools.exports.publisher import Publisher
from build_tools.exports.taxonomy import BY_KEY, term
from build_tools.model import Contact, CostOption, Location, Provider, Schedule
from build_tools.schema import vocabulary, vocabulary_extra

EXTENSION = "x_local_offer"
STATUS = {"active": "active", "temporarily-closed": "temporarily closed", "closed": "defunct"}
RRULE_DAYS = {
    "monday": "MO",
    "tuesday": "TU",
    "wednesday": "WE",
    "thursday": "TH",
    "friday": "FR",
    "saturday": "SA",
    "sunday": "SU",
}
# The one cost option that says a service is free.
FREE_OPTION = "Free"


def _empty(value: Any) -> bool:
    return value is None or value is False or (isinstance(value, str | list | dict) and not value)


def compact(document: dict[str, Any]) -> dict[str, Any]:
    """The document without empty values (and false flags): HSDS asks publishers to leave
    out empty fields. Zero stays: it is an age or a price."""
    return {key: value for key, value in document.items() if not _empty(value)}


def organisation_record(providers: Iterable[Provider], publisher: Publisher) -> dict[str, Any]:
    """One organisation, from every provider file that names it: the first name as spelt, and
    the first website and description any of them gives."""
    providers = list(providers)
    first = providers[0]
    website = next((p.organisation_website for p in providers if p.organisation_website), None)
    about = next(
        (p.organisation_description for p in providers if p.organisation_description), None
    )
    record: dict[str, Any] = {
        "id": organisation_id(first.organisation_name),
        "name": first.organisation_name,
        "description": about or f"Runs services listed in the {publisher.site_name}.",
        "website": website,
    }
    if not about:  # ORUK requires a description; say that this one is ours, not theirs
        record[EXTENSION] = {"description_generated": True}
    return compact(record)


def _application_process(provider: Provider) -> str:
    routes = vocabulary("how_to_access", "routes")
    text = " ".join(f"{routes[route]}." for route in provider.routes)
    steps = "\n".join(f"{n}. {step}" for n, step in enumerate(provider.steps, 1))
    return f"{text}\n\n{steps}" if steps else text


def schedule_words(slot: Schedule, with_notes: bool = True) -> str:
    """One time slot in words, as written: Tuesday, Thursday, 09:30 to 11:30, term time only."""
    days = vocabulary("schedules", "days")
    parts = [", ".join(days[day] for day in slot.days)] if slot.days else []
    if slot.opens:
        parts.append(f"{slot.opens} to {slot.closes}" if slot.closes else f"from {slot.opens}")
    if slot.term_time_only:
        parts.append("term time only")
    if slot.notes and (with_notes or not parts):
        parts.append(slot.notes)
    return ", ".join(parts)


def _schedule(sid: str, index: int, slot: Schedule) -> dict[str, Any]:
    document: dict[str, Any] = {
        "id": part_id(sid, "schedule", index),
        "service_id": sid,
        "freq": "WEEKLY" if slot.days else None,
        "byday": ",".join(RRULE_DAYS[day] for day in slot.days),
        "opens_at": slot.opens,
        "closes_at": slot.closes,
        "description": schedule_words(slot, with_notes=False),
        "notes": slot.notes,
    }
    if slot.term_time_only:
        document[EXTENSION] = {"term_time_only": True}
    return compact(document)


PRIVATE_ADDRESS = "Private address, given when you book"


def _location(sid: str, index: int, location: Location, publisher: Publisher) -> dict[str, Any]:
    location_id = part_id(sid, "location", index)
    features = vocabulary("locations", "accessibility")
    address = {
        "id": part_id(sid, "location", index, "address"),
        "location_id": location_id,
        # The UK profile requires a first line; a private home's street is never published.
        "address_1": location.address or PRIVATE_ADDRESS,
        "city": location.town,
        "state_province": publisher.county,
        "postal_code": location.postcode,
        "country": "GB",
        "address_type": "physical",
    }
    accessibility = [
        {
            "id": part_id(sid, "location", index, "accessibility", feature),
            "location_id": location_id,
            "description": features[feature],
            "accessibility": features[feature],
        }
        for feature in location.accessibility
    ]
    place = {
        "id": location_id,
        "location_type": "physical",
        "name": location.name,
        "latitude": location.latitude,
        "longitude": location.longitude,
        "transportation": location.transport,
        "addresses": [address],
        "accessibility": accessibility,
    }
    return {
        "id": part_id(sid, "service_at_location", index),
        "service_id": sid,
        "location_id": location_id,
        "location": compact(place),
    }


def _contact(sid: str, index: int, contact: Contact) -> dict[str, Any]:
    phones = [
        {"id": part_id(sid, "contact", index, kind), "number": number, "type": kind}
        for kind, number in (("voice", contact.phone), ("text", contact.text))
        if number
    ]
    document: dict[str, Any] = {
        "id": part_id(sid, "contact", index),
        "service_id": sid,
        "name": contact.role,
        "email": contact.email,
        "phones": phones,
    }
    if contact.website:
        document[EXTENSION] = {"website": contact.website}
    return compact(document)


def _cost_options(sid: str, provider: Provider) -> list[dict[str, Any]]:
    units = vocabulary("cost", "options", "per")
    free = {"option": FREE_OPTION, "amount": 0}
    options: list[tuple[str, dict[str, Any]]] = [("free", free)] if provider.free else []

    def priced(option: CostOption) -> dict[str, Any]:
        return {
            "option": option.description,
            "amount": option.amount,
            "amount_description": units[option.per],
        }

    options += [(str(n), priced(option)) for n, option in enumerate(provider.cost_options)]
    return [
        compact(
            {
                "id": part_id(sid, "cost_option", key),
                "service_id": sid,
                **option,
                "currency": "GBP",
            }
        )
        for key, option in options
    ]


def _attributes(sid: str, provider: Provider) -> list[dict[str, Any]]:
    attributes = []
    for key, codes in (("categories", provider.categories), ("needs", provider.needs)):
        for code in codes:
            found = term(key, code)
            attributes.append(
                {
                    "id": part_id(sid, "attribute", key, code),
                    "link_id": sid,
                    "link_type": BY_KEY[key].link_type,
                    "link_entity": "service",
                    "taxonomy_term_id": found["id"],
                    "taxonomy_term": found,
                }
            )
    return attributes


def extension(provider: Provider, publisher: Publisher) -> dict[str, Any]:
    """Local Offer facts with no HSDS field: the x_local_offer object. `free` is always there;
    other flags only when true."""
    return {"free": provider.free} | compact(
        {
            "slug": provider.slug,
            "page_url": publisher.page_url(provider),
            "summary": provider.summary,
            "categories": list(provider.categories),
            "needs": list(provider.needs),
            "ehc_plan_needed": provider.ehc_plan_needed,
            "diagnosis_needed": provider.diagnosis_needed,
            "routes": list(provider.routes),
            "steps": list(provider.steps),
            "delivery": list(provider.delivery),
            "local_offer": dict(provider.local_offer),
            "inclusion_charter": provider.inclusion_charter,
            "reviewed_by": provider.reviewed_by,
            "show_from": provider.show_from.isoformat() if provider.show_from else None,
            "show_until": provider.show_until.isoformat() if provider.show_until else None,
        }
    )


def service_summary(
    provider: Provider, publisher: Publisher, organisations: Mapping[str, dict[str, Any]]
) -> dict[str, Any]:
    """The service's one-to-one fields and its organisation: an item of /services."""
    sid = service_id(provider.id, provider.slug)
    org_id = organisation_id(provider.organisation_name)
    return compact(
        {
            "id": sid,
            "organization_id": org_id,
            "name": provider.name,
            "description": provider.description,
            "url": next((c.website for c in provider.contacts if c.website), None),
            "email": next((c.email for c in provider.contacts if c.email), None),
            "status": STATUS[provider.status],
            "minimum_age": provider.min_age,
            "maximum_age": provider.max_age,
            "eligibility_description": provider.eligibility,
            "application_process": _application_process(provider),
            "fees_description": provider.cost_description,
            "assured_date": provider.last_reviewed.isoformat(),
            "last_modified": f"{provider.last_reviewed.isoformat()}T00:00:00Z",
            "organization": organisations[org_id],
        }
    )


def service_document(
    provider: Provider, publisher: Publisher, organisations: Mapping[str, dict[str, Any]]
) -> dict[str, Any]:
    """The whole service, with everything in it: the document at /services/{id}."""
    sid = service_id(provider.id, provider.slug)
    labels = vocabulary("service_areas")
    codes = vocabulary_extra("x-codes", "languages")
    languages = vocabulary("languages")
    summary = service_summary(provider, publisher, organisations)
    organisation = summary.pop("organization")
    return compact(
        {
            **summary,
            "schedules": [_schedule(sid, n, s) for n, s in enumerate(provider.schedules)],
            "service_areas": [
                {
                    "id": part_id(sid, "service_area", area),
                    "service_id": sid,
                    "name": labels[area],
                    "service_area": labels[area],
                }
                for area in provider.service_areas
            ],
            "service_at_locations": [
                _location(sid, n, loc, publisher) for n, loc in enumerate(provider.locations)
            ],
            "languages": [
                {
                    "id": part_id(sid, "language", lang),
                    "service_id": sid,
                    "name": languages[lang],
                    "code": codes[lang],
                }
                for lang in provider.languages
            ],
            "organization": organisation,
            "cost_options": _cost_options(sid, provider),
            "contacts": [_contact(sid, n, c) for n, c in enumerate(provider.contacts)],
            "attributes": _attributes(sid, provider),
            EXTENSION: extension(provider, publisher),
        }
    )
