"""Scenario 6 of scripts/bench: drain a throttled CDF.

Clients list every file with partitions against a fake enforcing CDF's documented per-identity
budget for listing (`Throttle()`: the spec's `x-cdf-request-budget`, 23 requests/s and 12 in flight,
refused requests charged), with latency, with and without `Retry-After` on 429s.

The parent (`run`) serves the fake once per Retry-After setting and measures each client in a fresh
child process (`python throttled.py SPEC`); after each run it signals the server (SIGUSR1), which
prints its accepted and refused counts and starts afresh with full buckets. The 429 counts are the
server's, so every client is counted alike.
"""

from __future__ import annotations

# Each child imports only the client it measures (so a missing cognite-sdk skips one column).
# ruff: noqa: PLC0415
import asyncio
import contextlib
import importlib
import json
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import orjson

LEARNING_TARGET_429 = 5
SHARED_TARGET_429 = 10
CLIENTS = (
    "overlay",
    "overlay-async",
    "overlay-unassumed",
    "overlay-rate",
    "overlay-shared",
    "floor-naive",
    "floor-pacing",
    "cognite-sdk",
)
DESCRIPTIONS = {
    "overlay": "`CDFClient`: assumes CDF's documented budget, probes beyond it, learns from 429s",
    "overlay-async": "`AsyncCDFClient`, the same",
    "overlay-unassumed": (
        "`CDFClient(budget=Budget(assume_documented=False))`: learns the rate from 429s alone "
        "(a server whose budget is not the documented one)"
    ),
    "overlay-rate": "`CDFClient(max_requests_per_second=<the rate>)`: a known rate",
    "overlay-shared": "two `CDFClient`s sharing one `Budget`, listing at the same time (twice the pages)",
    "floor-naive": "bare httpx, retries 429s with full-jitter backoff",
    "floor-pacing": "bare httpx that paces itself at 1 request/s under the rate",
    "cognite-sdk": "`files.list(limit=None, partitions=N)`",
}


# --- children: one listing each, print wall time and items as JSON


def _settings(spec: dict[str, Any]) -> dict[str, Any]:
    return {"project": spec["project"], "base_url": spec["base_url"], "token": spec["token"]}


def _overlay(spec: dict[str, Any], **options: Any) -> int:
    from cdf_client import CDFClient

    with CDFClient(**_settings(spec), **options) as client:
        return sum(1 for _ in client.files.filter(partitions=spec["partitions"]).dicts())


def _overlay_async(spec: dict[str, Any]) -> int:
    from cdf_client import AsyncCDFClient

    async def run() -> int:
        # Counted as they stream, as the sync client's are (a list would keep 100k dicts alive).
        async with AsyncCDFClient(**_settings(spec)) as client:
            return sum([1 async for _ in client.files.filter(partitions=spec["partitions"]).dicts()])

    return asyncio.run(run())


def _overlay_unassumed(spec: dict[str, Any]) -> int:
    from cdf_client import Budget

    return _overlay(spec, budget=Budget(assume_documented=False))


def _overlay_shared(spec: dict[str, Any]) -> int:
    from cdf_client import Budget

    budget, counts = Budget(), []
    threads = [
        threading.Thread(target=lambda: counts.append(_overlay(spec, budget=budget))) for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts)


def _floor(spec: dict[str, Any], pace: float | None) -> int:
    """Partitions as asyncio tasks; 429s retried with full-jitter backoff; optionally paced."""
    headers = {"Authorization": f"Bearer {spec['token']}", "Content-Type": "application/json"}
    base = f"{spec['base_url']}/api/v1/projects/{spec['project']}"
    next_start = [0.0]

    async def post(client: httpx.AsyncClient, body: dict[str, Any]) -> dict[str, Any]:
        attempt = 0
        while True:
            if pace is not None:
                now = time.monotonic()
                start = max(now, next_start[0])
                next_start[0] = start + 1 / pace
                await asyncio.sleep(start - now)
            response = await client.post("/files/list", content=orjson.dumps(body))
            if response.status_code != 429:  # noqa: PLR2004
                return orjson.loads(response.raise_for_status().content)  # type: ignore[no-any-return]
            await asyncio.sleep(random.random() * min(60.0, 0.5 * 2**attempt))  # noqa: S311
            attempt += 1

    async def chain(client: httpx.AsyncClient, partition: str) -> int:
        body: dict[str, Any] = {"limit": 1000, "partition": partition}
        count = 0
        while True:
            page = await post(client, body)
            count += len(page["items"])
            if "nextCursor" not in page:
                return count
            body["cursor"] = page["nextCursor"]

    async def run() -> int:
        async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60) as client:
            n = spec["partitions"]
            return sum(await asyncio.gather(*(chain(client, f"{i}/{n}") for i in range(1, n + 1))))

    return asyncio.run(run())


def _cognite_sdk(spec: dict[str, Any]) -> int:
    import warnings

    from cognite.client import ClientConfig, CogniteClient, global_config
    from cognite.client.credentials import Token

    global_config.disable_pypi_version_check = True
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "unable to determine the cluster": expected for a loopback URL
        config = ClientConfig(
            client_name="bench",
            project=spec["project"],
            base_url=spec["base_url"],
            credentials=Token(spec["token"]),
        )
    client = CogniteClient(config)
    return len(client.files.list(limit=None, partitions=spec["partitions"]))


def child(spec: dict[str, Any]) -> None:
    """Run one client's listing and print `{"wall", "items"}`."""
    work = {
        "overlay": lambda: _overlay(spec),
        "overlay-async": lambda: _overlay_async(spec),
        "overlay-unassumed": lambda: _overlay_unassumed(spec),
        "overlay-rate": lambda: _overlay(spec, max_requests_per_second=spec["rate"]),
        "overlay-shared": lambda: _overlay_shared(spec),
        "floor-naive": lambda: _floor(spec, None),
        "floor-pacing": lambda: _floor(spec, spec["rate"] - 1),
        "cognite-sdk": lambda: _cognite_sdk(spec),
    }[spec["client"]]
    # Import the client before the clock starts, as the floors' httpx is (at the top of this module):
    # the wall time is the listing's, not Python's import time.
    if not spec["client"].startswith("floor"):
        with contextlib.suppress(ImportError):  # a missing cognite-sdk fails (and is skipped) below
            importlib.import_module("cognite.client" if spec["client"] == "cognite-sdk" else "cdf_client")
    started = time.perf_counter()
    items = work()
    print(json.dumps({"wall": time.perf_counter() - started, "items": items}))


# --- the parent: serve, measure, report


class _Server:
    def __init__(self, *, files: int, latency_ms: float, retry_after: bool, env: dict[str, str]) -> None:
        self.log = Path(tempfile.mkstemp(prefix="cdf-bench-throttled-", suffix=".log")[1])
        command = [sys.executable, "-m", "cdf_client.testing", "serve", "--project", "bench"]
        command += ["--files", str(files), "--latency-ms", str(latency_ms), "--throttle"]
        command += ["--throttle-retry-after"] if retry_after else []
        self._file = self.log.open("w")
        self.process = subprocess.Popen(command, stdout=self._file, stderr=subprocess.STDOUT, env=env)
        self.base_url = self.token = ""
        deadline = time.monotonic() + 900
        while not (self.base_url and self.token):
            if self.process.poll() is not None or time.monotonic() > deadline:
                msg = f"throttled fake did not start:\n{self.log.read_text()}"
                raise RuntimeError(msg)
            for line in self.log.read_text().splitlines():
                key, _, value = line.partition(": ")
                if key == "base url":
                    self.base_url = value.strip()
                elif key == "token":
                    self.token = value.strip()
            time.sleep(0.05)

    def refused_since_last(self) -> tuple[int, int]:
        """Signal the server; return (accepted, refused) since the previous signal."""
        before = self.log.read_text().count("throttle: ")
        self.process.send_signal(signal.SIGUSR1)
        deadline = time.monotonic() + 30
        while (
            len(lines := [x for x in self.log.read_text().splitlines() if x.startswith("throttle: ")])
            <= before
        ):
            if time.monotonic() > deadline:
                msg = "the throttled fake did not report its counts"
                raise RuntimeError(msg)
            time.sleep(0.05)
        words = lines[-1].split()
        return int(words[1]), int(words[3])

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self._file.close()
        self.log.unlink(missing_ok=True)


def _measure(
    server: _Server, *, files: int, partitions: int, rate: float, runs: int, env: dict[str, str]
) -> dict[str, Any]:
    results: dict[str, list[tuple[float, int, int]]] = {}
    for _ in range(runs):
        for client in CLIENTS:
            spec = {"client": client, "base_url": server.base_url, "token": server.token}
            spec |= {"project": "bench", "partitions": partitions, "rate": rate}
            command = [sys.executable, __file__, json.dumps(spec)]
            done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
            accepted, refused = server.refused_since_last()
            if done.returncode != 0 and "No module named 'cognite'" in done.stderr:
                continue
            if done.returncode != 0:
                msg = f"{client} failed:\n{done.stderr[-3000:]}"
                raise RuntimeError(msg)
            result = json.loads(done.stdout.splitlines()[-1])
            expected = files * (2 if client == "overlay-shared" else 1)
            if result["items"] != expected:
                msg = f"{client} listed {result['items']:,} files, expected {expected:,}"
                raise RuntimeError(msg)
            results.setdefault(client, []).append((result["wall"], accepted, refused))
    return results


def _targets(client: str, suffix: str, ratio: float, refused: float) -> list[tuple[bool, str]]:
    if client in {"overlay", "overlay-async"}:
        return [
            (ratio <= 1.0, f"S6 {client}{suffix} wall / ideal: {ratio:.2f}x (target <= 1.0x)"),
            (
                refused <= LEARNING_TARGET_429,
                f"S6 {client}{suffix} requests answered 429: {refused:g} (target <= {LEARNING_TARGET_429})",
            ),
        ]
    if client == "overlay-rate":
        return [(refused == 0, f"S6 {client}{suffix} requests answered 429: {refused:g} (target 0)")]
    if client == "overlay-shared":
        text = f"S6 {client}{suffix} requests answered 429: {refused:g} (target <= {SHARED_TARGET_429})"
        return [(refused <= SHARED_TARGET_429, text)]
    return []


def run(
    *, files: int, partitions: int, latency_ms: float, runs: int, env: dict[str, str]
) -> tuple[str, list[tuple[bool, str]]]:
    """Measure every client `runs` times with and without Retry-After; return the markdown and the targets."""
    from cdf_client.testing import Throttle

    throttle = Throttle()  # what `serve --throttle` enforces: CDF's documented budget, from the spec
    rate = throttle.rate
    assert rate is not None  # noqa: S101 (the spec documents a budget)
    pages = files // 1000
    ideal = pages / rate
    sections: list[str] = []
    targets: list[tuple[bool, str]] = []
    for retry_after in (False, True):
        server = _Server(files=files, latency_ms=latency_ms, retry_after=retry_after, env=env)
        try:
            results = _measure(server, files=files, partitions=partitions, rate=rate, runs=runs, env=env)
        finally:
            server.stop()
        title = "with `Retry-After` on 429s" if retry_after else "without `Retry-After` (as CDF)"
        sections += [
            f"#### {title}",
            "",
            "| client | wall s | wall / ideal | requests answered 429 | requests accepted |",
            "|---|---|---|---|---|",
        ]
        for client, measured in results.items():
            wall = statistics.median(m[0] for m in measured)
            accepted = statistics.median(m[1] for m in measured)
            refused = statistics.median(m[2] for m in measured)
            ratio = wall / (ideal * (2 if client == "overlay-shared" else 1))
            sections.append(f"| {client} | {wall:.2f} | {ratio:.2f}x | {refused:g} | {accepted:g} |")
            targets += _targets(client, " with Retry-After" if retry_after else "", ratio, refused)
        sections.append("")
    head = [
        f"### Scenario 6: list {files:,} files with {partitions} partitions from a throttled CDF",
        "",
        (
            f"The fake enforces CDF's documented listing budget per identity ({rate:g} requests/s, bucket "
            f"of {throttle.burst}, {throttle.max_concurrency} in flight, refused requests charged), "
            f"{latency_ms:g} ms latency per request; ideal = {pages} pages / {rate:g} per s = {ideal:.2f} s. "
            f"Medians of {runs} runs; the 429 counts are the server's."
        ),
        "",
        *(f"- `{name}`: {text}" for name, text in DESCRIPTIONS.items()),
        "",
    ]
    return "\n".join(head + sections), targets


if __name__ == "__main__":
    child(json.loads(sys.argv[1]))
