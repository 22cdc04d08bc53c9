"""One benchmark measurement, run in a fresh child process so its CPU time and peak RSS are its own.

Usage (scripts/bench does this; run it by hand to debug one client):
    python scripts/_bench/workloads.py '{"client": "floor", "op": "list", "partitions": 1,
        "base_url": "http://127.0.0.1:8000", "project": "bench", "token": "..."}'

Prints one JSON line: items seen, the sum of their ids, wall and CPU seconds of the work alone
(imports and client construction excluded), peak RSS before the work and at the end.
With `"profile": true` it also prints the cProfile top functions to stderr.
"""

# Each client is imported inside its own factory, so a child loads (and pays RSS for) one client only.
# ruff: noqa: PLC0415

from __future__ import annotations

import asyncio
import contextlib
import cProfile
import importlib.abc
import io
import json
import pstats
import resource
import sys
import threading
import time
import warnings
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Any

import httpx
import orjson

PAGE_SIZE = 1000
RETRIEVE_CHUNK = 1000

Tally = tuple[int, int]
# A work returns its tally, or a check that computes it and is run outside the measurement.
Work = Callable[[], Tally | Callable[[], Tally]]
Spec = dict[str, Any]


def api_base(spec: Spec) -> str:
    """Return the project's API root on the fake server."""
    return f"{spec['base_url']}/api/v1/projects/{spec['project']}"


def partition_names(spec: Spec) -> list[str | None]:
    """`["1/N", ..., "N/N"]`, or `[None]` for a sequential listing."""
    n = spec["partitions"]
    return [None] if n == 1 else [f"{m}/{n}" for m in range(1, n + 1)]


def chunks(ids: list[int]) -> list[list[int]]:
    """Split identifiers into byids-sized chunks."""
    return [ids[i : i + RETRIEVE_CHUNK] for i in range(0, len(ids), RETRIEVE_CHUNK)]


def tally(ids: Iterable[int]) -> Tally:
    """Count and sum of ids: consumes every item and lets the parent check all clients saw the same."""
    count = total = 0
    for item_id in ids:
        count += 1
        total += item_id
    return count, total


def gathered(calls: Callable[[], list[Awaitable[Tally]]], *, close: Callable[[], Awaitable[None]]) -> Work:
    """Run coroutines concurrently on a fresh event loop and add up their tallies."""

    async def run() -> Tally:
        try:
            results = await asyncio.gather(*calls())
        finally:
            await close()
        return sum(r[0] for r in results), sum(r[1] for r in results)

    return lambda: asyncio.run(run())


def filter_body(partition: str | None) -> dict[str, Any]:
    """Return the first `POST /files/list` body of a (partition's) listing."""
    return {"limit": PAGE_SIZE} if partition is None else {"limit": PAGE_SIZE, "partition": partition}


# --- floor: a bare httpx loop that posts the cursor and decodes each page with orjson into dicts


def floor_page(body: dict[str, Any], content: bytes, counts: list[int]) -> bool:
    """Decode one page into dicts, count it and move the cursor; False on the last page."""
    page = orjson.loads(content)
    for item in page["items"]:
        counts[0] += 1
        counts[1] += item["id"]
    if "nextCursor" not in page:
        return False
    body["cursor"] = page["nextCursor"]
    return True


def floor_list(client: httpx.Client) -> Tally:
    """Follow one cursor chain with a sync client."""
    body, counts = filter_body(None), [0, 0]
    while True:
        response = client.post("/files/list", content=orjson.dumps(body)).raise_for_status()
        if not floor_page(body, response.content, counts):
            return counts[0], counts[1]


async def floor_alist(client: httpx.AsyncClient, partition: str | None) -> Tally:
    """Follow one partition's cursor chain with an async client."""
    body, counts = filter_body(partition), [0, 0]
    while True:
        response = (await client.post("/files/list", content=orjson.dumps(body))).raise_for_status()
        if not floor_page(body, response.content, counts):
            return counts[0], counts[1]


async def floor_aretrieve(client: httpx.AsyncClient, ids: list[int]) -> Tally:
    """One byids chunk."""
    content = orjson.dumps({"items": [{"id": i} for i in ids]})
    response = (await client.post("/files/byids", content=content)).raise_for_status()
    return tally(item["id"] for item in orjson.loads(response.content)["items"])


def floor(spec: Spec) -> Work:
    """Bare httpx + orjson: sync for one chain, asyncio for partitions and byids chunks."""
    headers = {"Authorization": f"Bearer {spec['token']}", "Content-Type": "application/json"}
    if spec["op"] == "list" and spec["partitions"] == 1:
        client = httpx.Client(base_url=api_base(spec), headers=headers)
        return lambda: floor_list(client)
    aclient = httpx.AsyncClient(base_url=api_base(spec), headers=headers)
    if spec["op"] == "retrieve":
        return gathered(
            lambda: [floor_aretrieve(aclient, c) for c in chunks(spec["ids"])], close=aclient.aclose
        )
    return gathered(lambda: [floor_alist(aclient, p) for p in partition_names(spec)], close=aclient.aclose)


# --- the generated client used directly: sync_detailed / asyncio_detailed, decoding with from_dict


def generated(spec: Spec) -> Work:
    """`cdf_client_api` as a user of the generated layer alone would call it."""
    from cdf_client_api import AuthenticatedClient
    from cdf_client_api.api.files import filter_files, retrieve_files
    from cdf_client_api.models import FileFilterRequest, FileSelectById
    from cdf_client_api.models.file_retrieve_request import FileRetrieveRequest
    from cdf_client_api.types import UNSET

    client = AuthenticatedClient(base_url=api_base(spec), token=spec["token"])

    def request(partition: str | None, cursor: Any) -> FileFilterRequest:
        return FileFilterRequest(limit=PAGE_SIZE, partition=partition or UNSET, cursor=cursor)

    def list_chain() -> Tally:
        counts, cursor = [0, 0], UNSET
        while cursor is not None:
            page = filter_files.sync_detailed(client=client, body=request(None, cursor)).parsed
            counts = [counts[0] + len(page.items), counts[1] + sum(item.id for item in page.items)]
            cursor = page.next_cursor or None
        return counts[0], counts[1]

    async def alist_chain(partition: str | None) -> Tally:
        counts, cursor = [0, 0], UNSET
        while cursor is not None:
            response = await filter_files.asyncio_detailed(client=client, body=request(partition, cursor))
            page = response.parsed
            counts = [counts[0] + len(page.items), counts[1] + sum(item.id for item in page.items)]
            cursor = page.next_cursor or None
        return counts[0], counts[1]

    async def aretrieve(ids: list[int]) -> Tally:
        body = FileRetrieveRequest(items=[FileSelectById(id=i) for i in ids])
        response = await retrieve_files.asyncio_detailed(client=client, body=body)
        return tally(item.id for item in response.parsed.items)

    async def close() -> None:
        await client.get_async_httpx_client().aclose()

    if spec["op"] == "retrieve":
        return gathered(lambda: [aretrieve(c) for c in chunks(spec["ids"])], close=close)
    if spec["partitions"] > 1:
        return gathered(lambda: [alist_chain(p) for p in partition_names(spec)], close=close)
    return list_chain


# --- the overlay: typed objects, and its bulk dict path


def overlay_client(spec: Spec) -> Any:
    """Build a `CDFClient` pointed at the fake."""
    from cdf_client import CDFClient

    return CDFClient(project=spec["project"], base_url=spec["base_url"], token=spec["token"])


def overlay(spec: Spec) -> Work:
    """`files.filter(partitions=N)` iterated item by item, or `files.retrieve(ids)`."""
    client = overlay_client(spec)
    if spec["op"] == "retrieve":
        return lambda: tally(f.id for f in client.files.retrieve(spec["ids"]))
    return lambda: tally(f.id for f in client.files.filter(partitions=spec["partitions"]))


def overlay_dicts(spec: Spec) -> Work:
    """Use the overlay's bulk path: wire dicts, no per-item objects."""
    client = overlay_client(spec)
    if spec["op"] == "retrieve":
        return lambda: tally(f["id"] for f in client.files.retrieve(spec["ids"]).dicts())
    return lambda: tally(f["id"] for f in client.files.filter(partitions=spec["partitions"]).dicts())


def overlay_async(spec: Spec) -> Work:
    """Use `AsyncCDFClient`: `async for` over the listing, `await files.retrieve(ids)`."""
    from cdf_client import AsyncCDFClient

    async def run() -> Tally:
        async with AsyncCDFClient(
            project=spec["project"], base_url=spec["base_url"], token=spec["token"]
        ) as client:
            if spec["op"] == "retrieve":
                return tally(f.id for f in await client.files.retrieve(spec["ids"]))
            count = total = 0
            async for f in client.files.filter(partitions=spec["partitions"]):
                count += 1
                total += f.id
            return count, total

    return lambda: asyncio.run(run())


# --- tables (scenario 7: Parquet export; scenario 8: to_arrow / to_polars / to_pandas)


class _NotInstalled(importlib.abc.MetaPathFinder):
    """Makes `import pandas` fail as it does where pandas is not installed."""

    def __init__(self, *names: str) -> None:
        self.names = names

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:  # noqa: ARG002 (the protocol)
        if name.partition(".")[0] in self.names:
            raise ModuleNotFoundError(name, name=name)


def tables(spec: Spec) -> Work:
    """Turn a listing into a table or a Parquet file; the libraries load before the clock, as imports do."""
    if spec["client"] == "parquet":
        # As with the `arrow` extra alone: pyarrow imports pandas, when installed, on its first conversion.
        sys.meta_path.insert(0, _NotInstalled("pandas"))
    else:
        # pyarrow imports pandas (when installed) on its first conversion: an import, not the work.
        with contextlib.suppress(ImportError):
            import pandas as pd  # noqa: F401
    import pyarrow as pa
    import pyarrow.parquet as pq

    client = overlay_client(spec)
    kind = spec["client"].partition(" ")[0]  # "to_pandas (b53d75f)": the same call on an older checkout

    def listing() -> Any:
        return client.files.filter(partitions=spec["partitions"])

    if kind == "dicts":
        return lambda: tally(item["id"] for item in listing().dicts().to_list())
    if kind == "to_arrow":

        def to_arrow() -> Tally:
            table: pa.Table = listing().to_arrow()
            return table.num_rows, sum(table["id"].to_pylist())

        return to_arrow
    if kind in {"to_polars", "to_pandas"}:
        __import__(kind.removeprefix("to_"))  # loaded before the clock, like the other tables' libraries

        def to_frame() -> Tally:
            frame = getattr(listing(), kind)()
            return len(frame), sum(frame["id"].to_list())

        return to_frame
    path = Path(spec["output_dir"]) / "files.parquet"

    def verify() -> Tally:
        ids = pq.ParquetFile(path).read(columns=["id"])["id"]
        return len(ids), sum(ids.to_pylist())

    def parquet() -> Callable[[], Tally]:
        listing().write_parquet(path)
        return verify  # read back after the clock and the memory peak are taken

    return parquet


# --- the official cognite-sdk


def cognite_sdk(spec: Spec) -> Work:
    """`files.list(limit=None, partitions=N)` and `files.retrieve_multiple(ids=...)`."""
    try:
        from cognite.client import ClientConfig, CogniteClient, global_config
        from cognite.client.credentials import Token
    except ModuleNotFoundError:
        print(json.dumps({"skipped": "cognite-sdk not installed (pip install -e . --group bench)"}))
        sys.exit(0)

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
    if spec["op"] == "retrieve":
        return lambda: tally(f.id for f in client.files.retrieve_multiple(ids=spec["ids"]))
    partitions = spec["partitions"] if spec["partitions"] > 1 else None
    return lambda: tally(f.id for f in client.files.list(limit=None, partitions=partitions))


CLIENTS: dict[str, Callable[[Spec], Work]] = {
    "floor": floor,
    "generated": generated,
    "overlay": overlay,
    "overlay-dicts": overlay_dicts,
    "overlay-async": overlay_async,
    "cognite-sdk": cognite_sdk,
    "dicts": tables,
    "to_arrow": tables,
    "to_polars": tables,
    "to_pandas": tables,
    "parquet": tables,
}


def peak_rss_mb() -> float:
    """Return the peak resident set size of this process so far, in MiB."""
    status = Path("/proc/self/status")
    if status.exists():
        # VmHWM starts afresh at exec; ru_maxrss would inherit the parent's peak at fork on Linux.
        line = next(line for line in status.read_text().splitlines() if line.startswith("VmHWM:"))
        return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class ThreadProfiles:
    """cProfile of the main thread and of every thread started meanwhile (the clients' event-loop threads)."""

    def __init__(self) -> None:
        """Prepare a profile for the main thread; nothing is profiled yet."""
        self.profiles: list[cProfile.Profile] = []
        self.main = cProfile.Profile()
        self._run = threading.Thread.run

    def watch_threads(self) -> None:
        """Profile each thread started from now on, for as long as it runs."""
        profiles, run = self.profiles, self._run

        def profiled_run(thread: threading.Thread) -> None:
            profile = cProfile.Profile()
            profiles.append(profile)
            profile.enable()
            try:
                run(thread)
            finally:
                profile.disable()

        threading.Thread.run = profiled_run  # type: ignore[method-assign]

    def report(self) -> str:
        """Return the top functions by own time and by cumulative time, all threads merged."""
        out = io.StringIO()
        stats = pstats.Stats(self.main, *self.profiles, stream=out)
        stats.sort_stats("tottime").print_stats(25)
        stats.sort_stats("cumulative").print_stats(25)
        return out.getvalue()


def main() -> None:
    """Build the client, then time the work alone and print the measurement as JSON."""
    spec: Spec = json.loads(sys.argv[1])
    if "ids_file" in spec:
        spec["ids"] = json.loads(Path(spec["ids_file"]).read_text())
    profiles = ThreadProfiles() if spec.get("profile") else None
    if profiles:
        profiles.watch_threads()
    work = CLIENTS[spec["client"].partition(" ")[0]](spec)
    rss_before = peak_rss_mb()
    if profiles:
        profiles.main.enable()
    wall, cpu = time.perf_counter(), time.process_time()
    outcome = work()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak_rss = peak_rss_mb()
    if profiles:
        profiles.main.disable()
        print(profiles.report(), file=sys.stderr)
    items, checksum = outcome() if callable(outcome) else outcome
    result = {"items": items, "checksum": checksum, "wall": wall, "cpu": cpu, "rss_before": rss_before}
    print(json.dumps({**result, "peak_rss": peak_rss}))


if __name__ == "__main__":
    main()
