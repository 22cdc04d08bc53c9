"""The one request budget a client shares between partitions, byids chunks, callers and threads.

CDF limits each identity twice: requests in flight (concurrency) and requests per second (rate), and
a refused request still counts against both (shared/reference/cdf-protocol.md, section 6). So the
budget limits both, together, for every request a client sends (retries included):

- concurrency, AIMD like TCP congestion control: a 429 halves the requests allowed in flight (once
  per burst of refusals about the rate; every time for a 429 about concurrent requests), every
  success adds back a fraction of one, up to `max_concurrency`;
- rate, first CDF's documented budget (the spec's `x-cdf-request-budget`, the strictest one:
  `DOCUMENTED`), assumed until the server shows otherwise. A mirror of the server's token bucket,
  charged for every request sent as the server charges refusals too, lets a rested client spend the
  documented burst at once and then start requests as the documented rate refills it, keeping
  MIRROR_SLACK in hand. Requests beyond it are probes, at most PROBES_IN_FLIGHT at once, so a
  server keeping the budget refuses only a few (and each refused probe makes the next wait longer).
  A server that accepts more than the budget allows has proved a larger one (`_accepted_within`):
  the rate is then unknown (not paced). A refusal within the budget means the server allows less
  (or another client spends the identity's budget): the rate is learned;
- a learned rate, from that refusal (or, with `assume_documented=False`, from the first 429 about
  the rate; CDF's 429 body says which budget ran out, and one about concurrent requests or a
  gateway's page only shrinks concurrency). The budget estimates the server's rate from the
  requests that reached it before the refused one, since the client got busy: the server's burst
  allowance (taken to be a second's worth, as token buckets commonly are; if it is larger, the next
  429s correct the estimate) plus its rate for as long as that lasted. It sets the rate a little
  under the estimate and spaces request starts by it. Each further 429 lowers the rate by a quarter
  (once per second: one burst of refusals is one signal); every few seconds without one it probes a
  little higher.
  `max_requests_per_second` is a known rate: paced from the first request, never exceeded by probing;
- debt: every 429 at a learned rate also pushes the next start back by one request interval, for the
  refused request (CDF charges it), so the server's bucket refills instead of being drained by
  refusals. `Retry-After`, when sent, pauses every start that long instead.

Without an assumed budget, the first burst of refusals holds about as many requests as are in flight
when the server's bucket runs dry: they reach it before the first 429 reaches the client. Assuming
the documented budget keeps that burst to the probes.

The state is guarded by a plain lock never held while waiting, so one budget can serve sync clients
(threads) and async clients (event loops) at once, and several clients of one identity can share
one (`Budget(...)`, passed as `budget=`): a request that has to wait parks a waiter (`AsyncWaiter`
or `Waiter`) which the budget wakes from whichever thread frees a slot.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import os
import threading
import time
import weakref
from collections import deque
from typing import TYPE_CHECKING, NamedTuple, Protocol

from cdf_client._errors import InvalidArgumentError
from cdf_client_api import rules

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
# While the documented budget is assumed (see `Budget`): at most this many requests beyond it (probes)
# in flight at once. A server keeping the budget refuses at most as many each time it is probed; one
# allowing more accepts them, and proves it once the accepted outnumber what the budget allows.
PROBES_IN_FLIGHT = 3
# After a refused probe beyond the documented budget, the next may go this long later, then twice as
# long after each further refusal, up to PROBE_BACKOFF_MAX_S.
PROBE_BACKOFF_S = 5.0
PROBE_BACKOFF_MAX_S = 60.0
# Tokens the mirror of the documented budget keeps in hand, for requests that reach the server in
# another order than they started (threads and connections keep none): without them, its last token
# is sometimes spent first by a request that started later.
MIRROR_SLACK = 2.0
MIN_RATE = 0.5
# One burst of refusals is one signal: further 429s within this long of a decrease do not decrease again.
WINDOW_S = 1.0
# The server's burst allowance, assumed to be this many seconds of its rate (token buckets commonly
# hold about a second's worth); also how long an idle client waits before the server's bucket is full.
BURST_S = 1.0
# How far back request starts are remembered for estimating the server's rate.
HISTORY_S = 10.0


class Documented(NamedTuple):
    """CDF's documented request budget for one identity (generated from the spec's `x-cdf-request-budget`)."""

    rate: float
    burst: float
    """What a rested server keeping `rate` accepts at once (taken to be BURST_S of its rate)."""
    concurrency: int


def _documented() -> Documented | None:
    # The strictest budget the spec documents for an operation (one budget paces every request).
    budgets = rules.REQUEST_BUDGETS.values()
    strictest = min(budgets, key=lambda budget: budget.requests_per_second, default=None)
    if strictest is None:
        return None
    rate = strictest.requests_per_second
    return Documented(rate, rate * BURST_S, strictest.concurrent_requests)


DOCUMENTED = _documented()


@dataclasses.dataclass(frozen=True, slots=True)
class Slot:
    """One request's place in the budget: taken by `try_acquire`, given to `adjust` with its answer."""

    sent: float
    """When it was taken, on the budget's clock (when the request started)."""
    probe: bool = False
    """Sent beyond the documented budget, to find out whether the server allows more."""
    headroom: float = math.inf
    """At most how many requests a server keeping the documented budget could still accept then, at
    once: the mirror's tokens plus the requests in flight (sent, maybe not yet charged)."""


class Wakeable(Protocol):
    """What the budget wakes: an `AsyncWaiter` or a `Waiter`."""

    def wake(self) -> None:
        """Wake the parked request (called from any thread)."""


class Budget:
    """How many requests may be in flight and how fast they may start, shared by clients of one identity.

    Every client has one; build one yourself to share it between several clients of the same identity
    in one process (sync and async alike), so that together they stay within CDF's limits. It starts
    from CDF's documented budget (`assume_documented=False`: from nothing, learning from 429s alone);
    `max_requests_per_second` is a known rate instead.

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
        assume_documented: bool = True,
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
        # CDF's documented budget, assumed until the server refuses a request within it or proves
        # that it allows more; a known rate replaces it.
        self._documented = DOCUMENTED if assume_documented and max_requests_per_second is None else None
        # A mirror of the server's bucket by send time (the server charges refusals alike), full.
        self._mirror = self._documented.burst if self._documented else 0.0
        self._mirror_at = clock()
        self._probes = 0  # requests in flight beyond the documented budget
        self._probe_after = -math.inf
        self._probe_backoff = PROBE_BACKOFF_S
        # Send times and headroom of the requests accepted while the documented budget is assumed.
        self._accepted: list[tuple[float, float]] = []
        _LIVE.add(self)

    def __repr__(self) -> str:
        if self.rate is not None:
            rate = f"{self.rate:.1f}/s"
        elif self._documented is not None:
            rate = f"documented {self._documented.rate:g}/s"
        else:
            rate = "unpaced"
        return f"Budget(in_flight={self.in_flight}, allowed={self.allowed}, rate={rate})"

    @property
    def documented(self) -> Documented | None:
        """CDF's documented budget while it is assumed; None once the server showed otherwise, or unused."""
        return self._documented

    @property
    def allowed(self) -> int:
        """How many requests may be in flight right now (at least one)."""
        return max(1, math.floor(self.limit))

    def try_acquire(self, waiter: Wakeable) -> Slot | float:
        """Take a slot and return it, or park `waiter` and return how long to wait at most before retrying."""
        with self._lock:
            if self.in_flight >= self.allowed:
                self._waiters.append(waiter)
                return WAIT_SLICE_S
            now = self._clock()
            if now < self._next_start:
                self._waiters.append(waiter)
                return min(WAIT_SLICE_S, self._next_start - now)
            probe = False
            headroom = math.inf
            documented = self._documented
            if documented is not None:
                rate, burst, _ = documented
                self._mirror = min(burst, self._mirror + (now - self._mirror_at) * rate)
                self._mirror_at = now
                # A token to spend and the slack in hand (a burst too small for both keeps less).
                needed = min(1 + MIRROR_SLACK, burst)
                if self._mirror < needed:
                    # Beyond the documented budget: only as a probe, a few at a time.
                    if self._probes >= PROBES_IN_FLIGHT or now < self._probe_after:
                        self._waiters.append(waiter)
                        return min(WAIT_SLICE_S, (needed - self._mirror) / rate)
                    probe = True
                    self._probes += 1
                headroom = self._mirror + self.in_flight
                self._mirror -= 1
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
            return Slot(now, probe, headroom)

    def release(self, slot: Slot) -> None:
        """Give a slot back (also from `finally` blocks of cancelled work: it never waits)."""
        with self._lock:
            self.in_flight -= 1
            self._probes -= slot.probe
            if not self.in_flight:
                self._idle_since = self._clock()
            waiters, self._waiters = self._waiters, []
        _wake(waiters)

    def adjust(
        self,
        slot: Slot,
        *,
        throttled: bool,
        succeeded: bool,
        retry_after: float | None = None,
        rate_limited: bool | None = None,
    ) -> bool:
        """Learn from an answer: a 429 (`throttled`) shrinks the limits, a success lets them grow back.

        `rate_limited` (default: `throttled`) says the 429 was about the request rate, so the rate
        is learned and paced too; a 429 about concurrent requests shrinks concurrency only. True: the
        refused request may be retried without a backoff of its own, because the budget paces it (a
        refused probe goes again within the documented budget, as its mirror allows).
        """
        waiters: list[Wakeable] = []
        paced = False
        with self._lock:
            now = self._clock()
            if throttled:
                paced = self._throttled(
                    now,
                    slot,
                    retry_after,
                    rate_limited=throttled if rate_limited is None else rate_limited,
                )
            elif succeeded:
                if self._documented is not None:
                    self._accepted_within(now, slot)
                if self.limit < self.max_concurrency:
                    self.limit = min(float(self.max_concurrency), self.limit + 1 / self.limit)
                    waiters, self._waiters = self._waiters, []
                self._probe(now)
        _wake(waiters)
        return paced

    def _throttled(self, now: float, slot: Slot, retry_after: float | None, *, rate_limited: bool) -> bool:
        self.throttled += 1
        if retry_after is not None:
            self._next_start = max(self._next_start, now + retry_after)
        if not rate_limited:
            # Too many requests in flight: each refusal says so on its own.
            self.limit = max(1.0, self.limit / 2)
            return False
        if self._documented is not None:
            if slot.probe:
                # The server keeps the documented budget: keep to it (the mirror charged the refused
                # probe as the server did) and probe again later.
                self._probe_after = now + self._probe_backoff
                self._probe_backoff = min(PROBE_BACKOFF_MAX_S, 2 * self._probe_backoff)
                return True
            # Refused within the documented budget: the server allows less (or another client of the
            # identity spends some). Learn its rate as if nothing had been assumed.
            self._documented = None
        sent = slot.sent
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
        return False

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

    def _accepted_within(self, now: float, slot: Slot) -> None:
        """Count an accepted request; stop assuming the documented budget once the server accepted more.

        Requests sent since a moment `s` and accepted by now reached the server between `s` and now,
        so a server keeping the documented budget accepts at most what its bucket held at `s` plus
        `rate * (now - s)` of them, however long they took to get there. Its bucket held no more than
        the mirror then plus the requests in flight (the server may not have charged them yet): the
        `headroom` of the request sent at `s`. More, for any `s`, proves a larger budget.
        """
        assert self._documented is not None  # noqa: S101 (checked by the caller)
        rate = self._documented.rate
        accepted = self._accepted
        bisect.insort(accepted, (slot.sent, slot.headroom))
        del accepted[: bisect.bisect_left(accepted, (now - HISTORY_S,))]
        for count, (moment, headroom) in enumerate(reversed(accepted), 1):
            if count > headroom + rate * (now - moment):
                self._documented = None
                self._accepted = []
                return

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
        self._probes = 0


def _wake(waiters: list[Wakeable]) -> None:
    # Wake every waiter; each re-checks the budget, so a cancelled waiter cannot strand the others.
    for waiter in waiters:
        waiter.wake()


_LIVE: weakref.WeakSet[Budget] = weakref.WeakSet()


def _reset_budgets_in_child() -> None:
    for budget in list(_LIVE):
        budget._after_fork_in_child()  # noqa: SLF001 (the module's own fork hook)


os.register_at_fork(after_in_child=_reset_budgets_in_child)
