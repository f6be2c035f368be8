"""The schema.org properties our JSON-LD may use, per type, from the type pages on schema.org
(each type's own properties plus those it inherits). Only the parts of the vocabulary the
service pages need are listed; a property outside these sets fails the test."""

from __future__ import annotations

THING = {
    "@context", "@type", "@id", "name", "description", "url", "identifier", "sameAs", "image",
    "alternateName", "additionalType", "disambiguatingDescription", "mainEntityOfPage",
}  # fmt: skip
SERVICE = THING | {
    "aggregateRating", "areaServed", "audience", "availableChannel", "award", "brand", "broker",
    "category", "hasOfferCatalog", "hoursAvailable", "isRelatedTo", "isSimilarTo", "logo",
    "offers", "provider", "providerMobility", "review", "serviceOutput", "serviceType", "slogan",
    "termsOfService",
}  # fmt: skip
PLACE = THING | {
    "address", "geo", "amenityFeature", "telephone", "openingHoursSpecification",
    "publicAccess", "isAccessibleForFree", "containedInPlace", "hasMap", "latitude", "longitude",
}  # fmt: skip
CONTACT_POINT = THING | {
    "telephone", "email", "contactType", "availableLanguage", "areaServed", "hoursAvailable",
    "contactOption", "faxNumber",
}  # fmt: skip
ALLOWED: dict[str, set[str]] = {
    "Service": SERVICE,
    "GovernmentService": SERVICE | {"jurisdiction", "serviceOperator"},
    "Organization": THING | {"address", "email", "telephone", "logo", "contactPoint",
                             "areaServed", "legalName", "parentOrganization", "department"},
    "ServiceChannel": THING | {"availableLanguage", "processingTime", "providesService",
                               "serviceLocation", "servicePhone", "servicePostalAddress",
                               "serviceSmsNumber", "serviceUrl"},
    "Place": PLACE,
    "AdministrativeArea": PLACE,
    "PostalAddress": CONTACT_POINT | {"streetAddress", "addressLocality", "addressRegion",
                                      "postalCode", "addressCountry", "postOfficeBoxNumber"},
    "GeoCoordinates": THING | {"latitude", "longitude", "elevation", "address",
                               "addressCountry", "postalCode"},
    "LocationFeatureSpecification": THING | {"value", "hoursAvailable", "validFrom",
                                             "validThrough", "propertyID", "unitCode",
                                             "unitText", "valueReference", "maxValue",
                                             "minValue"},
    "ContactPoint": CONTACT_POINT,
    "Offer": THING | {"price", "priceCurrency", "priceSpecification", "validFrom",
                      "priceValidUntil", "availability", "category", "eligibleCustomerType",
                      "areaServed"},
    "PeopleAudience": THING | {"suggestedMinAge", "suggestedMaxAge", "requiredMinAge",
                               "requiredMaxAge", "suggestedGender", "requiredGender",
                               "healthCondition", "suggestedAge", "audienceType",
                               "geographicArea"},
    "OpeningHoursSpecification": THING | {"opens", "closes", "dayOfWeek", "validFrom",
                                          "validThrough"},
}  # fmt: skip


def unknown_properties(node: object, where: str = "$") -> list[str]:
    """Every property used on a type that schema.org does not define for it."""
    found: list[str] = []
    if isinstance(node, dict):
        kind = node.get("@type")
        if isinstance(kind, str):
            if kind not in ALLOWED:
                found.append(f"{where}: unexpected type {kind}")
            else:
                found += [f"{where}.{key} on {kind}" for key in node if key not in ALLOWED[kind]]
        for key, value in node.items():
            found += unknown_properties(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found += unknown_properties(item, f"{where}[{index}]")
    return found
