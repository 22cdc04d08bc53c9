"""Cursor chains, one per partition, run concurrently and merged into one bounded stream of pages.

Each partition follows its own cursors; a shared `_Quota` hands out the global `limit` so the
chains together never fetch more than asked for; pages meet in a bounded queue so memory stays
flat however fast the producers are; the first failure cancels every sibling.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cdf_client._errors import CursorLoopError

if TYPE_CHECKING:
    from cdf_client._checkpoint import PartitionState

Fetch = Callable[[str | None, int, str | None], Awaitable[tuple[list[Any], str | None]]]
"""fetch(cursor, wire_limit, partition) -> (items, next_cursor)."""


@dataclass(frozen=True, slots=True)
class RawPage:
    """Wire dicts from partition `index`, fetched with `cursor`; `offset` items were cut off the front."""

    index: int
    partition: str | None
    cursor: str | None
    next_cursor: str | None
    offset: int
    items: list[Any]


class _Quota:
    """The items a listing may still fetch, shared by its partitions."""

    def __init__(self, remaining: int | None) -> None:
        self.remaining = remaining
        self.outstanding = 0
        self._returned = asyncio.Event()

    async def take(self, wanted: int) -> int:
        """Reserve up to `wanted` items; 0 means the limit has been reached for good."""
        while True:
            if self.remaining is None:
                return wanted
            if self.remaining > 0:
                granted = min(wanted, self.remaining)
                self.remaining -= granted
                self.outstanding += granted
                return granted
            if self.outstanding == 0:
                return 0
            # Others hold reservations that may come back unused (short pages): wait for them.
            self._returned.clear()
            await self._returned.wait()

    def settle(self, granted: int, received: int) -> None:
        """Return the part of a reservation that the page did not fill."""
        if self.remaining is None:
            return
        self.outstanding -= granted
        self.remaining += granted - min(granted, received)
        self._returned.set()


async def _chain(  # noqa: PLR0917 (one chain's whole state, called once)
    fetch: Fetch,
    index: int,
    partition: str | None,
    start: PartitionState,
    page_size: int,
    quota: _Quota,
    out: asyncio.Queue[RawPage | BaseException | int],
) -> None:
    cursor, skip = start.cursor, start.skip
    seen: set[str] = set() if cursor is None else {cursor}
    try:
        while True:
            # A resumed page is refetched whole: ask for the items already handed out plus new ones
            # (make_listing keeps `skip` below the largest page, so this is a page the server serves).
            granted = await quota.take(max(1, page_size - skip))
            if granted == 0:
                break
            items, next_cursor = await fetch(cursor, skip + granted, partition)
            quota.settle(granted, max(0, len(items) - skip))
            if skip:
                items = items[skip:]
            if next_cursor is not None:
                if next_cursor in seen:
                    msg = f"partition {partition or '1/1'}: the server repeated cursor {next_cursor[:16]}..."
                    raise CursorLoopError(msg)  # noqa: TRY301 (handed to the consumer below)
                seen.add(next_cursor)
            await out.put(RawPage(index, partition, cursor, next_cursor, skip, items))
            if next_cursor is None:
                break
            cursor, skip = next_cursor, 0
        await out.put(index)
    except asyncio.CancelledError:
        raise
    except BaseException as error:  # noqa: BLE001 (handed to the consumer, who re-raises it)
        await out.put(error)


async def stream_pages(
    fetch: Fetch,
    *,
    partitions: int | None,
    start: tuple[PartitionState, ...],
    page_size: int,
    remaining: int | None,
) -> AsyncIterator[RawPage]:
    """Yield the pages of every unfinished partition as they arrive, until all end or `remaining` is used."""
    count = partitions or 1
    # One waiting page: each chain also holds the page it is trying to put, so at most count + 1
    # decoded pages wait for the consumer (a larger buffer only raised peak memory and GC work).
    queue: asyncio.Queue[RawPage | BaseException | int] = asyncio.Queue(maxsize=1)
    quota = _Quota(remaining)
    tasks = [
        asyncio.create_task(
            _chain(
                fetch,
                index,
                None if partitions is None else f"{index + 1}/{count}",
                state,
                page_size,
                quota,
                queue,
            )
        )
        for index, state in enumerate(start)
        if not state.done
    ]
    try:
        running = len(tasks)
        while running:
            message = await queue.get()
            if isinstance(message, int):
                running -= 1
            elif isinstance(message, BaseException):
                raise message
            else:
                yield message
    finally:
        for task in tasks:
            task.cancel()
        # Wait for the cancelled chains so no request outlives the listing.
        await asyncio.gather(*tasks, return_exceptions=True)
