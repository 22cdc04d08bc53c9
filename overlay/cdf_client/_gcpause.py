"""Pause Python's cyclic garbage collector while a page of JSON becomes Python objects.

A page of 1,000 items is some 100,000 new containers. Each allocation burst triggers collections,
and the older generations, which hold everything a caller has kept (a `to_list()` of a million
files), are traversed again and again: about 40 % of decoding time with a large live heap. What
JSON builds has no reference cycles, so the collector has nothing to find in it; it runs again
when the page is built. The pause is reference-counted across threads (the collector is
process-wide), leaves a collector the application disabled alone, and a child forked mid-pause
gets its collector back.
"""

from __future__ import annotations

import gc
import os
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

_lock = threading.Lock()
_pausing = 0
_disabled_by_us = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the cyclic collector for the block (if it was enabled), reference-counted across threads."""
    global _pausing, _disabled_by_us  # noqa: PLW0603 (process-wide, as the collector is)
    with _lock:
        if not _pausing:
            _disabled_by_us = gc.isenabled()
            if _disabled_by_us:
                gc.disable()
        _pausing += 1
    try:
        yield
    finally:
        with _lock:
            _pausing -= 1
            if not _pausing and _disabled_by_us:
                _disabled_by_us = False
                gc.enable()


def _after_fork_in_child() -> None:
    # The threads that were pausing do not exist here: end their pause.
    global _lock, _pausing, _disabled_by_us  # noqa: PLW0603
    _lock = threading.Lock()
    _pausing = 0
    if _disabled_by_us:
        _disabled_by_us = False
        gc.enable()


os.register_at_fork(after_in_child=_after_fork_in_child)
