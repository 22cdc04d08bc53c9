"""The single retry layer: an httpx transport wrapper that also takes every request through the budget.

Every request of a client (pages, byids chunks, token requests) passes through `AsyncRetryTransport`,
so retries happen in exactly one place and the budget sees every request actually in flight. The
slot is released while sleeping in backoff, so a throttled request does not block the others.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

import httpx

from cdf_client._async_primitives import AsyncWaiter, async_sleep
from cdf_client._budget import WAIT_SLICE_S
from cdf_client._errors import ClientClosedError
from cdf_client._retry import RETRY_EXCEPTIONS, rate_refusal, retry_after_seconds, retryable

if TYPE_CHECKING:
    from cdf_client._budget import Budget
    from cdf_client._retry import RetryPolicy

logger = logging.getLogger("cdf_client")


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Send through `inner`, retrying retryable failures within the policy and the shared budget."""

    def __init__(self, inner: httpx.AsyncBaseTransport, policy: RetryPolicy, budget: Budget) -> None:
        self.inner = inner
        self.policy = policy
        self.budget = budget
        self.closed = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request`, retrying until it succeeds, fails for good, or the policy runs out."""
        policy = self.policy
        started = policy.clock()
        attempt = 0
        while True:
            response, error = await self._attempt(request)
            if response is not None and not retryable(response):
                return response
            delay = policy.backoff(attempt)
            if response is not None:
                hinted = retry_after_seconds(response.headers.get("retry-after"))
                # Retry-After: 0 means "now", not "use your own backoff".
                delay = delay if hinted is None else hinted
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
            await self._sleep(delay)
            attempt += 1

    async def _sleep(self, seconds: float) -> None:
        if self.policy.sleep is not None:
            await self.policy.sleep(seconds)
            return
        # In slices, so that closing the client ends a backoff promptly.
        until = time.monotonic() + seconds
        while (left := until - time.monotonic()) > 0:
            self._check_open()
            await async_sleep(min(left, WAIT_SLICE_S))
        self._check_open()

    def _check_open(self) -> None:
        if self.closed:
            raise ClientClosedError

    async def _acquire(self) -> None:
        budget = self.budget
        while True:
            self._check_open()
            waiter = AsyncWaiter()
            wait = budget.try_acquire(waiter)
            if not wait:
                return
            await waiter.wait(wait)

    async def _attempt(self, request: httpx.Request) -> tuple[httpx.Response | None, Exception | None]:
        await self._acquire()
        started = time.perf_counter()
        try:
            response = await self.inner.handle_async_request(request)
            # Read the body while holding the slot: the budget counts transfers, not just headers.
            await response.aread()
        except RETRY_EXCEPTIONS as error:
            self._check_open()
            logger.debug("%s %s failed: %r", request.method, request.url.path, error)
            return None, error
        finally:
            self.budget.release()
        throttled = response.status_code == 429  # noqa: PLR2004
        hinted = retry_after_seconds(response.headers.get("retry-after")) if throttled else None
        self.budget.adjust(
            throttled=throttled,
            succeeded=response.is_success,
            retry_after=hinted,
            rate_limited=throttled and rate_refusal(response),
        )
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
        """Close the wrapped transport; requests in flight and later ones fail with `ClientClosedError`."""
        self.closed = True
        await self.inner.aclose()
