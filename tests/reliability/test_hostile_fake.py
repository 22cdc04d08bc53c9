"""The fake CDF's hostile modes, served on 127.0.0.1: the exact result or a typed error, in bounded time.

One test per class of the threat model (docs/reliability.md), each with the sync and the async
client, and partitioned where a listing is involved. Times are bounds on hangs (the modes would last
30 s and more), never speed measurements.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import subprocess
import sys
from types import SimpleNamespace

import pytest
from _reliability import DEADLINE_MARGIN_S, KINDS, failure, run

from cdf_client import (
    AsyncCDFClient,
    CDFTimeoutError,
    ClientClosedError,
    CursorLoopError,
    InvalidResponseError,
    NoProgressError,
    NotFoundError,
)
from cdf_client._limits import DEFAULT_MAX_RESPONSE_BYTES
from cdf_client._partitions import MAX_EMPTY_PAGES
from cdf_client.testing import FakeCDF, Hostile

REQUEST_ID = re.compile(r"[0-9a-f-]{36}")


@pytest.fixture(scope="module")
def served():
    fake = FakeCDF.generate(files=2_500, assets=300, seed=7)
    with fake.serve() as base_url:
        yield fake, base_url
    fake.hostile = None


@pytest.fixture
def world(served):
    """The served fake, reset, and the options of a client for it."""
    fake, base_url = served
    fake.hostile = None
    fake.clear_requests()
    options = {"project": fake.project, "base_url": base_url, "token": fake.token, "max_retries": 1}
    yield SimpleNamespace(fake=fake, options=options, base_url=base_url)
    fake.hostile = None


def _api_requests(fake):
    return [r for r in fake.requests if r.path.startswith("/api/")]


# 1. Silent wrong results: a byids answer is checked against the request.


@pytest.mark.parametrize("kind", KINDS)
def test_a_byids_answer_that_leaves_out_a_file_names_it_or_leaves_it_out_when_asked(kind, world, figures):
    fake, options = world.fake, world.options
    asked = [f["id"] for f in fake.files[:300]]
    fake.hostile = Hostile("byids_omit", seed=3)
    error, _ = failure(kind, lambda c: c.files.retrieve(asked), **options)
    assert type(error) is NotFoundError
    assert len(error.missing) == 1
    assert error.missing[0] in asked
    assert REQUEST_ID.fullmatch(error.request_id)
    fake.hostile = Hostile("byids_omit", seed=3)  # the same file left out again
    files = run(kind, lambda c: c.files.retrieve(asked, ignore_unknown_ids=True), **options)
    assert [f.id for f in files] == [i for i in asked if i != error.missing[0]]
    figures.update(requests=len(_api_requests(fake)), items_checked=len(files))


@pytest.mark.parametrize("kind", KINDS)
def test_a_reordered_byids_answer_comes_back_in_request_order(kind, world, figures):
    fake, options = world.fake, world.options
    by_id = {f["id"]: f for f in fake.files}
    # Ids, external ids and a duplicate, 2,400 of them: three chunks, each answered in reverse.
    asked = [
        f["id"] if n % 2 else f["externalId"] for n, f in enumerate(fake.files[:2_400]) if "externalId" in f
    ]
    fake.hostile = Hostile("byids_reorder")
    files = run(kind, lambda c: c.files.retrieve(asked), **options)
    expected = [f["id"] for f in fake.files[:2_400] if "externalId" in f]
    assert [f.id for f in files] == expected
    assert [f.dump() for f in files] == [by_id[i] for i in expected]
    figures.update(requests=len(_api_requests(fake)), items_checked=len(files))


@pytest.mark.parametrize("kind", KINDS)
def test_a_byids_answer_with_a_file_nobody_asked_for_is_an_invalid_response(kind, world, figures):
    fake, options = world.fake, world.options
    asked = [f["id"] for f in fake.files[100:150]]
    fake.hostile = Hostile("byids_extra")
    error, _ = failure(kind, lambda c: c.files.retrieve(asked), **options)
    assert type(error) is InvalidResponseError
    assert "51 items where at most 50 were asked for" in str(error)
    # With an unknown id left out, the extra file fits the count: it is caught by what it is.
    unknown = max(f["id"] for f in fake.files) + 1
    error, _ = failure(
        kind, lambda c: c.files.retrieve([*asked, unknown], ignore_unknown_ids=True), **options
    )
    assert type(error) is InvalidResponseError
    assert "which was not asked for" in str(error)
    assert REQUEST_ID.fullmatch(error.request_id)
    figures.update(requests=len(_api_requests(fake)))


# 2. Unbounded time: the deadline bounds every attempt, body reads included.

CALLS = {
    "get": lambda fake: lambda c: c.files.get(fake.files[0]["id"]),
    "retrieve": lambda fake: lambda c: c.files.retrieve([f["id"] for f in fake.files[:1500]]),
    "filter-partitioned": lambda _: lambda c: c.files.filter(partitions=3, page_size=200).to_list(),
    "assets": lambda _: lambda c: c.assets.list(page_size=50).to_list(),
}


@pytest.mark.parametrize("call", sorted(CALLS))
@pytest.mark.parametrize("mode", ["drip", "stall", "stall_body"])
@pytest.mark.parametrize("kind", KINDS)
def test_an_answer_that_drips_or_stalls_ends_at_the_deadline(kind, mode, call, world, figures):
    fake, options = world.fake, world.options
    deadline = 1.5
    # One byte every 0.2 s never trips the read timeout; a stall of 60 s would, after a minute.
    fake.hostile = Hostile(mode, chunk_bytes=1, interval_s=0.2, duration_s=60)
    error, took = failure(kind, CALLS[call](fake), **options, deadline=deadline)
    assert type(error) is CDFTimeoutError, error
    assert "the deadline of 1.5 s (deadline=) passed" in str(error)
    assert took < deadline + DEADLINE_MARGIN_S
    figures.update(requests=len(_api_requests(fake)), longest_call_ms=round(took * 1000))


@pytest.mark.parametrize("partitions", [None, 3])
@pytest.mark.parametrize("limit", [10, None])
@pytest.mark.parametrize("kind", KINDS)
def test_endless_empty_pages_with_fresh_cursors_end_in_no_progress_error(
    kind, limit, partitions, world, figures
):
    fake, options = world.fake, world.options
    fake.hostile = Hostile("empty_pages")
    error, _ = failure(kind, lambda c: c.files.list(limit=limit, partitions=partitions).to_list(), **options)
    assert type(error) is NoProgressError
    assert f"{MAX_EMPTY_PAGES} pages in a row without items" in str(error)
    # Stopped after the bound, in every partition, not looped on.
    assert len(_api_requests(fake)) <= MAX_EMPTY_PAGES * (partitions or 1) + (partitions or 1)
    figures.update(requests=len(_api_requests(fake)))


@pytest.mark.parametrize("kind", KINDS)
def test_a_cursor_that_names_itself_is_detected(kind, world, figures):
    fake, options = world.fake, world.options
    fake.hostile = Hostile("cursor_loop")
    error, _ = failure(kind, lambda c: c.assets.list(page_size=10, partitions=2).to_list(), **options)
    assert type(error) is CursorLoopError
    assert isinstance(error, NoProgressError)
    figures.update(requests=len(_api_requests(fake)))


# 5. Untyped errors: malformed answers are typed errors with the request id, at the boundary.

DAMAGES = ["id_as_string", "id_missing", "name_missing", "name_as_number", "time_as_float", "time_overflow",
           "metadata_as_list"]  # fmt: skip
SHAPED_CALLS = {
    "filter-partitioned": lambda _: lambda c: c.files.filter(partitions=2).dicts().to_list(),
    "get": lambda fake: lambda c: c.files.get(fake.files[1]["id"]),
    "retrieve": lambda fake: lambda c: c.files.retrieve([f["id"] for f in fake.files[:5]]),
    "assets": lambda _: lambda c: c.assets.list().to_list(),
}


@pytest.mark.parametrize("call", sorted(SHAPED_CALLS))
@pytest.mark.parametrize("damage", DAMAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_an_item_with_a_wrong_field_is_an_invalid_response_with_the_request_id(
    kind, damage, call, world, figures
):
    fake, options = world.fake, world.options
    fake.hostile = Hostile("wrong_types", damage=(damage,))
    error, _ = failure(kind, SHAPED_CALLS[call](fake), **options)
    assert type(error) is InvalidResponseError, error
    assert REQUEST_ID.fullmatch(error.request_id)
    assert "it must be" in str(error)
    figures.update(requests=len(_api_requests(fake)))


@pytest.mark.parametrize("kind", KINDS)
def test_corrupt_gzip_is_an_invalid_response(kind, world, figures):
    fake, options = world.fake, world.options
    fake.hostile = Hostile("corrupt_gzip")
    error, _ = failure(kind, lambda c: c.files.filter(partitions=2).to_list(), **options)
    assert type(error) is InvalidResponseError
    assert "gzip body that does not decode" in str(error)
    assert REQUEST_ID.fullmatch(error.request_id)
    figures.update(requests=len(_api_requests(fake)))


def test_aclose_during_an_async_listing_is_client_closed_error(world, figures):
    fake, options = world.fake, world.options
    outcomes = []

    async def scenario(mode, partitions):
        fake.hostile = mode
        async with AsyncCDFClient(**options) as client:
            started = asyncio.Event()

            async def consume():
                files = []
                async for file in client.files.filter(partitions=partitions, page_size=100):
                    started.set()
                    files.append(file)
                return files

            task = asyncio.ensure_future(consume())
            # Closed once items flow (between pages: 25 pages to go), or while the first answer
            # is still on its way (dripping, or stalled after its headers).
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(started.wait(), 0.3)
            await client.aclose()
            try:
                await task
            except BaseException as error:  # noqa: BLE001 (the outcome is what is asserted)
                outcomes.append(type(error))
            else:
                outcomes.append(None)

    for mode in (
        None,
        Hostile("drip", chunk_bytes=5000, interval_s=0.05),
        Hostile("stall_body", duration_s=5),
    ):
        for partitions in (None, 3):
            asyncio.run(asyncio.wait_for(scenario(mode, partitions), 60))
    assert outcomes == [ClientClosedError] * 6
    figures.update(requests=len(_api_requests(fake)))


# 3. Unbounded memory: bodies are read within max_response_bytes, measured in a child process.

_PROBE = """
import asyncio, json, sys
from cdf_client import AsyncCDFClient, CDFClient, CDFError

def high_water():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM"))

kind, base_url, token, cap = sys.argv[1:5]
options = {"project": "demo", "base_url": base_url, "token": token, "max_retries": 0, "deadline": 120}
if cap != "default":
    options["max_response_bytes"] = int(cap)

async def in_async():
    async with AsyncCDFClient(**options) as client:
        await client.files.list(page_size=1000).to_list()

def in_sync():
    with CDFClient(**options) as client:
        client.files.list(page_size=1000).to_list()

before = high_water()
try:
    in_sync() if kind == "sync" else asyncio.run(in_async())
    outcome = "no error"
except CDFError as error:
    outcome = type(error).__name__
print(json.dumps({"outcome": outcome, "growth": high_water() - before}))
"""

MIB = 2**20


@pytest.mark.parametrize(
    ("mode", "cap"),
    [("gzip_bomb", "default"), ("gzip_bomb", 8 * MIB), ("endless", 8 * MIB), ("oversized", 8 * MIB)],
    ids=["bomb-1GiB-default-cap", "bomb-1GiB-8MiB-cap", "endless-8MiB-cap", "oversized-64MiB-8MiB-cap"],
)
@pytest.mark.parametrize("kind", KINDS)
def test_a_body_past_the_cap_is_a_typed_error_and_memory_stays_bounded(kind, mode, cap, world, figures):
    fake = world.fake
    base_url = world.base_url
    fake.hostile = Hostile(mode)  # 1 GiB inflated, 1 GiB endless, 64 MiB with an honest length
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, kind, base_url, fake.token, str(cap)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    result = json.loads(done.stdout)
    assert result["outcome"] == "ResponseTooLargeError", done.stderr[-2000:]
    limit = DEFAULT_MAX_RESPONSE_BYTES if cap == "default" else cap
    # The body up to the cap and a step of inflating: 3.1 GB for the bomb before the cap existed.
    assert result["growth"] < limit + 16 * MIB
    figures.update(requests=len(_api_requests(fake)), rss_growth_mb=round(result["growth"] / MIB))
