import asyncio
import threading

import pytest

from cdf_client._async_primitives import AsyncWaiter
from cdf_client._budget import Budget
from cdf_client._sync_primitives import Waiter

pytestmark = pytest.mark.anyio


async def _acquire(budget):
    while True:
        waiter = AsyncWaiter()
        wait = budget.try_acquire(waiter)
        if not wait:
            return
        await waiter.wait(wait)


def _acquire_sync(budget):
    while True:
        waiter = Waiter()
        wait = budget.try_acquire(waiter)
        if not wait:
            return
        waiter.wait(wait)


async def test_never_more_than_the_budget_in_flight():
    budget = Budget(3)

    async def work():
        await _acquire(budget)
        await asyncio.sleep(0)
        budget.release()

    await asyncio.gather(*(work() for _ in range(20)))
    assert budget.peak_in_flight == 3
    assert budget.in_flight == 0


def test_threads_and_tasks_share_one_budget():
    budget = Budget(2)
    inside = []
    lock = threading.Lock()

    def thread_work():
        for _ in range(20):
            _acquire_sync(budget)
            with lock:
                inside.append(budget.in_flight)
            budget.release()

    async def task_work():
        for _ in range(20):
            await _acquire(budget)
            await asyncio.sleep(0)
            budget.release()

    threads = [threading.Thread(target=thread_work) for _ in range(3)]
    for thread in threads:
        thread.start()

    async def tasks():
        await asyncio.gather(*(task_work() for _ in range(3)))

    asyncio.run(asyncio.wait_for(tasks(), 10))
    for thread in threads:
        thread.join(10)
    assert budget.peak_in_flight <= 2
    assert budget.in_flight == 0
    assert max(inside) <= 2


async def test_throttling_halves_down_to_one_and_successes_add_back():
    budget = Budget(8)
    for _ in range(5):
        budget.adjust(throttled=True, succeeded=False)
    assert budget.allowed == 1
    for _ in range(200):
        budget.adjust(throttled=False, succeeded=True)
    assert budget.allowed == 8


async def test_a_cancelled_waiter_does_not_strand_the_others():
    budget = Budget(1)
    await _acquire(budget)
    first = asyncio.create_task(_acquire(budget))
    second = asyncio.create_task(_acquire(budget))
    await asyncio.sleep(0)
    first.cancel()
    budget.release()
    await asyncio.wait_for(second, 1)
    assert budget.in_flight == 1


def test_a_known_rate_spaces_request_starts():
    now = [0.0]
    budget = Budget(10, requests_per_second=4, clock=lambda: now[0])
    assert budget.try_acquire(Waiter()) == 0
    assert budget.try_acquire(Waiter()) == pytest.approx(0.05)  # waits (in slices) for the next 0.25 s
    now[0] = 0.25
    assert budget.try_acquire(Waiter()) == 0
