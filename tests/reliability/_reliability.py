"""Helpers of the reliability suite (fixtures and hooks live in conftest.py)."""

from __future__ import annotations

import asyncio
import inspect
import os
import threading
import time
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

    from cdf_client.testing import FakeCDF

SOAK = os.environ.get("CDF_SOAK") == "1"
# A generous bound that only a hang reaches: never a timing assertion.
HANG_GUARD_S = 300.0


def scale(quick: int, soak: int) -> int:
    """Pick the CI size or the soak size of a workload."""
    return soak if SOAK else quick


def fast_backoff(client: Any, *, max_retries: int | None = None) -> None:
    """Shrink the backoff of a sync or async client so storms run in seconds (the schedule is unit-tested).

    The retry count, deadline and Retry-After handling stay the production code paths.
    """
    core = client._core
    core.policy.backoff_base = 0.005
    core.policy.backoff_cap = 0.05
    if max_retries is not None:
        core.policy.max_retries = max_retries


def core_of(client: Any) -> Any:
    """The async core behind a sync or async client (policy, limiter, http)."""
    return client._core


def server_counts(fake: FakeCDF) -> dict[str, int]:
    """What the server saw: requests, how many were answered with an error or never answered."""
    statuses = Counter(request.status for request in fake.requests if request.path.startswith("/api/"))
    faulted = sum(count for status, count in statuses.items() if not 200 <= status < 300)
    return {"requests": sum(statuses.values()), "requests_faulted": faulted}


# A hand-written HTTP server for what the fake cannot produce (hostile answers, redirects).

Handler = Callable[[BaseHTTPRequestHandler], None]


class RecordingServer:
    """A tiny threaded HTTP server on 127.0.0.1; `respond(handler)` writes each answer."""

    def __init__(self, respond: Handler) -> None:
        self.respond = respond
        self.requests: list[dict[str, Any]] = []
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _handle(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                server.requests.append(
                    {
                        "method": self.command,
                        "path": self.path,
                        "headers": {k.lower(): v for k, v in self.headers.items()},
                        "body": body,
                    }
                )
                server.respond(self)

            do_GET = do_POST = _handle  # noqa: N815 (http.server's naming)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]

    @contextmanager
    def running(self) -> Iterator[RecordingServer]:
        thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._httpd.shutdown()
            self._httpd.server_close()
            thread.join(timeout=10)


def reply(
    handler: BaseHTTPRequestHandler,
    status: int,
    body: bytes,
    *,
    content_type: str = "application/json",
    headers: dict[str, str] | None = None,
    content_length: int | None = None,
) -> None:
    """Write one answer; `content_length` may promise more than `body` (a connection cut mid-body)."""
    handler.send_response(status)
    handler.send_header("content-type", content_type)
    handler.send_header("content-length", str(len(body) if content_length is None else content_length))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)
    handler.wfile.flush()
    if content_length is not None:
        handler.close_connection = True


# Running one scenario with either client.

KINDS = ("sync", "async")
# How far past its deadline a call may end: scheduling on a loaded 2-core CI machine, a closing
# connection. A bound on a hang (the hostile modes last 30 s and more), not a speed measurement.
DEADLINE_MARGIN_S = 3.0


def run(kind: str, action: Callable[[Any], Any], **client_options: Any) -> Any:
    """Build a `CDFClient` or `AsyncCDFClient` from `client_options`; return what `action(client)` gives.

    `action` is written once for both: what it returns is awaited when it is awaitable (an async
    client's `files.get(...)`, `listing.to_list()`).
    """
    from cdf_client import AsyncCDFClient, CDFClient  # noqa: PLC0415 (tests import the package late)

    if kind == "sync":
        with CDFClient(**client_options) as client:
            return action(client)

    async def main() -> Any:
        async with AsyncCDFClient(**client_options) as client:
            result = action(client)
            return await result if inspect.isawaitable(result) else result

    return asyncio.run(asyncio.wait_for(main(), HANG_GUARD_S))


def failure(kind: str, action: Callable[[Any], Any], **client_options: Any) -> tuple[BaseException, float]:
    """Run like `run`, expecting an exception: return it and the seconds the call took."""
    started = time.monotonic()
    try:
        run(kind, action, **client_options)
    except Exception as error:  # noqa: BLE001 (the caller asserts its type)
        return error, time.monotonic() - started
    msg = "the call succeeded"
    raise AssertionError(msg)
