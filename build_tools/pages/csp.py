"""The site's Content Security Policy, set by a meta tag in every page. Pure functions.

Scripts run only from the site's own files, and the two small inline scripts mkdocs-material
writes into every page (in `partials/javascripts/base.html` and `content.html`) run because
their SHA-256 hashes are in the policy. The template renders those two partials and passes the
result here, so the hashes always match the theme in use; no other inline script is allowed,
whatever a page's content holds. Nothing compiles or evaluates code: the search is plain
JavaScript reading JSON files, so neither 'unsafe-eval' nor 'wasm-unsafe-eval' is allowed.
Styles come only from the site's stylesheets.

`frame-ancestors` and `report-to` do nothing in a meta tag: `header_policy` gives the policy for
hosts that can send it as an HTTP header, with `frame-ancestors 'none'` added.

This module knows nothing about MkDocs.
"""

from __future__ import annotations

import base64
import hashlib
import re

# A script element with no src: its text runs in the page, unless its type is data (JSON).
_INLINE_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
_DATA_TYPE = re.compile(r'\stype="application/(ld\+)?json"')

BASE_POLICY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("default-src", ("'none'",)),
    ("script-src", ("'self'",)),
    ("style-src", ("'self'",)),
    # mkdocs-material's stylesheet draws its icons with data: SVG images.
    ("img-src", ("'self'", "data:")),
    ("font-src", ("'self'",)),
    # The search and the directory fetch their data files from the site.
    ("connect-src", ("'self'",)),
    ("manifest-src", ("'self'",)),
    ("object-src", ("'none'",)),
    ("base-uri", ("'self'",)),
    # The search forms send their words to the site's own pages.
    ("form-action", ("'self'",)),
)
# Only an HTTP header can carry these.
HEADER_ONLY: tuple[tuple[str, tuple[str, ...]], ...] = (("frame-ancestors", ("'none'",)),)


def script_hash(body: str) -> str:
    """The CSP source that allows one inline script: 'sha256-<base64 of its SHA-256>'."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_script_hashes(trusted_html: str) -> list[str]:
    """The hash of every inline script that runs in `trusted_html`, in order, without repeats."""
    hashes: list[str] = []
    for match in _INLINE_SCRIPT.finditer(trusted_html):
        if " src=" in match.group("attributes") or _DATA_TYPE.search(match.group("attributes")):
            continue
        source = script_hash(match.group("body"))
        if source not in hashes:
            hashes.append(source)
    return hashes


def _join(directives: tuple[tuple[str, tuple[str, ...]], ...], hashes: list[str]) -> str:
    parts = []
    for name, sources in directives:
        if name == "script-src":
            sources = (*sources, *hashes)
        parts.append(" ".join((name, *sources)))
    return "; ".join(parts)


def meta_policy(trusted_html: str = "") -> str:
    """The policy for a page's meta tag, allowing the inline scripts in `trusted_html`."""
    return _join(BASE_POLICY, inline_script_hashes(trusted_html))


def header_policy(trusted_html: str = "") -> str:
    """The same policy as an HTTP header, with the directives a meta tag cannot carry."""
    return _join(BASE_POLICY + HEADER_ONLY, inline_script_hashes(trusted_html))


def standalone_page_policy(style: str) -> str:
    """The policy of a page with no script and one inline stylesheet, such as the printable
    Local Offer: nothing runs, and only that stylesheet (by its hash) and the site's pictures
    load."""
    directives = (
        ("default-src", ("'none'",)),
        ("style-src", (script_hash(style),)),
        ("img-src", ("'self'", "data:")),
        ("object-src", ("'none'",)),
        ("base-uri", ("'none'",)),
        ("form-action", ("'none'",)),
    )
    return _join(directives, [])
