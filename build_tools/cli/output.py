"""How every command says no to an output place it must not write: exit code 2 and the reason."""

from __future__ import annotations

from collections.abc import Callable

import click

from build_tools.files.output_folders import OutputRefused


class RefusedOutput(click.ClickException):
    """Click's own error, with the exit code of a refused output place."""

    exit_code = OutputRefused.exit_code


def check_output(check: Callable[[], None]) -> None:
    """Run one of output_folders' checks, turning its refusal into the command's error."""
    try:
        check()
    except OutputRefused as error:
        raise RefusedOutput(str(error)) from None
