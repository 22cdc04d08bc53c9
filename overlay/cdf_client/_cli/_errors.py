"""What a shell user sees when something fails: one message on stderr and an exit code, never a traceback.

| exit | when |
|---|---|
| 0 | done (also when the reader of a pipe stopped early, e.g. `| head`) |
| 1 | CDF answered with an error, or could not be reached |
| 2 | bad input or missing configuration: nothing was sent |
| 130 | interrupted with Ctrl-C |
"""

from __future__ import annotations

from typing import IO, Any

import click

from cdf_client import APIError, CDFError, InvalidArgumentError

EXIT_API_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class CommandError(click.ClickException):
    """CDF answered with an error or could not be reached: `Error: ...`, exit 1."""

    exit_code = EXIT_API_ERROR

    def show(self, file: IO[Any] | None = None) -> None:
        """Print `Error: <message>` on stderr."""
        click.echo(f"Error: {self.format_message()}", file=file, err=file is None)


class BadInputError(CommandError):
    """The client refused an argument before sending anything: exit 2."""

    exit_code = EXIT_USAGE


def describe_api_error(error: APIError) -> str:
    """Status, CDF's message, what was missing or duplicated, and the request id support asks for."""
    lines = [f"CDF answered {error.status} ({type(error).__name__}): {error.message}"]
    if error.missing:
        lines.append(f"missing: {', '.join(_identifier(item) for item in error.missing)}")
    if error.duplicated:
        lines.append(f"duplicated: {', '.join(_identifier(item) for item in error.duplicated)}")
    lines.append(f"request id: {error.request_id or 'unknown'}")
    return "\n  ".join(lines)


def _identifier(item: object) -> str:
    external_id = getattr(item, "external_id", None)
    space = getattr(item, "space", None)
    if space is not None and external_id is not None:
        return f"{space}:{external_id}"
    return repr(item)


def translate(error: CDFError) -> CommandError:
    """Return the shell-facing form of a client error."""
    if isinstance(error, APIError):
        return CommandError(describe_api_error(error))
    if isinstance(error, InvalidArgumentError):
        return BadInputError(str(error))
    return CommandError(f"{type(error).__name__}: {error}")
