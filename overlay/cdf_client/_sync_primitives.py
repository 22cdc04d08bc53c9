"""The thread half of the few primitives where sync and async really differ (see `_async_primitives`).

The sync client never starts an event loop: it runs in the caller's thread and, only while several
requests must fly at once (partitions, byids chunks, the page fetched ahead), in short-lived daemon
threads that end with the work. Nothing here imports asyncio.
"""

from __future__ import annotations

import contextlib
import contextvars
import threading
import time
from collections import deque
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from types import TracebackType

T = TypeVar("T")

Lock = threading.Lock
"""A lock for threads (held across the token request of a refresh, so only one is sent)."""


def sleep(seconds: float) -> None:
    """Sleep in the caller's thread (Ctrl-C interrupts it)."""
    time.sleep(seconds)


_LOCAL = threading.local()


class TimeLimit:
    """Bounds the socket reads and writes of this thread's requests within the `with` block.

    A blocking read cannot be interrupted from outside; instead each one is given no more than the
    time left (`time_left()`, read by the client's own sockets in `_network.py`), and fails with a
    timeout once none is left.
    """

    __slots__ = ("_previous", "_until")

    def __init__(self, seconds: float) -> None:
        self._until = time.monotonic() + seconds
        self._previous: float | None = None

    def __enter__(self) -> None:
        self._previous = getattr(_LOCAL, "until", None)
        _LOCAL.until = self._until

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        _LOCAL.until = self._previous


def time_left() -> float | None:
    """Seconds left of this thread's innermost `TimeLimit` (None outside of one)."""
    until: float | None = getattr(_LOCAL, "until", None)
    return None if until is None else until - time.monotonic()


class Waiter:
    """A one-shot wake-up for a thread."""

    __slots__ = ("_event",)

    def __init__(self) -> None:
        self._event = threading.Event()

    def wake(self) -> None:
        """Wake the waiting thread (from any thread)."""
        self._event.set()

    def wait(self, seconds: float) -> None:
        """Return when woken or after `seconds`, whichever comes first."""
        self._event.wait(seconds)


class WorkCancelledError(Exception):
    """Raised inside a worker whose group has ended: the consumer has gone, stop quietly."""


class Workers(Generic[T]):
    """Run producers concurrently in daemon threads and hand what they emit to the calling thread.

    The threads exist only while the group is open. Leaving the group (done, failed, abandoned or
    interrupted by Ctrl-C) makes every `emit` raise `WorkCancelledError`, so each producer stops at its
    next step without blocking the consumer. A request already on the wire finishes or fails first:
    leaving waits a moment for it (so a listing the caller stops reading leaves nothing behind), but
    not on Ctrl-C, and never long (closing the client ends such a request at once).
    """

    def __init__(self, buffer: int = 1) -> None:
        self._buffer = buffer
        self._items: deque[tuple[int, Any]] = deque()
        self._condition = threading.Condition(threading.Lock())
        self._cancelled = False
        self._threads: list[threading.Thread] = []

    def start(self, producer: Callable[[Callable[[T], None]], None]) -> None:
        """Start `producer(emit)` in a new daemon thread; it calls `emit(item)` for each item it makes.

        The thread runs in a copy of the caller's context (as an asyncio task does), so context
        variables such as the current OpenTelemetry span reach the requests it sends.
        """
        context = contextvars.copy_context()
        thread = threading.Thread(
            target=context.run, args=(self._run, producer), name="cdf-client-worker", daemon=True
        )
        self._threads.append(thread)
        thread.start()

    def _put(self, kind: int, value: Any) -> None:
        with self._condition:
            while len(self._items) >= self._buffer and not self._cancelled and kind == _ITEM:
                self._condition.wait()
            if self._cancelled:
                raise WorkCancelledError
            self._items.append((kind, value))
            self._condition.notify_all()

    def _emit(self, item: T) -> None:
        self._put(_ITEM, item)

    def _run(self, producer: Callable[[Callable[[T], None]], None]) -> None:
        kind: int
        value: BaseException | None
        try:
            producer(self._emit)
        except WorkCancelledError:
            return
        except BaseException as error:  # noqa: BLE001 (handed to the consumer, who re-raises it)
            kind, value = _FAILED, error
        else:
            kind, value = _DONE, None
        with contextlib.suppress(WorkCancelledError):
            self._put(kind, value)

    def cancelled(self) -> bool:
        """Whether the group has ended (producers check it before starting another request)."""
        return self._cancelled

    def __iter__(self) -> Iterator[T]:
        """Everything the producers emit, until all have finished; a producer's failure is raised here."""
        running = len(self._threads)
        while running:
            with self._condition:
                while not self._items:
                    self._condition.wait()
                kind, value = self._items.popleft()
                self._condition.notify_all()
            if kind == _ITEM:
                yield value
            elif kind == _FAILED:
                raise value
            else:
                running -= 1

    def __enter__(self) -> Workers[T]:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        with self._condition:
            self._cancelled = True
            self._items.clear()
            self._condition.notify_all()
        if exc_type is not None and not issubclass(exc_type, Exception | GeneratorExit):
            return  # Ctrl-C or exit: do not make the caller wait for anything
        until = time.monotonic() + LEAVE_WAIT_S
        for thread in self._threads:
            thread.join(max(0.0, until - time.monotonic()))


# How long leaving a group waits for producers to finish the request they are in: long enough for an
# answer already on its way, short enough that a stalled server cannot hold the caller.
LEAVE_WAIT_S = 1.0


_ITEM, _FAILED, _DONE = 0, 1, 2
