"""The council's branding and contact details, from `extra.council` in mkdocs.yml. Pure.

One place for the council's name, logo, colours and ways to get in touch: the header, the
footer, the "Contact us" page, "you said, we did" and the feedback links all read them here.
Colours are checked for contrast (WCAG 1.4.3, 4.5:1 for text) before the site is built, so a
council cannot choose a header its residents cannot read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from build_tools.text.front_matter import front_matter
from build_tools.text.links import mailto_href, sms_href, tel_href

# WCAG 2.2 1.4.3: normal-size text needs 4.5:1 against its background.
MIN_CONTRAST = 4.5
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
BRANDING_CSS = "assets/stylesheets/branding.css"
CONTACT_PAGE = "contact-us.md"


@dataclass(frozen=True)
class Branding:
    """What mkdocs.yml says about the council. Contact details are optional: the pages say only
    what is set."""

    name: str = "The council"
    website: str = ""
    logo: str = ""
    header: str = "#1a1a6e"
    header_text: str = "#ffffff"
    link: str = "#1a4f9c"
    phone: str = ""
    text: str = ""
    email: str = ""
    address: str = ""
    hours: str = ""

    @property
    def phone_link(self) -> str:
        return tel_href(self.phone) if self.phone else ""

    @property
    def text_link(self) -> str:
        return sms_href(self.text) if self.text else ""

    @property
    def email_link(self) -> str:
        return mailto_href(self.email) if self.email else ""


def branding_from(extra: Mapping[str, Any]) -> Branding:
    """The branding in `extra.council`, with the defaults for anything not set."""
    council = extra.get("council") or {}
    colours = council.get("colours") or {}
    contact = council.get("contact") or {}
    values = {
        "name": council.get("name"),
        "website": council.get("website"),
        "logo": council.get("logo"),
        "header": colours.get("header"),
        "header_text": colours.get("header_text"),
        "link": colours.get("link"),
        **{key: contact.get(key) for key in ("phone", "text", "email", "address", "hours")},
    }
    return Branding(**{key: str(value) for key, value in values.items() if value})


def _luminance(colour: str) -> float:
    """Relative luminance, as WCAG defines it."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """The contrast ratio of two #rrggbb colours, from 1 to 21."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def colour_problems(branding: Branding) -> list[str]:
    """Why the colours cannot be used, in plain English: one line per problem."""
    pairs = {
        "header_text on header": (branding.header_text, branding.header),
        "link on the white page": (branding.link, "#ffffff"),
    }
    problems = []
    for name, (one, two) in pairs.items():
        bad = [c for c in (one, two) if not _HEX.match(c)]
        if bad:
            problems.append(f"extra.council.colours: {bad[0]} is not a colour like #1a4f9c.")
            continue
        ratio = contrast(one, two)
        if ratio < MIN_CONTRAST:
            problems.append(
                f"extra.council.colours: {name} has a contrast of {ratio:.1f}:1; it must be at "
                f"least {MIN_CONTRAST}:1 so everyone can read it. Choose a darker or lighter "
                "colour."
            )
    return problems


def branding_css(branding: Branding) -> str:
    """The theme's colour variables set to the council's colours (the palette is `custom`)."""
    return (
        "/* Made from extra.council.colours in mkdocs.yml (build_tools/guidance/branding.py). */\n"
        ":root {\n"
        f"  --md-primary-fg-color: {branding.header};\n"
        f"  --md-primary-fg-color--light: {branding.header};\n"
        f"  --md-primary-fg-color--dark: {branding.header};\n"
        f"  --md-primary-bg-color: {branding.header_text};\n"
        f"  --md-primary-bg-color--light: {branding.header_text};\n"
        f"  --md-accent-fg-color: {branding.link};\n"
        f"  --md-typeset-a-color: {branding.link};\n"
        f"  --lo-council-bar: {branding.header};\n"
        f"  --lo-council-bar-text: {branding.header_text};\n"
        "}\n"
    )


OTHER_WAYS_PAGE = "guidance/other-ways-to-get-this-information.md"


def contact_page(branding: Branding, other_ways: bool = True) -> str:
    """The "Contact us" page: every way to reach the Local Offer team that mkdocs.yml gives.
    `other_ways`: whether the site has the "Other ways to get this information" page."""
    lines = [
        *front_matter(
            {
                "title": "Contact us",
                "description": "How to contact the Local Offer team by phone, text, email or post.",
            }
        ),
        "# Contact us",
        "",
        "The Local Offer team can help you find services and support, answer questions about "
        "this website, and send you information in another format. It is free.",
        "",
    ]
    if branding.phone:
        when = f" {branding.hours}." if branding.hours else ""
        lines += ["## Phone", "", f"Call [{branding.phone}]({branding.phone_link}).{when}", ""]
    if branding.text:
        lines += ["## Text", "", f"Send a text to [{branding.text}]({branding.text_link}).", ""]
    if branding.email:
        lines += [
            "## Email",
            "",
            f"Email [{branding.email}]({branding.email_link}). We reply within 5 working days.",
            "",
        ]
    if branding.address:
        lines += ["## Post", "", f"Write to {branding.address}.", ""]
    if other_ways:
        lines += [
            "## Other ways",
            "",
            f"You can also [get this information in other ways]({OTHER_WAYS_PAGE}): on paper, "
            "in large print, in easy read or in another language.",
            "",
        ]
    lines += [
        "## Tell us what you think",
        "",
        'To tell us what you think of the Local Offer, use "Was this page helpful?" at the '
        "bottom of any page. Read [what families said and what we did](you-said-we-did.md).",
        "",
    ]
    return "\n".join(lines)
