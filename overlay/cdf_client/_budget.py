"""The one request budget a client shares between partitions, byids chunks, callers and threads.

CDF limits each identity twice: requests in flight (concurrency) and requests per second (rate), and
a refused request still counts against both (shared/reference/cdf-protocol.md, section 6). So the
budget limits both, together, for every request a client sends (retries included):

- concurrency, AIMD like TCP congestion control: a 429 halves the requests allowed in flight (once
  per burst of refusals about the rate; every time for a 429 about concurrent requests), every
  success adds back a fraction of one, up to `max_concurrency`;
- rate: unknown (not paced) until the first 429 about the rate (CDF's 429 body says which
  budget ran out; one about concurrent requests, or a gateway's page, only shrinks concurrency).
  Then the budget estimates the server's rate from the requests that reached it before the refused
  one, since the client got busy: the server's burst allowance (taken to be a second's worth, as
  token buckets commonly are; if it is larger, the next 429s correct the estimate) plus its rate for
  as long as that lasted. It sets the rate a little under the estimate and spaces request starts by it.
  Each further 429 lowers the rate by a quarter (once per second: one burst of refusals is one
  signal); every few seconds without one it probes a little higher. `max_requests_per_second` is a
  known rate: paced from the first request, never exceeded by probing;
- debt: every rate 429 also pushes the next start back by one request interval, for the refused
  request (CDF charges it), so the server's bucket refills instead of being drained by refusals.
  `Retry-After`, when sent, pauses every start that long instead.

How many requests the first burst of refusals holds is how many reached the server between its
bucket running dry and the first 429 reaching the client: about the requests in flight then. A
client that knows nothing of the budget cannot send fewer at that moment without sending fewer all
the time (docs/client.md, "The request budget", has the measured trade-off).

The state is guarded by a plain lock never held while waiting, so one budget can serve sync clients
(threads) and async clients (event loops) at once, and several clients of one identity can share
one (`Budget(...)`, passed as `budget=`): a request that has to wait parks a waiter (`AsyncWaiter`
or `Waiter`) which the budget wakes from whichever thread frees a slot.
"""

from __future__ import annotations

import math
import os
import threading
import time
import weakref
from collections import deque
from typing import TYPE_CHECKING, Protocol

from cdf_client._errors import InvalidArgumentError

if TYPE_CHECKING:
    from collections.abc import Callable

# The longest a parked request sleeps before it looks again (at the clock, and at whether its client
# was closed): how late a close is noticed at worst, not a polling rate (wake-ups are pushed).
WAIT_SLICE_S = 0.05
# The rate learned at a 429: this share of the server's rate as estimated (see `_estimate`).
LEARN_FACTOR = 0.9
# How many request intervals each 429 pushes the next start back (see the module docstring).
DEBT_PER_REFUSAL = 1
# Each further 429 (at most one a second) keeps this share of the rate.
DECREASE_FACTOR = 0.75
# After this long without a 429, the rate is raised by PROBE_FACTOR, and again after as long.
PROBE_INTERVAL_S = 2.0
PROBE_FACTOR = 1.05
MIN_RATE = 0.5
# One burst of refusals is one signal: further 429s within this long of a decrease do not decrease again.
WINDOW_S = 1.0
# The server's burst allowance, assumed to be this many seconds of its rate (token buckets commonly
# hold about a second's worth); also how long an idle client waits before the server's bucket is full.
BURST_S = 1.0
# How far back request starts are remembered for estimating the server's rate.
HISTORY_S = 10.0


class Wakeable(Protocol):
    """What the budget wakes: an `AsyncWaiter` or a `Waiter`."""

    def wake(self) -> None:
        """Wake the parked request (called from any thread)."""


class Budget:
    """How many requests may be in flight and how fast they may start, shared by clients of one identity.

    Every client has one; build one yourself to share it between several clients of the same identity
    in one process (sync and async alike), so that together they stay within CDF's limits.

    Example:
        budget = Budget(max_concurrency=10, max_requests_per_second=23)
        a = CDFClient(project="p", cluster="westeurope-1", token=token, budget=budget)
        b = CDFClient(project="p", cluster="westeurope-1", token=token, budget=budget)

    """

    def __init__(
        self,
        *,
        max_concurrency: int = 10,
        max_requests_per_second: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if type(max_concurrency) is not int or not 1 <= max_concurrency <= 100:  # noqa: PLR2004 (documented)
            msg = "max_concurrency"
            raise InvalidArgumentError(msg, f"must be an int in 1..100, got {max_concurrency!r}")
        if max_requests_per_second is not None and (
            isinstance(max_requests_per_second, bool)
            or not isinstance(max_requests_per_second, int | float)
            or not MIN_RATE <= max_requests_per_second < math.inf
        ):
            msg = "max_requests_per_second"
            raise InvalidArgumentError(
                msg, f"must be None or a number >= {MIN_RATE}, got {max_requests_per_second!r}"
            )
        self.max_concurrency = max_concurrency
        self.max_requests_per_second = max_requests_per_second
        self.limit = float(max_concurrency)
        self.rate: float | None = None if max_requests_per_second is None else float(max_requests_per_second)
        self.in_flight = 0
        self.peak_in_flight = 0
        self.throttled = 0
        self._clock = clock
        self._next_start = 0.0
        self._last_decrease = -math.inf
        self._last_change = -math.inf
        # When each request of the last HISTORY_S started (the server charges every arrival).
        self._starts: deque[float] = deque()
        # When the current busy period began (the server's bucket taken to be full then), and when
        # the last request ended with nothing left in flight.
        self._busy_since = -math.inf
        self._idle_since = -math.inf
        self._lock = threading.Lock()
        self._waiters: list[Wakeable] = []
        _LIVE.add(self)

    def __repr__(self) -> str:
        rate = "unpaced" if self.rate is None else f"{self.rate:.1f}/s"
        return f"Budget(in_flight={self.in_flight}, allowed={self.allowed}, rate={rate})"

    def now(self) -> float:
        """Read the budget's clock (what `sent` is measured in)."""
        return self._clock()

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
            now = self._clock()
            if now < self._next_start:
                self._waiters.append(waiter)
                return min(WAIT_SLICE_S, self._next_start - now)
            if self.rate is not None:
                self._next_start = max(self._next_start, now) + 1 / self.rate
            if not self.in_flight and now - self._idle_since >= BURST_S:
                self._busy_since = now
            starts = self._starts
            starts.append(now)
            while starts[0] < now - HISTORY_S:
                starts.popleft()
            self.in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
            return 0.0

    def release(self) -> None:
        """Give a slot back (also from `finally` blocks of cancelled work: it never waits)."""
        with self._lock:
            self.in_flight -= 1
            if not self.in_flight:
                self._idle_since = self._clock()
            waiters, self._waiters = self._waiters, []
        _wake(waiters)

    def adjust(
        self,
        *,
        throttled: bool,
        succeeded: bool,
        retry_after: float | None = None,
        rate_limited: bool | None = None,
        sent: float | None = None,
    ) -> None:
        """Learn from an answer: a 429 (`throttled`) shrinks the limits, a success lets them grow back.

        `rate_limited` (default: `throttled`) says the 429 was about the request rate, so the rate
        is learned and paced too; a 429 about concurrent requests shrinks concurrency only. `sent` is
        when the request started (`now()` once its slot was taken; default: now).
        """
        waiters: list[Wakeable] = []
        with self._lock:
            now = self._clock()
            if throttled:
                self._throttled(
                    now,
                    now if sent is None else sent,
                    retry_after,
                    rate_limited=throttled if rate_limited is None else rate_limited,
                )
            elif succeeded:
                if self.limit < self.max_concurrency:
                    self.limit = min(float(self.max_concurrency), self.limit + 1 / self.limit)
                    waiters, self._waiters = self._waiters, []
                self._probe(now)
        _wake(waiters)

    def _throttled(self, now: float, sent: float, retry_after: float | None, *, rate_limited: bool) -> None:
        self.throttled += 1
        if retry_after is not None:
            self._next_start = max(self._next_start, now + retry_after)
        if not rate_limited:
            # Too many requests in flight: each refusal says so on its own.
            self.limit = max(1.0, self.limit / 2)
            return
        if now - self._last_decrease >= WINDOW_S:
            # One burst of refusals is one signal: the requests already in flight were sent together.
            self._last_decrease = self._last_change = now
            self.limit = max(1.0, self.limit / 2)
            estimate = self._estimate(sent)
            if estimate and (self.rate is None or estimate < self.rate):
                self.rate = max(MIN_RATE, LEARN_FACTOR * estimate)
            else:
                # Nothing accepted lately (another client may have spent the budget): start from the
                # concurrency limit's worth per second and come down from there.
                self.rate = max(MIN_RATE, DECREASE_FACTOR * (self.rate or self.max_concurrency))
            if self.max_requests_per_second is not None:
                self.rate = min(self.rate, self.max_requests_per_second)
        # The server's budget is empty now, and the refused request was charged too: let it refill.
        assert self.rate is not None  # noqa: S101 (set above or earlier)
        if retry_after is None:
            self._next_start = max(self._next_start, now) + DEBT_PER_REFUSAL / self.rate

    def _estimate(self, refused: float) -> float:
        """Estimate the server's rate from the requests that reached it before the refused one (sent then).

        From the start of a busy period until the server's bucket runs dry, it takes its burst
        (BURST_S of its rate) plus its rate for as long as that lasted; over the last HISTORY_S of a
        longer period, about its rate alone. Every request sent before the refused one counts: in flight
        or answered, it arrived first, and the server charges refusals too. 0: nothing sent before.
        """
        if self._busy_since >= refused - HISTORY_S:
            since, burst = self._busy_since, BURST_S
        else:
            since, burst = refused - HISTORY_S, 0.0
        sent = sum(1 for moment in self._starts if since <= moment < refused)
        return sent / (burst + refused - since) if sent else 0.0

    def _probe(self, now: float) -> None:
        if self.rate is None or now - self._last_change < PROBE_INTERVAL_S:
            return
        self._last_change = now
        ceiling = self.max_requests_per_second
        self.rate = self.rate * PROBE_FACTOR if ceiling is None else min(ceiling, self.rate * PROBE_FACTOR)

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
