"""`serve --measure`: pages per second the served fake delivers to one client in another process."""

from __future__ import annotations

import subprocess
import sys
import time

import httpx
import orjson

_ROUNDS = 3  # full listings per encoding; the best is reported (the first also fills the gzip cache)
_START_TIMEOUT_S = 120.0


def measure(files: int, seed: int) -> None:
    """Serve `files` generated files in a child process; list them all with `limit=1000`; print pages/s.

    The fake runs in its own process, as in benchmarks, so the figure is not skewed by the
    measuring client sharing its interpreter lock. The client decodes only what paging needs.
    """
    command = [
        sys.executable,
        "-m",
        "cdf_client.testing",
        "serve",
        "--files",
        str(files),
        "--seed",
        str(seed),
    ]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as server:  # noqa: S603 - our own module
        try:
            base_url, token = _wait_ready(server)
            with httpx.Client(
                base_url=f"{base_url}/api/v1/projects/demo",
                headers={"Authorization": f"Bearer {token}"},
                timeout=60,
            ) as client:
                for encoding in ("gzip", "identity"):
                    best = max(_list_all(client, encoding) for _ in range(_ROUNDS))
                    print(f"pages/s ({encoding}, 1000 files per page, one client): {best:.0f}", flush=True)  # noqa: T201
        finally:
            server.terminate()


def _wait_ready(server: subprocess.Popen[str]) -> tuple[str, str]:
    assert server.stdout is not None  # noqa: S101 - set by stdout=PIPE
    started, values = time.monotonic(), dict[str, str]()
    while time.monotonic() - started < _START_TIMEOUT_S and not {"base url", "token"} <= values.keys():
        line = server.stdout.readline()
        if not line:
            msg = "the fake server exited before it was ready"
            raise RuntimeError(msg)
        key, _, value = line.partition(":")
        values[key.strip()] = value.strip()
    return values["base url"], values["token"]


def _list_all(client: httpx.Client, encoding: str) -> float:
    pages, started, cursor = 0, time.perf_counter(), None
    while True:
        body = {"limit": 1000} if cursor is None else {"limit": 1000, "cursor": cursor}
        response = client.post("/files/list", json=body, headers={"Accept-Encoding": encoding})
        response.raise_for_status()
        pages += 1
        cursor = orjson.loads(response.content).get("nextCursor")
        if cursor is None:
            return pages / (time.perf_counter() - started)
