"""Built pages lose the template's indentation, and nothing a browser shows differently."""

from __future__ import annotations

from build_tools.pages.page_space import compact_space


def test_each_run_of_space_with_a_line_break_becomes_one_line_break() -> None:
    html = "<ul>\n    <li>\n      A  b\n\n    </li>  \n  </ul>\n"
    assert compact_space(html) == "<ul>\n<li>\nA  b\n</li>  \n</ul>\n"


def test_preformatted_text_scripts_and_styles_are_kept_as_they_are() -> None:
    kept = [
        '<pre class="lo-yaml"><code>name: A\n  summary: B\n</code></pre>',
        "<textarea>\n  line one\n\n  line two</textarea>",
        "<script>\n  var a = 1;\n</script>",
        '<script type="application/ld+json">{"a": "b\\n  c"}</script>',
        "<style>\n  p { margin: 0 }\n</style>",
    ]
    html = "\n  <p>\n    x\n  </p>\n  ".join(kept)
    compacted = compact_space(html)
    assert all(part in compacted for part in kept)
    assert compacted.count("\n<p>\nx\n</p>\n") == len(kept) - 1
