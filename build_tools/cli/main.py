"""The `localoffer` command. The only module that prints; everything else returns values."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import click

from build_tools.cli.edit import edit_command
from build_tools.cli.options import (
    DEFAULT_PROVIDERS,
    providers_folder,
    providers_option,
    today_option,
)
from build_tools.cli.output import RefusedOutput, check_output
from build_tools.cli.report import report_group
from build_tools.cli.submit import from_issue_command, issue_form_command
from build_tools.clock import build_day
from build_tools.entries import scaffold
from build_tools.entries.catalog import load_catalog
from build_tools.entries.problem_output import RENDERERS, render_text
from build_tools.entries.validate import Validation, check_document, validate_files
from build_tools.files.output_folders import (
    IMPORT,
    PAGE_CACHE,
    SITE,
    OutputRefused,
    check_output_file,
    check_output_folder,
    claim_output_folder,
    mark_output_folder,
)
from build_tools.guidance import reference as docs
from build_tools.paths import CONTENT
from build_tools.schema import vocabulary

if TYPE_CHECKING:
    from build_tools.pages.guidance_pages import ContentData


@dataclass(frozen=True)
class ValidateOptions:
    paths: tuple[Path, ...]
    output_format: str
    today: dt.date


def run_validate(options: ValidateOptions) -> tuple[Validation, str]:
    """Validate and render; returns the report and its text."""
    report = validate_files(options.paths, today=options.today)
    return report, RENDERERS[options.output_format](report)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dudley-local-offer")
def main() -> None:
    """Build and check the Dudley SEND Local Offer.

    \b
    Exit codes: 0 all good, 1 problems found, 2 the command was used wrongly.
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@providers_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(RENDERERS)),
    default="text",
    show_default=True,
    help="text for people, json for programs, github for annotations on pull requests.",
)
@today_option("Check dates as if today were this day")
def validate(
    paths: tuple[Path, ...], providers_dir: Path | None, output_format: str, today: dt.date
) -> None:
    """Check provider files and explain every problem.

    Checks every file in PATHS (files or folders; default providers/) and reports every problem
    at once, each with its file, line, field and how to fix it.

    \b
    Examples:
      localoffer validate
      localoffer validate providers/castle-hill-speech-drop-in.yaml
      localoffer validate --format github
    """
    chosen = paths or (providers_folder(providers_dir),)
    report, text = run_validate(ValidateOptions(tuple(chosen), output_format, today))
    click.echo(text, nl=False)
    sys.exit(0 if report.ok else 1)


def _choices(*path: str) -> click.Choice:
    return click.Choice(list(vocabulary(*path)))


@main.command()
@providers_option
@click.option("--name", prompt="Service name", help="The name families know the service by.")
@click.option(
    "--summary",
    prompt="One sentence saying what it does and who it is for",
    help="One plain-English sentence, at most 160 characters.",
)
@click.option("--description", prompt="A longer description", help="What families can expect.")
@click.option("--organisation", prompt="The organisation that runs it")
@click.option("--organisation-website", default=None, help="https:// address of the organisation.")
@click.option("--eligibility", prompt="Who can use it", help="Who the service is for.")
@click.option(
    "--category",
    "categories",
    multiple=True,
    type=_choices("categories"),
    help="Type of provision (repeat for more than one).",
)
@click.option(
    "--need",
    "needs",
    multiple=True,
    type=_choices("needs"),
    help="Need supported (repeat; 'all' for every need).",
)
@click.option("--min-age", type=click.IntRange(0, 25), prompt="Youngest age (0 to 25)")
@click.option("--max-age", type=click.IntRange(0, 25), prompt="Oldest age (0 to 25)")
@click.option(
    "--route",
    "routes",
    multiple=True,
    type=_choices("how_to_access", "routes"),
    help="How families get it (repeat).",
)
@click.option("--paid", is_flag=True, help="The service charges; describe it with --cost.")
@click.option("--cost", "cost_description", default=None, help="What it costs.")
@click.option(
    "--contact-role",
    default="Enquiries",
    show_default=True,
    help="The team or role families contact.",
)
@click.option("--phone", default=None)
@click.option("--email", default=None)
@click.option("--website", default=None)
@click.option(
    "--delivery",
    multiple=True,
    type=_choices("delivery"),
    help="How it is delivered, if not only at a venue (repeat).",
)
@click.option("--venue", "venue_name", default=None, help="Venue name.")
@click.option("--address", "venue_address", default=None, help="Venue street address.")
@click.option("--town", "venue_town", default=None, help="Venue town.")
@click.option("--postcode", "venue_postcode", default=None, help="Venue postcode.")
@click.option(
    "--area",
    "service_areas",
    multiple=True,
    type=_choices("service_areas"),
    help="Area served (repeat; default dudley-borough).",
)
@click.option("--force", is_flag=True, help="Overwrite a file that already exists.")
def new(providers_dir: Path | None, force: bool, paid: bool, **answers: object) -> None:
    """Create a new provider file from prompts or options.

    Asks for anything not given as an option, writes providers/<name>.yaml and checks it.

    \b
    Example:
      localoffer new --name "Lye Stay and Play" --category early-years --need all \\
        --min-age 0 --max-age 5 --route self-referral --phone "01632 960555" ...
    """
    for key, label, path in (
        ("categories", "Type of provision", ("categories",)),
        ("needs", "Needs supported ('all' for every need)", ("needs",)),
        ("routes", "How families get it", ("how_to_access", "routes")),
    ):
        if not answers[key]:
            answers[key] = _prompt_list(label, list(vocabulary(*path)))
        answers[key] = list(answers[key])  # type: ignore[call-overload]
    if not any(answers[k] for k in ("phone", "email", "website")):
        answers["phone"] = (
            click.prompt(
                "Phone number for families (or leave blank)", default="", show_default=False
            )
            or None
        )
        if not answers["phone"]:
            answers["email"] = click.prompt("Team email address")
    if not answers["venue_name"] and not answers["delivery"]:
        answers["venue_name"] = (
            click.prompt(
                "Venue name (leave blank if online, phone or home visits only)",
                default="",
                show_default=False,
            )
            or None
        )
        if answers["venue_name"]:
            for key, label in (
                ("venue_address", "Street address"),
                ("venue_town", "Town"),
                ("venue_postcode", "Postcode"),
            ):
                answers[key] = answers[key] or click.prompt(label)
        else:
            answers["delivery"] = _prompt_list("How it is delivered", list(vocabulary("delivery")))
    answers["delivery"] = list(answers["delivery"])  # type: ignore[call-overload]
    answers["service_areas"] = list(answers["service_areas"]) or ["dudley-borough"]  # type: ignore[call-overload]
    if paid and not answers["cost_description"]:
        answers["cost_description"] = click.prompt("What it costs")
    service = scaffold.NewService(free=not paid, **answers)  # type: ignore[arg-type]
    _write_new(service, providers_dir or DEFAULT_PROVIDERS, force)


def _prompt_list(label: str, choices: list[str]) -> list[str]:
    click.echo(f"{label}. Choose from: {', '.join(choices)}")
    raw = click.prompt("Your choices, separated by commas")
    picked = [item.strip() for item in raw.split(",") if item.strip()]
    unknown = [item for item in picked if item not in choices]
    if unknown or not picked:
        raise click.BadParameter(f"not a choice: {', '.join(unknown) or '(none given)'}")
    return picked


def _write_new(service: scaffold.NewService, folder: Path, force: bool) -> None:
    from build_tools.entries.safe_yaml import parse_yaml

    today = dt.date.today()
    text = scaffold.render_entry(scaffold.build_entry(service, today))
    target = folder / f"{scaffold.slug_for(service.name)}.yaml"
    document, read_problems = parse_yaml(text.encode(), str(target))
    assert document is not None, read_problems
    problems = check_document(document, str(target), read_problems, today)
    errors = [p for p in problems if p.severity.value == "error"]
    if errors:
        for problem in errors:
            click.echo(f"{problem.field}: {problem.message}\n  Fix: {problem.fix}", err=True)
        raise click.ClickException("The answers above need fixing; nothing was written.")
    if target.is_symlink():  # --force or not, never write through a link to a file elsewhere
        raise RefusedOutput(f"{target} is a symbolic link; nothing was written through it.")
    if target.exists() and not force:
        raise click.ClickException(f"{target} already exists. Use --force to replace it.")
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    click.echo(
        f"Wrote {target}. Add more detail (venues, times, languages), then run "
        f"localoffer validate {target}"
    )


@main.command(name="build")
@providers_option
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the site (default: site/).",
)
@click.option(
    "--no-pdf",
    is_flag=True,
    help="Skip the printable PDF booklets, which take minutes with thousands of services.",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where generated pages are kept between builds (default: .cache/localoffer/pages/).",
)
def build_command(
    providers_dir: Path | None, site_dir: Path | None, no_pdf: bool, cache_dir: Path | None
) -> None:
    """Validate the providers, then build the whole site.

    Stops without building if any provider file has an error.

    \b
    Example:
      localoffer build --site-dir public
    """
    from build_tools.site import PAGE_CACHE as DEFAULT_PAGE_CACHE
    from build_tools.site import BuildFailed, build_site

    folder = providers_folder(providers_dir)
    if site_dir:  # refuse a folder it must not replace before the minutes a build takes
        check_output(lambda: check_output_folder(site_dir, SITE, (folder,)))
    if cache_dir:  # a folder of our own, as any output: never the project's, never a user's
        check_output(partial(_claim_cache, cache_dir, folder))
    # Validated here, so problems print as `localoffer validate` prints them; the catalog and
    # the content data are then handed to the build's hooks, which do not read them again.
    catalog = load_catalog(folder, build_day())
    report = catalog.validation
    text = render_text(report)
    if not report.ok:
        click.echo(text, nl=False)
        sys.exit(1)
    if report.warnings:
        click.echo(text, nl=False)
    content = _content_data()
    try:
        build_site(
            site_dir,
            folder,
            pdf=not no_pdf,
            catalog=catalog,
            content=content,
            page_cache=cache_dir or DEFAULT_PAGE_CACHE,
        )
    except OutputRefused as error:
        raise RefusedOutput(str(error)) from None
    except BuildFailed as error:
        raise click.ClickException(f"The site was not built: {error}") from None
    shown = len(report.valid_files())
    click.echo(f"Built the site in {site_dir or Path('site')}/ from {shown} service files.")


def _claim_cache(cache_dir: Path, providers: Path) -> None:
    claim_output_folder(cache_dir, PAGE_CACHE, (providers,))


def _content_data() -> ContentData:
    """The content data (glossary, "you said, we did"), once for the whole build; its warnings,
    such as "you said, we did" being over a year old, are printed here."""
    from build_tools.entries.problem_output import render_problems
    from build_tools.pages.guidance_pages import load_content_data

    data = load_content_data(CONTENT, build_day())
    warnings = [p for p in data.problems if p.severity.value == "warning"]
    if warnings:
        click.echo(render_problems(warnings), nl=False)
    return data


@main.command(name="docs")
@click.option("--check", is_flag=True, help="Fail if the pages are out of date; write nothing.")
def docs_command(check: bool) -> None:
    """Regenerate the field reference and problem code pages from the schema.

    \b
    Example:
      localoffer docs
    """
    stale = docs.write_generated_pages(check_only=check)
    if check and stale:
        click.echo(
            "Out of date: " + ", ".join(str(p) for p in stale) + ". Run: localoffer docs", err=True
        )
        sys.exit(1)
    for path in stale:
        click.echo(f"Wrote {path.relative_to(docs.ROOT)}")


@main.command(name="import-oruk")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder to write provider files into (created if needed).",
)
@click.option("--force", is_flag=True, help="Replace files that already exist in --out.")
@click.option(
    "--report",
    "report_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the import report as JSON to this file, and as Markdown beside it "
    "(the same name ending in .md).",
)
@click.option(
    "--terms",
    "terms_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Your own copy of the taxonomy term list (default: build_tools/importer/terms.yaml).",
)
@today_option("Check dates as if today were this day")
def import_oruk(
    source: Path,
    out_dir: Path,
    force: bool,
    report_file: Path | None,
    terms_file: Path | None,
    today: dt.date,
) -> None:
    """Import services from an Open Referral UK feed into provider files.

    SOURCE is a JSON file or a folder of them: ORUK 3.0 /services pages and /services/{id}
    documents (such as a copy of another site's api/ folder), or older ORUK 1.0 and Outpost
    feeds. Each service becomes one YAML file in --out. Anything with no field in the Local
    Offer format is kept in a comment block at the end of its file. Exit code 1 means some
    files need fields filled in before they pass `localoffer validate`. Exit code 2 means the
    source could not be imported (a file that is not JSON, or nested too deep, or a link in
    --out): then nothing is written.

    \b
    Example:
      localoffer import-oruk old-directory/ --out imported/ --report import-report.json
    """
    import json

    from build_tools.importer.run import ImportFailed, import_feed
    from build_tools.importer.summary import report_data, report_markdown
    from build_tools.importer.terms import load_term_map
    from build_tools.importer.write import WriteRefused, write_one

    try:
        terms = load_term_map(terms_file) if terms_file else None
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    check_output(lambda: check_output_folder(out_dir, IMPORT))
    for written in (report_file, report_file.with_suffix(".md")) if report_file else ():
        check_output(partial(check_output_file, written, replace=force))
    try:
        report = import_feed(source, out_dir, today, force=force, terms=terms)
    except ImportFailed as error:
        click.echo(f"Error: {error}", err=True)
        sys.exit(2)
    if out_dir.is_dir():
        mark_output_folder(out_dir, IMPORT)
    for result in report.services:
        where = result.path or result.not_written or "(not written)"
        click.echo(f"{where}  {result.name}")
        if result.duplicate_of:
            click.echo(f"  Possible duplicate of {result.duplicate_of}: compare them.")
        if result.fill_in:
            click.echo(f"  Fill in: {', '.join(result.fill_in)}")
        others = result.other_errors()
        if others:
            click.echo(f"  {len(others)} other problems: run localoffer validate {where}")
        if result.kept:
            click.echo(f"  {len(result.kept)} values kept in comments at the end of the file.")
    reasons: dict[str, int] = {}
    for _, why in report.skipped:
        reasons[why] = reasons.get(why, 0) + 1
    for why, count in sorted(reasons.items()):
        click.echo(f"Skipped {count} files: {why}.")
    if report_file:
        data = {
            **report_data(report.services),
            "skipped": [{"file": f, "why": w} for f, w in report.skipped],
        }
        try:
            write_one(report_file, json.dumps(data, indent=2, ensure_ascii=False))
            write_one(report_file.with_suffix(".md"), report_markdown(data))
        except (WriteRefused, OSError) as error:
            click.echo(f"Error: the report was not written: {error}", err=True)
            sys.exit(2)
        click.echo(f"Wrote the import report to {report_file} and {report_file.with_suffix('.md')}")
    ready = len(report.complete)
    click.echo(
        f"Imported {len(report.services)} services into {out_dir}/: {ready} ready, "
        f"{len(report.services) - ready} need editing. Ids of organisations, venues and other "
        "parts are not kept: the export makes its own stable ones."
    )
    sys.exit(0 if ready == len(report.services) else 1)


# Commands kept in their own modules, so each job's commands stay together.
main.add_command(issue_form_command)
main.add_command(from_issue_command)
main.add_command(report_group)
main.add_command(edit_command)
