"""The command line: its commands, and what each way of ending means for the exit code."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from cdf_client import CDFError
from cdf_client._cli._assets import ASSETS
from cdf_client._cli._connect import CONNECTION_OPTIONS
from cdf_client._cli._demo import DEMO
from cdf_client._cli._errors import EXIT_INTERRUPTED, EXIT_USAGE, UsageError, report
from cdf_client._cli._files import FILES
from cdf_client._cli._parser import Group, build, parse
from cdf_client._version import __version__

if TYPE_CHECKING:
    from collections.abc import Sequence

APP = Group(
    "cdf-client",
    """Filter, list and retrieve Cognite Data Fusion files and assets from the shell.

    Start with `cdf-client demo`, or add --fake to any command to run it against the
    embedded demo project. Against CDF, set CDF_PROJECT, CDF_CLUSTER (or CDF_BASE_URL) and
    CDF_TOKEN (or CDF_CLIENT_ID, CDF_CLIENT_SECRET and CDF_TOKEN_URL).

    The connection options below go before or after the command: `cdf-client --fake files
    list` is `cdf-client files list --fake`.
    """,
    (DEMO, FILES, ASSETS),
    options=CONNECTION_OPTIONS,
)


def run(argv: Sequence[str]) -> int:
    """Run the command line; return 0 done, 1 CDF error, 2 bad input or configuration, 130 Ctrl-C."""
    parser = build(APP, version=f"cdf-client, version {__version__}")
    try:
        args = parse(parser, APP, argv)
        if args.command is None:
            # A group without a command (`cdf-client files`): show what it has.
            args.command_parser.print_help(sys.stderr)
            return EXIT_USAGE
        try:
            args.command(args)
        except UsageError as error:
            args.command_parser.error(str(error))
    except SystemExit as done:
        # argparse has printed the help, the version or a usage error, and exits.
        return done.code if isinstance(done.code, int) else EXIT_USAGE
    except CDFError as error:
        return report(error)
    except KeyboardInterrupt:
        # The shell convention for SIGINT is 128 + 2.
        sys.stderr.write("Interrupted.\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader left (`| head`): not an error.
        _silence_stdout()
    return 0


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush does not hit the closed pipe again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # not a real file descriptor (a test runner's capture): nothing will flush to the pipe
