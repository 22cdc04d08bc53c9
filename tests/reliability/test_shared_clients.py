"""One sync client shared by threads, one async client shared by many tasks: every answer stays correct."""

from __future__ import annotations

import asyncio
import concurrent.futures
import random

import pytest
from _reliability import HANG_GUARD_S, fast_backoff, scale, server_counts

from cdf_client import AsyncCDFClient, CDFClient, NotFoundError
from cdf_client.testing import FakeCDF, Faults

WORKERS = scale(8, 32)
ROUNDS = scale(4, 20)


@pytest.fixture(scope="module")
def served():
    fake = FakeCDF.generate(files=scale(4_000, 40_000), seed=12)
    with fake.serve() as base_url:
        yield fake, base_url


def _jobs(fake, seed):
    """A seeded mix of calls with their expected answers, computed from the server's own data."""
    rng = random.Random(seed)  # noqa: S311 (reproducible, not secret)
    files = fake.files
    mime = rng.choice(sorted({f["mimeType"] for f in files if "mimeType" in f}))
    sample = rng.sample(files, 1500)
    return [
        (
            "filter",
            {"mime_type": mime, "partitions": rng.choice([None, 3])},
            sorted(f["id"] for f in files if f.get("mimeType") == mime),
        ),
        ("list", {"partitions": rng.choice([None, 2, 5]), "page_size": 500}, sorted(f["id"] for f in files)),
        ("retrieve", [f["id"] for f in sample], [f["id"] for f in sample]),
        ("get", sample[0]["id"], sample[0]["id"]),
        ("missing", [sample[1]["id"], 1], None),
    ]


def _check(kind, result, expected):
    if kind in {"filter", "list"}:
        assert sorted(d["id"] for d in result) == expected
    elif kind == "retrieve":
        assert [f.id for f in result] == expected
    elif kind == "get":
        assert result.id == expected
    else:
        assert isinstance(result, NotFoundError)
        assert result.missing == [1]


def _sync_call(client, kind, argument):
    if kind in {"filter", "list"}:
        return getattr(client.files, kind)(**argument).dicts().to_list()
    if kind == "retrieve":
        return client.files.retrieve(argument)
    if kind == "get":
        return client.files.get(argument)
    try:
        client.files.retrieve(argument)
    except NotFoundError as error:
        return error
    return None


async def _async_call(client, kind, argument):
    if kind in {"filter", "list"}:
        return await getattr(client.files, kind)(**argument).dicts().to_list()
    if kind == "retrieve":
        return await client.files.retrieve(argument)
    if kind == "get":
        return await client.files.get(argument)
    try:
        await client.files.retrieve(argument)
    except NotFoundError as error:
        return error
    return None


def test_one_sync_client_shared_by_threads_answers_each_correctly(served, figures, retries):
    fake, base_url = served
    fake.clear_requests()
    fake.faults = Faults(seed=4, rate=0.1, drop_rate=0.02, latency_ms=2)
    jobs = [job for worker in range(WORKERS) for job in _jobs(fake, worker)] * (ROUNDS // 2)
    try:
        with (
            CDFClient(project=fake.project, base_url=base_url, token=fake.token, max_concurrency=6) as client,
            concurrent.futures.ThreadPoolExecutor(WORKERS) as pool,
        ):
            fast_backoff(client, max_retries=20)
            futures = [
                (kind, expected, pool.submit(_sync_call, client, kind, arg)) for kind, arg, expected in jobs
            ]
            for kind, expected, future in futures:
                _check(kind, future.result(timeout=HANG_GUARD_S), expected)
    finally:
        fake.faults = Faults()
    assert fake.peak_in_flight <= 6
    figures.update(server_counts(fake), retries=retries.count, calls=len(jobs), threads=WORKERS)


def test_one_async_client_shared_by_many_tasks_answers_each_correctly(served, figures, retries):
    fake, base_url = served
    fake.clear_requests()
    fake.faults = Faults(seed=5, rate=0.1, drop_rate=0.02, latency_ms=2)
    jobs = [job for worker in range(WORKERS * 4) for job in _jobs(fake, 100 + worker)]

    async def run():
        async with AsyncCDFClient(
            project=fake.project, base_url=base_url, token=fake.token, max_concurrency=6
        ) as c:
            fast_backoff(c, max_retries=20)
            return await asyncio.gather(*(_async_call(c, kind, arg) for kind, arg, _ in jobs))

    try:
        results = asyncio.run(asyncio.wait_for(run(), HANG_GUARD_S))
    finally:
        fake.faults = Faults()
    for (kind, _, expected), result in zip(jobs, results, strict=True):
        _check(kind, result, expected)
    assert fake.peak_in_flight <= 6
    figures.update(server_counts(fake), retries=retries.count, calls=len(jobs), tasks=len(jobs))


def test_listings_abandoned_mid_way_by_threads_leave_the_client_usable(served):
    """Breaking out of a listing cancels its prefetch and partitions; the shared client goes on working."""
    fake, base_url = served
    with CDFClient(project=fake.project, base_url=base_url, token=fake.token, max_concurrency=3) as client:

        def partial(n):
            for count, _ in enumerate(client.files.list(partitions=4, page_size=100).dicts(), 1):
                if count == n:
                    return count
            return None

        with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
            assert list(pool.map(partial, range(1, 200, 13), timeout=HANG_GUARD_S)) == list(range(1, 200, 13))
        assert len(client.files.list(page_size=1000).dicts().to_list()) == len(fake.files)
