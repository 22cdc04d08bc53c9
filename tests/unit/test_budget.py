import asyncio
import threading

import pytest

from cdf_client import InvalidArgumentError
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
    budget = Budget(max_concurrency=3)

    async def work():
        await _acquire(budget)
        await asyncio.sleep(0)
        budget.release()

    await asyncio.gather(*(work() for _ in range(20)))
    assert budget.peak_in_flight == 3
    assert budget.in_flight == 0


def test_threads_and_tasks_share_one_budget():
    budget = Budget(max_concurrency=2)
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
    now = [0.0]
    budget = Budget(max_concurrency=8, clock=lambda: now[0])
    for _ in range(5):  # too many in flight: each 429 halves
        budget.adjust(throttled=True, succeeded=False, rate_limited=False)
    assert budget.allowed == 1
    assert budget.rate is None  # not about the rate: nothing paced
    for _ in range(200):
        budget.adjust(throttled=False, succeeded=True)
    assert budget.allowed == 8


async def test_a_cancelled_waiter_does_not_strand_the_others():
    budget = Budget(max_concurrency=1)
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
    budget = Budget(max_concurrency=10, max_requests_per_second=4, clock=lambda: now[0])
    assert budget.try_acquire(Waiter()) == 0
    assert budget.try_acquire(Waiter()) == pytest.approx(0.05)  # waits (in slices) for the next 0.25 s
    now[0] = 0.25
    assert budget.try_acquire(Waiter()) == 0


def test_a_429_pauses_every_start_and_sets_the_rate_just_under_what_was_accepted():
    now = [0.0]
    budget = Budget(max_concurrency=10, clock=lambda: now[0])
    for _ in range(20):  # 20 accepted within the last second, unpaced
        assert budget.try_acquire(Waiter()) == 0
        budget.release()
        budget.adjust(throttled=False, succeeded=True)
        now[0] += 0.04
    budget.adjust(throttled=True, succeeded=False)
    # 20 sent over the 0.8 s the client was busy: a burst of one second's worth plus 0.8 s at the rate.
    assert budget.rate == pytest.approx(0.9 * 20 / 1.8)
    assert budget.allowed == 5
    assert budget.try_acquire(Waiter()) > 0  # paused: the refused request's interval
    now[0] += 1 / budget.rate
    assert budget.try_acquire(Waiter()) == 0


def test_the_rate_is_estimated_from_every_request_sent_before_the_refused_one():
    # 10 in flight, one start every 25 ms, each answered 250 ms after it was sent (the server queues):
    # the requests still in flight when a 429 comes back reached the server first, and count.
    now = [0.0]
    budget = Budget(max_concurrency=10, clock=lambda: now[0])
    sent: list[float] = []
    while now[0] < 1.5 - 1e-9:
        if len(sent) >= 10:  # the oldest answers (accepted) before the next starts
            budget.release()
            budget.adjust(throttled=False, succeeded=True, sent=sent[-10])
        assert budget.try_acquire(Waiter()) == 0
        sent.append(now[0])
        now[0] = round(now[0] + 0.025, 6)
    refused = sent[-10]  # the oldest in flight, sent at 1.25 s, comes back refused at 1.5 s
    budget.release()
    budget.adjust(throttled=True, succeeded=False, sent=refused)
    # 50 requests reached the server in the 1.25 s before the refused one: 50 / (1 s + 1.25 s).
    # (Counting only answers of the last second would see 40 over 1 s: a fifth too low.)
    assert budget.rate == pytest.approx(0.9 * 50 / 2.25)


def test_a_burst_of_refusals_about_the_rate_halves_concurrency_once():
    now = [0.0]
    budget = Budget(max_concurrency=10, clock=lambda: now[0])
    for _ in range(8):  # the requests in flight when the server's bucket ran dry
        budget.adjust(throttled=True, succeeded=False)
    assert budget.allowed == 5
    assert budget.throttled == 8
    now[0] += 1.5  # a later burst is a new signal
    budget.adjust(throttled=True, succeeded=False)
    assert budget.allowed == 2


def test_a_burst_of_refusals_lowers_the_rate_once_and_retry_after_pauses_that_long():
    now = [0.0]
    budget = Budget(max_concurrency=10, max_requests_per_second=20, clock=lambda: now[0])
    for _ in range(5):
        budget.adjust(throttled=True, succeeded=False, retry_after=2.0)
    assert budget.rate == pytest.approx(0.75 * 20)  # nothing accepted lately: a quarter off the known rate
    assert budget.throttled == 5
    now[0] += 1.9
    assert budget.try_acquire(Waiter()) > 0
    now[0] += 0.2
    assert budget.try_acquire(Waiter()) == 0


def test_without_429s_the_rate_probes_upward_but_never_past_a_known_rate():
    now = [0.0]
    budget = Budget(max_concurrency=10, max_requests_per_second=10, clock=lambda: now[0])
    budget.adjust(throttled=True, succeeded=False)
    low = budget.rate
    for _ in range(200):
        now[0] += 0.5
        budget.adjust(throttled=False, succeeded=True)
    assert low < budget.rate == 10


def test_limits_are_checked_before_anything_is_sent():
    for bad in ({"max_concurrency": 0}, {"max_concurrency": True}, {"max_requests_per_second": 0}):
        with pytest.raises(InvalidArgumentError):
            Budget(**bad)
