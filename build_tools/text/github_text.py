"""Untrusted text made inert for GitHub: the one way provider and issue text goes into anything
GitHub shows (the monthly overdue issue, from-issue's comments, pull request bodies and titles).

GitHub does more to text than Markdown does. After rendering, it turns `@name` into a mention
that notifies that person or team, `#12` and `owner/repo#12` into links to other issues, and
bare web and email addresses into links. Backslashes do not stop any of that: `\\@name` still
shows `@name`, which GitHub still reads as a mention. So an invisible word joiner (U+2060) goes
after every `@` and `#`, and inside every `://`, `www.` and `GH-`: the text looks the same, but
nothing in it mentions, references or links. In Markdown, formatting characters are escaped too.
Pure functions, no imports from the rest of the package.
"""

from __future__ import annotations

import re

JOINER = "\u2060"  # WORD JOINER: invisible, and not part of a name, number or address
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
# Where GitHub would start a mention, an issue reference (#12, GH-12) or a link (https://,
# www.): the joiner goes straight after each.
_TRIGGER = re.compile(r"[@#]|:(?=//)|\bwww(?=\.)|\bgh(?=-\d)", re.IGNORECASE)


def _joined(match: re.Match[str]) -> str:
    return match.group() + JOINER


def inert_line(text: str) -> str:
    """One line of text (a title, a commit message) with no mention, reference or link left."""
    return _TRIGGER.sub(_joined, " ".join(text.split()))


def inert_markdown(text: str) -> str:
    """Untrusted text to quote in a GitHub comment or body: one line, shown as typed, with no
    formatting, mention, issue reference or link."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _TRIGGER.sub(_joined, escaped)
