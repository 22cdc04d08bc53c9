"""The command group and its exit-code handling."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from cdf_client import CDFError
from cdf_client._cli._assets import assets
from cdf_client._cli._demo import demo
from cdf_client._cli._errors import EXIT_INTERRUPTED, translate
from cdf_client._cli._files import files
from cdf_client._version import __version__


class _Group(click.Group):
    """Turns client errors into messages and exit codes, for the console script and CliRunner alike."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CDFError as error:
            raise translate(error) from None
        except BrokenPipeError:
            # Before click's own handler, which would exit 1: the reader left (`| head`), not an error.
            _silence_stdout()
            ctx.exit(0)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="cdf-client")
def cli() -> None:
    """Filter, list and retrieve Cognite Data Fusion files and assets from the shell.

    Start with `cdf-client demo`, or add --fake to any command to run it against the
    embedded demo project. Against CDF, set CDF_PROJECT, CDF_CLUSTER (or CDF_BASE_URL) and
    CDF_TOKEN (or CDF_CLIENT_ID, CDF_CLIENT_SECRET and CDF_TOKEN_URL).
    """


cli.add_command(demo)
cli.add_command(files)
cli.add_command(assets)


def run() -> None:
    """Run the command line; exit 0 done, 1 CDF error, 2 bad input or configuration, 130 Ctrl-C."""
    try:
        code = cli.main(prog_name="cdf-client", standalone_mode=False)
    except click.exceptions.Abort:
        # click turns Ctrl-C into Abort; the shell convention for SIGINT is 128 + 2.
        click.echo("Interrupted.", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(0)
    sys.exit(code if isinstance(code, int) else 0)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush does not hit the closed pipe again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # not a real file descriptor (a test runner's capture): nothing will flush to the pipe
