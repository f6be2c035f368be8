"""What our numbers are compared with, measured in the same run on the same entries.

- Plain mkdocs-material building one page per service, with the same Markdown text our service
  pages have, no navigation entries for them, no plugins and no extensions.
- The naive way to validate: yaml.safe_load and jsonschema.validate() per file, which checks
  the schema and builds a new validator every time.
- The plain best way: libyaml's CSafeLoader and one validator built once, with no positions,
  no plain-English messages and none of our other checks.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from build_tools.directory.service_page import render_service_page
from build_tools.entries.catalog import load_catalog
from build_tools.guidance.page_feedback import DEFAULT_REPORT_ADDRESS

PLAIN_CONFIG = """\
site_name: Plain mkdocs-material
theme:
  name: material
  font: false
# No plugins: not even the built-in search.
plugins: []
# Only the home page is in the navigation, as our service pages are not.
nav:
  - index.md
"""

NAIVE_VALIDATION = """\
import json, pathlib, sys
import jsonschema, yaml
schema = json.loads(pathlib.Path(sys.argv[1]).read_text())
for path in sorted(pathlib.Path(sys.argv[2]).glob("*.yaml")):
    try:
        jsonschema.validate(yaml.safe_load(path.read_text()), schema)
    except jsonschema.ValidationError:
        pass
"""

BEST_PLAIN_VALIDATION = """\
import json, pathlib, sys
import jsonschema, yaml
schema = json.loads(pathlib.Path(sys.argv[1]).read_text())
validator = jsonschema.Draft202012Validator(schema)
for path in sorted(pathlib.Path(sys.argv[2]).glob("*.yaml")):
    with path.open("rb") as handle:
        data = yaml.load(handle, Loader=yaml.CSafeLoader)
    for error in validator.iter_errors(data):
        pass
"""


def write_plain_project(providers: Path, project: Path, today: dt.date) -> int:
    """A plain mkdocs-material project with our service pages' Markdown; the page count."""
    docs = project / "docs"
    (docs / "services").mkdir(parents=True, exist_ok=True)
    (project / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Plain mkdocs-material\n\nThe floor.\n", encoding="utf-8")
    catalog = load_catalog(providers, today)
    for provider in catalog.providers:
        text = render_service_page(provider, today, DEFAULT_REPORT_ADDRESS)
        (docs / "services" / f"{provider.slug}.md").write_text(text, encoding="utf-8")
    return len(catalog.providers)
