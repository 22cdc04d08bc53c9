"""What the partition chains of `_async/_partitions.py` (and its sync twin) share: pages, quota, guard."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cdf_client._budget import WAIT_SLICE_S
from cdf_client._errors import CursorLoopError, NoProgressError, StaleCheckpointError

if TYPE_CHECKING:
    from cdf_client._budget import Wakeable

Fetch = Callable[[str | None, int, str | None], Any]
"""fetch(cursor, wire_limit, partition) -> (items, next_cursor), or an awaitable of it (async client)."""


@dataclass(frozen=True, slots=True)
class RawPage:
    """Wire dicts from partition `index`, fetched with `cursor`; `offset` items were cut off the front."""

    index: int
    partition: str | None
    cursor: str | None
    next_cursor: str | None
    offset: int
    items: list[Any]


class Quota:
    """The items a listing may still fetch, shared by its partitions (threads or tasks)."""

    def __init__(self, remaining: int | None) -> None:
        self.remaining = remaining
        self.outstanding = 0
        self._lock = threading.Lock()
        self._waiters: list[Wakeable] = []

    def take(self, wanted: int, waiter: Wakeable) -> tuple[int | None, float]:
        """Reserve up to `wanted` items, or park `waiter` while others' reservations may come back.

        `(granted, 0)`, where 0 granted means the limit is reached for good; or `(None, seconds)`: wait
        at most that long (`waiter` is woken when a reservation settles), then ask again.
        """
        if self.remaining is None:
            return wanted, 0.0
        with self._lock:
            if self.remaining > 0:
                granted = min(wanted, self.remaining)
                self.remaining -= granted
                self.outstanding += granted
                return granted, 0.0
            if self.outstanding == 0:
                return 0, 0.0
            self._waiters.append(waiter)
            return None, WAIT_SLICE_S

    def settle(self, granted: int, received: int) -> None:
        """Return the part of a reservation that the page did not fill."""
        if self.remaining is None:
            return
        with self._lock:
            self.outstanding -= granted
            self.remaining += granted - min(granted, received)
            waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            waiter.wake()


# CDF may answer an empty page that still carries a cursor ("may be more"), but not page after
# page: this many in a row, in one partition, and the listing stops with `NoProgressError` (a
# server handing out fresh cursors for empty pages would otherwise be followed forever, whatever
# the `limit`, since empty pages use none of it).
MAX_EMPTY_PAGES = 100


class ChainGuard:
    """What a cursor chain checks of each page before handing it on: that the listing progresses."""

    __slots__ = ("_empty", "_partition", "_seen")

    def __init__(self, partition: str | None, cursor: str | None) -> None:
        self._partition = partition or "1/1"
        self._seen: set[str] = set() if cursor is None else {cursor}
        self._empty = 0

    def check(self, received: int, next_cursor: str | None, skip: int) -> None:
        """Check a page of `received` items fetched to skip `skip` of them (a resumed page)."""
        if skip and received <= skip:
            msg = (
                f"partition {self._partition}: the checkpoint had handed out {skip} items of this page, "
                f"but fetched again it holds {received}: the data changed, so resuming would repeat or "
                "lose items; start the listing over"
            )
            raise StaleCheckpointError(msg)
        if next_cursor is None:
            return
        if next_cursor in self._seen:
            msg = f"partition {self._partition}: the server repeated cursor {next_cursor[:16]}..."
            raise CursorLoopError(msg)
        self._seen.add(next_cursor)
        self._empty = 0 if received else self._empty + 1
        if self._empty >= MAX_EMPTY_PAGES:
            msg = (
                f"partition {self._partition}: {self._empty} pages in a row without items, each with a "
                "new cursor: the server makes no progress, stopped"
            )
            raise NoProgressError(msg)
