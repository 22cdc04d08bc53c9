"""Seeded, reproducible fault and load injection: error statuses, latency, stalls, drops, throttling."""

from __future__ import annotations

import dataclasses
import random
import threading
from typing import TYPE_CHECKING

import orjson

from cdf_client.testing._http import Response

if TYPE_CHECKING:
    from collections.abc import Callable

# How long an in-process stall sleeps before the transport raises `httpx.ReadTimeout`: short, so a
# test of timeout handling stays fast, yet long enough for concurrent requests to overlap.
IN_PROCESS_STALL_S = 0.01

_JSON_MESSAGES = {
    429: "Project exceeded maximum number='50' of concurrent requests. Please try again later.",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}
# What a gateway in front of CDF sends when the service itself never answered: not the envelope.
_GATEWAY_PAGE = "<html><head><title>{0}</title></head><body><center><h1>{0}</h1></center></body></html>\n"


@dataclasses.dataclass(frozen=True, kw_only=True)
class Faults:
    """What goes wrong, how often: every choice comes from `seed`, so the n-th request always fares alike.

    Example:
        fake.faults = Faults(seed=1, rate=0.3, statuses=(429, 503), retry_after=1, latency_ms=5)

    """

    seed: int = 0
    rate: float = 0.0
    """Share of requests answered with one of `statuses` instead of the real answer."""
    statuses: tuple[int, ...] = (429, 502, 503, 504)
    non_json_rate: float = 0.0
    """Share of those error answers that carry a gateway's HTML page instead of CDF's JSON envelope."""
    retry_after: float | None = None
    """Send `Retry-After` (seconds) on error answers; CDF itself never does."""
    auto_retryable_rate: float = 0.0
    """Share of error answers marked `cdf-is-auto-retryable: true` (and `isAutoRetryable` in JSON)."""
    latency_ms: float = 0.0
    """Added to every API request, while it counts as in flight."""
    stall_rate: float = 0.0
    """Share of requests never answered in time: in process `httpx.ReadTimeout`; over HTTP a real stall."""
    stall_s: float = 30.0
    """How long a stall lasts over HTTP (bounded, and cut short when the server stops)."""
    drop_rate: float = 0.0
    """Share of requests whose connection drops mid-body (`httpx.RemoteProtocolError` in the client)."""
    max_concurrency: int | None = None
    """Answer 429 to requests beyond this many in flight at once, as CDF's concurrency quota does."""
    token_endpoint: bool = False
    """Also apply faults to the OAuth2 token endpoint (by default only API paths get them)."""

    def __post_init__(self) -> None:
        for name in ("rate", "non_json_rate", "auto_retryable_rate", "stall_rate", "drop_rate"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                msg = f"Faults.{name} must be between 0 and 1, got {value!r}"
                raise ValueError(msg)
        if any(not 400 <= status <= 599 for status in self.statuses) or (self.rate and not self.statuses):  # noqa: PLR2004
            msg = f"Faults.statuses must be non-empty HTTP error statuses (400..599), got {self.statuses!r}"
            raise ValueError(msg)
        if self.latency_ms < 0 or self.stall_s < 0 or (self.retry_after is not None and self.retry_after < 0):
            msg = "Faults.latency_ms, stall_s and retry_after must not be negative"
            raise ValueError(msg)
        if self.max_concurrency is not None and self.max_concurrency < 1:
            msg = f"Faults.max_concurrency must be at least 1, got {self.max_concurrency!r}"
            raise ValueError(msg)


@dataclasses.dataclass(frozen=True, slots=True)
class Plan:
    """The fate of one request, decided when it arrives."""

    latency_s: float = 0.0
    response: Response | None = None  # an injected answer that replaces the real one
    stall: bool = False
    drop: bool = False
    release: Callable[[], None] | None = None  # called when the request ends (a throttle's slot)


NO_FAULTS = Plan()


class Injector:
    """Draws each request's fate from a seeded generator and tracks requests in flight."""

    def __init__(self, faults: Faults) -> None:
        self.faults = faults
        self._random = random.Random(faults.seed)  # noqa: S311 - reproducible, not secret
        self._lock = threading.Lock()
        self.in_flight = 0
        self.peak_in_flight = 0

    def reset(self, faults: Faults) -> None:
        """Switch to new settings and restart the seeded sequence (requests in flight stay counted)."""
        with self._lock:
            self.faults = faults
            self._random = random.Random(faults.seed)  # noqa: S311 - reproducible, not secret

    def reset_peak(self) -> None:
        """Start measuring the in-flight peak afresh."""
        with self._lock:
            self.peak_in_flight = self.in_flight

    def begin(self, *, applies: bool) -> Plan:
        """Count the request in flight and decide its fate (always the same number of draws)."""
        faults = self.faults
        with self._lock:
            self.in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
            if not applies:
                return NO_FAULTS
            draw = [self._random.random() for _ in range(5)]
            over_quota = faults.max_concurrency is not None and self.in_flight > faults.max_concurrency
        latency_s = faults.latency_ms / 1000
        if over_quota:
            message = (
                f"Project exceeded maximum number='{faults.max_concurrency}' of concurrent requests. "
                "Please try again later."
            )
            return Plan(latency_s, self._error(429, message, json=True, auto_retryable=False))
        if draw[0] < faults.rate:
            status = faults.statuses[int(draw[0] / faults.rate * len(faults.statuses))]
            message = _JSON_MESSAGES.get(status, "Injected failure")
            response = self._error(
                status,
                message,
                json=draw[1] >= faults.non_json_rate,
                auto_retryable=draw[2] < faults.auto_retryable_rate,
            )
            return Plan(latency_s, response)
        return Plan(latency_s, stall=draw[3] < faults.stall_rate, drop=draw[4] < faults.drop_rate)

    def end(self) -> None:
        """Count the request out (answered, failed or abandoned)."""
        with self._lock:
            self.in_flight -= 1

    def _error(self, status: int, message: str, *, json: bool, auto_retryable: bool) -> Response:
        if json:
            error: dict[str, object] = {"code": status, "message": message}
            if auto_retryable:
                error["isAutoRetryable"] = True
            response = Response(status, orjson.dumps({"error": error}))
        else:
            title = f"{status} {message}" if status != 429 else "429 Too Many Requests"  # noqa: PLR2004
            response = Response(status, _GATEWAY_PAGE.format(title).encode(), [("content-type", "text/html")])
        if auto_retryable:
            response.headers.append(("cdf-is-auto-retryable", "true"))
        if self.faults.retry_after is not None:
            seconds = self.faults.retry_after
            response.headers.append(
                ("retry-after", str(int(seconds)) if float(seconds).is_integer() else str(seconds))
            )
        return response
