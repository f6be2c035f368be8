"""The last line of defence: every page's HTML goes through an allowlist sanitiser. Pure functions.

Provider text is already escaped when its Markdown is written (`wording.plain`,
`wording.simple_markdown`, `cards`), so nothing here should ever have work to do. This module
makes sure of it: `clean_page_html` passes the HTML that Markdown made of a page through nh3
(Ammonia, a maintained Rust sanitiser) with an allowlist of the elements and attributes our
pages use. Anything else is removed: `<script>`, `<style>`, `<iframe>`, `<object>`, `<embed>`,
SVG and MathML, event handlers, `style` attributes, and links or sources whose scheme is not
https, http, mailto, tel or sms (the service pages link text-message numbers with sms:).
Relative links, which MkDocs writes between pages, are kept.

External links (http and https) then get rel="noopener noreferrer".

mkdocs-material's templates print some front matter (a page's description and title) into the
head without escaping it, because MkDocs' Jinja has autoescaping off; `escape_page_meta` makes
those values escaped markup first.

This module knows nothing about MkDocs or providers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

import nh3
from markupsafe import escape

LINK_SCHEMES = frozenset({"https", "http", "mailto", "tel", "sms"})
EXTERNAL_REL = "noopener noreferrer"

# Everything Python-Markdown and our extensions (admonition, def_list, tables, toc, md_in_html,
# fenced_code) write, plus the markup of our own generated pages: the directory's form,
# service cards and easy-read rows.
TAGS = frozenset(
    {
        # text
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
        "kbd", "samp", "var", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small",
        "sub", "sup", "abbr", "cite", "q", "dfn", "time", "span", "div", "section", "article",
        "aside", "nav", "header", "footer", "figure", "figcaption", "details", "summary",
        # lists and tables
        "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "colgroup", "col", "thead",
        "tbody", "tfoot", "tr", "th", "td",
        # links and pictures
        "a", "img",
        # forms (the directory, search and home pages)
        "form", "fieldset", "legend", "label", "input", "select", "option", "optgroup",
        "button", "textarea", "output",
    }
)  # fmt: skip

_GLOBAL = {"id", "class", "hidden", "title", "lang", "dir", "role", "tabindex"}
ATTRIBUTES: dict[str, set[str]] = {
    "*": _GLOBAL,
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "th": {"colspan", "rowspan", "scope", "align"},
    "td": {"colspan", "rowspan", "align"},
    "col": {"span"},
    "time": {"datetime"},
    "details": {"open"},
    "form": {"action", "method", "novalidate", "autocomplete"},
    "label": {"for"},
    "input": {
        "type", "name", "value", "checked", "disabled", "required", "readonly", "placeholder",
        "autocomplete", "inputmode", "min", "max", "step", "minlength", "maxlength",
        "pattern", "size", "list", "enterkeyhint", "spellcheck", "autocapitalize",
    },
    "select": {"name", "multiple", "disabled", "required", "autocomplete", "size"},
    "option": {"value", "selected", "disabled", "label"},
    "optgroup": {"label", "disabled"},
    "button": {"type", "name", "value", "disabled"},
    "textarea": {
        "name", "rows", "cols", "disabled", "required", "readonly", "placeholder",
        "minlength", "maxlength", "spellcheck", "autocomplete", "wrap",
    },
    "output": {"for", "name"},
    "fieldset": {"disabled", "name"},
}  # fmt: skip
# aria-* for accessibility; data-* hold settings our scripts read (data-fixed-filters,
# data-stop-words). Neither can run code.
ATTRIBUTE_PREFIXES = {"aria-", "data-"}

# An <a> start tag as html5ever (inside nh3) writes it: attribute values always in double
# quotes, with any double quote inside escaped, so a value never holds a bare ".
_ANCHOR = re.compile(r'<a((?:\s+[^\s"=>/]+(?:="[^"]*")?)*)>')
_HREF = re.compile(r'\shref="([^"]*)"')


@cache
def _cleaner() -> nh3.Cleaner:
    """The sanitiser, set up once: every page of a build uses the same one."""
    return nh3.Cleaner(
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        generic_attribute_prefixes=set(ATTRIBUTE_PREFIXES),
        url_schemes=set(LINK_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


def clean_html(fragment: str) -> str:
    """The fragment with everything outside the allowlist removed."""
    return _cleaner().clean(fragment)


def _with_rel(match: re.Match[str]) -> str:
    attributes = match.group(1)
    href = _HREF.search(attributes)
    if href is None or not href.group(1).lower().startswith(("http:", "https:")):
        return match.group(0)
    return f'<a{attributes} rel="{EXTERNAL_REL}">'


def mark_external_links(fragment: str) -> str:
    """Sanitised HTML with rel="noopener noreferrer" on every link to another site."""
    return _ANCHOR.sub(_with_rel, fragment)


def clean_page_html(fragment: str) -> str:
    """A page's content made safe: sanitised, and external links marked."""
    return mark_external_links(clean_html(fragment))


# Front matter that mkdocs-material's base.html prints into the head as it is.
_META_PRINTED_RAW = ("description", "title", "author")


def escape_page_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """Front matter with the text the theme prints unescaped turned into escaped markup."""
    return {
        key: escape(value) if key in _META_PRINTED_RAW and isinstance(value, str) else value
        for key, value in meta.items()
    }
