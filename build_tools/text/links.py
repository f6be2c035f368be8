"""Every mailto:, tel: and sms: link the site writes, each made by one function here.

A link to an email program is a small command: `mailto:a@b.example?bcc=c@d.example` sends a
copy to a stranger, and `mailto:a@b.example,c@d.example` writes to two people. So an address
never goes into a link as it was typed: everything but the characters an address is made of is
percent-encoded, and the subject and body are encoded whole. Validation refuses an email field
that is not one plain address (`schema.PLAIN_ADDRESS`, the schema's email check);
`mailto_href` leaves such an address out of the link, so a link can never be made to two people
or to a blind copy, even from data that skipped validation (the page still shows the text,
escaped). The scripts build their links with the same rules in assets/javascripts/links.js.
Pure functions.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from build_tools.schema import PLAIN_ADDRESS

# The characters a plain address is made of that a link may hold as they are.
_ADDRESS_SAFE = "@.+-_"
# ASCII digits only, as in links.js: Python's \d would keep Arabic-Indic and full-width digits.
_NOT_DIALLED = re.compile(r"[^0-9+]")


def mailto_href(address: str, subject: str | None = None, body: str | None = None) -> str:
    """A mailto: link to one address, or to no one ("choose who to send it to") when `address`
    is empty or not one plain address. Percent-encoding alone is not enough for those: some
    mail programs decode `a%2Cb` to `a,b` and then write to both."""
    address = address.strip()
    if not PLAIN_ADDRESS.fullmatch(address):
        address = ""
    href = "mailto:" + quote(address, safe=_ADDRESS_SAFE)
    fields = [(name, value) for name, value in (("subject", subject), ("body", body)) if value]
    if fields:
        href += "?" + "&".join(f"{name}={quote(value, safe='')}" for name, value in fields)
    return href


def _international(number: str) -> str:
    """A UK number in international form, digits only: 01632 960123 -> +441632960123."""
    digits = _NOT_DIALLED.sub("", number)
    plus, digits = digits.startswith("+"), digits.replace("+", "")
    if plus and digits.startswith("44"):
        return "+44" + digits[2:].lstrip("0")
    if not plus and digits.startswith("0"):
        return "+44" + digits[1:]
    return ("+" if plus else "") + digits


def tel_href(number: str) -> str:
    """A tel: link to ring a number: 01632 960123 -> tel:+441632960123."""
    return "tel:" + _international(number)


def sms_href(number: str) -> str:
    """An sms: link to text a number: 07700 900123 -> sms:+447700900123."""
    return "sms:" + _international(number)
