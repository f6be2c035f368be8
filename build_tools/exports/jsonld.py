"""schema.org JSON-LD for a service page, so search engines understand the listing.

Only properties that schema.org defines for each type are used: a Service (or GovernmentService
for council and NHS teams) with its provider Organization, a ServiceChannel per venue whose
serviceLocation is a Place (address, geo, amenityFeature), one channel for phone, email and web,
offers for the cost, a PeopleAudience with the ages, and hoursAvailable for the times.
"""

from __future__ import annotations

import json
import re
from typing import Any

from build_tools.exports.oruk import schedule_words
from build_tools.exports.publisher import Publisher
from build_tools.model import Location, Provider
from build_tools.schema import vocabulary, vocabulary_extra

_PUBLIC_BODY = re.compile(r"\b(council|nhs)\b", re.IGNORECASE)
_DAY_URLS = {
    day: f"https://schema.org/{label}" for day, label in vocabulary("schedules", "days").items()
}


def service_type(provider: Provider) -> str:
    """GovernmentService for services run by a council or the NHS, Service for the rest."""
    return "GovernmentService" if _PUBLIC_BODY.search(provider.organisation_name) else "Service"


def _place(location: Location) -> dict[str, Any]:
    features = vocabulary("locations", "accessibility")
    place: dict[str, Any] = {
        "@type": "Place",
        "name": location.name,
        "address": {
            "@type": "PostalAddress",
            **({"streetAddress": location.address} if location.address else {}),
            "addressLocality": location.town,
            "postalCode": location.postcode,
            "addressCountry": "GB",
        },
    }
    if location.latitude is not None and location.longitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": location.latitude,
            "longitude": location.longitude,
        }
    if location.accessibility:
        place["amenityFeature"] = [
            {"@type": "LocationFeatureSpecification", "name": features[f], "value": True}
            for f in location.accessibility
        ]
    return place


def _channels(provider: Provider) -> list[dict[str, Any]]:
    codes = vocabulary_extra("x-codes", "languages")
    languages = [codes[language] for language in provider.languages]
    channels: list[dict[str, Any]] = [
        {"@type": "ServiceChannel", "name": location.name, "serviceLocation": _place(location)}
        for location in provider.locations
    ]
    for contact in provider.contacts:
        channel: dict[str, Any] = {"@type": "ServiceChannel", "name": contact.role}
        point = {"@type": "ContactPoint", "contactType": contact.role}
        if contact.phone or contact.email:
            channel["servicePhone"] = point | {
                key: value
                for key, value in (("telephone", contact.phone), ("email", contact.email))
                if value
            }
        if contact.text:
            channel["serviceSmsNumber"] = point | {"telephone": contact.text}
        if contact.website:
            channel["serviceUrl"] = contact.website
        channels.append(channel)
    if languages:
        for channel in channels:
            channel["availableLanguage"] = languages
    return channels


def _offers(provider: Provider) -> list[dict[str, Any]]:
    units = vocabulary("cost", "options", "per")
    if provider.free:
        return [{"@type": "Offer", "price": 0, "priceCurrency": "GBP", "description": "Free"}]
    offers = [
        {
            "@type": "Offer",
            "price": option.amount,
            "priceCurrency": "GBP",
            "description": " ".join(filter(None, (units[option.per], option.description))),
        }
        for option in provider.cost_options
    ]
    return offers or [
        {"@type": "Offer", "description": provider.cost_description or "There is a charge"}
    ]


def _hours(provider: Provider) -> list[dict[str, Any]]:
    hours = []
    for slot in provider.schedules:
        spec: dict[str, Any] = {
            "@type": "OpeningHoursSpecification",
            "description": schedule_words(slot),
        }
        if slot.days:
            spec["dayOfWeek"] = [_DAY_URLS[day] for day in slot.days]
        if slot.opens:
            spec["opens"] = slot.opens
        if slot.closes:
            spec["closes"] = slot.closes
        hours.append(spec)
    return hours


def service_jsonld(provider: Provider, publisher: Publisher) -> dict[str, Any]:
    """The JSON-LD object for one service page."""
    page = publisher.page_url(provider)
    categories = vocabulary("categories")
    needs = vocabulary("needs")
    organisation: dict[str, Any] = {"@type": "Organization", "name": provider.organisation_name}
    if provider.organisation_website:
        organisation["url"] = provider.organisation_website
    document: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": service_type(provider),
        "@id": page + "#service",
        "name": provider.name,
        "description": provider.summary,
        "url": page,
        "provider": organisation,
        "category": [categories[c] for c in provider.categories],
        "audience": {
            "@type": "PeopleAudience",
            "suggestedMinAge": provider.min_age,
            "suggestedMaxAge": provider.max_age,
            "audienceType": "; ".join(needs[n] for n in provider.needs),
            "description": provider.eligibility,
        },
        "areaServed": [
            {"@type": "AdministrativeArea", "name": label}
            for label in (vocabulary("service_areas")[a] for a in provider.service_areas)
        ],
        "availableChannel": _channels(provider),
        "offers": _offers(provider),
        "hoursAvailable": _hours(provider),
    }
    return {key: value for key, value in document.items() if value not in ([], "")}


def script_tag(document: dict[str, Any]) -> str:
    """The JSON-LD in a script element. <, > and & are written as JSON escapes, so no text in
    the data can close the script element or open a comment."""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'
