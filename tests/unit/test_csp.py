"""The Content Security Policy: hashes of inline scripts, and what the policy allows."""

from __future__ import annotations

import base64
import hashlib

from build_tools.pages.csp import header_policy, inline_script_hashes, meta_policy, script_hash

THEME = (
    '<script>__md_scope=new URL("..",location)</script>\n'
    "<script>var target=document.getElementById(location.hash.slice(1))</script>"
)


def test_script_hash_is_the_base64_sha256_of_the_script_text() -> None:
    digest = base64.b64encode(hashlib.sha256(b"alert(1)").digest()).decode()
    assert script_hash("alert(1)") == f"'sha256-{digest}'"


def test_only_inline_scripts_that_run_are_hashed() -> None:
    html = THEME + '<script src="x.js"></script><script type="application/json">{}</script>'
    html += '<script type="application/ld+json">{}</script>' + THEME
    assert inline_script_hashes(html) == [
        script_hash('__md_scope=new URL("..",location)'),
        script_hash("var target=document.getElementById(location.hash.slice(1))"),
    ]


def test_the_policy_allows_only_the_site_and_the_hashed_scripts() -> None:
    policy = meta_policy(THEME)
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"].startswith("'self' 'sha256-")
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'self'"
    assert "unsafe-inline" not in policy and "'unsafe-eval'" not in policy
    assert "http" not in policy and "*" not in policy
    # A meta tag cannot carry frame-ancestors; the header can.
    assert "frame-ancestors" not in policy
    assert header_policy(THEME) == policy + "; frame-ancestors 'none'"
