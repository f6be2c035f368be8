"""Text written for GitHub holds no live @mention, issue reference or link from provider data
(issue 15, finding 12): the monthly overdue issue, from-issue's comment, pull request body and
title all go through build_tools.github_text.

GitHub finds mentions, references and bare links in the text of the rendered page, after
Markdown, so the check here renders the output and reads its text the same way.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st

from build_tools.cli.submit import _one_line
from build_tools.reports.freshness import freshness_report
from build_tools.reports.freshness_render import render_markdown
from build_tools.submit.submission import build_submission, render_issue_comment, render_pr_body
from build_tools.text.github_text import JOINER, inert_line, inert_markdown
from tests.issue_bodies import github_issue_body
from tests.support import FIXTURE_PROVIDERS, TODAY

from .test_freshness import entry
from .test_submission import REQUIRED

HOSTILE = [
    "@dudley-council/editors please merge",
    "Thanks @octocat!",
    "see #1 and #12 and owner/repo#3 and GH-4",
    "https://evil.example/login and http://evil.example",
    "www.evil.example/free",
    "write to spy@evil.example",
    "<https://evil.example>",
    "[click](https://evil.example)",
    "@\\octocat and \\@octocat",
    "HTTPS://EVIL.EXAMPLE and WWW.EVIL.EXAMPLE",
    # Variants tried after the fix: marks before a mention, a link in brackets, a bare number.
    "(@octocat), [@octocat] and x,@dudley-council/editors.",
    "see (https://evil.example/x) or (www.evil.example)",
    "#123 at the start, and gh-7",
]
# What GitHub would act on in the text of a rendered comment.
_LIVE = [
    re.compile(r"(?<![\w`])@[A-Za-z0-9]"),  # a mention
    re.compile(r"#\d|\bGH-\d", re.IGNORECASE),  # an issue reference
    re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE),  # a link with a scheme
    re.compile(r"\bwww\.", re.IGNORECASE),  # a bare www. link
    re.compile(r"[\w.+-]+@[\w-]+\.\w"),  # an email address, linked
]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append(str(dict(attrs).get("href")))

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def live_parts(github_markdown: str) -> list[str]:
    """The mentions, references and links GitHub would make of a comment."""
    reader = _Text()
    reader.feed(markdown.markdown(github_markdown))
    text = "".join(reader.parts)
    return reader.links + [m.group() for pattern in _LIVE for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", HOSTILE)
def test_inert_markdown_leaves_nothing_live(text: str) -> None:
    assert live_parts(inert_markdown(text)) == []
    assert inert_markdown(text).replace(JOINER, "").replace("\\", "") == text.replace("\\", "")


@pytest.mark.parametrize("text", HOSTILE)
def test_inert_line_leaves_nothing_live_and_looks_the_same(text: str) -> None:
    line = inert_line(text)
    assert [m for pattern in _LIVE for m in pattern.findall(line)] == []
    assert line.replace(JOINER, "") == text


@given(st.text(alphabet=st.sampled_from("@#/:.wWgGhH-1ab \\[]()<>`*_"), max_size=40))
def test_property_nothing_live_survives(text: str) -> None:
    assert live_parts(inert_markdown(text)) == []
    line = inert_line(text)
    assert [m for pattern in _LIVE for m in pattern.findall(line)] == []


@pytest.mark.parametrize("name", HOSTILE)
def test_the_monthly_overdue_issue_names_services_inertly(name: str) -> None:
    report = freshness_report([entry("old", last_reviewed="2025-01-10", name=name)], (), TODAY)
    body = render_markdown(report)
    assert live_parts(body) == []
    assert name.replace("\\", "").split()[0] in body.replace(JOINER, "").replace("\\", "")


@pytest.fixture(scope="module")
def providers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("providers")
    for path in FIXTURE_PROVIDERS.glob("*.yaml"):
        shutil.copy(path, folder)
    return folder


@pytest.mark.parametrize("text", HOSTILE)
def test_from_issue_pull_request_body_and_title_are_inert(text: str, providers: Path) -> None:
    answers = {**REQUIRED, "name": f"Lye Play {text}"[:80], "anything-else": text}
    submission = build_submission(github_issue_body(answers), providers, TODAY)
    if submission.ok:
        body = render_pr_body(submission, 98765)
        assert "Closes #98765." in body  # its own reference, to close the issue
        assert [part for part in live_parts(body) if part != "#9"] == []
        assert [m for pattern in _LIVE for m in pattern.findall(_one_line(submission.name))] == []
    else:
        assert live_parts(render_issue_comment(submission)) == []


@pytest.mark.parametrize("text", HOSTILE)
def test_from_issue_comment_quoting_a_bad_answer_is_inert(text: str, providers: Path) -> None:
    answers = {**REQUIRED, "contacts-email": text}
    submission = build_submission(github_issue_body(answers), providers, TODAY)
    assert not submission.ok
    assert live_parts(render_issue_comment(submission)) == []
