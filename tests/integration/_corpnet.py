"""A corporate network on loopback: a forward proxy (optionally TLS-inspecting) and a TLS front.

`LoopbackProxy` is a forward proxy on 127.0.0.1 as a company runs one: it forwards plain-HTTP
requests (absolute-form), tunnels `CONNECT host:port`, and with `intercept=` terminates the tunnel's
TLS itself with a certificate of the company's CA (a TLS-inspecting gateway), then forwards the
decrypted bytes. `TLSFront` terminates TLS in front of a plain-HTTP server (CDF's real TLS endpoint).
Every connection goes to `upstream`, whatever host the client named: a test uses a host under
`.invalid` (which never resolves), so a request that arrives at all went through the proxy.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import ssl
import threading
from typing import TYPE_CHECKING, Self

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    import trustme

    Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]

CDF_HOST = "cdf.corp-test.invalid"
_START_TIMEOUT_S = 10.0


def server_context(ca: trustme.CA, *hosts: str) -> ssl.SSLContext:
    """A server-side TLS context with a certificate for `hosts` signed by `ca`."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*hosts).configure_cert(context)
    return context


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, ssl.SSLError):
        pass
    finally:
        with contextlib.suppress(Exception):
            writer.close()


async def _splice(
    client: tuple[asyncio.StreamReader, asyncio.StreamWriter], upstream: tuple[str, int], head: bytes = b""
) -> None:
    up_reader, up_writer = await asyncio.open_connection(*upstream)
    up_writer.write(head)
    await asyncio.gather(_pipe(client[0], up_writer), _pipe(up_reader, client[1]))


class _Loopback:
    """An asyncio server on 127.0.0.1 in a daemon thread, for a `with` block."""

    def __init__(self, handle: Handler) -> None:
        self._handle = handle
        self._ssl: ssl.SSLContext | None = None
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self.port = 0

    def _run(self) -> None:
        self._loop.run_until_complete(self._serve())
        self._loop.close()

    async def _serve(self) -> None:
        self._stop = asyncio.Event()
        server = await asyncio.start_server(self._handle, "127.0.0.1", 0, ssl=self._ssl)
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        async with server:
            await self._stop.wait()
        # Connections still open (a pooled keep-alive tunnel) end with the server.
        tasks = asyncio.all_tasks() - {asyncio.current_task()}
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def __enter__(self) -> Self:
        self._thread = threading.Thread(target=self._run, name="corpnet", daemon=True)
        self._thread.start()
        if not self._ready.wait(_START_TIMEOUT_S):
            msg = "the loopback server did not start"
            raise RuntimeError(msg)
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._stop is not None
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(_START_TIMEOUT_S)


class TLSFront(_Loopback):
    """Terminates TLS (a certificate of `ca` for `CDF_HOST`) in front of a plain-HTTP `upstream`."""

    def __init__(self, ca: trustme.CA, upstream: tuple[str, int]) -> None:
        super().__init__(self._front)
        self._ssl = server_context(ca, CDF_HOST, "127.0.0.1")
        self._upstream = upstream

    async def _front(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _splice((reader, writer), self._upstream)


class LoopbackProxy(_Loopback):
    """A forward proxy; `seen` lists each request line it received (`CONNECT host:443`, `GET http://...`)."""

    def __init__(
        self,
        upstream: tuple[str, int],
        *,
        intercept: trustme.CA | None = None,
        credentials: tuple[str, str] | None = None,
    ) -> None:
        super().__init__(self._proxy)
        self._upstream = upstream
        self._intercept = None if intercept is None else server_context(intercept, CDF_HOST)
        self._authorization = (
            None
            if credentials is None
            else "Basic " + base64.b64encode(":".join(credentials).encode()).decode()
        )
        self.seen: list[str] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def _proxy(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()
            return
        request_line, *header_lines = head.decode("latin-1").split("\r\n")
        method, target, version = request_line.split(" ")
        self.seen.append(f"{method} {target}")
        fields = [line.partition(":") for line in header_lines if line]
        headers = {name.strip().lower(): value.strip() for name, _, value in fields}
        if self._authorization is not None and headers.get("proxy-authorization") != self._authorization:
            writer.write(b"HTTP/1.1 407 Proxy Authentication Required\r\ncontent-length: 0\r\n\r\n")
            writer.close()
            return
        if method == "CONNECT":
            writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
            await writer.drain()
            if self._intercept is not None:
                # The gateway's own TLS: the client must trust the company's CA to get any further.
                try:
                    await writer.start_tls(self._intercept)
                except (ssl.SSLError, ConnectionError):
                    writer.close()
                    return
            await _splice((reader, writer), self._upstream)
            return
        # Plain HTTP: origin-form towards the server, one request per connection (Connection: close).
        path = "/" + target.split("://", 1)[1].partition("/")[2]
        forwarded = [
            line
            for line in header_lines
            if line and line.partition(":")[0].strip().lower() not in {"proxy-authorization", "connection"}
        ]
        out = "\r\n".join([f"{method} {path} {version}", *forwarded, "connection: close", "", ""])
        await _splice((reader, writer), self._upstream, out.encode("latin-1"))
