"""What is retried and how long to wait: the rules the one retry layer (`_async/_transport.py`) applies."""

from __future__ import annotations

import email.utils
import random
import ssl
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import httpx
import orjson

if TYPE_CHECKING:
    from collections.abc import Callable

RETRY_STATUSES = frozenset({429, 502, 503, 504})
# Transport failures worth another attempt: all five operations are reads, so resending is safe.
RETRY_EXCEPTIONS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
# No connection at all (refused, a name that does not resolve, no answer to SYN): rarely healed in
# seconds, and an operator waiting for a minute of backoff thinks the job hangs. As cognite-sdk does
# (3 connect retries against 10 for throttling), these get a smaller budget of their own.
CONNECT_EXCEPTIONS = (httpx.ConnectError, httpx.ConnectTimeout)
MAX_CONNECT_RETRIES = 3
# httpx wraps httpcore's error, which wraps the ssl module's: a few levels, looked through for the cause.
_WRAPPING_DEPTH = 8


@dataclass
class RetryPolicy:
    """How often and how long to retry; `sleep`, `clock` and `random` are seams for tests.

    `sleep` is None for the real thing (a sleep that a close interrupts); a test may set a function
    of the client's kind (a coroutine function for `AsyncCDFClient`, a plain one for `CDFClient`).
    """

    max_retries: int = 10
    max_connect_retries: int = MAX_CONNECT_RETRIES
    deadline: float | None = 300.0
    backoff_base: float = 0.5
    backoff_cap: float = 60.0
    sleep: Callable[[float], Any] | None = None
    clock: Callable[[], float] = time.monotonic
    random: Callable[[], float] = field(default=random.random)

    def backoff(self, attempt: int) -> float:
        """Full-jitter exponential backoff: uniform in [0, min(cap, base * 2^attempt)]."""
        return self.random() * min(self.backoff_cap, self.backoff_base * 2.0**attempt)

    def retries_allowed(self, error: Exception | None) -> int:
        """How many retries a request may have used and still retry after this failure (or response).

        A connection failure allows `max_connect_retries`; a server certificate that this client does
        not trust allows none (retrying cannot fix it; the error says what to configure).
        """
        if error is None:
            return self.max_retries
        if untrusted_certificate(error):
            return 0
        if isinstance(error, CONNECT_EXCEPTIONS):
            return min(self.max_retries, self.max_connect_retries)
        return self.max_retries


def untrusted_certificate(error: BaseException) -> bool:
    """Whether a connection failed because the server's certificate did not verify (httpx wraps the cause)."""
    cause: BaseException | None = error
    for _ in range(_WRAPPING_DEPTH):
        if cause is None:
            return False
        if isinstance(cause, ssl.SSLCertVerificationError):
            return True
        cause = cause.__cause__ or cause.__context__
    return False


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


def retryable(response: httpx.Response) -> bool:
    """Whether CDF's answer asks for another attempt: a retry status or the auto-retryable marks."""
    if response.status_code in RETRY_STATUSES:
        return True
    if response.headers.get("cdf-is-auto-retryable", "").lower() == "true":
        return True
    if response.is_success:
        return False
    error = _error_object(response)
    return error is not None and error.get("isAutoRetryable") is True


def rate_refusal(response: httpx.Response) -> bool:
    """Whether a 429 is CDF saying the request *rate* ran out (so the budget should learn and pace it).

    CDF's 429 body says which budget ran out (shared/reference/cdf-protocol.md, section 6): its
    concurrency refusal reads "Project exceeded maximum number='50' of concurrent requests", and
    those only shrink concurrency. A 429 that is not CDF's JSON envelope (a gateway's page) says
    nothing about the rate either.
    """
    error = _error_object(response)
    message = error.get("message") if error is not None else None
    return isinstance(message, str) and "concurrent" not in message.lower()


def _error_object(response: httpx.Response) -> dict[str, Any] | None:
    """Return the `error` object of CDF's JSON error envelope, if the body is one (a gateway page is not)."""
    if not response.content.startswith(b"{"):
        return None
    try:
        body = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        return None
    error = body.get("error") if isinstance(body, dict) else None
    return error if isinstance(error, dict) else None
