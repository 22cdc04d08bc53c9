"""The single retry layer: an httpx transport wrapper that also holds the shared concurrency budget.

Every request of a client (pages, byids chunks, token requests) passes through `RetryTransport`, so
retries happen in exactly one place and the budget sees every request actually in flight. The slot
is released while sleeping in backoff, so a throttled request does not block the others.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import random
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import httpx
import orjson

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from cdf_client._concurrency import AdaptiveLimiter

logger = logging.getLogger("cdf_client")

RETRY_STATUSES = frozenset({429, 502, 503, 504})
# Transport failures worth another attempt: all five operations are reads, so resending is safe.
RETRY_EXCEPTIONS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


@dataclass
class RetryPolicy:
    """How often and how long to retry; `sleep`, `clock` and `random` are seams for tests."""

    max_retries: int = 10
    deadline: float | None = 300.0
    backoff_base: float = 0.5
    backoff_cap: float = 60.0
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    clock: Callable[[], float] = time.monotonic
    random: Callable[[], float] = field(default=random.random)

    def backoff(self, attempt: int) -> float:
        """Full-jitter exponential backoff: uniform in [0, min(cap, base * 2^attempt)]."""
        return self.random() * min(self.backoff_cap, self.backoff_base * 2.0**attempt)


def retry_after_seconds(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta seconds or an HTTP date), if it has one."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now())


def _auto_retryable(response: httpx.Response) -> bool:
    if response.headers.get("cdf-is-auto-retryable", "").lower() == "true":
        return True
    if response.is_success or not response.content.startswith(b"{"):
        return False
    try:
        body = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        return False
    error = body.get("error") if isinstance(body, dict) else None
    return isinstance(error, dict) and error.get("isAutoRetryable") is True


class RetryTransport(httpx.AsyncBaseTransport):
    """Send through `inner`, retrying retryable failures within the policy and the shared budget."""

    def __init__(
        self, inner: httpx.AsyncBaseTransport, policy: RetryPolicy, limiter: AdaptiveLimiter
    ) -> None:
        self.inner = inner
        self.policy = policy
        self.limiter = limiter

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request`, retrying until it succeeds, fails for good, or the policy runs out."""
        policy = self.policy
        started = policy.clock()
        attempt = 0
        while True:
            response, error = await self._attempt(request)
            if response is not None and not (
                response.status_code in RETRY_STATUSES or _auto_retryable(response)
            ):
                return response
            delay = policy.backoff(attempt)
            if response is not None:
                delay = retry_after_seconds(response.headers.get("retry-after")) or delay
            elapsed = policy.clock() - started
            out_of_time = policy.deadline is not None and elapsed + delay > policy.deadline
            if attempt >= policy.max_retries or out_of_time:
                if response is not None:
                    return response
                assert error is not None  # noqa: S101 (an attempt yields a response or an error)
                raise error
            reason = f"status {response.status_code}" if response is not None else type(error).__name__
            request_id = response.headers.get("x-request-id") if response is not None else None
            logger.info(
                "retrying %s %s after %s (attempt %d of %d, request id %s) in %.2f s",
                request.method,
                request.url.path,
                reason,
                attempt + 1,
                policy.max_retries,
                request_id,
                delay,
            )
            await policy.sleep(delay)
            attempt += 1

    async def _attempt(self, request: httpx.Request) -> tuple[httpx.Response | None, Exception | None]:
        await self.limiter.acquire()
        started = time.perf_counter()
        try:
            response = await self.inner.handle_async_request(request)
            # Read the body while holding the slot: the budget counts transfers, not just headers.
            await response.aread()
        except RETRY_EXCEPTIONS as error:
            logger.debug("%s %s failed: %r", request.method, request.url.path, error)
            return None, error
        finally:
            self.limiter.release()
        self.limiter.adjust(throttled=response.status_code == 429, succeeded=response.is_success)  # noqa: PLR2004
        logger.debug(
            "%s %s -> %d in %.1f ms (request id %s)",
            request.method,
            request.url.path,
            response.status_code,
            (time.perf_counter() - started) * 1000,
            response.headers.get("x-request-id"),
        )
        return response, None

    async def aclose(self) -> None:
        """Close the wrapped transport."""
        await self.inner.aclose()
