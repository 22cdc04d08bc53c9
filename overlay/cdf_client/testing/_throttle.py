"""Throttling as CDF does it: a request budget per identity (rate and concurrency), refusals answered 429."""

from __future__ import annotations

import dataclasses
import math
import threading
import time
from typing import TYPE_CHECKING

from cdf_client._budget import DOCUMENTED
from cdf_client.testing._http import Response, error_response
from cdf_client.testing._operations import API, Operation, operation, operation_set

if TYPE_CHECKING:
    from collections.abc import Callable, Collection

    from cdf_client.testing._http import Request


@dataclasses.dataclass(frozen=True, kw_only=True)
class Throttle:
    """A request budget per bearer token: a token bucket for the rate, a cap on requests in flight.

    The defaults are CDF's documented per-identity budget for listing and filtering files and assets
    (the spec's `x-cdf-request-budget`: 23 requests a second and 12 at once), refused requests still
    charged. A refused request is answered
    429 with CDF's error envelope, and without `Retry-After` unless asked (CDF sends none).

    Example:
        fake.throttle = Throttle()   # or Throttle(rate=5, max_concurrency=2, retry_after=True)
        ...
        fake.throttle_stats.refused   # how many requests were answered 429

    """

    rate: float | None = DOCUMENTED.rate if DOCUMENTED else None
    """Requests per second each token may make on average (None: no rate limit)."""
    burst: int | None = None
    """Requests a token may make at once after a quiet spell: the bucket's size (None: `ceil(rate)`)."""
    max_concurrency: int | None = DOCUMENTED.concurrency if DOCUMENTED else None
    """Requests each token may have in flight at once (None: no limit)."""
    charge_refused: bool = True
    """Refused requests use up budget too, as in CDF (the bucket may go as far as `-burst`)."""
    retry_after: bool = False
    """Send `Retry-After`: seconds until the next request would be accepted, to the millisecond."""
    operations: Collection[Operation] | None = None
    """Which operations draw on the budget (None: the five API operations; the token endpoint never)."""
    clock: Callable[[], float] = dataclasses.field(default=time.monotonic, repr=False, compare=False)
    """Seconds from any fixed point; pass your own to make a test independent of real time."""

    def __post_init__(self) -> None:
        chosen = operation_set(self.operations, allowed=API, default=API, owner="Throttle")
        object.__setattr__(self, "operations", chosen)
        if self.rate is not None and not 0 < self.rate < math.inf:
            msg = f"Throttle.rate must be a positive number of requests per second or None, got {self.rate!r}"
            raise ValueError(msg)
        if self.burst is None and self.rate is not None:
            object.__setattr__(self, "burst", max(1, math.ceil(self.rate)))
        if self.burst is not None and self.burst < 1:
            msg = f"Throttle.burst must be at least 1, got {self.burst!r}"
            raise ValueError(msg)
        if self.max_concurrency is not None and self.max_concurrency < 1:
            msg = f"Throttle.max_concurrency must be at least 1 or None, got {self.max_concurrency!r}"
            raise ValueError(msg)


@dataclasses.dataclass(frozen=True, slots=True)
class ThrottleStats:
    """How the throttle judged the requests it saw, since it was set or since `clear_requests()`."""

    accepted: int = 0
    refused: int = 0
    """Requests answered 429: `refused_for_rate + refused_for_concurrency`."""
    refused_for_rate: int = 0
    refused_for_concurrency: int = 0


@dataclasses.dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float
    in_flight: int = 0


class Limiter:
    """Keeps one `Throttle`'s buckets and counters; thread-safe (served requests run in another thread)."""

    def __init__(self, throttle: Throttle) -> None:
        self.throttle = throttle
        self._operations = frozenset(throttle.operations or ())
        self._buckets: dict[str, _Bucket] = {}  # keyed by the Authorization header: never shown
        self._lock = threading.Lock()
        self._stats = ThrottleStats()

    def __repr__(self) -> str:
        return f"<Limiter {self.throttle!r} {self._stats!r}>"

    @property
    def stats(self) -> ThrottleStats:
        """A snapshot of the counters."""
        with self._lock:
            return self._stats

    def reset_stats(self) -> None:
        """Start counting afresh (the buckets keep their state)."""
        with self._lock:
            self._stats = ThrottleStats()

    def admit(self, request: Request) -> tuple[Response | None, Callable[[], None] | None]:
        """Judge one request: a 429 to answer instead (or None), and what to call when it ends (or None)."""
        name = operation(request)
        if name is None or name not in self._operations:
            return None, None
        throttle = self.throttle
        key = request.headers.get("authorization", "")
        now = throttle.clock()
        with self._lock:
            bucket = self._buckets.get(key)
            burst = throttle.burst or 0
            if bucket is None:
                bucket = self._buckets[key] = _Bucket(float(burst), now)
            if throttle.rate is not None:
                bucket.tokens = min(burst, bucket.tokens + max(0.0, now - bucket.updated) * throttle.rate)
                bucket.updated = now
            over_concurrency = (
                throttle.max_concurrency is not None and bucket.in_flight >= throttle.max_concurrency
            )
            if not over_concurrency and (throttle.rate is None or bucket.tokens >= 1):
                if throttle.rate is not None:
                    bucket.tokens -= 1
                bucket.in_flight += 1
                self._stats = dataclasses.replace(self._stats, accepted=self._stats.accepted + 1)
                return None, lambda: self._release(bucket)
            if throttle.charge_refused and throttle.rate is not None:
                bucket.tokens = max(bucket.tokens - 1, -burst)
            stats = self._stats
            self._stats = dataclasses.replace(
                stats,
                refused=stats.refused + 1,
                refused_for_rate=stats.refused_for_rate + (not over_concurrency),
                refused_for_concurrency=stats.refused_for_concurrency + over_concurrency,
            )
            tokens = bucket.tokens
        return self._refusal(over_concurrency=over_concurrency, tokens=tokens), None

    def _release(self, bucket: _Bucket) -> None:
        with self._lock:
            bucket.in_flight -= 1

    def _refusal(self, *, over_concurrency: bool, tokens: float) -> Response:
        throttle = self.throttle
        if over_concurrency:
            message = (
                f"Project exceeded maximum number='{throttle.max_concurrency}' of concurrent requests. "
                "Please try again later."
            )
        else:
            message = (
                f"Project exceeded maximum number='{throttle.rate:g}' of requests per second. "
                "Please try again later."
            )
        response = error_response(429, message)
        if throttle.retry_after:
            if throttle.rate is None:
                wait = 1.0  # only in-flight requests hold the budget; their end is unknown
            else:
                # Until the bucket holds a whole token again (after a concurrency refusal: one interval).
                wait = max(1 - tokens, 1.0 if over_concurrency else 0.0) / throttle.rate
            response.headers.append(("retry-after", _seconds(wait)))
        return response


def _seconds(wait: float) -> str:
    """Seconds rounded up to the millisecond, without trailing zeros: `0.044`, `1.5`, `2`."""
    return f"{math.ceil(wait * 1000) / 1000:.3f}".rstrip("0").rstrip(".")
