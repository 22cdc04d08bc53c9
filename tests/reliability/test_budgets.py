"""Budgets: retries stop at the maximum and at the deadline; in-flight requests never exceed the budget."""

from __future__ import annotations

import asyncio
import concurrent.futures

import pytest
from _reliability import HANG_GUARD_S, core_of, fast_backoff, scale, server_counts

from cdf_client import AsyncCDFClient, CDFClient, CDFTimeoutError, ServerError
from cdf_client.testing import FakeCDF, Faults


@pytest.fixture(scope="module")
def served():
    fake = FakeCDF.generate(files=scale(5_000, 50_000), seed=3)
    with fake.serve() as base_url:
        yield fake, base_url


@pytest.fixture
def fake(served):
    fake, _ = served
    fake.clear_requests()
    yield fake
    fake.faults = Faults()


@pytest.fixture
def base_url(served):
    return served[1]


def _in_thread(function):
    """Run `function` where a hang cannot freeze the suite: it fails after HANG_GUARD_S instead."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(function).result(timeout=HANG_GUARD_S)


@pytest.mark.parametrize("max_retries", [0, 1, 4])
def test_retries_stop_at_the_configured_maximum(fake, base_url, max_retries, figures):
    fake.faults = Faults(rate=1.0, statuses=(503,))
    file_id = fake.files[0]["id"]

    def call():
        with CDFClient(
            project=fake.project, base_url=base_url, token=fake.token, max_retries=max_retries
        ) as c:
            fast_backoff(c)
            with pytest.raises(ServerError) as info:
                c.files.get(file_id)
            return info.value

    error = _in_thread(call)
    assert error.status == 503
    assert error.request_id
    # Exactly one first attempt plus max_retries retries reached the server: no more, no busy loop.
    assert server_counts(fake)["requests"] == max_retries + 1
    figures.update(server_counts(fake), retries=max_retries)


def test_a_server_that_always_answers_503_gives_server_error_with_the_real_backoff(fake, base_url, figures):
    """No test seam: the production backoff (base 0.5 s, full jitter) and 3 retries end in bounded time."""
    fake.faults = Faults(rate=1.0, statuses=(503,), non_json_rate=0.5)

    def call():
        with CDFClient(project=fake.project, base_url=base_url, token=fake.token, max_retries=3) as c:
            with pytest.raises(ServerError) as info:
                c.files.filter().to_list()
            return info.value

    error = _in_thread(call)
    assert error.status == 503
    assert server_counts(fake)["requests"] == 4
    figures.update(server_counts(fake), retries=3)


def test_the_overall_deadline_ends_retrying_before_the_maximum(fake, base_url, figures):
    """A virtual clock: backoff 0.5, 1, 2, 4 s fits in a 10 s deadline; the next 8 s would not."""
    fake.faults = Faults(rate=1.0, statuses=(503,))
    now = [0.0]

    async def virtual_sleep(seconds):
        now[0] += seconds

    async def call():
        async with AsyncCDFClient(
            project=fake.project, base_url=base_url, token=fake.token, max_retries=100
        ) as client:
            policy = core_of(client).policy
            policy.deadline, policy.random = 10.0, lambda: 1.0
            policy.sleep, policy.clock = virtual_sleep, lambda: now[0]
            with pytest.raises(ServerError):
                await client.files.retrieve([fake.files[0]["id"]])

    asyncio.run(asyncio.wait_for(call(), HANG_GUARD_S))
    assert server_counts(fake)["requests"] == 5
    assert now[0] == 0.5 + 1 + 2 + 4
    figures.update(server_counts(fake), retries=4)


def test_stalls_beyond_the_read_timeout_end_in_a_timeout_error_after_the_retries(figures):
    # Its own server: stalled requests stay in flight there for a while after the client gave up.
    fake = FakeCDF.generate(files=10, seed=1, faults=Faults(stall_rate=1.0, stall_s=1.0))

    def call():
        with (
            fake.serve() as base_url,
            CDFClient(
                project=fake.project, base_url=base_url, token=fake.token, timeout=0.3, max_retries=2
            ) as c,
        ):
            fast_backoff(c)
            with pytest.raises(CDFTimeoutError) as info:
                c.files.get(fake.files[0]["id"])
            return info.value

    error = _in_thread(call)
    assert isinstance(error, TimeoutError)
    assert server_counts(fake)["requests"] == 3
    figures.update(server_counts(fake), retries=2)


@pytest.mark.parametrize("budget", [1, 3, 8])
def test_requests_in_flight_never_exceed_the_budget(fake, base_url, budget, figures):
    """Measured at the server: 10 partitions, a chunked retrieve and 20 gets all share one budget."""
    fake.faults = Faults(latency_ms=15)
    ids = [f["id"] for f in fake.files]
    chunked = ids[: scale(3_000, 20_000)]

    async def call():
        async with AsyncCDFClient(
            project=fake.project, base_url=base_url, token=fake.token, max_concurrency=budget
        ) as client:
            listing = client.files.filter(partitions=10, page_size=200)
            listed, retrieved, *got = await asyncio.gather(
                listing.dicts().to_list(),
                client.files.retrieve(chunked),
                *(client.files.get(i) for i in ids[:20]),
            )
            return listed, retrieved, got, core_of(client).budget.peak_in_flight

    listed, retrieved, got, client_peak = asyncio.run(asyncio.wait_for(call(), HANG_GUARD_S))
    assert sorted(d["id"] for d in listed) == sorted(ids)
    assert [f.id for f in retrieved] == chunked
    assert [f.id for f in got] == ids[:20]
    assert fake.peak_in_flight <= budget
    assert client_peak <= budget
    if budget > 1:
        assert fake.peak_in_flight > 1  # the budget is used, not serialised away
    figures.update(server_counts(fake), peak_in_flight=fake.peak_in_flight, budget=budget)
    figures["items_checked"] = len(listed) + len(retrieved) + len(got)


def test_the_sync_client_shares_one_budget_between_threads(fake, base_url, figures):
    fake.faults = Faults(latency_ms=10)
    ids = [f["id"] for f in fake.files]
    with (
        CDFClient(project=fake.project, base_url=base_url, token=fake.token, max_concurrency=2) as c,
        concurrent.futures.ThreadPoolExecutor(6) as pool,
    ):
        futures = [pool.submit(lambda: c.files.list(partitions=3, page_size=500).dicts().to_list())]
        futures += [pool.submit(c.files.get, i) for i in ids[:10]]
        results = [future.result(timeout=HANG_GUARD_S) for future in futures]
    assert sorted(d["id"] for d in results[0]) == sorted(ids)
    assert [f.id for f in results[1:]] == ids[:10]
    assert fake.peak_in_flight <= 2
    figures.update(server_counts(fake), peak_in_flight=fake.peak_in_flight, budget=2)


@pytest.mark.parametrize("server_limit", [1, 3])
def test_under_a_concurrency_limited_server_the_budget_adapts_and_the_listing_completes(
    fake, base_url, server_limit, figures, retries
):
    fake.faults = Faults(max_concurrency=server_limit, latency_ms=10)
    lowest = []

    async def call():
        async with AsyncCDFClient(
            project=fake.project, base_url=base_url, token=fake.token, max_concurrency=10, max_retries=30
        ) as client:
            fast_backoff(client)
            limiter = core_of(client).budget
            adjust = limiter.adjust

            def recording_adjust(slot, **outcome):
                adjust(slot, **outcome)
                lowest.append(limiter.allowed)

            limiter.adjust = recording_adjust
            return await client.files.list(partitions=10, page_size=250).dicts().to_list()

    listed = asyncio.run(asyncio.wait_for(call(), HANG_GUARD_S))
    assert sorted(d["id"] for d in listed) == sorted(f["id"] for f in fake.files)
    counts = server_counts(fake)
    throttled = sum(1 for r in fake.requests if r.status == 429)
    assert throttled > 0
    # The shared budget shrank towards what the server allows instead of retrying at full width.
    assert min(lowest) <= server_limit
    pages = sum(1 for r in fake.requests if r.status == 200)
    assert throttled < 2 * pages
    figures.update(counts, retries=retries.count, items_checked=len(listed), lowest_budget=min(lowest))
