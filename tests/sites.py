"""The two sites the tests look at, each built once per test run and shared.

A function rather than only a fixture, because the accessibility tests need the list of built
pages while pytest is still collecting tests, before any fixture runs.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from build_tools.site import build_site
from tests.injection import corpus_entries, write_entries
from tests.support import FIXTURE_PROVIDERS, REPO_ROOT, TODAY

SITES = {
    # The real content and the five fixture providers: small, and stable for golden files.
    "fixture": FIXTURE_PROVIDERS,
    # The site as shipped: the real content and the 64 sample providers.
    "sample": REPO_ROOT / "providers",
}
_built: dict[str, Path] = {}


def _injection_providers() -> Path:
    """Provider files carrying the injection corpus (tests/injection.py), written once."""
    folder = Path(tempfile.mkdtemp(prefix="localoffer-injection-providers-"))
    _built["injection-providers"] = folder
    return write_entries(corpus_entries(TODAY)[0], folder)


# Sites whose provider files are made for the test run: the real content and these providers.
GENERATED = {"injection": _injection_providers}


def built_site_dir(name: str) -> Path:
    """The folder of a strict build of site `name`, building it on first use."""
    if name not in _built:
        providers = SITES[name] if name in SITES else GENERATED[name]()
        folder = Path(tempfile.mkdtemp(prefix=f"localoffer-{name}-site-"))
        build_site(site_dir=folder, providers_dir=providers)
        _built[name] = folder
    return _built[name]


def remove_built_sites() -> None:
    """Delete the built sites; called when the test session ends."""
    for folder in _built.values():
        shutil.rmtree(folder, ignore_errors=True)
    _built.clear()


def html_pages(site: Path) -> list[Path]:
    """Every page of a built site, except the 404 page (which no link leads to) and the
    editor's page under admin/, which is no family page (tests/browser/test_admin.py)."""
    return sorted(
        p
        for p in site.rglob("*.html")
        if p.name != "404.html" and p.relative_to(site).parts[0] != "admin"
    )


def page_url_path(site: Path, page: Path) -> str:
    """The URL path of a built page: services/x/index.html -> services/x/."""
    return page.relative_to(site).as_posix().removesuffix("index.html")
