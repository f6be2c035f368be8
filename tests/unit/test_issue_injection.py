"""The injection corpus through the issue-form route: issue text -> provider YAML, comment, PR.

Issue text is untrusted. Whatever it holds must arrive in the provider file as plain text (no
YAML tags, anchors or extra keys), and the comment and pull request body quoting it must not
become links, pictures, HTML or @mentions on GitHub.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import markdown
import pytest

from build_tools.entries.safe_yaml import parse_yaml
from build_tools.schema import load_schema
from build_tools.submit.submission import build_submission, render_issue_comment, render_pr_body
from tests.injection import corpus, unsafe_html
from tests.issue_bodies import github_issue_body
from tests.support import FIXTURE_PROVIDERS, TODAY

from .test_submission import REQUIRED

ATTACKS = corpus()
# Free-text answers that go into the file as they are, and the note quoted in the PR.
TEXT_QUESTIONS = ("description", "eligibility-description", "anything-else")
_UNESCAPED_MENTION = re.compile(r"(?<!\\)@[A-Za-z0-9]")


@pytest.fixture(scope="module")
def providers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("providers")
    for path in FIXTURE_PROVIDERS.glob("*.yaml"):
        shutil.copy(path, folder)
    return folder


def github_html(text: str) -> str:
    """Roughly what GitHub makes of a comment: Markdown with raw HTML passed through."""
    return markdown.markdown(text)


@pytest.mark.parametrize("attack", ATTACKS, ids=[f"attack-{n:02d}" for n in range(len(ATTACKS))])
def test_an_attack_in_the_answers_stays_plain_text(attack: str, providers: Path) -> None:
    answers = {**REQUIRED, **dict.fromkeys(TEXT_QUESTIONS, attack), "name": "Lye Stay and Play"}
    submission = build_submission(github_issue_body(answers), providers, TODAY)

    document, problems = parse_yaml(submission.text.encode(), "issue.yaml")
    assert document is not None, problems
    data = document.data
    assert set(data) <= set(load_schema()["properties"]), "no key may come from the text"
    for value in (data["description"], data["eligibility"]["description"]):
        assert isinstance(value, str)
        assert value.split() == attack.split(), "the answer must arrive as the same text"

    for output in (render_issue_comment(submission), render_pr_body_if_valid(submission)):
        html = github_html(output)
        assert unsafe_html(html) == []
        assert "<a " not in html and "<img" not in html, output
        assert not _UNESCAPED_MENTION.search(output), output


def render_pr_body_if_valid(submission: object) -> str:
    if getattr(submission, "path", None) is None:
        return ""
    return render_pr_body(submission, 12)  # type: ignore[arg-type]
