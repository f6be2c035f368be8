"""The options several commands share, declared once: which providers folder, and which day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

DEFAULT_PROVIDERS = Path("providers")

Command = TypeVar("Command", bound=Callable[..., Any])

providers_option = click.option(
    "--providers",
    "providers_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="The folder of provider files (default: providers/).",
)


def providers_folder(chosen: Path | None) -> Path:
    """The providers folder to read, or a usage error (exit 2) that says how to name it."""
    folder = chosen or DEFAULT_PROVIDERS
    if not folder.is_dir():
        raise click.UsageError(
            f"There is no {folder}/ folder here. Run this from the project "
            "folder, or name the folder with --providers."
        )
    return folder


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("use the form YYYY-MM-DD, for example 2026-03-03") from None


def today_option(help_text: str) -> Callable[[Command], Command]:
    """--today as a date (default: today); each command says what the day is used for."""
    return click.option(
        "--today", callback=_parse_date, metavar="YYYY-MM-DD", help=f"{help_text} (default: today)."
    )
