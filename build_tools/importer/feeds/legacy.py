"""An ORUK 1.0-style service, including Outpost's SEND fields, as a Local Offer entry.

Outpost (and feeds like it) add `send_needs`, `suitabilities`, `accessibilities` on each
location, age-band flags, `cost_options` with a `cost_type` unit, `regular_schedules` by
weekday and a `local_offer` block with answers to its seven questions.
"""

from __future__ import annotations

from typing import Any

from build_tools.exports.oruk import RRULE_DAYS
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
    read_cost_option,
    read_languages,
    read_organisation,
    read_review_date,
    read_service_areas,
    read_steps,
    read_terms,
)
from build_tools.importer.feeds.survey import read_survey_answer
from build_tools.importer.feeds.times import read_schedule

_DAYS = {code: day for day, code in RRULE_DAYS.items()}
_STATUS = {
    "temporarily closed": "temporarily-closed",
    "inactive": "closed",
    "defunct": "closed",
    "archived": "closed",
    "expired": "closed",
}
# Outpost's age bands, as (youngest, oldest).
AGE_BANDS = {
    "age_band_under_2": (0, 1),
    "age_band_2": (2, 2),
    "age_band_3_4": (3, 4),
    "age_band_5_7": (5, 7),
    "age_band_8_plus": (8, 25),
    "age_band_all": (0, 25),
}


def _age_bands(conversion: Conversion, service: Record) -> None:
    if conversion.has("age_range", "min") and conversion.has("age_range", "max"):
        service.use(*AGE_BANDS)
        return
    ticked = [band for band in AGE_BANDS if service.get(band) not in (None, False, 0, "0", "false")]
    if not ticked:
        return
    low = min(AGE_BANDS[band][0] for band in ticked)
    high = max(AGE_BANDS[band][1] for band in ticked)
    if not conversion.has("age_range", "min"):
        conversion.put(("age_range", "min"), low)
    if not conversion.has("age_range", "max"):
        conversion.put(("age_range", "max"), high)
    conversion.note(f"age_range: worked out from the age bands ticked ({', '.join(ticked)})")


def _local_offer(conversion: Conversion, service: Record) -> None:
    block = service.record("local_offer")
    if block is None:
        return
    link = block.text("link")
    if link and link.startswith(("https://", "http://")):
        conversion.put(("local_offer", "sen_information_report"), link)
    elif link:
        conversion.keep(block.where("link"), link, "not a web address")
    for answer in block.records("survey_answers"):
        answer.use("id")
        read_survey_answer(conversion, answer)


def _contacts(conversion: Conversion, service: Record) -> None:
    for contact in service.records("contacts"):
        contact.use("id", "service_id")
        if contact.get("visible") in (False, "false"):
            conversion.keep(
                contact.path, contact.data, "a contact the feed marks as not for publishing"
            )
            contact.use(*contact.data)
            continue
        role = contact_role(conversion, contact)
        phones = [p.text("number") or "" for p in contact.records("phones")]
        phones += [contact.text("phone") or ""]
        for number in contact.records("phones"):
            number.use("id", "contact_id", "type")
        add_contact(
            conversion,
            role,
            contact.path,
            phones=[p for p in phones if p],
            email=contact.text("email"),
        )
    add_contact(
        conversion,
        "Enquiries",
        "service",
        email=service.text("email"),
        website=service.text("url"),
        only_new=True,
    )


def _regular_schedules(conversion: Conversion, service: Record) -> None:
    for schedule in service.records("regular_schedules"):
        schedule.use("id", "service_id", "service_at_location", "service_at_location_id", "dtstart")
        read_schedule(conversion, schedule, _DAYS, term_time=False)
    slots: list[dict[str, Any]] = []
    for slot in conversion.entry.pop("schedules", []):  # one slot for the days with the same times
        same = next(
            (
                s
                for s in slots
                if {k: v for k, v in s.items() if k != "days"}
                == {k: v for k, v in slot.items() if k != "days"}
                and "days" in s
                and "days" in slot
            ),
            None,
        )
        if same:
            same["days"] = list(dict.fromkeys([*same["days"], *slot["days"]]))
        else:
            slots.append(slot)
    if slots:
        conversion.entry["schedules"] = slots


def _needs(conversion: Conversion, service: Record) -> None:
    names = []
    for key in ("send_needs", "suitabilities"):
        for need in service.records(key):
            need.use("id", "slug")
            names.append((need.path, need.text("name") or ""))
    read_terms(conversion, names, prefer="needs")
    taxonomies = []
    for item in service.records("taxonomies", "service_taxonomys"):
        item.use("id", "service_id", "slug", "parent_id")
        inner = item.record("taxonomy") or item
        inner.use("id", "vocabulary", "parent_id", "parent_name")
        taxonomies.append((inner.path, inner.text("name") or ""))
    read_terms(conversion, taxonomies, prefer="categories")


def convert_legacy(service: Record, source: str, county: str) -> Conversion:
    """One ORUK 1.0 / Outpost service record as a Local Offer entry."""
    conversion = Conversion(source)
    set_id(conversion, service)
    set_plain(conversion, ("name",), service.get("name"))
    set_markdown(
        conversion, ("description",), service.get("description"), service.where("description")
    )
    status = (service.text("status") or "active").lower()
    if status in _STATUS:
        conversion.put(("status",), _STATUS[status])
    elif status != "active":
        conversion.keep(service.where("status"), status, "not a status the Local Offer knows")
    read_organisation(conversion, service.record("organization", "organisation"))
    read_ages(conversion, service, "min_age", "max_age")
    read_ages(conversion, service, "minimum_age", "maximum_age")
    for eligibility in service.records("eligibilitys", "eligibilities"):
        eligibility.use("id", "service_id")
        read_ages(conversion, eligibility, "minimum_age", "maximum_age")
        set_markdown(
            conversion,
            ("eligibility", "description"),
            eligibility.get("eligibility"),
            eligibility.where("eligibility"),
        )
    _age_bands(conversion, service)
    set_markdown(
        conversion,
        ("eligibility", "description"),
        service.get("eligibility_description"),
        service.where("eligibility_description"),
    )
    referral = service.get("needs_referral")
    if isinstance(referral, bool):
        conversion.put(
            ("how_to_access", "routes"), ["professional-referral" if referral else "self-referral"]
        )
    read_steps(conversion, service.get("application_process"), service.where("application_process"))
    free = service.get("free")
    if isinstance(free, bool):
        conversion.put(("cost", "free"), free)
    set_markdown(conversion, ("cost", "description"), service.get("fees"), service.where("fees"))
    amounts = []
    for option in service.records("cost_options"):
        option.use("id", "service_id")
        amounts.append(read_cost_option(conversion, option))
    if not conversion.has("cost", "free") and amounts:
        conversion.put(("cost", "free"), all(a == 0 for a in amounts))
    _contacts(conversion, service)
    for location in service.records("locations"):
        read_location(conversion, location, county)
    for link in service.records("service_at_locations"):
        link.use("id", "service_id", "location_id", "regular_schedule")
        place = link.record("location")
        if place is not None:
            read_location(conversion, place, county)
    _regular_schedules(conversion, service)
    read_service_areas(conversion, service.records("service_areas"))
    read_languages(conversion, service.records("languages"))
    _needs(conversion, service)
    _local_offer(conversion, service)
    for key, target in (("visible_from", "show_from"), ("visible_to", "show_until")):
        value = service.text(key)
        if value:
            conversion.put((target,), value[:10])
    read_review_date(conversion, service)
    return conversion
