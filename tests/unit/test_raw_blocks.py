"""Held HTML blocks come back exactly where Python-Markdown would have put them."""

from __future__ import annotations

import markdown
import pytest

from build_tools.pages.raw_blocks import hold, restore

EXTENSIONS = ["admonition", "def_list", "attr_list", "md_in_html", "fenced_code", "toc", "tables"]
CARDS = '<ol class="lo-results"><li class="lo-card"><h2><a href="a/">A &amp; B</a></h2></li></ol>'
SEARCH = (
    '<div hidden data-pagefind-ignore="index"><span data-pagefind-meta="kind">Service</span></div>'
)
GLANCE = '<dl class="lo-glance"><dt>Ages</dt><dd>5 to 7</dd></dl>'


def convert(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


@pytest.mark.parametrize(
    "page",
    [
        f"# Title\n\nSome text.\n\n{CARDS}\n\nPages: [Next](b.md)\n",
        f"# Title\n\nText.\n\n{SEARCH}\n",
        f"{CARDS}\n\n# Title\n\n{SEARCH}\n\n{CARDS}",
        f"# Facts\n\n{GLANCE}\n\n## Next\n\n{SEARCH}",
    ],
)
def test_held_blocks_come_back_as_markdown_writes_them(page: str) -> None:
    held_markdown, held = hold(page)
    assert held
    assert "<li" not in held_markdown and "<span" not in held_markdown
    assert restore(convert(held_markdown), held) == convert(page)


def test_blocks_inside_a_paragraph_or_with_an_id_stay() -> None:
    page = f'Text just above\n{CARDS}\n\n<div id="x">y</div>\n\n<div>a</div>\nmore text\n'
    assert hold(page) == (page, [])


def test_a_page_without_blocks_is_unchanged() -> None:
    assert hold("# Title\n\nText.") == ("# Title\n\nText.", [])
    assert restore("<h1>Title</h1>", []) == "<h1>Title</h1>"
