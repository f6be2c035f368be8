"""`localoffer issue-form` and `localoffer from-issue`: the commands behind the issue-form route.

Registered on the `localoffer` group in cli/main.py. Like cli/main.py, the only place these
jobs print.
"""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from functools import partial
from pathlib import Path

import click

from build_tools.cli.options import (
    providers_folder,
    providers_option,
    today_option,
)
from build_tools.cli.output import RefusedOutput, check_output
from build_tools.files.output_folders import check_output_file
from build_tools.paths import ROOT
from build_tools.problems import Position, make_problem
from build_tools.submit.issue_form import ISSUE_FORM, write_issue_form
from build_tools.submit.submission import (
    Submission,
    build_submission,
    render_issue_comment,
    render_pr_body,
)
from build_tools.text.github_text import inert_line

# The first line of the comment and pull request body files: GitHub shows nothing of it, and it
# tells from-issue that a file of that name is one it wrote, which it may write again. Any other
# file there is someone's, and is left alone.
MADE_BY = "<!-- written by localoffer from-issue -->"


@click.command(name="issue-form")
@click.option("--check", is_flag=True, help="Fail if the form is out of date; write nothing.")
def issue_form_command(check: bool) -> None:
    """Regenerate the GitHub issue form "Add or update a service" from the schema.

    \b
    Example:
      localoffer issue-form
    """
    stale = write_issue_form(check_only=check)
    shown = ISSUE_FORM.relative_to(ROOT)
    if check and stale:
        click.echo(f"Out of date: {shown}. Run: localoffer issue-form", err=True)
        sys.exit(1)
    if stale:
        click.echo(f"Wrote {shown}")


def _one_line(text: str) -> str:
    """Text safe to write as one KEY=value line of a GitHub Actions output file, and to use in
    a pull request title and commit message: no mention, issue reference or link."""
    return inert_line(text)[:120]


def _write_outputs(target: Path, submission: Submission) -> None:
    values = {
        "valid": "true" if submission.ok else "false",
        "file": submission.path.as_posix() if submission.path else "",
        "name": _one_line(submission.name),
        "action": "update" if submission.updating else "add",
        # The workflow labels the pull request so an editor sees contact details changed.
        "contacts_changed": "true" if submission.ok and submission.contact_changes else "false",
    }
    with target.open("a", encoding="utf-8") as handle:
        handle.writelines(f"{key}={value}\n" for key, value in values.items())


def _submission(body: str, providers_dir: Path, day: dt.date, site_url: str | None) -> Submission:
    """The submission, or, should reading it fail in a way nothing foresaw, one problem saying
    so: the workflow posts the comment either way, so nobody is left without an answer."""
    try:
        return build_submission(body, providers_dir, day, site_url)
    except Exception as error:  # the last line of defence; the traceback goes to the log
        traceback.print_exc()
        problem = make_problem(
            "", Position(1, 1), "submission-not-read", "", error=type(error).__name__
        )
        return Submission(None, "", (problem,), "", False)


@click.command(name="from-issue")
@click.argument("body_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@providers_option
@click.option("--issue", type=int, default=None, help="The issue number, for the pull request.")
@click.option(
    "--comment",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the comment listing the problems, if there are any.",
)
@click.option(
    "--pr-body",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the pull request description, if the entry is valid.",
)
@click.option(
    "--outputs",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A file to append valid=, file=, name= and action= lines to ($GITHUB_OUTPUT).",
)
@today_option("The date the entry was checked")
@click.option(
    "--site-url",
    default=None,
    metavar="URL",
    help="The site's own address, which updates must use. [default: site_url in mkdocs.yml]",
)
def from_issue_command(
    body_file: Path,
    providers_dir: Path | None,
    issue: int | None,
    comment: Path | None,
    pr_body: Path | None,
    outputs: Path | None,
    today: dt.date,
    site_url: str | None,
) -> None:
    """Turn the body of an "Add or update a service" issue into a provider file.

    Writes providers/<name>.yaml when the entry is valid (exit 0). Otherwise writes nothing to
    providers/, and writes the problems in plain English to --comment (exit 1).

    An update must name its service by the address of its page on this site (site_url in
    mkdocs.yml, or --site-url), and a pasted service file may change only that service.

    \b
    Example:
      localoffer from-issue issue-body.md --issue 12 --comment comment.md --pr-body pr.md
    """
    providers_dir = providers_folder(providers_dir)
    keep = (providers_dir,)
    for output in filter(None, (comment, pr_body)):
        check_output(partial(check_output_file, output, keep, made_by=MADE_BY))
    if outputs:  # appended to, as $GITHUB_OUTPUT is
        check_output(partial(check_output_file, outputs, keep))
    day = today
    body = body_file.read_bytes().decode("utf-8", errors="replace")
    submission = _submission(body, providers_dir, day, site_url)
    if outputs:
        _write_outputs(outputs, submission)
    if not submission.ok:
        if comment:
            comment.write_text(f"{MADE_BY}\n{render_issue_comment(submission)}", encoding="utf-8")
        click.echo(render_issue_comment(submission), err=True, nl=False)
        sys.exit(1)
    assert submission.path is not None
    if submission.path.is_symlink():  # never write through a link to a file elsewhere
        raise RefusedOutput(
            f"{submission.path} is a symbolic link; nothing was written through it."
        )
    submission.path.write_text(submission.text, encoding="utf-8")
    if pr_body:
        pr_body.write_text(f"{MADE_BY}\n{render_pr_body(submission, issue)}", encoding="utf-8")
    verb = "Updated" if submission.updating else "Wrote"
    click.echo(f"{verb} {submission.path.as_posix()}")
