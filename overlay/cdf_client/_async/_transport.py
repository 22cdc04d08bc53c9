"""The single retry layer: an httpx transport wrapper that also takes every request through the budget.

Every request of a client (pages, byids chunks, token requests) passes through `AsyncRetryTransport`,
so retries happen in exactly one place and the budget sees every request actually in flight. The
slot is released while sleeping in backoff, so a throttled request does not block the others.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import httpx

from cdf_client._async_primitives import AsyncWaiter, async_sleep
from cdf_client._budget import WAIT_SLICE_S
from cdf_client._errors import ClientClosedError
from cdf_client._logging import VIA, log_attempt, log_retry
from cdf_client._retry import RETRY_EXCEPTIONS, rate_refusal, retry_after_seconds, retryable
from cdf_client._tracing import attempt_span

if TYPE_CHECKING:
    from cdf_client._budget import Budget
    from cdf_client._retry import RetryPolicy


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Send through `inner`, retrying retryable failures within the policy and the shared budget."""

    def __init__(
        self, inner: httpx.AsyncBaseTransport, policy: RetryPolicy, budget: Budget, via: str | None = None
    ) -> None:
        self.inner = inner
        self.policy = policy
        self.budget = budget
        self.closed = False
        # The proxy `inner` goes through, for log lines and errors (None: direct).
        self.via = via

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request`, retrying until it succeeds, fails for good, or the policy runs out."""
        policy = self.policy
        if self.via is not None:
            request.extensions[VIA] = self.via
        started = policy.clock()
        attempt = 0
        while True:
            with attempt_span(request, attempt) as span:
                response, error = await self._attempt(request)
                span.attempted(response, error)
            if response is not None and not retryable(response):
                return response
            delay = policy.backoff(attempt)
            if response is not None:
                hinted = retry_after_seconds(response.headers.get("retry-after"))
                # Retry-After: 0 means "now", not "use your own backoff".
                delay = delay if hinted is None else hinted
            elapsed = policy.clock() - started
            out_of_time = policy.deadline is not None and elapsed + delay > policy.deadline
            allowed = policy.retries_allowed(error)
            if attempt >= allowed or out_of_time:
                if response is not None:
                    return response
                assert error is not None  # noqa: S101 (an attempt yields a response or an error)
                raise error
            log_retry(request, response, error, attempt, allowed, delay)
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
            log_attempt(request, error, started)
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
        log_attempt(request, response, started)
        return response, None

    async def aclose(self) -> None:
        """Close the wrapped transport; requests in flight and later ones fail with `ClientClosedError`."""
        self.closed = True
        await self.inner.aclose()
