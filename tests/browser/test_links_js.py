"""The scripts' mailto:, tel: and sms: links (assets/javascripts/links.js), run in the browser:
each mailto: link holds one address, or none (issue 15, finding 4)."""

from __future__ import annotations

from playwright.sync_api import Page

CASES = [
    "team@dudley.example",
    "o'brien@example.org",
    "support?bcc=spy@evil.example",
    "support@dudley.example,spy@evil.example",
    "support@dudley.example?cc=spy@evil.example",
    "support%2Cspy@evil.example",
    "a b@dudley.example",
]
RUN = """async ([module, cases]) => {
  const links = await import(module);
  return {
    mail: cases.map((address) => links.mailtoHref(address)),
    message: links.mailtoHref("", { subject: "A & B?", body: "x&bcc=y@z.example" }),
    phone: [links.telHref("+44 (0)1632 960123"), links.smsHref("07700 900123?body=hi")],
  };
}"""


def test_links_js_encodes_every_link(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url)
    found = page.evaluate(RUN, [f"{fixture_url}assets/javascripts/links.js", CASES])
    assert found["mail"] == [
        "mailto:team@dudley.example",
        "mailto:o%27brien@example.org",
        "mailto:",
        "mailto:",
        "mailto:",
        "mailto:",
        "mailto:",
    ]
    assert found["message"] == "mailto:?subject=A%20%26%20B%3F&body=x%26bcc%3Dy%40z.example"
    assert found["phone"] == ["tel:+441632960123", "sms:+447700900123"]
