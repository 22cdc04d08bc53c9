"""Serving the ASGI app with uvicorn on 127.0.0.1, in a background thread or in the foreground."""

from __future__ import annotations

import socket
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from cdf_client.testing._extra import missing_library

try:
    import uvicorn
except ModuleNotFoundError as _error:
    raise missing_library(_error, "Serving the fake CDF over HTTP") from None

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

_START_TIMEOUT_S = 10.0


def _bind(port: int) -> socket.socket:
    """Bind a listening socket on loopback only: the fake is never reachable from other machines."""
    # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY on accepted sockets only when their protocol says
    # TCP, and without it every small answer waits ~40 ms for the client's delayed ACK.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    # Listen before announcing the URL, so a client connecting at once is queued, not refused.
    sock.listen(2048)
    return sock


def config(app: Any, *, log_level: str) -> uvicorn.Config:
    """Uvicorn settings for the fake: no lifespan work, quick shutdown, no access log."""
    return uvicorn.Config(
        app, lifespan="off", log_level=log_level, access_log=False, timeout_graceful_shutdown=1, ws="none"
    )


def run_forever(app: Any, *, port: int, log_level: str, on_ready: Callable[[str], None]) -> None:
    """Serve in the foreground until Ctrl-C or SIGTERM (uvicorn handles both in the main thread)."""
    sock = _bind(port)
    try:
        on_ready(f"http://127.0.0.1:{sock.getsockname()[1]}")
        uvicorn.Server(config(app, log_level=log_level)).run(sockets=[sock])
    finally:
        sock.close()


@contextmanager
def serve(app: Any, *, port: int = 0, log_level: str = "critical") -> Iterator[str]:
    """Run `app` in a daemon thread until the block exits; yields `http://127.0.0.1:PORT`."""
    sock = _bind(port)
    server = uvicorn.Server(config(app, log_level=log_level))
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="FakeCDF-server", daemon=True
    )
    thread.start()
    try:
        for _ in range(int(_START_TIMEOUT_S / 0.01)):
            if server.started or not thread.is_alive():
                break
            threading.Event().wait(0.01)
        if not server.started:
            msg = "the fake CDF server did not start"
            raise RuntimeError(msg)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=_START_TIMEOUT_S)
        sock.close()
