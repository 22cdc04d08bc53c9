"""The `cdf-client` command (also `python -m cdf_client`).

rich is imported only under this package, once the command runs, so `import cdf_client` stays light;
a package installed without the `cli` extra gets a message saying what to install instead of a traceback.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main"]

_CLI_LIBRARIES = ("rich",)


def main(argv: Sequence[str] | None = None) -> int:
    """Run `cdf-client` with `argv` (default: the process's arguments); return the exit code.

    Example: `sys.exit(main(["files", "list", "--fake", "--limit", "5"]))`.
    """
    try:
        from cdf_client._cli._app import run  # noqa: PLC0415 (the CLI libraries are an optional extra)
    except ImportError as error:
        if error.name not in _CLI_LIBRARIES:
            raise
        sys.stderr.write(
            f"The cdf-client command needs {error.name}: install it with `pip install 'cdf-client[cli]'`\n"
        )
        return 2
    return run(sys.argv[1:] if argv is None else argv)
