"""A small fixture site, built once per test session from tests/examples/site/providers/."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.site import build_site

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_PROVIDERS = ROOT / "tests" / "examples" / "site" / "providers"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder of a strict MkDocs build of the real content plus the fixture providers."""
    site_dir = tmp_path_factory.mktemp("site")
    build_site(site_dir=site_dir, providers_dir=FIXTURE_PROVIDERS)
    return site_dir
