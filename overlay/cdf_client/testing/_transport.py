"""The in-process way to run the fake: one httpx transport for sync and async clients, no sockets."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

import httpx

from cdf_client.testing._faults import IN_PROCESS_STALL_S, Plan
from cdf_client.testing._http import Request, Response

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator

    from cdf_client.testing._fake import FakeCDF


class FakeTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Answers requests from a `FakeCDF` in process; faults surface as the exceptions sockets raise."""

    def __init__(self, fake: FakeCDF) -> None:
        self._fake = fake

    def __repr__(self) -> str:
        return f"<FakeTransport for {self._fake!r}>"

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Serve one request for `httpx.Client`."""
        fake_request = _convert(request, request.read())
        plan = self._fake._begin(fake_request)  # noqa: SLF001 - the transport is part of the fake
        try:
            if plan.latency_s:
                time.sleep(plan.latency_s)
            if plan.stall:
                time.sleep(IN_PROCESS_STALL_S)
                raise _stalled(self._fake, fake_request, request)
            response = self._fake._respond(fake_request, plan)  # noqa: SLF001
        finally:
            self._fake._end()  # noqa: SLF001
        return _to_httpx(response, plan)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Serve one request for `httpx.AsyncClient`."""
        fake_request = _convert(request, await request.aread())
        plan = self._fake._begin(fake_request)  # noqa: SLF001
        try:
            if plan.latency_s:
                await asyncio.sleep(plan.latency_s)
            if plan.stall:
                await asyncio.sleep(IN_PROCESS_STALL_S)
                raise _stalled(self._fake, fake_request, request)
            response = self._fake._respond(fake_request, plan)  # noqa: SLF001
        finally:
            self._fake._end()  # noqa: SLF001
        return _to_httpx(response, plan)


def _convert(request: httpx.Request, body: bytes) -> Request:
    headers = {name.lower(): value for name, value in request.headers.items()}
    return Request(request.method, request.url.path, request.url.params.multi_items(), headers, body)


def _stalled(fake: FakeCDF, fake_request: Request, request: httpx.Request) -> httpx.ReadTimeout:
    fake._record(fake_request, None, 0)  # noqa: SLF001 - recorded with status 0: never answered
    return httpx.ReadTimeout("The fake CDF stalled (injected fault): read timed out", request=request)


def _to_httpx(response: Response, plan: Plan) -> httpx.Response:
    if plan.drop:
        return httpx.Response(response.status, headers=response.headers, stream=_DroppedStream(response.body))
    return httpx.Response(
        response.status,
        headers=response.headers,
        content=response.body,
        extensions={"http_version": b"HTTP/1.1"},
    )


class _DroppedStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """Half the body, then the error httpx raises when the peer closes mid-body."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    def _error(self) -> httpx.RemoteProtocolError:
        return httpx.RemoteProtocolError(
            "peer closed connection without sending complete message body (injected fault)"
        )

    def __iter__(self) -> Iterator[bytes]:
        yield self._body[: len(self._body) // 2]
        raise self._error()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self._body[: len(self._body) // 2]
        raise self._error()
