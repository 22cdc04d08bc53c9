"""`-v`/`-vv`: the `cdf_client` logger on stderr while a command runs.

Retries are WARNINGs, shown without `-v`: an unreachable or throttling CDF says so within a second
instead of looking like a hang. `-v` adds the client's setup (proxies, trusted CAs) at INFO, `-vv`
every request with its timing at DEBUG.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

_LEVELS = (logging.WARNING, logging.INFO, logging.DEBUG)


@contextlib.contextmanager
def log_to_stderr(verbosity: int) -> Iterator[None]:
    """Show the client's log lines of the level `verbosity` asks for (0, 1, 2 or more) on stderr."""
    logger = logging.getLogger("cdf_client")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%H:%M:%S"))
    saved = logger.level, logger.propagate
    logger.setLevel(_LEVELS[min(verbosity, len(_LEVELS) - 1)])
    # The command's own handler only: an application's root handler would print each line twice.
    logger.propagate = False
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
