"""Sockets that wake their readers when closed, so `CDFClient.close()` from any thread ends calls in flight.

They also bound each read and write by what is left of the request's deadline (`TimeLimit`): a
blocking read is the one wait the sync client cannot otherwise cut short.

A thread blocked in `recv` is not woken when another thread merely closes the socket (Linux keeps the
call waiting); `shutdown()` first does wake it, with an error the client then reports as
`ClientClosedError`. httpx builds its connection pool with httpcore's default network backend and
offers no argument for another, hence the one assignment below (httpx is pinned below 1.0).
Sockets inherited through `fork` are never shut down: the client drops them without closing them,
since a shutdown would cut the parent's connection too.
"""

from __future__ import annotations

import contextlib
import socket
from typing import TYPE_CHECKING, Any

import httpcore
import httpx

from cdf_client._sync_primitives import time_left

if TYPE_CHECKING:
    import ssl
    from collections.abc import Iterable


def _within_time_limit(timeout: float | None, error: type[Exception]) -> float | None:
    """Return the timeout of one socket operation, cut to what is left of the request's deadline."""
    left = time_left()
    if left is None:
        return timeout
    if left <= 0:
        msg = "the request's deadline passed"
        raise error(msg)
    return left if timeout is None else min(timeout, left)


class _ShutdownStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _within_time_limit(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _within_time_limit(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        sock = self._inner.get_extra_info("socket")
        if isinstance(sock, socket.socket):
            with contextlib.suppress(OSError):  # already disconnected
                sock.shutdown(socket.SHUT_RDWR)
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _ShutdownStream(self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _ShutdownBackend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _within_time_limit(timeout, httpcore.ConnectTimeout)
        return _ShutdownStream(self._inner.connect_tcp(host, port, timeout, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        return _ShutdownStream(self._inner.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def shutdown_on_close(transport: httpx.BaseTransport | httpx.AsyncBaseTransport) -> None:
    """Make the sockets of httpx's own sync transport wake their readers when the pool closes.

    The async transport needs nothing: closing an asyncio stream already fails a read waiting on it.
    """
    if isinstance(transport, httpx.HTTPTransport):
        pool = transport._pool  # noqa: SLF001 (see the module docstring)
        pool._network_backend = _ShutdownBackend(pool._network_backend)  # noqa: SLF001
