"""The request budget against CDF's own: the fake's throttle counts what it accepted and refused.

The fake enforces CDF's per-identity budget for listing (23 requests a second, 12 in flight, refused
requests charged, no `Retry-After`), with 50 ms of latency per request. The figures asserted are the
fake's counters of 429 answers, never a timing: a client that overshoots the budget is refused, one
that paces under it is not, whatever the machine's speed. How many requests of the first burst are
refused depends on how the requests in flight interleave (and so on the machine's load), so a
learning client is judged by the median of three runs against a bound with room for a loaded
machine: a client that does not learn is refused about half its requests here (the issue's table:
51 of 100). The targets themselves (at most 5, and 10 for two clients) are scripts/bench's
scenario 6, measured on a quiet machine.
"""

from __future__ import annotations

import asyncio
import statistics
import threading

import pytest

from cdf_client import AsyncCDFClient, Budget, CDFClient, InvalidArgumentError
from cdf_client.testing import FakeCDF, Faults, Throttle

N_FILES = 20_000
PAGE_SIZE = 400  # 50 pages: about 2.2 s of CDF's budget at 23 requests a second
RUNS = 3
LEARNING_BOUND = 12  # 429s; a client that does not learn gets about 50 here
HANG_GUARD_S = 120


@pytest.fixture(scope="module")
def fake():
    fake = FakeCDF.generate(files=N_FILES, seed=5, record_requests=False)
    fake.faults = Faults(latency_ms=50)
    return fake


@pytest.fixture
def throttled(fake):
    fake.throttle = Throttle(rate=23, max_concurrency=12)  # fresh buckets and counters
    yield fake
    fake.throttle = None


def _refused_in_fresh_runs(fake, run) -> list[int]:
    refused = []
    for _ in range(RUNS):
        fake.throttle = Throttle(rate=23, max_concurrency=12)  # CDF's budget, full again
        run()
        refused.append(fake.throttle_stats.refused)
    return refused


def test_a_partitioned_listing_learns_the_rate_and_is_refused_a_few_times_only(throttled):
    def run():
        with throttled.client() as client:
            assert len(client.files.filter(partitions=10, page_size=PAGE_SIZE).to_list()) == N_FILES

    assert statistics.median(_refused_in_fresh_runs(throttled, run)) <= LEARNING_BOUND


def test_an_async_partitioned_listing_learns_the_rate_too(throttled):
    async def listing():
        async with throttled.async_client() as client:
            assert len(await client.files.filter(partitions=10, page_size=PAGE_SIZE).to_list()) == N_FILES

    refused = _refused_in_fresh_runs(
        throttled, lambda: asyncio.run(asyncio.wait_for(listing(), HANG_GUARD_S))
    )
    assert statistics.median(refused) <= LEARNING_BOUND


def test_a_known_rate_is_never_refused(throttled):
    with throttled.client(max_requests_per_second=23) as client:
        assert len(client.files.filter(partitions=10, page_size=PAGE_SIZE).to_list()) == N_FILES
        ids = [f.id for f in client.files.filter(limit=5000).to_list()]
        assert len(client.files.retrieve(ids)) == 5000  # five byids chunks at once
    assert throttled.throttle_stats.refused == 0


def test_byids_chunks_share_the_budget_and_learn_it(throttled):
    ids = [file["id"] for file in throttled.files]

    async def retrieve():
        async with throttled.async_client() as client:
            for _ in range(2):  # 40 chunks of 1000 in two waves of 20
                assert len(await client.files.retrieve(ids)) == N_FILES

    refused = _refused_in_fresh_runs(
        throttled, lambda: asyncio.run(asyncio.wait_for(retrieve(), HANG_GUARD_S))
    )
    assert statistics.median(refused) <= LEARNING_BOUND


def test_two_clients_of_one_identity_share_one_budget(throttled):
    def run():
        budget = Budget()
        counts: list[int] = []

        def listing():
            with throttled.client(budget=budget) as client:
                counts.append(len(client.files.filter(partitions=10, page_size=PAGE_SIZE).to_list()))

        threads = [threading.Thread(target=listing) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(HANG_GUARD_S)
        assert counts == [N_FILES, N_FILES]

    assert statistics.median(_refused_in_fresh_runs(throttled, run)) <= 2 * LEARNING_BOUND


def test_a_shared_budget_carries_its_own_limits(fake):
    with pytest.raises(InvalidArgumentError, match="budget"):
        CDFClient(
            project="p", base_url="https://example.invalid", token="t", budget=Budget(), max_concurrency=4
        )
    with pytest.raises(InvalidArgumentError, match="budget"):
        AsyncCDFClient(project="p", base_url="https://example.invalid", token="t", budget="shared")
    with fake.client(budget=(budget := Budget(max_concurrency=3))) as client:
        assert client.budget is budget
