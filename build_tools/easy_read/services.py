"""The easy-read page of a service, written from its structured fields. Pure functions.

Six parts, each line one short sentence with a fitting picture: who it is for, what happens,
where and when, does it cost money, how to start, who to contact. Every sentence is built to
pass the easy-read checker: when a provider's own words (a venue or team name) would make it
too long or bring in an abbreviation the glossary lacks, a shorter sentence is used instead.
A provider's own `easy_read` lines replace the generated ones for that part.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from build_tools.directory.notices import easy_read_notice_lines, service_notices
from build_tools.easy_read.opening import activity, what_it_is
from build_tools.easy_read.pictures import PICTURES
from build_tools.easy_read.rows import MAX_WORDS, word_count
from build_tools.guidance.glossary import Glossary, abbreviations_in
from build_tools.model import Provider, Schedule
from build_tools.schema import vocabulary
from build_tools.text.dates import long_date
from build_tools.text.front_matter import front_matter
from build_tools.text.links import mailto_href, sms_href, tel_href
from build_tools.text.wording import link_target, plain

PARTS = {
    "who_it_is_for": ("Who it is for", "young-person"),
    "what_happens": ("What happens", "star"),
    "where_and_when": ("Where and when", "pin"),
    "cost": ("Does it cost money?", "money"),
    "how_to_start": ("How to start", "hello"),
    "who_to_contact": ("Who to contact", "phone"),
}

# What each need means, in everyday words: "It is for people who ...".
NEED_LINES: dict[str, tuple[str, str]] = {
    "communication-and-interaction": ("talk", "find talking or being with others hard"),
    "cognition-and-learning": ("books", "find learning hard"),
    "social-emotional-and-mental-health": ("heart", "have big worries or strong feelings"),
    "sensory-and-physical": ("accessible", "have a disability of the body or senses"),
    "SpLD": ("write", "find reading, writing or maths hard"),
    "MLD": ("books", "find learning hard"),
    "SLD": ("books", "find learning very hard"),
    "PMLD": ("help", "need a lot of help with learning and care"),
    "SEMH": ("heart", "have big worries or strong feelings"),
    "SLCN": ("talk", "find talking or understanding hard"),
    "HI": ("hearing-aid", "are deaf or find hearing hard"),
    "VI": ("look", "are blind or find seeing hard"),
    "MSI": ("listen", "find both hearing and seeing hard"),
    "PD": ("wheelchair-user", "have a physical disability"),
    "ASD": ("brain", "are autistic"),
    "DS": ("young-person", "have Down syndrome"),
    "OTH": ("star", "have other needs"),
}

# What each type of service is, in everyday words.
CATEGORY_LINES: dict[str, tuple[str, str]] = {
    "early-years": ("toy", "It is a place for young children before they start school."),
    "mainstream-schools": ("school", "It is a school for all children."),
    "resource-bases": ("school", "It is a special class inside a school."),
    "special-schools": ("school", "It is a school for children who need a lot of help."),
    "post-16": ("student", "It is a place to learn after you are 16."),
    "alternative-provision": ("books", "It is a place to learn away from school."),
    "outside-dudley": ("map", "It is outside Dudley."),
    "independent-settings": ("school", "It is a school not run by the council."),
    "health": ("doctor", "It helps with health."),
    "therapies": ("doctor", "Experts help with talking, moving or everyday skills."),
    "mental-health": ("heart", "It helps with feelings and worries."),
    "social-care": ("help", "It helps families who need extra support at home."),
    "short-breaks": ("short-break", "Your child can have fun away from home for a while."),
    "adulthood-work": ("work", "It helps young people get ready for work."),
    "adulthood-independent-living": ("key", "It helps young people live on their own."),
    "adulthood-community": ("friends", "It helps young people make friends and join in."),
    "adulthood-health": ("stethoscope", "It helps young people stay healthy as adults."),
    "travel": ("bus", "It helps with travel."),
    "leisure": ("play", "You can have fun and try new things."),
    "childcare": ("toy", "It looks after children while parents work or rest."),
    "information-advice": ("information", "It gives advice and information."),
    "support-groups": ("group", "It is a group where families meet and help each other."),
    "complaints": ("scales", "It helps when you disagree with a decision."),
}

ROUTE_LINES: dict[str, tuple[str, str]] = {
    "self-referral": ("phone", "You can contact them yourself."),
    "professional-referral": ("doctor", "A doctor, nurse or teacher can ask for you."),
    "ehc-plan": ("plan", "You get it through an **EHC plan**."),
    "school-or-setting": ("school", "Ask your school, college or nursery."),
    "assessment": ("council", "The council decides after an **assessment**."),
}

DELIVERY_LINES: dict[str, tuple[str, str]] = {
    "in-person": ("pin", "You go to a place to use it."),
    "online": ("computer", "You can use it online."),
    "phone": ("phone", "It works by phone."),
    "home-visits": ("home", "Someone comes to your home."),
}

PRICE_WORDS = {
    "session": "each time",
    "hour": "an hour",
    "day": "a day",
    "week": "a week",
    "month": "a month",
    "term": "a term",
    "year": "a year",
    "course": "for the whole course",
    "one-off": "once",
}


def _people(provider: Provider) -> str:
    if provider.min_age >= 16:
        return "young people"
    if provider.max_age <= 15:
        return "children"
    return "children and young people"


def _ages(provider: Provider) -> str:
    low, high = provider.min_age, provider.max_age
    if low == 0:
        return f"It is for {_people(provider)} from birth to {high} years old."
    if low == high:
        return f"It is for {_people(provider)} aged {low}."
    return f"It is for {_people(provider)} aged {low} to {high}."


def _time(value: str) -> str:
    """09:30 -> 9:30am; 12:00 -> 12 noon; 15:00 -> 3pm."""
    hour, minute = (int(part) for part in value.split(":"))
    if (hour, minute) == (12, 0):
        return "12 noon"
    suffix = "am" if hour < 12 else "pm"
    hour = hour % 12 or 12
    return f"{hour}{suffix}" if minute == 0 else f"{hour}:{minute:02d}{suffix}"


def _days(slot: Schedule) -> str:
    labels = vocabulary("schedules", "days")
    if len(slot.days) == 7:
        return "every day"
    names = [labels[day] for day in slot.days]
    if len(names) == 1:
        return f"on {names[0]}"
    return "on " + ", ".join(names[:-1]) + " and " + names[-1]


class _Writer:
    """Collects rows, keeping only sentences that pass the checker."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary

    def fits(self, sentence: str) -> bool:
        if word_count(sentence.replace("**", "")) > MAX_WORDS:
            return False
        return all(self.glossary.find(a) for _, a in abbreviations_in(sentence))

    def first_fit(self, *sentences: str) -> str:
        return next((s for s in sentences if self.fits(s)), sentences[-1])


def _who(provider: Provider, writer: _Writer) -> Iterator[tuple[str, str]]:
    yield ("child" if provider.max_age <= 15 else "young-person"), _ages(provider)
    if "all" in provider.needs:
        yield "heart", "It is for anyone who needs extra help."
    else:
        seen: set[str] = set()
        for need in provider.needs:
            picture, phrase = NEED_LINES[need]
            if phrase not in seen and len(seen) < 4:
                seen.add(phrase)
                yield picture, f"It is for people who {phrase}."
        if len({NEED_LINES[n][1] for n in provider.needs}) > 4:
            yield "star", "It can help with other needs too."
    if provider.ehc_plan_needed:
        yield "plan", "You need an **EHC plan** to use it."
    if provider.diagnosis_needed:
        yield "doctor", "You need a **diagnosis** to use it."
    areas = vocabulary("service_areas")
    if provider.service_areas and "dudley-borough" not in provider.service_areas:
        names = [areas[a] for a in provider.service_areas]
        place = " or ".join(names) if len(names) <= 3 else "some parts of Dudley"
        yield "map", writer.first_fit(f"You must live in {place}.", "It is for some areas only.")


def _what(provider: Provider) -> Iterator[tuple[str, str]]:
    for category in provider.categories[:3]:
        yield CATEGORY_LINES[category]
    for way in provider.delivery:
        if way != "in-person" or not provider.locations:
            yield DELIVERY_LINES[way]


def _where_when(provider: Provider, writer: _Writer) -> Iterator[tuple[str, str]]:
    for place in provider.locations[:2]:
        venue, town = plain(place.name), plain(place.town)
        # The last choice has no provider words, so a venue or town written in capitals (an
        # abbreviation the glossary lacks) can never stop the build.
        at, near = f"It happens at {venue} in {town}.", f"It happens in {town}."
        yield "pin", writer.first_fit(at, near, "Ask them where it is.")
        address = (
            f"It is at someone's home in {town}. Ask them for the address."
            if place.private
            else f"The address is {plain(place.address)}, {town}, {plain(place.postcode)}."
        )
        postcode = f"The postcode is {plain(place.postcode)}."
        yield "home", writer.first_fit(address, postcode, "Ask them for the address.")
    if len(provider.locations) > 2:
        yield "map", "It happens in other places too."
    for slot in provider.schedules[:2]:
        if slot.days:
            yield "calendar", f"It is {_days(slot)}."
        if slot.opens and slot.closes:
            yield "clock", f"It starts at {_time(slot.opens)} and ends at {_time(slot.closes)}."
        if slot.term_time_only:
            yield "school", "It stops in the school holidays."
    if not provider.schedules:
        yield "calendar", "Ask them when it is on."
    elif len(provider.schedules) > 2:
        yield "calendar", "There are other times too."


def _cost(provider: Provider) -> Iterator[tuple[str, str]]:
    if provider.free:
        yield "free", "It is free."
        return
    yield "money", "You have to pay for it."
    if provider.cost_options:
        option = provider.cost_options[0]
        yield "coin", f"It costs £{option.amount:,.2f} {PRICE_WORDS[option.per]}."
    yield "question", "Ask them if you can get help to pay."


def _how_to_start(provider: Provider) -> Iterator[tuple[str, str]]:
    for route in provider.routes:
        yield ROUTE_LINES[route]


def _contact(provider: Provider, writer: _Writer) -> Iterator[tuple[str, str]]:
    for contact in provider.contacts[:2]:
        role = plain(contact.role)
        if contact.phone:
            number = f"[{plain(contact.phone)}]({tel_href(contact.phone)})"
            yield "phone", writer.first_fit(f"Ring the {role} on {number}.", f"Ring {number}.")
        if contact.text:
            number = f"[{plain(contact.text)}]({sms_href(contact.text)})"
            yield "mobile", f"Send a text message to {number}."
        if contact.email:
            yield "email", f"Email [{plain(contact.email)}]({mailto_href(contact.email)})."
        if contact.website:
            yield "website", f"Look at [their website]({link_target(contact.website)})."


def _part_rows(provider: Provider, part: str, writer: _Writer) -> list[tuple[str, str]]:
    if part in provider.easy_read:
        picture = PARTS[part][1]
        return [(picture, plain(line)) for line in provider.easy_read[part]]
    makers = {
        "who_it_is_for": lambda: _who(provider, writer),
        "what_happens": lambda: _what(provider),
        "where_and_when": lambda: _where_when(provider, writer),
        "cost": lambda: _cost(provider),
        "how_to_start": lambda: _how_to_start(provider),
        "who_to_contact": lambda: _contact(provider, writer),
    }
    return list(makers[part]())


# Pictures for the opening sentence where the activity has its own.
_ACTIVITY_PICTURES = {"Swimming": "swimming", "Cooking lessons": "cooking", "A school": "school"}


def _opening(provider: Provider, writer: _Writer) -> list[str]:
    """The first row: what the service is, before anything else."""
    first = CATEGORY_LINES[provider.categories[0]][0]
    picture = _ACTIVITY_PICTURES.get(activity(provider), first)
    sentence = writer.first_fit(*what_it_is(provider))
    row = [f"![{PICTURES[picture].alt}](picture:{picture})", sentence, ""]
    return ["## What it is", "", *row]


def render_easy_read_service(provider: Provider, glossary: Glossary, today: dt.date) -> str:
    """The easy-read page of one service, in the easy-read row format: its notices (closed,
    may be out of date, moved) first, then what it is, then the six parts."""
    writer = _Writer(glossary)
    lines = [
        *front_matter(
            {"kind": "easy-read", "standard": f"../{provider.slug}.md", "search": {"exclude": True}}
        ),
        f"# {plain(provider.name)}: easy read",
        "",
        *easy_read_notice_lines(service_notices(provider, today)),
        *_opening(provider, writer),
    ]
    for part, (heading, _) in PARTS.items():
        lines += [f"## {heading}", ""]
        for picture, sentence in _part_rows(provider, part, writer):
            lines += [f"![{PICTURES[picture].alt}](picture:{picture})", sentence, ""]
    lines += [
        "## When we checked this",
        "",
        "![A calendar](picture:calendar)",
        f"We checked this page on {long_date(provider.last_reviewed)}.",
        "",
    ]
    return "\n".join(lines)
