"""What a shell user sees when something fails: one message on stderr and an exit code, never a traceback.

| exit | when |
|---|---|
| 0 | done (also when the reader of a pipe stopped early, e.g. `| head`) |
| 1 | CDF answered with an error, or could not be reached |
| 2 | bad input or missing configuration: nothing was sent |
| 130 | interrupted with Ctrl-C |
"""

from __future__ import annotations

import sys

from cdf_client import APIError, CDFError, InvalidArgumentError

EXIT_API_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """The command was used wrongly (no identifier, options that exclude each other): its usage, exit 2."""


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


def report(error: CDFError) -> int:
    """Print `Error: ...` for a client error on stderr; return the exit code (2 when nothing was sent)."""
    if isinstance(error, APIError):
        message = describe_api_error(error)
    elif isinstance(error, InvalidArgumentError):
        message = str(error)
    else:
        message = f"{type(error).__name__}: {error}"
    sys.stderr.write(f"Error: {message}\n")
    return EXIT_USAGE if isinstance(error, InvalidArgumentError) else EXIT_API_ERROR
