"""The one concurrency budget a client shares between partitions, byids chunks and callers.

AIMD, like TCP congestion control: a 429 halves the number of requests allowed in flight, every
success adds back a fraction of one, up to the configured maximum. Partitions and byids chunks
therefore slow down together when CDF pushes back, instead of each retrying at full speed.
"""

from __future__ import annotations

import asyncio
import math


class AdaptiveLimiter:
    """An async semaphore whose size shrinks on throttling and recovers on success."""

    def __init__(self, maximum: int) -> None:
        self.maximum = maximum
        self.limit = float(maximum)
        self.in_flight = 0
        self.peak_in_flight = 0
        self._waiters: list[asyncio.Future[None]] = []

    @property
    def allowed(self) -> int:
        """How many requests may be in flight right now (at least one)."""
        return max(1, math.floor(self.limit))

    async def acquire(self) -> None:
        """Wait for a slot in the budget."""
        while self.in_flight >= self.allowed:
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            try:
                await waiter
            finally:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)
        self.in_flight += 1
        self.peak_in_flight = max(self.peak_in_flight, self.in_flight)

    def release(self) -> None:
        """Give the slot back.

        Synchronous on purpose: it runs in `finally` blocks of cancelled tasks and must not await.
        """
        self.in_flight -= 1
        self._wake()

    def adjust(self, *, throttled: bool, succeeded: bool) -> None:
        """Shrink the budget after a 429, grow it back a little after a success."""
        if throttled:
            self.limit = max(1.0, self.limit / 2)
        elif succeeded and self.limit < self.maximum:
            self.limit = min(float(self.maximum), self.limit + 1 / self.limit)
            self._wake()

    def _wake(self) -> None:
        # Wake every waiter; each re-checks the budget, so a cancelled waiter cannot strand the others.
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)
