"""Where things are in the repository: the one module that knows its layout.

build_tools is installed editable from the repository, so the repository root is the folder
above this package. Every other module asks here instead of counting parents of `__file__`.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent

CONFIG = ROOT / "mkdocs.yml"
CONTENT = ROOT / "content"
PROVIDERS = ROOT / "providers"
SCHEMA_DIR = ROOT / "schema"
PROVIDER_SCHEMA = SCHEMA_DIR / "provider.schema.json"
ISSUE_TEMPLATES = ROOT / ".github" / "ISSUE_TEMPLATE"
NODE_MODULES = ROOT / "node_modules"
# What builds keep between runs (generated pages, booklets), relative to the folder of
# mkdocs.yml, beside the .cache/ that mkdocs-material's plugins use.
CACHE = Path(".cache") / "localoffer"

# Inside the package: the theme's templates and assets, and the editor's own files.
OVERRIDES = PACKAGE / "overrides"
EDITOR_ASSETS = PACKAGE / "editor" / "assets"
