"""'Was this page helpful?' and 'Report a problem with this page', on every page. Pure.

No server and no third party: each answer is a link that opens the reader's own email with the
page's address and title filled in, to `extra.report_problem_email`. Where
`extra.feedback_issue_form` is true and `extra.github_repository` is set, "Report a problem"
opens the repository's "Report a problem with a page" issue form instead, with the address
filled in (GitHub fills a form's fields from the link's query).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from build_tools.text.links import mailto_href

# Used when mkdocs.yml sets no `extra.report_problem_email`.
DEFAULT_REPORT_ADDRESS = "localoffer@dudley.example"


ISSUE_FORM = "report-a-problem-with-a-page.yml"


@dataclass(frozen=True)
class FeedbackSettings:
    email: str = DEFAULT_REPORT_ADDRESS
    repository: str = ""
    use_issue_form: bool = False


@dataclass(frozen=True)
class FeedbackLinks:
    helpful: str
    not_helpful: str
    problem: str


def feedback_settings(extra: Mapping[str, Any]) -> FeedbackSettings:
    """The settings in mkdocs.yml `extra`."""
    return FeedbackSettings(
        str(extra.get("report_problem_email") or DEFAULT_REPORT_ADDRESS),
        str(extra.get("github_repository") or ""),
        extra.get("feedback_issue_form") is True,
    )


def feedback_links(settings: FeedbackSettings, address: str, title: str) -> FeedbackLinks:
    """The three links for the page at `address` (its full web address) called `title`."""
    title = " ".join(title.split())
    page = f"Page: {title}\nAddress: {address}\n\n"
    helpful = mailto_href(
        settings.email, f"This page helped: {title}", page + "What helped? (optional)\n\n"
    )
    not_helpful = mailto_href(
        settings.email,
        f"This page did not help: {title}",
        page + "What were you looking for? What was missing or hard to understand?\n\n",
    )
    problem = mailto_href(
        settings.email,
        f"Problem with the Local Offer page: {title}",
        page + "What is wrong, and what should it say?\n\n",
    )
    if settings.use_issue_form and settings.repository:
        query = urlencode(
            {"template": ISSUE_FORM, "title": f"Problem with a page: {title}", "page": address}
        )
        problem = f"https://github.com/{settings.repository}/issues/new?{query}"
    return FeedbackLinks(helpful, not_helpful, problem)
