"""Cursor chains, one per partition, run concurrently and merged into one bounded stream of pages.

Each partition follows its own cursors; a shared `Quota` hands out the global `limit` so the chains
together never fetch more than asked for; pages meet in a buffer of one so memory stays flat however
fast the producers are; the first failure ends every sibling. An unpartitioned listing is one chain
run the same way, so the next page is fetched while the caller works through the current one.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from cdf_client._async_primitives import AsyncWaiter, AsyncWorkers
from cdf_client._partitions import ChainGuard, Quota, RawPage

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Awaitable, Callable

    from cdf_client._checkpoint import PartitionState
    from cdf_client._partitions import Fetch


async def _take(quota: Quota, wanted: int, workers: AsyncWorkers[RawPage]) -> int:
    while True:
        waiter = AsyncWaiter()
        granted, wait = quota.take(wanted, waiter)
        if granted is not None or workers.cancelled():
            return granted or 0
        await waiter.wait(wait)


async def _chain(  # noqa: PLR0917 (one chain's whole state, called once)
    fetch: Fetch,
    partition: str | None,
    index: int,
    start: PartitionState,
    page_size: int,
    quota: Quota,
    workers: AsyncWorkers[RawPage],
    emit: Callable[[RawPage], Awaitable[None]],
) -> None:
    cursor, skip = start.cursor, start.skip
    guard = ChainGuard(partition, cursor)
    while True:
        # A resumed page is refetched whole: ask for the items already handed out plus new ones
        # (make_spec keeps `skip` below the largest page, so this is a page the server serves).
        granted = await _take(quota, max(1, page_size - skip), workers)
        if granted == 0:
            return
        try:
            items, next_cursor = await fetch(cursor, skip + granted, partition)
        except BaseException:
            quota.settle(granted, 0)
            raise
        quota.settle(granted, max(0, len(items) - skip))
        guard.check(len(items), next_cursor, skip)
        if skip:
            items = items[skip:]
        await emit(RawPage(index, partition, cursor, next_cursor, skip, items))
        if next_cursor is None:
            return
        cursor, skip = next_cursor, 0


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
    quota = Quota(remaining)
    # A buffer of one waiting page: each chain also holds the page it is trying to hand over, so at
    # most count + 1 decoded pages wait for the consumer (a larger buffer only raised peak memory).
    async with AsyncWorkers[RawPage](buffer=1) as workers:
        for index, state in enumerate(start):
            if not state.done:
                partition = None if partitions is None else f"{index + 1}/{count}"
                workers.start(partial(_chain, fetch, partition, index, state, page_size, quota, workers))
        async for page in workers:
            yield page
