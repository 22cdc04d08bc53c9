"""What the `cdf_client` logger says: each retry at WARNING, each attempt at DEBUG, the setup at INFO.

A retry is a WARNING so that it shows with Python's default logging (a throttled or unreachable CDF
must not look like a hang). Lines name the operation, the method and URL without its query, the proxy
(without credentials), the status or error, the attempt, the delay and CDF's request id; never a header,
so never a token. Each record also carries those fields as attributes (`cdf_operation`, `cdf_attempt`,
`cdf_retries_allowed`, `cdf_delay_s`, `cdf_status`, `cdf_error`, `cdf_request_id`) for structured
log handlers.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from collections.abc import Mapping

logger = logging.getLogger("cdf_client")

OPERATION = "cdf_client.operation"
"""The request extension naming the operation: the overlay's method (`files.filter`) or `token`."""
VIA = "cdf_client.via"
"""The request extension naming the proxy a request went through (its URL without credentials)."""


def operation(request: httpx.Request) -> str:
    """Return the operation a request belongs to (its method and path when nothing named it)."""
    name = request.extensions.get(OPERATION)
    return name if isinstance(name, str) else f"{request.method} {request.url.path}"


def target(request: httpx.Request) -> str:
    """`GET https://host/path`, and the proxy it goes through; no query, no credentials."""
    url = request.url.copy_with(query=None, username=None, password=None)
    via = request.extensions.get(VIA)
    return f"{request.method} {url}" + ("" if via is None else f" via proxy {via}")


def describe_error(error: BaseException) -> str:
    """`ConnectError: [Errno 111] Connection refused` (an exception's message is optional)."""
    text = str(error)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def log_attempt(request: httpx.Request, outcome: httpx.Response | BaseException, started: float) -> None:
    """DEBUG: one attempt's status or error and how long it took (`started` from `time.perf_counter()`)."""
    if not logger.isEnabledFor(logging.DEBUG):
        return
    if isinstance(outcome, httpx.Response):
        result, request_id = str(outcome.status_code), outcome.headers.get("x-request-id")
    else:
        result, request_id = describe_error(outcome), None
    logger.debug(
        "%s: %s %s -> %s in %.1f ms (request id %s)",
        operation(request),
        request.method,
        request.url.path,
        result,
        (time.perf_counter() - started) * 1000,
        request_id,
    )


def log_retry(  # noqa: PLR0917 (one retry's whole description)
    request: httpx.Request,
    response: httpx.Response | None,
    error: BaseException | None,
    attempt: int,
    allowed: int,
    delay: float,
) -> None:
    """WARNING: why a request is retried, which retry this is of how many, and how long it waits."""
    status = None if response is None else response.status_code
    reason = f"status {status}" if error is None else describe_error(error)
    request_id = None if response is None else response.headers.get("x-request-id")
    name = operation(request)
    logger.warning(
        "%s: %s; retry %d of %d in %.1f s (%s%s)",
        name,
        reason,
        attempt + 1,
        allowed,
        delay,
        target(request),
        "" if request_id is None else f", request id {request_id}",
        extra={
            "cdf_operation": name,
            "cdf_attempt": attempt + 1,
            "cdf_retries_allowed": allowed,
            "cdf_delay_s": delay,
            "cdf_status": status,
            "cdf_error": None if error is None else describe_error(error),
            "cdf_request_id": request_id,
        },
    )


def log_setup(root: str, how: str, proxies: Mapping[str, httpx.Proxy | None]) -> None:
    """INFO, when a client is built: where its requests go, through which proxies, trusting what."""
    if not logger.isEnabledFor(logging.INFO):
        return
    routes = "; ".join(
        f"{pattern} {'direct' if proxy is None else f'via proxy {proxy.url}'}"
        for pattern, proxy in proxies.items()
    )
    logger.info("client for %s: %s; %s", root, how, f"proxies: {routes}" if routes else "no proxy")
