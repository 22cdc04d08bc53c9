"""The asyncio half of the few primitives where sync and async really differ (see `_sync_primitives`).

Everything else is written once, in `cdf_client/_async/`, and `scripts/unasync` rewrites it into
`cdf_client/_sync/`, mapping each `AsyncX` here to the `X` of `_sync_primitives` (as httpcore does with
its own pairs). This module is the only place the async client touches asyncio directly.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Awaitable, Callable
    from types import TracebackType

T = TypeVar("T")

AsyncLock = asyncio.Lock
"""A lock for coroutines (held across the token request of a refresh, so only one is sent)."""


async def async_sleep(seconds: float) -> None:
    """Sleep without blocking the event loop."""
    await asyncio.sleep(seconds)


class AsyncTimeLimit:
    """Ends the `async with` block with `TimeoutError` once `seconds` have passed, whatever it awaits."""

    __slots__ = ("_timeout",)

    def __init__(self, seconds: float) -> None:
        self._timeout = asyncio.timeout(None if seconds == math.inf else seconds)

    async def __aenter__(self) -> None:
        await self._timeout.__aenter__()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self._timeout.__aexit__(exc_type, exc, tb)


class AsyncWaiter:
    """A one-shot wake-up for a coroutine, safe to fire from any thread (budgets shared across clients)."""

    __slots__ = ("_future", "_loop")

    def __init__(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._future: asyncio.Future[None] = self._loop.create_future()

    def wake(self) -> None:
        """Wake the waiting coroutine (from any thread)."""
        # A closed loop (RuntimeError) has nobody waiting any more.
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(self._set)

    def _set(self) -> None:
        if not self._future.done():
            self._future.set_result(None)

    async def wait(self, seconds: float) -> None:
        """Return when woken or after `seconds`, whichever comes first."""
        if self._future.done():
            return
        # Not `asyncio.wait_for`: in Python 3.11 it can swallow a cancellation that arrives as the
        # future completes, and a listing's producer that missed its cancellation then blocks forever.
        timer = self._loop.call_later(seconds, self._set)
        try:
            await self._future
        finally:
            timer.cancel()


class AsyncWorkers(Generic[T]):
    """Run producers concurrently as tasks and hand what they emit to one consumer, in arrival order.

    At most `buffer` items wait for the consumer, so producers cannot run ahead of it. The first
    producer failure is raised to the consumer; leaving the group cancels every producer and waits
    for them, so no request outlives it.
    """

    def __init__(self, buffer: int = 1) -> None:
        self._queue: asyncio.Queue[tuple[int, Any]] = asyncio.Queue(maxsize=buffer)
        self._tasks: list[asyncio.Task[None]] = []
        self._cancelled = False

    def start(self, producer: Callable[[Callable[[T], Awaitable[None]]], Awaitable[None]]) -> None:
        """Start `producer(emit)`; it awaits `emit(item)` for each item it makes."""
        self._tasks.append(asyncio.ensure_future(self._run(producer)))

    async def _emit(self, item: T) -> None:
        await self._queue.put((_ITEM, item))

    async def _run(self, producer: Callable[[Callable[[T], Awaitable[None]]], Awaitable[None]]) -> None:
        try:
            await producer(self._emit)
        except asyncio.CancelledError:
            raise
        except BaseException as error:  # noqa: BLE001 (handed to the consumer, who re-raises it)
            await self._queue.put((_FAILED, error))
        else:
            await self._queue.put((_DONE, None))

    def cancelled(self) -> bool:
        """Whether the group has ended (producers check it before starting another request)."""
        return self._cancelled

    async def __aiter__(self) -> AsyncIterator[T]:
        """Everything the producers emit, until all have finished; a producer's failure is raised here."""
        running = len(self._tasks)
        while running:
            kind, value = await self._queue.get()
            if kind == _ITEM:
                yield value
            elif kind == _FAILED:
                raise value
            else:
                running -= 1

    async def __aenter__(self) -> AsyncWorkers[T]:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._cancelled = True
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)


_ITEM, _FAILED, _DONE = 0, 1, 2
