"""The sync bridge: `CDFClient` runs the async core on a private event-loop thread.

Calls cross the thread boundary once per request or once per page (never per item), and a sync
listing asks for the next page before handing out the current one, so the network works while the
caller's loop body runs.
"""

from __future__ import annotations

import asyncio
import threading
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

if TYPE_CHECKING:
    import concurrent.futures
    from collections.abc import AsyncIterator, Coroutine, Iterator

T = TypeVar("T")


class LoopThread:
    """A daemon thread running one asyncio loop; thread-safe to call from any number of threads."""

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def _ensure(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                thread = threading.Thread(target=loop.run_forever, name="cdf-client-loop", daemon=True)
                thread.start()
                self._loop, self._thread = loop, thread
            return self._loop

    def submit(self, coroutine: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        """Schedule `coroutine` on the loop."""
        return asyncio.run_coroutine_threadsafe(coroutine, self._ensure())

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Run `coroutine` on the loop and wait for it (cancelling it if the caller is interrupted)."""
        if self._thread is threading.current_thread():
            coroutine.close()
            msg = "a CDFClient cannot be called from its own event loop; use AsyncCDFClient there"
            raise RuntimeError(msg)
        future = self.submit(coroutine)
        try:
            return future.result()
        except BaseException:
            future.cancel()
            raise

    def iterate(self, pages: AsyncIterator[T]) -> Iterator[T]:
        """Pull `pages` from the loop, one thread crossing per page, with one page fetched ahead."""
        pump = _Pump(pages)
        try:
            while True:
                page, more = self.run(pump.take())
                if not more:
                    return
                yield cast("T", page)
        finally:
            # Cancels the prefetch and the producers of a listing the caller stopped reading.
            self.run(pump.close())

    def close(self) -> None:
        """Stop the loop and its thread."""
        with self._lock:
            loop, thread = self._loop, self._thread
            self._loop = self._thread = None
        if loop is not None and thread is not None:
            loop.call_soon_threadsafe(loop.stop)
            thread.join()
            loop.close()


class _Pump(Generic[T]):
    """Lives on the loop: holds the task fetching the next page while the caller consumes this one."""

    def __init__(self, pages: AsyncIterator[T]) -> None:
        self._pages = pages
        self._task: asyncio.Task[tuple[T | None, bool]] | None = None

    async def take(self) -> tuple[T | None, bool]:
        task = self._task or asyncio.ensure_future(_next(self._pages))
        self._task = None
        page, more = await task
        if more:
            self._task = asyncio.ensure_future(_next(self._pages))
        return page, more

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
        closer = getattr(self._pages, "aclose", None)
        if closer is not None:
            await closer()


async def _next(pages: AsyncIterator[T]) -> tuple[T | None, bool]:
    try:
        return await anext(pages), True
    except StopAsyncIteration:
        return None, False
