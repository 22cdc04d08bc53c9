"""Fault storms over loopback: listings of 100,000+ files and retrieves of 10,000 ids lose and repeat nothing.

A seeded third of the requests answers 429/502/503/504 (some with a gateway's HTML instead of JSON),
some connections drop mid-body and some answers stall beyond the client's 0.5 s read timeout.
"""

from __future__ import annotations

import asyncio
import random

import httpx
import pytest
from _reliability import HANG_GUARD_S, SOAK, fast_backoff, scale, server_counts

from cdf_client import AsyncCDFClient, CDFClient
from cdf_client.testing import FakeCDF, Faults

FILES = scale(100_000, 300_000)
RETRIEVE = scale(10_000, 50_000)
READ_TIMEOUT = httpx.Timeout(5.0, read=0.5)
# Retries enough that a seeded run of bad luck (p = 0.45 per attempt) cannot exhaust them.
MAX_RETRIES = 25


def storm(seed: int) -> Faults:
    # stall_s is six times the read timeout: the client gives up first even when a loaded machine
    # fires its timer late (a stall that outlasts the client ends in uvicorn's 500, not a timeout).
    return Faults(
        seed=seed,
        rate=1 / 3,
        statuses=(429, 502, 503, 504),
        non_json_rate=0.3,
        drop_rate=0.05,
        stall_rate=0.03,
        stall_s=3.0,
    )


@pytest.fixture(scope="module")
def served():
    fake = FakeCDF.generate(files=FILES, seed=7)
    with fake.serve() as base_url:
        yield fake, base_url


def _client(cls, fake, base_url, **options):
    client = cls(project=fake.project, base_url=base_url, token=fake.token, timeout=READ_TIMEOUT, **options)
    fast_backoff(client, max_retries=MAX_RETRIES)
    return client


def _record(figures, fake, retries, items, *, every_kind=True):
    counts = server_counts(fake)
    figures.update(counts, retries=retries.count, items_checked=items)
    # The storm really happened: faults reached the client (each kind of them, in the long listings).
    statuses = {r.status for r in fake.requests}
    expected = {0, 429, 502, 503, 504} if every_kind else set()
    assert expected <= statuses, statuses
    assert counts["requests_faulted"] > 0
    assert retries.count >= counts["requests_faulted"]


# Each (sync|async) x (sequential|partitioned) combination runs in CI on one endpoint; the other
# endpoint's run of the same combination is part of the soak mode.
SYNC_LISTINGS = [
    pytest.param("filter", None, id="filter-sequential"),
    pytest.param("list", 10, id="list-10-partitions"),
    pytest.param("list", None, id="list-sequential", marks=pytest.mark.slow),
    pytest.param("filter", 4, id="filter-4-partitions", marks=pytest.mark.slow),
]
ASYNC_LISTINGS = [
    pytest.param("list", None, id="list-sequential"),
    pytest.param("filter", 4, id="filter-4-partitions"),
    pytest.param("filter", None, id="filter-sequential", marks=pytest.mark.slow),
    pytest.param("list", 10, id="list-10-partitions", marks=pytest.mark.slow),
]


@pytest.mark.parametrize(("operation", "partitions"), SYNC_LISTINGS)
def test_sync_listing_under_a_fault_storm_returns_every_id_once(
    served, operation, partitions, figures, retries
):
    fake, base_url = served
    fake.faults = storm(seed=11 + (partitions or 0))
    fake.clear_requests()
    try:
        with _client(CDFClient, fake, base_url) as client:
            listing = getattr(client.files, operation)(partitions=partitions)
            ids = [item["id"] for item in listing.dicts()]
    finally:
        fake.faults = Faults()
    assert len(ids) == len(set(ids))
    assert set(ids) == {f["id"] for f in fake.files}
    _record(figures, fake, retries, len(ids))


@pytest.mark.parametrize(("operation", "partitions"), ASYNC_LISTINGS)
def test_async_listing_under_a_fault_storm_returns_every_id_once(
    served, operation, partitions, figures, retries
):
    fake, base_url = served
    fake.faults = storm(seed=23 + (partitions or 0))
    fake.clear_requests()

    async def run():
        async with _client(AsyncCDFClient, fake, base_url) as client:
            listing = getattr(client.files, operation)(partitions=partitions)
            return [item["id"] async for item in listing.dicts()]

    try:
        ids = asyncio.run(asyncio.wait_for(run(), HANG_GUARD_S))
    finally:
        fake.faults = Faults()
    assert len(ids) == len(set(ids))
    assert set(ids) == {f["id"] for f in fake.files}
    _record(figures, fake, retries, len(ids))


@pytest.mark.slow
def test_typed_items_under_a_fault_storm_match_the_server(served, figures, retries):
    """The model path (File objects, not dicts) sees the same storm and the same data."""
    fake, base_url = served
    fake.faults = storm(seed=31)
    fake.clear_requests()
    try:
        with _client(CDFClient, fake, base_url) as client:
            files = client.files.filter(partitions=3).to_list()
    finally:
        fake.faults = Faults()
    by_id = {f["id"]: f for f in fake.files}
    assert len(files) == len(by_id)
    assert all(
        f.name == by_id[f.id]["name"] and f.external_id == by_id[f.id].get("externalId") for f in files
    )
    _record(figures, fake, retries, len(files))


def _identifiers(fake, count, seed):
    """A seeded mix of ids and external ids of distinct files, in random order."""
    chosen = random.Random(seed).sample(fake.files, count)  # noqa: S311 (reproducible, not secret)
    return [
        f["externalId"] if "externalId" in f and index % 3 == 0 else f["id"] for index, f in enumerate(chosen)
    ]


def _expected_ids(fake, identifiers):
    by_external = {f["externalId"]: f["id"] for f in fake.files if "externalId" in f}
    return [by_external[i] if isinstance(i, str) else i for i in identifiers]


def test_sync_retrieve_of_10000_ids_under_a_fault_storm(served, figures, retries):
    fake, base_url = served
    identifiers = _identifiers(fake, RETRIEVE, seed=1)
    fake.faults = storm(seed=41)
    fake.clear_requests()
    try:
        with _client(CDFClient, fake, base_url) as client:
            files = client.files.retrieve(identifiers)
    finally:
        fake.faults = Faults()
    # Request order kept, each file exactly once.
    assert [f.id for f in files] == _expected_ids(fake, identifiers)
    _record(figures, fake, retries, len(files), every_kind=False)


def test_async_retrieve_of_10000_ids_under_a_fault_storm(served, figures, retries):
    fake, base_url = served
    identifiers = _identifiers(fake, RETRIEVE, seed=2)
    fake.faults = storm(seed=43)
    fake.clear_requests()

    async def run():
        async with _client(AsyncCDFClient, fake, base_url) as client:
            return await client.files.retrieve(identifiers)

    try:
        files = asyncio.run(asyncio.wait_for(run(), HANG_GUARD_S))
    finally:
        fake.faults = Faults()
    assert [f.id for f in files] == _expected_ids(fake, identifiers)
    _record(figures, fake, retries, len(files), every_kind=False)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(scale(3, 10)))
def test_soak_many_seeds_partitioned_async_listings(served, seed, figures, retries):
    """The long mode: more seeds, harsher storms (up to half the requests faulted), assets too."""
    fake, base_url = served
    fake.faults = Faults(
        seed=100 + seed,
        rate=0.4 if SOAK else 1 / 3,
        non_json_rate=0.5,
        drop_rate=0.05,
        stall_rate=0.05,
        stall_s=3.0,
    )
    fake.clear_requests()

    async def run():
        async with _client(AsyncCDFClient, fake, base_url, max_concurrency=6) as client:
            files = [d["id"] async for d in client.files.list(partitions=1 + seed % 10).dicts()]
            assets = [d["id"] async for d in client.assets.list(partitions=2, page_size=37).dicts()]
            return files, assets

    try:
        files, assets = asyncio.run(asyncio.wait_for(run(), HANG_GUARD_S * 4))
    finally:
        fake.faults = Faults()
    assert sorted(files) == sorted(f["id"] for f in fake.files)
    assert sorted(assets) == sorted(a["id"] for a in fake.assets)
    _record(figures, fake, retries, len(files) + len(assets))
