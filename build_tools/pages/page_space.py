"""White space in built pages: each run of it that holds a line break becomes one line break.

mkdocs-material's templates indent their HTML by nesting, so a page outside the navigation (a
service, its easy-read page, a browse list) was a ninth spaces even with its navigation shared
and compacted (build_tools/pages/shared_nav.py): 2.4 kB of a 20.8 kB service page, about 5 kB per
service at a thousand services, for under a second of a build. Browsers show the page the same
way: HTML folds such runs into one space, except inside <pre> and <textarea> (and in scripts and
styles, where the text is code), which are copied as they are. No style of the site sets
`white-space` to keep line breaks outside a <pre>.

This module knows nothing about MkDocs. Its room is pages/ (with shared_nav and csp).
"""

from __future__ import annotations

import re

# Elements whose text is kept as it is. The theme's inline scripts must stay byte for byte:
# the Content Security Policy allows them by their hashes (build_tools/pages/csp.py).
# Tags are lower case in the theme's templates, in Python-Markdown's output and after the
# sanitiser; matching case is three times faster.
_KEPT = re.compile(
    r"<(?:pre|textarea|script|style)\b.*?</(?:pre|textarea|script|style)>", re.DOTALL
)
# Starts only at a line break, which the regular expression engine finds fast.
_LINE_SPACE = re.compile(r"\n[ \t\r\n]+")


def compact_space(html: str) -> str:
    """`html` with every run of white space that starts with a line break made one line break,
    outside <pre>, <textarea>, <script> and <style>."""
    parts: list[str] = []
    start = 0
    for kept in _KEPT.finditer(html):
        parts += (_LINE_SPACE.sub("\n", html[start : kept.start()]), kept.group(0))
        start = kept.end()
    parts.append(_LINE_SPACE.sub("\n", html[start:]))
    return "".join(parts)
