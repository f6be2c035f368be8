"""Let the ready-made HTML of generated pages skip Python-Markdown. Pure functions.

Service pages and browse lists carry large blocks of HTML that we write and escape ourselves:
service cards, a service's facts, the hidden search data. Python-Markdown passes such a raw
block through unchanged, but only after two HTML parsers written in Python have read every tag
of it (md_in_html's, and MkDocs' search for anchor ids): most of the cost of a browse list.

`hold` swaps each one-line HTML block for a placeholder paragraph before Markdown runs, and
`restore` puts the blocks back into the HTML Markdown made, exactly where Markdown would have
put them. Only blocks without an `id` are held, so MkDocs' anchor check sees the same ids.
Use it only on pages whose HTML is ours: an editor's block may ask for Markdown inside it.
"""

from __future__ import annotations

import re

# One line that opens a block element and closes the same element at its end.
_BLOCK = re.compile(r"<(ol|ul|div|dl)\b[^>]*>.*</\1>")
_ID = re.compile(r"\sid=")
_TOKEN = "lo{}heldblock"


def _placeholder(number: int) -> str:
    return _TOKEN.format(number)


def hold(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with each one-line HTML block (a blank line or the page's edge on either
    side) replaced by a placeholder, and the blocks in order."""
    lines = markdown.split("\n")
    held: list[str] = []
    for index, line in enumerate(lines):
        alone = (index == 0 or not lines[index - 1].strip()) and (
            index == len(lines) - 1 or not lines[index + 1].strip()
        )
        if alone and _BLOCK.fullmatch(line) and not _ID.search(line):
            lines[index] = _placeholder(len(held))
            held.append(line)
    return "\n".join(lines), held


def restore(html: str, held: list[str]) -> str:
    """The converted page with the held blocks back in place of their placeholders."""
    for number, block in enumerate(held):
        # Python-Markdown ends a raw block with a line break of its own.
        html = html.replace(f"<p>{_placeholder(number)}</p>", f"{block}\n", 1)
    return html.strip()  # as Markdown strips its output, a line break at the end included
