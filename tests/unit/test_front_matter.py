"""text/front_matter.py: generated pages' front matter reads back as exactly what was given."""

from __future__ import annotations

import yaml

from build_tools.text.front_matter import front_matter


def _read(lines: list[str]) -> object:
    assert lines[0] == "---" and lines[-2:] == ["---", ""]
    return yaml.safe_load("\n".join(lines[1:-2]))


def test_values_come_back_as_given_whatever_they_hold() -> None:
    values = {
        "title": 'Ages 0: "under 5s" # not a comment',
        "description": "---\nsearch: {exclude: false}",
        "search": {"exclude": True},
        "hide": ["toc"],
    }
    assert _read(front_matter(values)) == values


def test_the_page_text_starts_after_one_blank_line() -> None:
    lines = [*front_matter({"template": "finder.html"}), "# Search"]
    assert "\n".join(lines) == "---\ntemplate: finder.html\n---\n\n# Search"
