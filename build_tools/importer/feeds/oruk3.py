"""An ORUK 3.0 service (the UK profile of HSDS 3.0) as a Local Offer entry.

Reads our own export exactly, using its x_local_offer extension, and other 3.0 feeds as far
as their fields allow. Values our export derives from others (ids, the free cost option,
schedule descriptions) are recognised and not reported as left over.
"""

from __future__ import annotations

from build_tools.exports.oruk import EXTENSION, FREE_OPTION, RRULE_DAYS, STATUS
from build_tools.importer.feeds.convert import (
    Conversion,
    add_contact,
    set_id,
    set_markdown,
    set_plain,
)
from build_tools.importer.feeds.places import read_location
from build_tools.importer.feeds.record import Record
from build_tools.importer.feeds.shared import (
    contact_role,
    read_ages,
    read_attribute_terms,
    read_cost_option,
    read_languages,
    read_organisation,
    read_review_date,
    read_service_areas,
    read_steps,
)
from build_tools.importer.feeds.times import read_schedule

_STATUS = {value: key for key, value in STATUS.items()} | {"inactive": "closed"}
_DAYS = {code: day for day, code in RRULE_DAYS.items()}
_EXTENSION_FIELDS = (
    "summary",
    "categories",
    "needs",
    "routes",
    "steps",
    "delivery",
    "local_offer",
    "reviewed_by",
    "show_from",
    "show_until",
)


def _extension(conversion: Conversion, service: Record) -> Record | None:
    ext = service.record(EXTENSION)
    if ext is None:
        return None
    ext.use("page_url")
    conversion.slug = ext.text("slug")
    for key in _EXTENSION_FIELDS:
        value = ext.get(key)
        if value is None:
            continue
        target = {"routes": ("how_to_access", "routes"), "steps": ("how_to_access", "steps")}
        conversion.put(target.get(key, (key,)), value)
    for flag in ("ehc_plan_needed", "diagnosis_needed"):
        if ext.get(flag):
            conversion.put(("eligibility", flag), True)
    if ext.get("inclusion_charter"):
        conversion.put(("inclusion_charter",), True)
    free = ext.get("free")
    if isinstance(free, bool):
        conversion.put(("cost", "free"), free)
    return ext


def _contacts(conversion: Conversion, service: Record, ours: bool) -> None:
    for contact in service.records("contacts"):
        contact.use("id", "service_id")
        role = contact_role(conversion, contact, check_name=not ours)
        ext = contact.record(EXTENSION)
        phones: list[str] = []
        texts: list[str] = []
        for number in contact.records("phones"):
            number.use("id", "contact_id")
            value = number.text("number")
            if value:
                (texts if number.text("type") == "text" else phones).append(value)
        add_contact(
            conversion,
            role,
            contact.path,
            phones=phones,
            email=contact.text("email"),
            website=ext.text("website") if ext else None,
            text=texts[0] if texts else None,
        )
    # Service-wide ways in: ours repeat a contact's; a foreign feed's become an enquiries contact.
    add_contact(
        conversion,
        "Enquiries",
        "service",
        phones=[p.text("number") or "" for p in service.records("phones") if p.text("number")],
        email=service.text("email"),
        website=service.text("url"),
        only_new=True,
    )


def _costs(conversion: Conversion, service: Record) -> None:
    set_markdown(
        conversion,
        ("cost", "description"),
        service.get("fees_description", "fees"),
        service.where("fees_description"),
    )
    amounts = []
    for option in service.records("cost_options"):
        option.use("id", "service_id")
        if option.text("option") == FREE_OPTION and option.get("amount") in (0, 0.0):
            option.use("currency")
            amounts.append(0.0)
            continue
        amounts.append(read_cost_option(conversion, option))
    if not conversion.has("cost", "free") and amounts:
        conversion.put(("cost", "free"), all(a == 0 for a in amounts))


def _locations(conversion: Conversion, service: Record, county: str) -> None:
    for link in service.records("service_at_locations"):
        link.use("id", "service_id", "location_id")
        location = link.record("location")
        if location is not None:
            read_location(conversion, location, county)
    for location in service.records("locations"):  # HSDS 3.0 allows them at the top too
        read_location(conversion, location, county)


def _schedules(conversion: Conversion, service: Record) -> None:
    for schedule in service.records("schedules"):
        schedule.use("id", "service_id", "service_at_location_id")
        ext = schedule.record(EXTENSION)
        read_schedule(
            conversion, schedule, _DAYS, term_time=bool(ext and ext.get("term_time_only"))
        )


def convert_v3(service: Record, source: str, county: str) -> Conversion:
    """One ORUK 3.0 service record as a Local Offer entry."""
    conversion = Conversion(source)
    set_id(conversion, service)
    set_plain(conversion, ("name",), service.get("name"))
    set_markdown(
        conversion, ("description",), service.get("description"), service.where("description")
    )
    ext = _extension(conversion, service)
    status = service.text("status")
    if status and status != "active":
        if status in _STATUS:
            conversion.put(("status",), _STATUS[status])
        else:
            conversion.keep(service.where("status"), status, "not a status the Local Offer knows")
    service.use("organization_id")
    read_organisation(conversion, service.record("organization"))
    read_ages(conversion, service, "minimum_age", "maximum_age")
    set_markdown(
        conversion,
        ("eligibility", "description"),
        service.get("eligibility_description"),
        service.where("eligibility_description"),
    )
    process = service.get("application_process")
    if ext is None or not conversion.has("how_to_access", "routes"):
        read_steps(conversion, process, service.where("application_process"))
    _costs(conversion, service)
    _contacts(conversion, service, ours=ext is not None)
    _locations(conversion, service, county)
    _schedules(conversion, service)
    read_service_areas(conversion, service.records("service_areas"))
    read_languages(conversion, service.records("languages"))
    if ext is None:
        read_attribute_terms(conversion, service.records("attributes"))
    else:
        service.use("attributes")  # the extension says the same, exactly
    read_review_date(conversion, service, ours=ext is not None)
    return conversion
