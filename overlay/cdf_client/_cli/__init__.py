"""The `cdf-client` command (also `python -m cdf_client`).

click and rich are imported only under this package, so `import cdf_client` stays light; a package
installed without the `cli` extra gets a message saying what to install instead of a traceback.
"""

from __future__ import annotations

import sys

__all__ = ["main"]

_CLI_LIBRARIES = ("click", "rich")


def main() -> None:
    """Run `cdf-client` (the console script's entry point)."""
    try:
        from cdf_client._cli._app import run  # noqa: PLC0415 (the CLI libraries are an optional extra)
    except ImportError as error:
        if error.name not in _CLI_LIBRARIES:
            raise
        sys.stderr.write(
            f"The cdf-client command needs {error.name}: install it with `pip install 'cdf-client[cli]'`\n"
        )
        sys.exit(2)
    run()
