"""Fault and load injection: seeded and reproducible, in process and over loopback."""

import threading

import anyio
import httpx
import pytest

from cdf_client.testing import FakeCDF, Faults


def statuses(fake: FakeCDF, api, count: int = 40) -> list[int]:
    with api(fake) as client:
        return [client.get("/files", params={"limit": 1}).status_code for _ in range(count)]


def test_the_same_seed_gives_the_same_sequence_of_faults(api) -> None:
    fake = FakeCDF.generate(files=20, faults=Faults(seed=3, rate=0.5))
    first = statuses(fake, api)
    fake.faults = Faults(seed=3, rate=0.5)  # assigning restarts the seeded sequence
    assert statuses(fake, api) == first
    assert set(first) == {200, 429, 502, 503, 504}
    fake.faults = Faults(seed=4, rate=0.5)
    assert statuses(fake, api) != first


def test_fault_answers_follow_the_settings(api) -> None:
    fake = FakeCDF.generate(files=5)
    fake.faults = Faults(rate=1.0, statuses=(503,), retry_after=2, auto_retryable_rate=1.0)
    with api(fake) as client:
        response = client.get("/files")
    assert response.status_code == 503
    assert response.json() == {
        "error": {"code": 503, "message": "Service Unavailable", "isAutoRetryable": True}
    }
    assert response.headers["retry-after"] == "2"
    assert response.headers["cdf-is-auto-retryable"] == "true"
    assert response.headers["x-request-id"]
    fake.faults = Faults(rate=1.0, statuses=(429,), non_json_rate=1.0)
    with api(fake) as client:
        response = client.get("/files")
    assert response.status_code == 429
    assert response.headers["content-type"] == "text/html"
    assert "retry-after" not in response.headers  # CDF never sends it unless asked
    assert fake.requests[-1].status == 429


def test_the_token_endpoint_is_spared_unless_asked() -> None:
    fake = FakeCDF(client_credentials={"c": "s"}, faults=Faults(rate=1.0))
    grant = {"grant_type": "client_credentials", "client_id": "c", "client_secret": "s"}
    with httpx.Client(transport=fake.transport()) as raw:
        assert raw.post(fake.token_url, data=grant).status_code == 200
        fake.faults = Faults(rate=1.0, token_endpoint=True)
        assert raw.post(fake.token_url, data=grant).status_code >= 429


def test_in_process_drops_and_stalls_raise_what_sockets_raise(api) -> None:
    fake = FakeCDF.generate(files=5, faults=Faults(drop_rate=1.0))
    with api(fake) as client, pytest.raises(httpx.RemoteProtocolError):
        client.get("/files")
    fake.faults = Faults(stall_rate=1.0)
    with api(fake) as client, pytest.raises(httpx.ReadTimeout):
        client.get("/files")
    assert fake.requests[-1].status == 0


def test_async_clients_see_the_same_faults() -> None:
    fake = FakeCDF.generate(files=5, faults=Faults(drop_rate=1.0))

    async def main() -> None:
        async with httpx.AsyncClient(base_url=fake.base_url, transport=fake.transport()) as client:
            with pytest.raises(httpx.RemoteProtocolError):
                await client.get(
                    f"/api/v1/projects/{fake.project}/files", headers={"Authorization": "Bearer test-token"}
                )

    anyio.run(main)


def test_concurrency_beyond_the_limit_gets_429_and_the_peak_is_measured(api) -> None:
    fake = FakeCDF.generate(files=5, faults=Faults(max_concurrency=2, latency_ms=30))
    results: list[int] = []
    barrier = threading.Barrier(6)

    def one() -> None:
        with api(fake) as client:
            barrier.wait()
            results.append(client.get("/files").status_code)

    threads = [threading.Thread(target=one) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(set(results)) == [200, 429]
    assert results.count(200) >= 2
    assert fake.peak_in_flight >= 3


def test_fault_settings_are_validated() -> None:
    with pytest.raises(ValueError, match="rate"):
        Faults(rate=1.5)
    with pytest.raises(ValueError, match="statuses"):
        Faults(rate=0.1, statuses=(200,))
    with pytest.raises(ValueError, match="max_concurrency"):
        Faults(max_concurrency=0)


@pytest.mark.network
def test_served_fake_drops_and_stalls_over_loopback() -> None:
    fake = FakeCDF.generate(files=200, faults=Faults(drop_rate=1.0))
    headers = {"Authorization": f"Bearer {fake.token}"}
    with fake.serve() as base_url, httpx.Client(base_url=base_url, headers=headers, timeout=2) as client:
        with pytest.raises(httpx.RemoteProtocolError):
            client.get(f"/api/v1/projects/{fake.project}/files", params={"limit": 200})
        fake.faults = Faults(stall_rate=1.0, stall_s=5)
        with pytest.raises(httpx.ReadTimeout):
            client.get(f"/api/v1/projects/{fake.project}/files", timeout=0.3)
        fake.faults = Faults()
        assert client.get(f"/api/v1/projects/{fake.project}/files").status_code == 200
