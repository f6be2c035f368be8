"""Feed text to our simple Markdown: paragraphs, lists, **bold** and [links](https://...).

HTML is read with Beautiful Soup, which copes with the unclosed and misnested tags real feeds
have, and rebuilt from the tree: headings become bold paragraphs, tables become one line per
row, pictures and scripts are dropped (and reported). Text that is not HTML is kept as written,
apart from the few Markdown features the Local Offer refuses (headings and pictures).
"""

from __future__ import annotations

import html
import re
import warnings
from dataclasses import dataclass, field
from typing import cast

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, NavigableString, Tag
from bs4.element import Comment, PageElement
from bs4.exceptions import ParserRejectedMarkup

from build_tools.schema import SAFE_LINK_SCHEMES

# The same test for HTML as the validator's, so anything it would refuse is converted.
_HTML = re.compile(r"<\s*/?\s*[A-Za-z][^>]*>|<!--|&#?[A-Za-z0-9]+;")
_BLOCKS = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "blockquote",
    "address", "pre", "figure", "figcaption", "dl", "dt", "dd", "form", "fieldset", "center",
}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_DROPPED = {"script", "style", "img", "picture", "svg", "iframe", "object", "embed", "video",
            "audio", "noscript", "template", "head", "title", "meta", "link", "button", "input",
            "select", "textarea"}  # fmt: skip
_SPECIAL = re.compile(r"([\\`*_\[\]])")
# A heading, quote or underline at a line start, or just after list markers ("* # x" is a
# heading inside a list item).
_LINE_START = re.compile(
    r"^((?:\s*(?:[*+-]|\d{1,9}[.)])(?=\s))*\s*)(#+|>|=+\s*$|-{2,}\s*$)", re.MULTILINE
)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_SAFE = "|".join(re.escape(scheme) for scheme in SAFE_LINK_SCHEMES)
_UNSAFE_TARGET = re.compile(rf"\](?=\(\s*<?(?!{_SAFE}))", re.IGNORECASE)
_UNSAFE_DEFINITION = re.compile(
    rf"^(\s{{0,3}})\[(?=[^\]\n]+\]:\s*<?(?!{_SAFE}))", re.IGNORECASE | re.MULTILINE
)
_ENTITY = re.compile(r"&#?[A-Za-z0-9]+;")
_MD_LINK = re.compile(r"\[([^\]]*)\]\(\s*<?([^\s)>]*)[^)]*\)")
_MD_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S*).*$", re.MULTILINE)
# Real feed text nests a handful of tags; the walk below recurses once per tag.
MAX_NESTING = 50


@dataclass
class Converted:
    """The Markdown, and what could not be carried over."""

    text: str
    dropped: list[str] = field(default_factory=list)


def _inline(node: PageElement, dropped: list[str]) -> str:
    if isinstance(node, Comment):
        return ""
    if isinstance(node, NavigableString):
        return _SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", str(node)))
    if not isinstance(node, Tag):
        return ""
    name = node.name.lower()
    if name in _DROPPED:
        alt = node.get("alt")
        dropped.append(f"a {name}" + (f" ({alt})" if isinstance(alt, str) and alt else ""))
        return ""
    if name == "br":
        return "\n"
    inner = "".join(_inline(child, dropped) for child in node.children)
    if name in ("strong", "b") and inner.strip():
        return f"**{inner.strip()}**"
    if name == "a":
        href = node.get("href")
        text = inner.strip()
        if isinstance(href, str) and href.strip().lower().startswith(SAFE_LINK_SCHEMES) and text:
            return f"[{text}]({href.strip().replace(' ', '%20').replace(')', '%29')})"
        if isinstance(href, str) and href.strip():
            dropped.append(f"a link to {href.strip()[:80]}")
    return inner


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _blocks(node: Tag, dropped: list[str], depth: int = 0) -> list[str]:
    """Paragraphs and list items (each already Markdown) under `node`, in order."""
    blocks: list[str] = []
    run: list[str] = []

    def flush() -> None:
        blocks.extend(_lines("".join(run)))
        run.clear()

    for child in node.children:
        if not isinstance(child, Tag):
            run.append(_inline(child, dropped))
            continue
        name = child.name.lower()
        if name in ("ul", "ol"):
            flush()
            items = [c for c in child.children if isinstance(c, Tag) and c.name == "li"]
            # An empty item would be a lone "-" under a line of text: a heading's underline.
            inners = [inner for item in items if (inner := _blocks(item, dropped, depth + 1))]
            for number, inner in enumerate(inners, 1):
                marker = f"{number}." if name == "ol" else "-"
                blocks.append(f"{'    ' * depth}{marker} {inner[0].lstrip()}")
                blocks.extend(f"{'    ' * (depth + 1)}{line.lstrip()}" for line in inner[1:])
        elif name in _HEADINGS:
            flush()
            text = "".join(_inline(child, dropped)).strip()
            if text:
                blocks.append(f"**{text.strip('*')}**")
        elif name in ("table", "tbody", "thead", "tfoot"):
            flush()
            blocks.extend(_blocks(child, dropped, depth))
        elif name == "tr":
            flush()
            cells = [" ".join(_lines(_inline(c, dropped))) for c in child.find_all(["td", "th"])]
            blocks.append(", ".join(cell for cell in cells if cell))
        elif name in _BLOCKS or name == "li":
            flush()
            blocks.extend(_blocks(child, dropped, depth))
        else:
            run.append(_inline(child, dropped))
    flush()
    return blocks


def _join(blocks: list[str]) -> str:
    out: list[str] = []
    for block in blocks:
        is_item = bool(re.match(r"\s*(-|\d+\.) ", block))
        previous_item = bool(out) and bool(re.match(r"\s*(-|\d+\.) ", out[-1]))
        if out:
            out.append("\n" if is_item and previous_item else "\n\n")
        out.append(block)
    return "".join(out)


def to_markdown(text: str) -> Converted:
    """Feed text (HTML, Markdown or plain) as Local Offer simple Markdown."""
    dropped: list[str] = []
    soup = _soup(text) if _HTML.search(text) else None
    if soup is not None and _deepest(soup) > MAX_NESTING:
        # Tags nested hundreds deep (a feed's mistake, or an attack) would run the walk below
        # out of stack: keep the words, drop the formatting, and say so.
        dropped.append(f"the formatting of HTML nested more than {MAX_NESTING} tags deep")
        markdown = _SPECIAL.sub(r"\\\1", " ".join(soup.get_text(" ").split()))
    elif soup is not None:
        body = soup.body or soup
        markdown = _join([b for b in _blocks(body, dropped) if b.strip()])
    else:
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        markdown = "\n".join(line.rstrip() for line in lines)
        for match in _MD_IMAGE.finditer(markdown):
            dropped.append("a picture" + (f" ({match.group(1)})" if match.group(1) else ""))
        markdown = _MD_IMAGE.sub(lambda m: m.group(1), markdown)
        markdown = _safe_links(markdown, dropped)
    markdown = _LINE_START.sub(r"\1\\\2", markdown)
    while _ENTITY.search(markdown):  # left by broken HTML, or encoded twice
        markdown = _ENTITY.sub(_decode, markdown)
    # Whatever still reads as a link to an unsafe target (an escaped "\](", or stray brackets
    # such as "](["), gets a backslash so it is plain text, as the validator sees it too.
    markdown = _UNSAFE_TARGET.sub(r"]\\", markdown)
    markdown = _UNSAFE_DEFINITION.sub(r"\1\\[", markdown)
    # What is left of < cannot be a tag, but keep it from looking like one to the validator.
    markdown = re.sub(r"<(?=\s*/?\s*[A-Za-z!])", "\u2039", markdown)
    return Converted(markdown, dropped)


def _deepest(soup: BeautifulSoup) -> int:
    """How deep tags nest, found without recursion."""
    deepest, stack = 0, [(cast(Tag, soup), 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in node.children if isinstance(child, Tag))
    return deepest


def _soup(text: str) -> BeautifulSoup | None:
    """The parsed HTML, or None for markup even Python's parser gives up on (then the text is
    kept as text, with its < made harmless)."""
    with warnings.catch_warnings():
        # Text such as "https://x.example" alone makes Beautiful Soup warn that it looks like
        # an address to fetch. It is text from a feed, so the warning does not apply.
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        try:
            return BeautifulSoup(text, "html.parser")
        except ParserRejectedMarkup:
            return None


def _decode(match: re.Match[str]) -> str:
    """An entity as its character; one that is not an entity (&foo;) just loses its &."""
    decoded = html.unescape(match.group())
    return decoded if decoded != match.group() else match.group()[1:]


def _safe_links(markdown: str, dropped: list[str]) -> str:
    """Markdown links to anything but a web, email or phone address become their text."""

    def inline(match: re.Match[str]) -> str:
        if match.group(2).lower().startswith(SAFE_LINK_SCHEMES):
            return match.group(0)
        dropped.append(f"a link to {match.group(2)[:80]}")
        return match.group(1)

    def definition(match: re.Match[str]) -> str:
        if match.group(1).lower().startswith(SAFE_LINK_SCHEMES):
            return match.group(0)
        dropped.append(f"a link to {match.group(1)[:80]}")
        return ""

    return _MD_DEFINITION.sub(definition, _MD_LINK.sub(inline, markdown))


def to_plain(text: str) -> str:
    """Feed text as one line of plain text (for names): tags removed, entities decoded."""
    soup = _soup(text) if _HTML.search(text) else None
    if soup is not None:
        text = soup.get_text(" ")
    return " ".join(html.unescape(text).split())
