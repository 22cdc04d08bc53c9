"""A listing that crashes (the consumer raises, or the server fails for good) resumes from its checkpoint.

Nothing is repeated and nothing is skipped, sequential or partitioned, sync or async, with a limit too.
"""

from __future__ import annotations

import asyncio
import random

import pytest
from _reliability import HANG_GUARD_S, fast_backoff, scale, server_counts

from cdf_client import AsyncCDFClient, CDFClient, Checkpoint, ServerError
from cdf_client.testing import FakeCDF, Faults

PAGE = 100


class CrashError(Exception):
    """The consumer's own failure (a full disk, a bug, a Ctrl-C in a pipeline step)."""


@pytest.fixture(scope="module")
def served():
    fake = FakeCDF.generate(files=scale(3_000, 30_000), seed=5)
    with fake.serve() as base_url:
        yield fake, base_url


@pytest.fixture
def fake(served):
    fake, _ = served
    fake.clear_requests()
    # Light background faults: resuming must also work when pages were retried.
    fake.faults = Faults(seed=9, rate=0.1, drop_rate=0.02)
    yield fake
    fake.faults = Faults()


@pytest.fixture
def base_url(served):
    return served[1]


def _all_ids(fake):
    return sorted(f["id"] for f in fake.files)


def _sync_run_with_crashes(client, crash_points, *, partitions, limit=None):
    """Consume the listing, crashing after each number of items in `crash_points`, resuming each time."""
    received, checkpoint, crashes = [], None, 0
    points = iter(crash_points)
    while True:
        crash_after = next(points, None)
        # The checkpoint belongs to the listing object that is iterated: here the dicts() one.
        listing = client.files.list(
            partitions=partitions, page_size=PAGE, limit=limit, resume_from=checkpoint
        ).dicts()
        try:
            for count, item in enumerate(listing, 1):
                received.append(item["id"])
                if count == crash_after:
                    raise CrashError  # noqa: TRY301 (the consumer's failure, caught like a pipeline would)
        except CrashError:
            crashes += 1
            # Across processes: the checkpoint goes through JSON.
            checkpoint = Checkpoint.from_json(listing.checkpoint.to_json()).to_json()
            continue
        assert listing.checkpoint.done or listing.checkpoint.yielded == limit
        return received, crashes


async def _async_run_with_crashes(client, crash_points, *, partitions, limit=None):
    received, checkpoint, crashes = [], None, 0
    points = iter(crash_points)
    while True:
        crash_after = next(points, None)
        listing = client.files.filter(
            partitions=partitions, page_size=PAGE, limit=limit, resume_from=checkpoint
        ).dicts()
        iterator = aiter(listing)
        try:
            count = 0
            async for item in iterator:
                received.append(item["id"])
                count += 1
                if count == crash_after:
                    raise CrashError  # noqa: TRY301
        except CrashError:
            crashes += 1
            checkpoint = listing.checkpoint.to_dict()
            continue
        finally:
            await iterator.aclose()
        assert listing.checkpoint.done or listing.checkpoint.yielded == limit
        return received, crashes


# Crash points: the first item, mid page, exactly on a page boundary, one past it, deep in the listing.
CRASH_POINTS = [1, 37, PAGE, PAGE + 1, 777]


@pytest.mark.parametrize("partitions", [None, 3])
def test_sync_consumer_crashes_resume_without_repeats_or_gaps(fake, base_url, partitions, figures, retries):
    with CDFClient(project=fake.project, base_url=base_url, token=fake.token) as client:
        fast_backoff(client, max_retries=20)
        received, crashes = _sync_run_with_crashes(client, CRASH_POINTS, partitions=partitions)
    assert len(received) == len(set(received))
    assert sorted(received) == _all_ids(fake)
    assert crashes == len(CRASH_POINTS)
    figures.update(server_counts(fake), retries=retries.count, items_checked=len(received), crashes=crashes)


@pytest.mark.parametrize("partitions", [None, 3])
def test_async_consumer_crashes_resume_without_repeats_or_gaps(fake, base_url, partitions, figures, retries):
    async def run():
        async with AsyncCDFClient(project=fake.project, base_url=base_url, token=fake.token) as client:
            fast_backoff(client, max_retries=20)
            return await _async_run_with_crashes(client, CRASH_POINTS, partitions=partitions)

    received, crashes = asyncio.run(asyncio.wait_for(run(), HANG_GUARD_S))
    assert len(received) == len(set(received))
    assert sorted(received) == _all_ids(fake)
    assert crashes == len(CRASH_POINTS)
    figures.update(server_counts(fake), retries=retries.count, items_checked=len(received), crashes=crashes)


@pytest.mark.parametrize("seed", range(scale(3, 25)))
def test_random_crash_points_with_a_limit_deliver_exactly_limit_distinct_items(fake, base_url, seed, figures):
    rng = random.Random(seed)  # noqa: S311 (reproducible, not secret)
    limit = rng.randrange(1, len(fake.files) + 200)
    points = [rng.randrange(1, 400) for _ in range(rng.randrange(1, 8))]
    partitions = rng.choice([None, 2, 5, 10])
    with CDFClient(project=fake.project, base_url=base_url, token=fake.token) as client:
        fast_backoff(client, max_retries=20)
        received, _ = _sync_run_with_crashes(client, points, partitions=partitions, limit=limit)
    assert len(received) == len(set(received)) == min(limit, len(fake.files))
    assert set(received) <= set(_all_ids(fake))
    figures.update(server_counts(fake), items_checked=len(received), crashes=len(points))


def _failing_after(fake, pages):
    """Let `pages` listing pages through, then every request fails with a 500 (not retryable)."""
    served = [0]

    def on_item(index):
        # Switched by the consumer after the items of `pages` pages, so the prefetched page fails too.
        if index == pages * PAGE and served[0] == 0:
            served[0] = 1
            fake.faults = Faults(rate=1.0, statuses=(500,))

    return on_item


@pytest.mark.parametrize("partitions", [None, 4])
@pytest.mark.parametrize("pages", [1, 6])
def test_sync_fatal_server_error_after_n_pages_resumes_from_the_checkpoint(
    fake, base_url, partitions, pages, figures
):
    fake.faults = Faults()
    on_item = _failing_after(fake, pages)
    received = []
    with CDFClient(project=fake.project, base_url=base_url, token=fake.token) as client:
        listing = client.files.filter(partitions=partitions, page_size=PAGE).dicts()

        def consume():
            for index, item in enumerate(listing, 1):
                received.append(item["id"])
                on_item(index)

        with pytest.raises(ServerError) as info:
            consume()
        assert info.value.status == 500
        assert info.value.request_id
        first = len(received)
        fake.faults = Faults()
        resumed = client.files.filter(partitions=partitions, page_size=PAGE, resume_from=listing.checkpoint)
        received += [item["id"] for item in resumed.dicts()]
    assert first >= pages * PAGE
    assert len(received) == len(set(received))
    assert sorted(received) == _all_ids(fake)
    figures.update(server_counts(fake), items_checked=len(received))


@pytest.mark.parametrize("partitions", [None, 4])
def test_async_fatal_server_error_after_n_pages_resumes_from_the_checkpoint(
    fake, base_url, partitions, figures
):
    fake.faults = Faults()
    on_item = _failing_after(fake, 3)

    async def run():
        received = []
        async with AsyncCDFClient(project=fake.project, base_url=base_url, token=fake.token) as client:
            listing = client.files.list(partitions=partitions, page_size=PAGE).dicts()

            async def consume():
                async for item in listing:
                    received.append(item["id"])
                    on_item(len(received))

            with pytest.raises(ServerError):
                await consume()
            fake.faults = Faults()
            resumed = client.files.list(partitions=partitions, page_size=PAGE, resume_from=listing.checkpoint)
            received += [item["id"] async for item in resumed.dicts()]
        return received

    received = asyncio.run(asyncio.wait_for(run(), HANG_GUARD_S))
    assert len(received) == len(set(received))
    assert sorted(received) == _all_ids(fake)
    figures.update(server_counts(fake), items_checked=len(received))
