"""`serve --measure`: pages/s and small-request latency of the served fake, seen from another process."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

import httpx
import orjson

_ROUNDS = 3  # full listings per encoding; the best is reported (the first also fills the gzip cache)
_START_TIMEOUT_S = 120.0
_SMALL_REQUESTS = 200  # GET /files/{id} round trips timed on one kept-alive connection


def measure(files: int, seed: int) -> None:
    """Serve `files` generated files in a child process; print pages/s and small-request latency.

    Pages: list every file with `limit=1000`. Latency: median and 95th percentile of
    `GET /files/{id}` round trips, the smallest answer the fake gives.

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
                median, p95 = _small_request_latency(client)
                print(  # noqa: T201
                    f"GET /files/{{id}} latency ({_SMALL_REQUESTS} requests, one connection): "
                    f"median {median:.1f} ms, p95 {p95:.1f} ms",
                    flush=True,
                )
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


def _small_request_latency(client: httpx.Client) -> tuple[float, float]:
    """Return the median and 95th percentile, in ms, of `GET /files/{id}` round trips."""
    file_id = orjson.loads(client.post("/files/list", json={"limit": 1}).content)["items"][0]["id"]
    timings: list[float] = []
    for _ in range(_SMALL_REQUESTS):
        started = time.perf_counter()
        client.get(f"/files/{file_id}").raise_for_status()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), statistics.quantiles(timings, n=20)[-1]
