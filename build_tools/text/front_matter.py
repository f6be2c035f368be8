"""The front matter of a generated page: the one way the build writes it.

Values are written by the YAML library, so a description with a colon, a quote or a `#` (or a
name from a provider file) can never end the front matter early or add a key of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml


def front_matter(values: Mapping[str, Any]) -> list[str]:
    """The front matter as lines, and the blank line after it:
    `[*front_matter({"title": "..."}), "# Title"]`."""
    text = yaml.safe_dump(
        dict(values), sort_keys=False, allow_unicode=True, default_flow_style=False, width=10**6
    )
    return ["---", *text.rstrip("\n").split("\n"), "---", ""]
