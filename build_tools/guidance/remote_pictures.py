"""Pictures, frames and style sheets on a content page that would come from another website.

The site makes no request to another host, and the printable PDF is made only from the site's
own files (printable/pdf.py). A guidance page with `![map](http://maps.example/x.png)` would
break both: every reader's browser would tell that host who reads the page, and the build
machine would fetch it while making the PDF. So the build refuses such a page, naming it and the
address. The HTML Markdown made is read, so every way of asking for a picture is seen: Markdown
images (inline or by reference), <img>, <picture> sources, srcset, SVG <image>, video posters
and CSS url(). Pure functions.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from build_tools.problems import Position, Problem, make_problem

# Attributes that load something as the page is shown, by element.
_LOADED = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    # Outside SVG, an HTML parser reads <image src> as <img src>.
    "image": ("href", "xlink:href", "src"),
    "feimage": ("href", "xlink:href"),
    # The old `background` attribute still loads a picture in every browser.
    "body": ("background",),
    "table": ("background",),
    "td": ("background",),
    "th": ("background",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "link": ("href",),
    "script": ("src",),
    "use": ("href", "xlink:href"),
}
_CSS_URL = re.compile(
    r"url\(\s*['\"]?([^'\")\s]+)|@import\s+['\"]([^'\"]+)|image-set\(([^)]*)", re.IGNORECASE
)
_CSS_STRING = re.compile(r"['\"]([^'\"]+)['\"]")
# A CSS escape spells any letter: `u\72l(https://a.example/x)` is `url(https://a.example/x)`.
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})\s?|(.))", re.DOTALL)
# An address that leaves the site: with a scheme (http:, https:, ftp:, file:...), or starting
# with // (or \\, which browsers read the same way). data: pictures are inside the page.
_ELSEWHERE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|[/\\]{2})", re.IGNORECASE)
# What a browser drops from an address before it reads it (the URL standard): tabs and newlines
# anywhere, and controls and spaces at either end. `ht&#9;tps://a.example` is `https://...`.
_DROPPED = re.compile(r"[\t\n\r]")
_ENDS = "".join(chr(code) for code in range(0x21))


def _elsewhere(address: str) -> bool:
    address = _DROPPED.sub("", address).strip(_ENDS)
    return bool(_ELSEWHERE.match(address)) and not address.lower().startswith("data:")


def _unescaped(css: str) -> str:
    def one(match: re.Match[str]) -> str:
        if match.group(2) is not None:
            return match.group(2)
        code = int(match.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"

    return _CSS_ESCAPE.sub(one, css)


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        named = {name: value or "" for name, value in attrs}
        for attribute in _LOADED.get(tag, ()):
            value = named.get(attribute, "")
            # A srcset is "address width, address width"; any other attribute is one address,
            # spaces and all (the browser strips them and controls from its ends).
            if attribute == "srcset":
                addresses = [words[0] for words in map(str.split, value.split(",")) if words]
            else:
                addresses = [value]
            self.found.extend(address for address in addresses if _elsewhere(address))
        self._css(named.get("style", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._css(data)

    def _css(self, css: str) -> None:
        for match in _CSS_URL.finditer(_unescaped(css)):
            if match.group(3) is not None:  # image-set("a.png" 1x, "b.png" 2x)
                addresses = _CSS_STRING.findall(match.group(3))
            else:
                addresses = [match.group(1) or match.group(2)]
            self.found.extend(address for address in addresses if _elsewhere(address))


def remote_addresses(html: str) -> list[str]:
    """Every address outside the site that the page would load as it is shown."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found


def remote_picture_problems(html: str, source: str, file: str) -> list[Problem]:
    """A problem for each address outside the site that a content page would load, on the line
    of the page's source that has it."""
    problems = []
    for address in dict.fromkeys(remote_addresses(html)):
        at = source.find(address)
        line = source.count("\n", 0, at) + 1 if at >= 0 else 1
        problems.append(make_problem(file, Position(line, 1), "remote-picture", value=address))
    return problems
