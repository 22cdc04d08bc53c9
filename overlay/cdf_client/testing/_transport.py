"""The in-process way to run the fake: one httpx transport for sync and async clients, no sockets."""

from __future__ import annotations

import asyncio
import math
import time
from typing import TYPE_CHECKING

import httpx

from cdf_client.testing._faults import IN_PROCESS_STALL_S, Plan
from cdf_client.testing._hostile import Stream
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
            self._fake._end(plan)  # noqa: SLF001
        if isinstance(response, Stream):
            silence = _Silence(request)
            time.sleep(silence.wait(response.wait_s))
            silence.check()
            return _streamed(response, request)
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
            self._fake._end(plan)  # noqa: SLF001
        if isinstance(response, Stream):
            silence = _Silence(request)
            await asyncio.sleep(silence.wait(response.wait_s))
            silence.check()
            return _streamed(response, request)
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


class _Silence:
    """Silence from the server measured against the client's read timeout, as httpcore does on a socket."""

    def __init__(self, request: httpx.Request) -> None:
        timeout = request.extensions.get("timeout", {}).get("read")
        self._request = request
        self._timeout = math.inf if timeout is None else float(timeout)
        self._silent_s = 0.0

    def wait(self, seconds: float) -> float:
        """How long to sleep for `seconds` more of silence: all of it, or until the read timeout."""
        waited = min(seconds, self._timeout - self._silent_s)
        self._silent_s += seconds
        return max(0.0, waited)

    def check(self) -> None:
        """Raise `httpx.ReadTimeout` if the silence outlasted the read timeout."""
        if self._silent_s > self._timeout:
            msg = f"The fake CDF sent nothing for {self._timeout:g} s (hostile mode): read timed out"
            raise httpx.ReadTimeout(msg, request=self._request)

    def heard(self) -> None:
        """Bytes arrived: the read timeout starts again."""
        self._silent_s = 0.0


def _streamed(stream: Stream, request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        stream.status,
        headers=stream.headers,
        stream=_PlayedStream(stream, request),
        extensions={"http_version": b"HTTP/1.1"},
    )


class _PlayedStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A hostile body played step by step: real sleeps, lazy bytes, the errors a socket would give."""

    def __init__(self, stream: Stream, request: httpx.Request) -> None:
        self._stream = stream
        self._silence = _Silence(request)

    def _incomplete(self) -> httpx.RemoteProtocolError:
        return httpx.RemoteProtocolError(
            "peer closed connection without sending complete message body (hostile mode)"
        )

    def __iter__(self) -> Iterator[bytes]:
        silence = self._silence
        for step in self._stream.body:
            if isinstance(step, float):
                time.sleep(silence.wait(step))
                silence.check()
            elif step:
                silence.heard()
                yield step
        if not self._stream.complete:
            raise self._incomplete()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        silence = self._silence
        for step in self._stream.body:
            if isinstance(step, float):
                await asyncio.sleep(silence.wait(step))
                silence.check()
            elif step:
                silence.heard()
                yield step
        if not self._stream.complete:
            raise self._incomplete()
