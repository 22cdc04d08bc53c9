"""The single retry layer: an httpx transport wrapper that also takes every request through the budget.

Every request of a client (pages, byids chunks, token requests) passes through `AsyncRetryTransport`,
so retries happen in exactly one place and the budget sees every request actually in flight. The
slot is released while sleeping in backoff, so a throttled request does not block the others.

Each request has a deadline (`RetryPolicy.deadline`) that bounds all of it: every attempt, the
backoff between them and the reading of every answer, which arrives through `BodyReader` (decoded
here, within `max_response_bytes`), so a server that drips, stalls or never stops sending cannot
hold a call or its memory.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import httpx

from cdf_client._async_primitives import AsyncTimeLimit, AsyncWaiter, async_sleep
from cdf_client._budget import WAIT_SLICE_S, Slot
from cdf_client._errors import ClientClosedError
from cdf_client._limits import DEFAULT_LIMITS, BodyReader, Deadline, DeadlineExceeded
from cdf_client._logging import VIA, log_attempt, log_retry
from cdf_client._response import GAVE_UP, deadline_error, transport_error
from cdf_client._retry import RETRY_EXCEPTIONS, rate_refusal, retry_after_seconds, retryable
from cdf_client._tracing import attempt_span

if TYPE_CHECKING:
    from cdf_client._budget import Budget
    from cdf_client._limits import Limits
    from cdf_client._retry import RetryPolicy


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Send through `inner`, retrying retryable failures within the policy and the shared budget."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        budget: Budget,
        limits: Limits = DEFAULT_LIMITS,
        via: str | None = None,
    ) -> None:
        self.inner = inner
        self.policy = policy
        self.budget = budget
        self.limits = limits
        self.closed = False
        # The proxy `inner` goes through, for log lines and errors (None: direct).
        self.via = via

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request`, retrying until it succeeds, fails for good, or the policy runs out."""
        policy = self.policy
        if self.via is not None:
            request.extensions[VIA] = self.via
        deadline = Deadline(policy.deadline, policy.clock)
        # A request built outside the client (the token request) has no timeouts of its own.
        timeouts = request.extensions.get("timeout") or self.limits.timeout.as_dict()
        attempt = 0
        while True:
            with attempt_span(request, attempt) as span:
                response, error, paced = await self._attempt(request, deadline, timeouts, attempt)
                span.attempted(response, error)
            if response is not None and not retryable(response):
                return response
            # A request the budget paces (a refused probe) waits in the budget, not in a backoff too.
            delay = 0.0 if paced else policy.backoff(attempt)
            hinted = None
            if response is not None and not paced:
                hinted = retry_after_seconds(response.headers.get("retry-after"))
                # Retry-After: 0 means "now", not "use your own backoff".
                delay = delay if hinted is None else hinted
            out_of_time = delay > deadline.remaining()
            allowed = policy.retries_allowed(error)
            if attempt >= allowed or out_of_time:
                reason = _why_stopped(attempt, delay, hinted, deadline, out_of_time=out_of_time)
                if response is not None:
                    response.extensions[GAVE_UP] = reason
                    return response
                assert error is not None  # noqa: S101 (an attempt yields a response or an error)
                if deadline.expired():
                    raise deadline_error(request, deadline.seconds, attempt + 1)
                raise transport_error(error, request, attempts=attempt + 1, timeouts=timeouts) from error
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

    async def _acquire(self) -> Slot:
        budget = self.budget
        while True:
            self._check_open()
            waiter = AsyncWaiter()
            slot = budget.try_acquire(waiter)
            if isinstance(slot, Slot):
                return slot
            await waiter.wait(slot)

    async def _attempt(
        self, request: httpx.Request, deadline: Deadline, timeouts: dict[str, float | None], attempt: int
    ) -> tuple[httpx.Response | None, httpx.TransportError | None, bool]:
        slot = await self._acquire()
        started = time.perf_counter()
        try:
            request.extensions["timeout"] = deadline.timeouts(timeouts)
            async with AsyncTimeLimit(deadline.remaining()):
                response = await self.inner.handle_async_request(request)
                # Read the body while holding the slot: the budget counts transfers, not just headers.
                response = await self._read(response, deadline)
        except RETRY_EXCEPTIONS as error:
            self._check_open()
            log_attempt(request, error, started)
            return None, error, False
        except (DeadlineExceeded, TimeoutError):
            self._check_open()
            raise deadline_error(request, deadline.seconds, attempt + 1) from None
        finally:
            self.budget.release(slot)
        throttled = response.status_code == 429  # noqa: PLR2004
        hinted = retry_after_seconds(response.headers.get("retry-after")) if throttled else None
        paced = self.budget.adjust(
            slot,
            throttled=throttled,
            succeeded=response.is_success,
            retry_after=hinted,
            rate_limited=throttled and rate_refusal(response),
        )
        log_attempt(request, response, started)
        return response, None, paced

    async def _read(self, response: httpx.Response, deadline: Deadline) -> httpx.Response:
        """Read the body chunk by chunk, decoded, within `max_response_bytes` and the deadline."""
        try:
            body = BodyReader(response, self.limits.max_response_bytes, deadline)
            if response.is_stream_consumed:
                # Built with its content (httpx.MockTransport, FakeCDF in process): already decoded.
                return body.read_already()
            async for chunk in response.aiter_raw():
                body.feed(chunk)
            return body.response()
        finally:
            await response.aclose()

    async def aclose(self) -> None:
        """Close the wrapped transport; requests in flight and later ones fail with `ClientClosedError`."""
        self.closed = True
        await self.inner.aclose()


def _why_stopped(
    attempt: int, delay: float, hinted: float | None, deadline: Deadline, *, out_of_time: bool
) -> str:
    """Say why the retry layer gave up, for the error's message."""
    tries = f"{attempt + 1} attempt{'s' if attempt else ''}"
    if not out_of_time:
        return f"gave up after {tries} (max_retries={attempt})"
    wait = f"the next backoff is {delay:.2f} s" if hinted is None else f"Retry-After asked for {hinted:g} s"
    return (
        f"gave up after {tries}: {wait}, past the deadline of {deadline.seconds:g} s "
        f"({deadline.remaining():.2f} s left)"
    )
