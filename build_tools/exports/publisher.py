"""Who publishes the exports and where: read once from mkdocs.yml by the hook."""

from __future__ import annotations

from dataclasses import dataclass

from build_tools.model import Provider


@dataclass(frozen=True)
class Publisher:
    """The site's address and name, used for links and for text in the exports."""

    site_url: str = "https://localoffer.example/"
    site_name: str = "Dudley SEND Local Offer"
    # ORUK addresses need a county (state_province); providers only give the town.
    county: str = "West Midlands"

    def __post_init__(self) -> None:
        if not self.site_url.endswith("/"):
            object.__setattr__(self, "site_url", self.site_url + "/")

    def url(self, path: str) -> str:
        """The full address of a path on the site, such as "api/services/"."""
        return self.site_url + path.lstrip("/")

    def page_url(self, provider: Provider) -> str:
        """The service's own page on the site."""
        return self.url(f"services/{provider.slug}/")
