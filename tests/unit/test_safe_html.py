"""The sanitiser every page passes through: what it removes, what it keeps, and external links."""

from __future__ import annotations

import pytest

from build_tools.text.safe_html import (
    clean_html,
    clean_page_html,
    escape_page_meta,
    mark_external_links,
)

REMOVED = [
    ("<script>alert(1)</script><p>ok</p>", "<p>ok</p>"),
    ('<p onclick="alert(1)">ok</p>', "<p>ok</p>"),
    ('<img src="x" onerror="alert(1)" alt="">', '<img src="x" alt="">'),
    ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
    ('<a href=" JaVaScRiPt:alert(1)">x</a>', "<a>x</a>"),
    ('<a href="data:text/html,x">x</a>', "<a>x</a>"),
    ('<a href="vbscript:x">x</a>', "<a>x</a>"),
    ('<img src="data:image/svg+xml,x" alt="">', '<img alt="">'),
    ('<iframe src="https://a.example"></iframe>ok', "ok"),
    ('<object data="x"></object><embed src="x">ok', "ok"),
    ("<style>p{}</style>ok", "ok"),
    ('<p style="color:red">ok</p>', "<p>ok</p>"),
    ("<svg onload=alert(1)><circle></circle></svg>ok", "ok"),
    ("<math><mi>x</mi></math>ok", "ok"),
    ('<form action="javascript:alert(1)"><button formaction="javascript:x">Go</button></form>',
     "<form><button>Go</button></form>"),
    ('<base href="https://evil.example/">ok', "ok"),
    ('<meta http-equiv="refresh" content="0">ok', "ok"),
    ("<!-- a comment -->ok", "ok"),
]  # fmt: skip


@pytest.mark.parametrize(("dirty", "clean"), REMOVED)
def test_removes_what_could_run_or_load(dirty: str, clean: str) -> None:
    assert clean_html(dirty) == clean


@pytest.mark.parametrize(
    "kept",
    [
        '<p><a href="tel:+441632960123">01632 960123</a></p>',
        '<p><a href="sms:+447700900123">07700 900123</a></p>',
        '<p><a href="mailto:team@x.example">team@x.example</a></p>',
        '<p><a href="../glossary/#senco">SENCO</a></p>',
        '<img alt="A heart" class="lo-er-picture" src="../assets/easy-read/2764.svg">',
        '<form id="f" data-fixed-filters="{&quot;kind&quot;: &quot;service&quot;}" '
        'data-stop-words="a an"></form>',
        '<form action="../services/" method="get" role="search"><label for="q">Words</label>'
        '<input id="q" name="q" type="search" aria-describedby="q-hint"></form>',
        '<div class="admonition warning"><p class="admonition-title">Closed</p></div>',
        "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>",
    ],
)
def test_keeps_the_markup_our_pages_use(kept: str) -> None:
    assert clean_page_html(kept) == kept


def test_external_links_get_noopener_noreferrer() -> None:
    html = '<a href="https://a.example/x?y=1&amp;z=2" class="c">A</a> <a href="../x/">B</a>'
    assert clean_page_html(html) == (
        '<a href="https://a.example/x?y=1&amp;z=2" class="c" rel="noopener noreferrer">A</a> '
        '<a href="../x/">B</a>'
    )
    # A rel the page had is replaced, never kept alongside.
    assert clean_page_html('<a href="http://a.example" rel="opener">A</a>') == (
        '<a href="http://a.example" rel="noopener noreferrer">A</a>'
    )
    assert mark_external_links('<a title="a > b" href="https://a.example">A</a>') == (
        '<a title="a > b" href="https://a.example" rel="noopener noreferrer">A</a>'
    )


def test_escape_page_meta_escapes_what_the_theme_prints_raw() -> None:
    meta = {"description": '"><script>x</script>', "kind": "service", "search": {"exclude": True}}
    escaped = escape_page_meta(meta)
    assert escaped["description"] == "&#34;&gt;&lt;script&gt;x&lt;/script&gt;"
    assert escaped["kind"] == "service" and escaped["search"] == {"exclude": True}
