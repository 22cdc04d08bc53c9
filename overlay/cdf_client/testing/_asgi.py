"""The fake as a plain ASGI 3 application (no web framework: one callable around the server core)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, MutableMapping
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from cdf_client.testing._hostile import Stream
from cdf_client.testing._http import Request, add_request_id, error_response

if TYPE_CHECKING:
    from cdf_client.testing._fake import FakeCDF

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

# A body larger than any valid request (1000 byids items, a big geo filter) is refused unread.
MAX_BODY_BYTES = 10 * 1024 * 1024
_STALL_STEP_S = 0.05


class ASGIApp:
    """Serves a `FakeCDF` to any ASGI server (uvicorn in `FakeCDF.serve()`)."""

    def __init__(self, fake: FakeCDF) -> None:
        self._fake = fake

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI connection scope (`http`, or `lifespan` with nothing to set up)."""
        if scope["type"] == "lifespan":
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        if scope["type"] != "http":
            return
        body = await _read_body(receive)
        if body is None:
            refused = add_request_id(error_response(413, "Request body too large"))
            await _send(send, refused.status, refused.headers, refused.body)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        query = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
        request = Request(scope["method"], scope["path"], query, headers, body)
        fake = self._fake
        plan = fake._begin(request)  # noqa: SLF001 - the app is part of the fake
        try:
            if plan.latency_s:
                await asyncio.sleep(plan.latency_s)
            if plan.stall:
                fake._record(request, None, 0)  # noqa: SLF001
                await self._stall()
                return  # no response at all: the client's read timeout fires first
            response = fake._respond(request, plan)  # noqa: SLF001
        finally:
            fake._end(plan)  # noqa: SLF001
        if isinstance(response, Stream):
            await self._play(response, send, receive)
            return
        if plan.drop:
            # Promise the whole body, send half, then return: the server closes the connection mid-body.
            headers_out = [*response.headers, ("content-length", str(len(response.body)))]
            await send(
                {"type": "http.response.start", "status": response.status, "headers": _encode(headers_out)}
            )
            await send(
                {
                    "type": "http.response.body",
                    "body": response.body[: len(response.body) // 2],
                    "more_body": True,
                }
            )
            return
        await _send(send, response.status, response.headers, response.body)

    async def _stall(self) -> None:
        """Wait `stall_s`, cut short when the server stops so shutdown never hangs on a stall."""
        await self._quiet(self._fake.faults.stall_s, asyncio.Event())

    async def _quiet(self, seconds: float, gone: asyncio.Event) -> bool:
        """Send nothing for `seconds`; False if cut short because the server stops or the client left."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while (left := deadline - loop.time()) > 0:
            if gone.is_set() or self._fake._closing.is_set():  # noqa: SLF001
                return False
            await asyncio.sleep(min(left, _STALL_STEP_S))
        return True

    async def _play(self, stream: Stream, send: Send, receive: Receive) -> None:
        """Send a hostile answer step by step, stopping early when the client goes or the server stops."""
        gone = asyncio.Event()

        async def watch() -> None:
            # The request body is read; the next message is the client's disconnect (or our end).
            while (await receive())["type"] != "http.disconnect":
                pass
            gone.set()

        watcher = asyncio.ensure_future(watch())
        try:
            if stream.wait_s and not await self._quiet(stream.wait_s, gone):
                return
            await send(
                {"type": "http.response.start", "status": stream.status, "headers": _encode(stream.headers)}
            )
            for step in stream.body:
                if isinstance(step, float):
                    if not await self._quiet(step, gone):
                        return
                elif step:
                    await send({"type": "http.response.body", "body": step, "more_body": True})
                    # Let other connections (and the watcher) run: a fast reader never pauses `send`.
                    await asyncio.sleep(0)
                    if gone.is_set() or self._fake._closing.is_set():  # noqa: SLF001
                        return
            if stream.complete:
                await send({"type": "http.response.body", "body": b"", "more_body": False})
            # Otherwise returning mid-body makes the server close the connection, short of the body.
        finally:
            watcher.cancel()


async def _read_body(receive: Receive) -> bytes | None:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _encode(headers: list[tuple[str, str]]) -> list[tuple[bytes, bytes]]:
    return [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers]


async def _send(send: Send, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
    out = [*headers, ("content-length", str(len(body)))]
    await send({"type": "http.response.start", "status": status, "headers": _encode(out)})
    await send({"type": "http.response.body", "body": body})
