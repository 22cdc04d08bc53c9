"""Throttle: CDF's request budget per token, observed with plain httpx clients.

In process a test clock makes the token bucket exact; over loopback real time is used, with rates
so low that no refill can happen while a test runs.
"""

import threading

import anyio
import httpx
import pytest

from cdf_client.testing import FakeCDF, Faults, Throttle, ThrottleStats


class Clock:
    """A clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def fake() -> FakeCDF:
    return FakeCDF.generate(files=50, seed=2, extra_tokens=["second-token"])


def statuses(client: httpx.Client, count: int, path: str = "/files") -> list[int]:
    return [client.get(path, params={"limit": 1}).status_code for _ in range(count)]


def test_the_bucket_allows_a_burst_then_the_rate(api) -> None:
    clock = Clock()
    fake = FakeCDF.generate(files=5, throttle=Throttle(rate=2, burst=3, max_concurrency=None, clock=clock))
    with api(fake) as client:
        assert statuses(client, 4) == [200, 200, 200, 429]
        assert fake.throttle_stats == ThrottleStats(accepted=3, refused=1, refused_for_rate=1)
        clock.now += 1.0  # refused requests were charged: the bucket was at -1, now at +1
        assert statuses(client, 2) == [200, 429]


def test_refused_requests_charged_or_not(api) -> None:
    outcomes = {}
    for charged in (True, False):
        clock = Clock()
        throttle = Throttle(rate=1, burst=1, max_concurrency=None, charge_refused=charged, clock=clock)
        fake = FakeCDF.generate(files=5, throttle=throttle)
        with api(fake) as client:
            statuses(client, 4)  # one accepted, three refused
            clock.now += 1.0
            outcomes[charged] = statuses(client, 1)
    # Charged, the three refusals dug the bucket down to -1 (its floor is -burst): still refused.
    assert outcomes == {True: [429], False: [200]}


def test_a_refusal_is_cdfs_429_envelope_without_retry_after_by_default(api) -> None:
    fake = FakeCDF.generate(files=5, throttle=Throttle(rate=1, burst=1, max_concurrency=None, clock=Clock()))
    with api(fake) as client:
        client.get("/files")
        response = client.get("/files")
    assert response.status_code == 429
    assert response.json() == {
        "error": {
            "code": 429,
            "message": "Project exceeded maximum number='1' of requests per second. Please try again later.",
        }
    }
    assert "retry-after" not in response.headers
    assert response.headers["x-request-id"]
    assert fake.requests[-1].status == 429


def test_retry_after_says_when_the_next_request_would_be_accepted(api) -> None:
    clock = Clock()
    throttle = Throttle(rate=4, burst=1, max_concurrency=None, retry_after=True, clock=clock)
    fake = FakeCDF.generate(files=5, throttle=throttle)
    with api(fake) as client:
        assert client.get("/files").status_code == 200
        first = client.get("/files")  # bucket 0 -> -1: two tokens short at 4/s
        second = client.get("/files")  # -1 -> -1 (the floor): still two short
        clock.now += 0.5
        assert client.get("/files").status_code == 200
    assert (first.headers["retry-after"], second.headers["retry-after"]) == ("0.5", "0.5")


def test_the_concurrency_cap_refuses_requests_beyond_it() -> None:
    throttle = Throttle(rate=None, max_concurrency=2, retry_after=True)
    fake = FakeCDF.generate(files=5, throttle=throttle, faults=Faults(latency_ms=50))

    async def main() -> list[httpx.Response]:
        headers = {"Authorization": f"Bearer {fake.token}"}
        async with httpx.AsyncClient(
            base_url=fake.base_url, transport=fake.transport(), headers=headers
        ) as client:
            path = f"/api/v1/projects/{fake.project}/files"
            responses: list[httpx.Response] = []

            async def one() -> None:
                responses.append(await client.get(path))

            # In process every request is counted in flight before the first one's latency ends.
            async with anyio.create_task_group() as group:
                for _ in range(5):
                    group.start_soon(one)
            responses.append(await client.get(path))  # after they all ended
            return responses

    responses = anyio.run(main)
    assert sorted(r.status_code for r in responses[:5]) == [200, 200, 429, 429, 429]
    assert responses[5].status_code == 200
    refused = next(r for r in responses if r.status_code == 429)
    assert "maximum number='2' of concurrent requests" in refused.json()["error"]["message"]
    assert refused.headers["retry-after"] == "1"  # no rate limit: the fake cannot know, says a second
    assert fake.throttle_stats == ThrottleStats(accepted=3, refused=3, refused_for_concurrency=3)


def test_each_token_has_its_own_budget(api, fake: FakeCDF) -> None:
    fake.throttle = Throttle(rate=1, burst=2, clock=Clock())
    try:
        with api(fake) as first, api(fake, headers={"Authorization": "Bearer second-token"}) as second:
            assert statuses(first, 3) == [200, 200, 429]
            assert statuses(second, 3) == [200, 200, 429]
    finally:
        fake.throttle = None
    assert fake.throttle is None
    assert fake.throttle_stats == ThrottleStats()


def test_only_the_chosen_operations_draw_on_the_budget(api) -> None:
    throttle = Throttle(rate=1, burst=1, operations={"POST /files/list"}, clock=Clock())
    fake = FakeCDF.generate(files=5, throttle=throttle, client_credentials={"app": "secret"})
    with api(fake) as client:
        assert [client.post("/files/list", json={}).status_code for _ in range(2)] == [200, 429]
        assert statuses(client, 3) == [200, 200, 200]
        assert statuses(client, 3, "/assets") == [200, 200, 200]
    grant = {"grant_type": "client_credentials", "client_id": "app", "client_secret": "secret"}
    with httpx.Client(transport=fake.transport()) as raw:
        assert [raw.post(fake.token_url, data=grant).status_code for _ in range(3)] == [200, 200, 200]
    assert fake.throttle_stats == ThrottleStats(accepted=1, refused=1, refused_for_rate=1)


def test_counters_add_up_across_threads_and_reset(api) -> None:
    fake = FakeCDF.generate(
        files=5, throttle=Throttle(rate=None, max_concurrency=2), faults=Faults(latency_ms=2)
    )
    barrier = threading.Barrier(6)

    def hammer() -> None:
        with api(fake) as client:
            barrier.wait()
            statuses(client, 20)

    threads = [threading.Thread(target=hammer) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    stats = fake.throttle_stats
    assert stats.accepted + stats.refused == 120
    assert stats.refused == stats.refused_for_concurrency
    assert stats.accepted == sum(1 for r in fake.requests if r.status == 200)
    fake.clear_requests()
    assert fake.throttle_stats == ThrottleStats()


def test_assigning_a_throttle_starts_afresh(api) -> None:
    fake = FakeCDF.generate(files=5)
    assert fake.throttle is None
    assert fake.throttle_stats == ThrottleStats()
    with api(fake) as client:
        assert statuses(client, 30) == [200] * 30
        fake.throttle = Throttle(rate=1, burst=1, clock=Clock())
        assert statuses(client, 2) == [200, 429]
        fake.throttle = Throttle(rate=1, burst=1, clock=Clock())
        assert fake.throttle_stats == ThrottleStats()
        assert statuses(client, 2) == [200, 429]


def test_the_defaults_are_cdfs_list_budget() -> None:
    throttle = Throttle()
    assert (throttle.rate, throttle.burst, throttle.max_concurrency) == (23.0, 23, 12)
    assert throttle.charge_refused
    assert not throttle.retry_after
    assert "POST /oauth2/token" not in throttle.operations


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"rate": 0}, "rate"),
        ({"rate": float("inf")}, "rate"),
        ({"burst": 0}, "burst"),
        ({"max_concurrency": 0}, "max_concurrency"),
        ({"operations": {"POST /oauth2/token"}}, "operations"),
    ],
)
def test_throttle_settings_are_checked_when_made(kwargs, match) -> None:
    with pytest.raises(ValueError, match=match):
        Throttle(**kwargs)


def test_a_throttle_in_real_time_holds_in_process_and_served(fetch) -> None:
    # One request per thousand seconds: the two of the burst pass, nothing refills during the test.
    fetch.fake.throttle = Throttle(rate=0.001, burst=2, retry_after=True)
    seen = [fetch("GET", "files", params={"limit": 1}) for _ in range(4)]
    assert [s.status for s in seen] == [200, 200, 429, 429]
    assert seen[2].json()["error"]["code"] == 429
    # Two refusals charged: the bucket is at -2, three tokens (3,000 s) short.
    assert 2900 < float(seen[3].headers["retry-after"]) <= 3000
    assert fetch.fake.throttle_stats == ThrottleStats(accepted=2, refused=2, refused_for_rate=2)


@pytest.mark.network
def test_the_concurrency_cap_holds_over_loopback(fake: FakeCDF, served: str) -> None:
    fake.throttle = Throttle(rate=None, max_concurrency=1)
    fake.faults = Faults(latency_ms=300)
    try:

        async def main() -> list[int]:
            headers = {"Authorization": f"Bearer {fake.token}"}
            async with httpx.AsyncClient(base_url=served, headers=headers, timeout=10) as client:
                path = f"/api/v1/projects/{fake.project}/files"
                codes: list[int] = []

                async def one() -> None:
                    codes.append((await client.get(path)).status_code)

                async with anyio.create_task_group() as group:
                    for _ in range(3):
                        group.start_soon(one)
                return codes

        codes = anyio.run(main)
    finally:
        fake.throttle, fake.faults = None, Faults()
    assert 200 in codes
    assert 429 in codes
