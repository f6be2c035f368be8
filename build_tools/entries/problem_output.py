"""Render a Validation (the problems validate found) as text for people, JSON for
programs, or GitHub annotations."""

from __future__ import annotations

import json

from build_tools.entries.validate import Validation
from build_tools.problems import Problem


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def summary_line(validation: Validation) -> str:
    """One line: how many problems in how many files, or that all is well."""
    total = len(validation.files)
    errors, warnings = validation.errors, validation.warnings
    warning_text = ""
    if warnings:
        warning_files = len({p.file for p in warnings})
        warning_text = (
            f"{_plural(len(warnings), 'warning')} in {warning_files} of "
            f"{_plural(total, 'service file')}"
        )
    if not errors:
        if total == 0:
            return "No service files found."
        valid = (
            f"All {_plural(total, 'service file')} are valid."
            if total > 1
            else "The service file is valid."
        )
        return f"{valid} {warning_text}." if warnings else valid
    error_files = len({p.file for p in errors})
    text = f"{_plural(len(errors), 'problem')} in {error_files} of {_plural(total, 'service file')}"
    if warnings:
        text += f", and {_plural(len(warnings), 'warning')}"
    return text + ". Fix the problems before the site can be built."


def render_text(validation: Validation) -> str:
    """The validation people read: each problem with where, what and how to fix it."""
    blocks = [_text_block(problem) for problem in validation.problems]
    return "\n\n".join([*blocks, summary_line(validation)]) + "\n"


def render_problems(problems: list[Problem]) -> str:
    """Problems without a summary line, for checks that are not about provider files."""
    return "\n\n".join(_text_block(problem) for problem in problems) + "\n"


def _text_block(problem: Problem) -> str:
    where = f"{problem.file}:{problem.line}:{problem.column}"
    head = f"{where}  {problem.severity.value} {problem.code}"
    if problem.field:
        head += f"  {problem.field}"
    return f"{head}\n  {problem.message}\n  Fix: {problem.fix}"


def render_json(validation: Validation) -> str:
    """The validation as JSON, for other tools."""
    payload = {
        "files_checked": len(validation.files),
        "errors": len(validation.errors),
        "warnings": len(validation.warnings),
        "summary": summary_line(validation),
        "problems": [problem.as_dict() for problem in validation.problems],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(validation: Validation) -> str:
    """GitHub Actions workflow commands, so problems show on the changed lines of a pull request."""
    lines = []
    for problem in validation.problems:
        title = f"{problem.code} {problem.field}".strip()
        properties = ",".join(
            [
                f"file={_escape_property(problem.file)}",
                f"line={problem.line}",
                f"col={problem.column}",
                f"title={_escape_property(title)}",
            ]
        )
        message = _escape_data(f"{problem.message}\nFix: {problem.fix}")
        lines.append(f"::{problem.severity.value} {properties}::{message}")
    lines.append(summary_line(validation))
    return "\n".join(lines) + "\n"


RENDERERS = {"text": render_text, "json": render_json, "github": render_github}
