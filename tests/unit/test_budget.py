import asyncio
import threading

import pytest

from cdf_client import InvalidArgumentError
from cdf_client import _budget as budget_module
from cdf_client._async_primitives import AsyncWaiter
from cdf_client._budget import (
    DOCUMENTED,
    MIRROR_SLACK,
    PROBE_BACKOFF_S,
    PROBES_IN_FLIGHT,
    Budget,
    Documented,
    Slot,
)
from cdf_client._sync_primitives import Waiter

pytestmark = pytest.mark.anyio


ACCEPTED = {"throttled": False, "succeeded": True}
REFUSED = {"throttled": True, "succeeded": False}


async def _acquire(budget):
    while True:
        waiter = AsyncWaiter()
        slot = budget.try_acquire(waiter)
        if isinstance(slot, Slot):
            return slot
        await waiter.wait(slot)


def _acquire_sync(budget):
    while True:
        waiter = Waiter()
        slot = budget.try_acquire(waiter)
        if isinstance(slot, Slot):
            return slot
        waiter.wait(slot)


def _start(budget):
    """Take a slot that must be free now."""
    slot = budget.try_acquire(Waiter())
    assert isinstance(slot, Slot), f"had to wait {slot} s"
    return slot


def _waits(budget):
    return not isinstance(budget.try_acquire(Waiter()), Slot)


async def test_never_more_than_the_budget_in_flight():
    budget = Budget(max_concurrency=3)

    async def work():
        slot = await _acquire(budget)
        await asyncio.sleep(0)
        budget.release(slot)

    await asyncio.gather(*(work() for _ in range(20)))
    assert budget.peak_in_flight == 3
    assert budget.in_flight == 0


def test_threads_and_tasks_share_one_budget():
    budget = Budget(max_concurrency=2)
    inside = []
    lock = threading.Lock()

    def thread_work():
        for _ in range(20):
            slot = _acquire_sync(budget)
            with lock:
                inside.append(budget.in_flight)
            budget.release(slot)

    async def task_work():
        for _ in range(20):
            slot = await _acquire(budget)
            await asyncio.sleep(0)
            budget.release(slot)

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
    slot = Slot(0.0)
    for _ in range(5):  # too many in flight: each 429 halves
        budget.adjust(slot, **REFUSED, rate_limited=False)
    assert budget.allowed == 1
    assert budget.rate is None  # not about the rate: nothing paced
    for _ in range(200):
        budget.adjust(slot, **ACCEPTED)
    assert budget.allowed == 8


async def test_a_cancelled_waiter_does_not_strand_the_others():
    budget = Budget(max_concurrency=1)
    slot = await _acquire(budget)
    first = asyncio.create_task(_acquire(budget))
    second = asyncio.create_task(_acquire(budget))
    await asyncio.sleep(0)
    first.cancel()
    budget.release(slot)
    await asyncio.wait_for(second, 1)
    assert budget.in_flight == 1


def test_a_known_rate_spaces_request_starts():
    now = [0.0]
    budget = Budget(max_concurrency=10, max_requests_per_second=4, clock=lambda: now[0])
    _start(budget)
    assert budget.try_acquire(Waiter()) == pytest.approx(0.05)  # waits (in slices) for the next 0.25 s
    now[0] = 0.25
    _start(budget)


def test_a_429_pauses_every_start_and_sets_the_rate_just_under_what_was_accepted():
    now = [0.0]
    budget = Budget(max_concurrency=10, assume_documented=False, clock=lambda: now[0])
    for _ in range(20):  # 20 accepted within the last second, unpaced
        slot = _start(budget)
        budget.release(slot)
        budget.adjust(slot, **ACCEPTED)
        now[0] += 0.04
    budget.adjust(Slot(now[0]), **REFUSED)
    # 20 sent over the 0.8 s the client was busy: a burst of one second's worth plus 0.8 s at the rate.
    assert budget.rate == pytest.approx(0.9 * 20 / 1.8)
    assert budget.allowed == 5
    assert _waits(budget)  # paused: the refused request's interval
    now[0] += 1 / budget.rate
    _start(budget)


def test_the_rate_is_estimated_from_every_request_sent_before_the_refused_one():
    # 10 in flight, one start every 25 ms, each answered 250 ms after it was sent (the server queues):
    # the requests still in flight when a 429 comes back reached the server first, and count.
    now = [0.0]
    budget = Budget(max_concurrency=10, assume_documented=False, clock=lambda: now[0])
    sent: list[Slot] = []
    while now[0] < 1.5 - 1e-9:
        if len(sent) >= 10:  # the oldest answers (accepted) before the next starts
            budget.release(sent[-10])
            budget.adjust(sent[-10], **ACCEPTED)
        sent.append(_start(budget))
        now[0] = round(now[0] + 0.025, 6)
    refused = sent[-10]  # the oldest in flight, sent at 1.25 s, comes back refused at 1.5 s
    budget.release(refused)
    budget.adjust(refused, **REFUSED)
    # 50 requests reached the server in the 1.25 s before the refused one: 50 / (1 s + 1.25 s).
    # (Counting only answers of the last second would see 40 over 1 s: a fifth too low.)
    assert budget.rate == pytest.approx(0.9 * 50 / 2.25)


def test_a_burst_of_refusals_about_the_rate_halves_concurrency_once():
    now = [0.0]
    budget = Budget(max_concurrency=10, assume_documented=False, clock=lambda: now[0])
    for _ in range(8):  # the requests in flight when the server's bucket ran dry
        budget.adjust(Slot(now[0]), **REFUSED)
    assert budget.allowed == 5
    assert budget.throttled == 8
    now[0] += 1.5  # a later burst is a new signal
    budget.adjust(Slot(now[0]), **REFUSED)
    assert budget.allowed == 2


def test_a_burst_of_refusals_lowers_the_rate_once_and_retry_after_pauses_that_long():
    now = [0.0]
    budget = Budget(max_concurrency=10, max_requests_per_second=20, clock=lambda: now[0])
    for _ in range(5):
        budget.adjust(Slot(now[0]), **REFUSED, retry_after=2.0)
    assert budget.rate == pytest.approx(0.75 * 20)  # nothing accepted lately: a quarter off the known rate
    assert budget.throttled == 5
    now[0] += 1.9
    assert _waits(budget)
    now[0] += 0.2
    _start(budget)


def test_without_429s_the_rate_probes_upward_but_never_past_a_known_rate():
    now = [0.0]
    budget = Budget(max_concurrency=10, max_requests_per_second=10, clock=lambda: now[0])
    budget.adjust(Slot(now[0]), **REFUSED)
    low = budget.rate
    for _ in range(200):
        now[0] += 0.5
        budget.adjust(Slot(now[0]), **ACCEPTED)
    assert low < budget.rate == 10


def test_limits_are_checked_before_anything_is_sent():
    for bad in ({"max_concurrency": 0}, {"max_concurrency": True}, {"max_requests_per_second": 0}):
        with pytest.raises(InvalidArgumentError):
            Budget(**bad)


# CDF's documented budget (the spec's x-cdf-request-budget), assumed until the server shows otherwise.


def _spend_the_burst(budget):
    """Start every request the documented burst allows at once (keeping the mirror's slack)."""
    slots = []
    while isinstance(slot := budget.try_acquire(Waiter()), Slot):
        slots.append(slot)
    return slots


def test_a_client_spends_the_documented_burst_at_once_then_probes_a_few_at_a_time():
    now = [0.0]
    budget = Budget(max_concurrency=100, clock=lambda: now[0])
    slots = _spend_the_burst(budget)
    regular = int(DOCUMENTED.burst - MIRROR_SLACK)
    assert [slot.probe for slot in slots] == [False] * regular + [True] * PROBES_IN_FLIGHT
    for slot in slots[:regular]:  # the requests within the budget are answered: no new room
        budget.release(slot)
        budget.adjust(slot, **ACCEPTED)
    assert _waits(budget)
    probe = slots[-1]
    budget.release(probe)
    budget.adjust(probe, **ACCEPTED)
    assert _start(budget).probe  # one probe answered, one more goes
    assert budget.rate is None


def test_a_refused_probe_keeps_the_documented_budget_and_waits_to_probe_again():
    now = [0.0]
    budget = Budget(max_concurrency=100, clock=lambda: now[0])
    slots = _spend_the_burst(budget)
    for slot in slots:
        budget.release(slot)
        budget.adjust(slot, **(REFUSED if slot is slots[-1] else ACCEPTED))
    assert budget.rate is None  # nothing learned: the documented budget holds
    assert budget.allowed == 100  # and a probe's refusal is no reason to send fewer at once
    # Paced by the documented rate (the mirror charged every probe, as the server did), and no probe
    # before the back-off.
    now[0] += (1 + PROBES_IN_FLIGHT) / DOCUMENTED.rate  # from SLACK - PROBES_IN_FLIGHT to 1 + SLACK tokens
    slot = _start(budget)
    assert not slot.probe
    budget.release(slot)
    assert _waits(budget)
    now[0] += PROBE_BACKOFF_S
    slots = _spend_the_burst(budget)
    assert [slot.probe for slot in slots][-PROBES_IN_FLIGHT - 1 :] == [False] + [True] * PROBES_IN_FLIGHT


def test_a_server_that_accepts_more_than_documented_is_no_longer_paced():
    now = [0.0]
    budget = Budget(max_concurrency=100, clock=lambda: now[0])
    accepted = 0
    while budget.documented is not None and accepted < 2 * DOCUMENTED.burst:
        slot = _acquire_sync(budget)
        budget.release(slot)
        budget.adjust(slot, **ACCEPTED)
        accepted += 1
        now[0] += 0.001  # a fast server: accepts far more than 23 a second
    assert accepted == DOCUMENTED.burst + 1  # one more than a rested server keeping the budget allows
    assert len(_spend_the_burst(budget)) == 100  # unpaced: only concurrency limits it now


def test_a_refusal_within_the_documented_budget_learns_the_servers_rate():
    now = [0.0]
    budget = Budget(max_concurrency=10, clock=lambda: now[0])
    slots = [_start(budget) for _ in range(5)]
    budget.release(slots[-1])
    budget.adjust(slots[-1], **REFUSED)  # a stricter server, or another client spending the budget
    assert budget.rate is not None
    assert budget.rate < DOCUMENTED.rate


def test_a_known_rate_or_assume_documented_false_assumes_nothing():
    for budget in (Budget(max_requests_per_second=50), Budget(assume_documented=False)):
        assert not any(slot.probe for slot in _spend_the_burst(budget)[:50])
    assert len(_spend_the_burst(Budget(max_concurrency=100, assume_documented=False))) == 100


def test_a_documented_burst_smaller_than_the_slack_still_lets_requests_start(monkeypatch):
    monkeypatch.setattr(budget_module, "DOCUMENTED", Documented(rate=2.0, burst=2.0, concurrency=1))
    now = [0.0]
    budget = Budget(max_concurrency=10, clock=lambda: now[0])
    slots = _spend_the_burst(budget)
    assert slots
    assert not slots[0].probe
    for slot in slots:  # the last probe refused: no probe for a while, yet the refill is spent
        budget.release(slot)
        budget.adjust(slot, **(REFUSED if slot is slots[-1] else ACCEPTED))
    now[0] += 10.0  # the mirror is full again
    assert not _start(budget).probe


def test_only_a_refused_probe_is_paced_by_the_budget_instead_of_a_backoff():
    budget = Budget(max_concurrency=100)
    slots = _spend_the_burst(budget)
    assert budget.adjust(slots[-1], **REFUSED) is True  # a probe: its retry waits in the budget
    assert budget.adjust(slots[0], **ACCEPTED) is False
    assert budget.adjust(slots[0], **REFUSED) is False  # within the budget: learned, and backed off
    assert budget.documented is None
