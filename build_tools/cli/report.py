"""`localoffer report`: reports for editors. A group, so that more reports can join it.

`localoffer report` on its own runs `localoffer report freshness`, the data report: entries due
for review, entries missing key information, and coverage gaps. `localoffer report readability`
scores how plain the guidance pages are.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from build_tools.cli.options import (
    providers_folder,
    providers_option,
    today_option,
)
from build_tools.entries.catalog import shown_providers
from build_tools.entries.validate import validate_files
from build_tools.reports import readability
from build_tools.reports.freshness import entries_from, freshness_report
from build_tools.reports.freshness_render import RENDERERS


class DefaultCommandGroup(click.Group):
    """A group that runs its default command when none is named: `report` is `report freshness`,
    and `report --format json` is `report freshness --format json`."""

    default_command = "freshness"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0].startswith("-") and args[0] not in ("-h", "--help")):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


@click.group(name="report", cls=DefaultCommandGroup)
def report_group() -> None:
    """Reports for editors. With no report named, the freshness report.

    \b
    Examples:
      localoffer report
      localoffer report freshness --format json
    """


@report_group.command(name="freshness")
@providers_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(RENDERERS)),
    default="text",
    show_default=True,
    help="text for people, json for programs, markdown for a GitHub issue.",
)
@today_option("Report as if on this day")
def freshness_command(providers_dir: Path | None, output_format: str, today: dt.date) -> None:
    """Entries due for review, entries missing key information, and coverage gaps.

    Overdue means last checked more than 12 months ago; due soon, within 30 days. Coverage
    counts the published services a family finds under each type of provision, need, age
    band and area, and lists those with 2 or fewer.

    \b
    Example:
      localoffer report freshness --format json > report.json
    """
    validation = validate_files([providers_folder(providers_dir)], today=today)
    report = freshness_report(
        entries_from(validation.files), shown_providers(validation, today), today
    )
    click.echo(RENDERERS[output_format](report), nl=False)
    broken = len({p.file for p in validation.errors})
    if broken:
        click.echo(
            f"{broken} of the files have errors, so none is published and the coverage counts "
            "nothing. Run: localoffer validate",
            err=True,
        )


@report_group.command(name="readability")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def readability_command(paths: tuple[Path, ...]) -> None:
    """Report how plain the guidance pages are, against our target.

    For each page (default: content/guidance/*.md and the top-level pages in content/), prints
    the Flesch reading ease, the Flesch-Kincaid grade and the longest sentences. Exits with 1 if
    a page scores under the target or has a sentence that is too long.

    \b
    Example:
      localoffer report readability
      localoffer report readability content/guidance/ehc-plans.md
    """
    chosen = list(paths) or readability.guidance_pages(Path("content"))
    if not chosen:
        raise click.UsageError("No pages found. Run this from the project folder, or name pages.")
    results = [readability.measure(path.read_text(encoding="utf-8"), str(path)) for path in chosen]
    click.echo(readability.render_report(results), nl=False)
    sys.exit(0 if all(result.meets_target() for result in results) else 1)
