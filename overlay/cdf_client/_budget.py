"""The one request budget a client shares between partitions, byids chunks, callers and threads.

Two limits, applied together to every request a client sends (retries included):
- concurrency, AIMD like TCP congestion control: a 429 halves the requests allowed in flight, every
  success adds back a fraction of one, up to the configured maximum;
- rate, when one is set (`max_requests_per_second`): requests start at most that often.

The state is guarded by a plain lock that is never held while waiting, so one budget can serve sync
clients (threads) and async clients (event loops) at once: a request that has to wait parks a waiter
(`AsyncWaiter` or `Waiter`) which the budget wakes from whichever thread frees a slot.
"""

from __future__ import annotations

import math
import os
import threading
import time
import weakref
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable

# The longest a parked request sleeps before it looks again (at the clock, and at whether its client
# was closed): how late a close is noticed at worst, not a polling rate (wake-ups are pushed).
WAIT_SLICE_S = 0.05


class Wakeable(Protocol):
    """What the budget wakes: an `AsyncWaiter` or a `Waiter`."""

    def wake(self) -> None:
        """Wake the parked request (called from any thread)."""


class Budget:
    """Requests in flight and request rate, shared by everything one client (or several) sends."""

    def __init__(
        self,
        maximum: int,
        *,
        requests_per_second: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.maximum = maximum
        self.limit = float(maximum)
        self.requests_per_second = requests_per_second
        self.in_flight = 0
        self.peak_in_flight = 0
        self._clock = clock
        self._next_start = 0.0
        self._lock = threading.Lock()
        self._waiters: list[Wakeable] = []
        _LIVE.add(self)

    @property
    def allowed(self) -> int:
        """How many requests may be in flight right now (at least one)."""
        return max(1, math.floor(self.limit))

    def try_acquire(self, waiter: Wakeable) -> float:
        """Take a slot and return 0, or park `waiter` and return how long to wait at most before retrying."""
        with self._lock:
            if self.in_flight >= self.allowed:
                self._waiters.append(waiter)
                return WAIT_SLICE_S
            if self.requests_per_second is not None:
                now = self._clock()
                if now < self._next_start:
                    self._waiters.append(waiter)
                    return min(WAIT_SLICE_S, self._next_start - now)
                self._next_start = max(self._next_start, now) + 1 / self.requests_per_second
            self.in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
            return 0.0

    def release(self) -> None:
        """Give a slot back (also from `finally` blocks of cancelled work: it never waits)."""
        with self._lock:
            self.in_flight -= 1
            waiters, self._waiters = self._waiters, []
        _wake(waiters)

    def adjust(self, *, throttled: bool, succeeded: bool) -> None:
        """Shrink the budget after a 429, grow it back a little after a success."""
        waiters: list[Wakeable] = []
        with self._lock:
            if throttled:
                self.limit = max(1.0, self.limit / 2)
            elif succeeded and self.limit < self.maximum:
                self.limit = min(float(self.maximum), self.limit + 1 / self.limit)
                waiters, self._waiters = self._waiters, []
        _wake(waiters)

    def _after_fork_in_child(self) -> None:
        # The parent's threads do not exist here: their slots and waiters are gone with them, and the
        # lock may have been held by one of them at the fork.
        self._lock = threading.Lock()
        self._waiters = []
        self.in_flight = 0


def _wake(waiters: list[Wakeable]) -> None:
    # Wake every waiter; each re-checks the budget, so a cancelled waiter cannot strand the others.
    for waiter in waiters:
        waiter.wake()


_LIVE: weakref.WeakSet[Budget] = weakref.WeakSet()


def _reset_budgets_in_child() -> None:
    for budget in list(_LIVE):
        budget._after_fork_in_child()  # noqa: SLF001 (the module's own fork hook)


os.register_at_fork(after_in_child=_reset_budgets_in_child)
