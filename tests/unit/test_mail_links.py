"""Mail injection (issue 15, finding 4): an email field holds one plain address, and every
mailto:, tel: and sms: link the site writes is made by build_tools.text.links and holds one address.

The reproduction: `email: support?bcc=spy@evil.example` passed validation, and the print page,
the PDF and the shortlist page then wrote `mailto:support?bcc=spy@evil.example`.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from build_tools.directory.service_page import render_service_page
from build_tools.directory.shortlist import service_record
from build_tools.easy_read.services import render_easy_read_service
from build_tools.model import provider_from_dict
from build_tools.printable.directory import directory_part
from build_tools.schema import PLAIN_ADDRESS
from build_tools.site import CONFIG
from build_tools.text.links import mailto_href, sms_href, tel_href
from tests.injection import GLOSSARY, base_entry, entry_errors, with_value
from tests.sites import html_pages
from tests.support import FIXTURE_PROVIDERS, REPO_ROOT, TODAY

EMAIL = ("contacts", 0, "email")
HOSTILE_EMAILS = [
    "support?bcc=spy@evil.example",  # the reproduction
    "support@dudley.example?bcc=spy@evil.example",
    "support@dudley.example?cc=spy@evil.example&subject=hi",
    "support&bcc=spy@evil.example",
    "support%3Fbcc%3Dspy@evil.example",
    "support%40dudley.example@evil.example",
    "support@dudley.example,spy@evil.example",
    "support@dudley.example;spy@evil.example",
    "support@dudley.example spy@evil.example",
    "support@dudley.example\nbcc: spy@evil.example",
    "support@dudley.example#bcc=spy@evil.example",
    "a/b@dudley.example",
    '"support"@dudley.example',
    "<support@dudley.example>",
    "Support <support@dudley.example>",
    "support@@dudley.example",
    ".support@dudley.example",
    "support..team@dudley.example",
    "support@dudley",
    "suppört@dudley.example",
    # Variants tried after the fix.
    "MAILTO:support@dudley.example",
    "support\uff1fbcc=spy@evil.example",  # a full-width question mark
    "support\uff20dudley.example",  # a full-width @
    "support@dudley.example\u2028bcc@evil.example",
    "support@dudley.example\u200b",
]
PLAIN_EMAILS = [
    "support@dudley.example",
    "first.last@school.dudley.example",
    "o'brien@example.org",
    "team+send@example.org",
    "send_team-2@my-charity.example",
]
ADDRESS_PART = re.compile(r"[A-Za-z0-9@.+_%-]*")
MAILTO = re.compile(r"mailto:[^\s\"'<>)]*")


def email_errors(address: str) -> list[str]:
    return entry_errors(with_value(base_entry(TODAY), EMAIL, address), TODAY)


@pytest.mark.parametrize("address", HOSTILE_EMAILS)
def test_validation_refuses_an_email_that_is_not_one_plain_address(address: str) -> None:
    assert "LO109" in email_errors(address)


@pytest.mark.parametrize("address", PLAIN_EMAILS)
def test_validation_takes_plain_addresses(address: str) -> None:
    assert email_errors(address) == []


def addresses_in(href: str) -> list[str]:
    """The addresses a mail program would write to, reading the link as RFC 6068 says, and
    also splitting after decoding, as careless programs do."""
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    assert ADDRESS_PART.fullmatch(parts.path), href  # nothing unencoded that could split it
    assert {key for key, _ in parse_qsl(parts.query)} <= {"subject", "body"}, href
    return [part for part in re.split(r"[,;]", unquote(parts.path)) if part]


@pytest.mark.parametrize("address", HOSTILE_EMAILS)
def test_a_mailto_link_leaves_out_what_is_not_one_plain_address(address: str) -> None:
    assert mailto_href(address) == "mailto:"
    assert mailto_href(address, "Hello") == "mailto:?subject=Hello"


@pytest.mark.parametrize("address", PLAIN_EMAILS)
def test_subject_and_body_cannot_add_fields(address: str) -> None:
    href = mailto_href(address, "Subject? & more", "Body with bcc=spy@evil.example&cc=x")
    assert addresses_in(href) == [address]
    assert dict(parse_qsl(urlsplit(href).query)) == {
        "subject": "Subject? & more",
        "body": "Body with bcc=spy@evil.example&cc=x",
    }


@pytest.mark.parametrize("address", PLAIN_EMAILS)
def test_a_plain_address_reads_back_unchanged(address: str) -> None:
    assert addresses_in(mailto_href(address)) == [address]


def test_a_mailto_link_to_no_one_has_only_the_message() -> None:
    assert mailto_href("", "Services", "A list") == "mailto:?subject=Services&body=A%20list"


@pytest.mark.parametrize(
    ("number", "tel", "sms"),
    [
        ("01632 960123", "tel:+441632960123", "sms:+441632960123"),
        ("+44 (0)7700 900123", "tel:+447700900123", "sms:+447700900123"),
        ("07700 900123?body=hi", "tel:+447700900123", "sms:+447700900123"),
        ("0800 123 4567,999", "tel:+448001234567999", "sms:+448001234567999"),
        # Digits of other scripts are left out, as the scripts' \\d (ASCII only) does.
        ("\uff10\uff11\uff16\uff13\uff12 960123", "tel:960123", "sms:960123"),
        ("01632 \u0669\u0666\u0660123", "tel:+441632123", "sms:+441632123"),
    ],
)
def test_phone_links_hold_only_digits(number: str, tel: str, sms: str) -> None:
    assert (tel_href(number), sms_href(number)) == (tel, sms)


def outputs_for(address: str) -> list[str]:
    """Every text the build writes for one service whose contact has this address."""
    provider = provider_from_dict("a-service", with_value(base_entry(TODAY), EMAIL, address))
    record = service_record(provider)
    return [
        render_service_page(provider, TODAY, "localoffer@dudley.example"),
        directory_part((provider,), "https://localoffer.dudley.example/"),
        render_easy_read_service(provider, GLOSSARY, TODAY),
        mailto_href(record["contacts"][0]["email"]),
    ]


@pytest.mark.parametrize("address", HOSTILE_EMAILS)
def test_no_output_links_to_an_address_validation_refuses(address: str) -> None:
    for text in outputs_for(address):
        for href in MAILTO.findall(text):
            assert addresses_in(href.replace("&amp;", "&")) in ([], ["localoffer@dudley.example"])


# Addresses as people type them, hostile characters included.
typed = st.text(alphabet=st.sampled_from("ab.@+_-'?&%=,; #/<>\"\n"), max_size=30).filter(str.strip)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.emails(), typed))
def test_property_every_mailto_link_holds_one_address(address: str) -> None:
    accepted = not email_errors(address)
    assert accepted == bool(PLAIN_ADDRESS.fullmatch(address))
    for text in outputs_for(address):
        for href in MAILTO.findall(text):
            found = addresses_in(href.replace("&amp;", "&"))
            assert len(found) <= 1, (address, href)
            if accepted:
                assert found in ([address], ["localoffer@dudley.example"]), (address, href)


def test_the_scripts_use_the_same_address_pattern() -> None:
    script = (REPO_ROOT / "build_tools/overrides/assets/javascripts/links.js").read_text()
    found = re.search(r"export const PLAIN_ADDRESS = /\^\(\?:(.*)\)\$/;", script)
    assert found is not None
    assert found.group(1) == PLAIN_ADDRESS.pattern


def test_every_script_link_to_mail_or_phone_is_made_by_links_js() -> None:
    scripts = REPO_ROOT / "build_tools/overrides/assets/javascripts"
    for script in scripts.glob("*.js"):
        if script.name != "links.js":
            assert not re.search(r"[`'\"](mailto|tel|sms):", script.read_text()), script.name


def test_every_mailto_link_in_the_built_site_holds_one_address(built_site: Path) -> None:
    pages = [*html_pages(built_site), built_site / "local-offer-print.html"]
    hrefs = [
        html.unescape(href)
        for page in pages
        for href in re.findall(r'href="(mailto:[^"]*)"', page.read_text(encoding="utf-8"))
    ]
    counts = [len(addresses_in(href)) for href in hrefs]
    assert max(counts) == 1, hrefs  # the shortlist's "Email this list" has none until it is used
    assert counts.count(1) > 5


@pytest.mark.parametrize("key", ["report_problem_email", "submit_email"])
def test_an_address_in_mkdocs_yml_must_be_one_plain_address(
    key: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = load_config(config_file=str(CONFIG), strict=True, site_dir=str(tmp_path / "site"))
    config.extra["providers_dir"] = str(FIXTURE_PROVIDERS)
    config.extra[key] = "localoffer@dudley.example?bcc=spy@evil.example"
    with pytest.raises((PluginError, Abort)) as raised:
        build(config)
    said = caplog.text + str(raised.value)
    assert "mkdocs.yml extra" in said and "not one plain email address" in said
