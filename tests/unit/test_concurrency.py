import asyncio

import pytest

from cdf_client._concurrency import AdaptiveLimiter

pytestmark = pytest.mark.anyio


async def test_never_more_than_the_budget_in_flight():
    limiter = AdaptiveLimiter(3)

    async def work():
        await limiter.acquire()
        await asyncio.sleep(0)
        limiter.release()

    await asyncio.gather(*(work() for _ in range(20)))
    assert limiter.peak_in_flight == 3
    assert limiter.in_flight == 0


async def test_throttling_halves_down_to_one_and_successes_add_back():
    limiter = AdaptiveLimiter(8)
    for _ in range(5):
        limiter.adjust(throttled=True, succeeded=False)
    assert limiter.allowed == 1
    for _ in range(200):
        limiter.adjust(throttled=False, succeeded=True)
    assert limiter.allowed == 8


async def test_a_cancelled_waiter_does_not_strand_the_others():
    limiter = AdaptiveLimiter(1)
    await limiter.acquire()
    first = asyncio.create_task(limiter.acquire())
    second = asyncio.create_task(limiter.acquire())
    await asyncio.sleep(0)
    first.cancel()
    limiter.release()
    await asyncio.wait_for(second, 1)
    assert limiter.in_flight == 1
