"""Retries against the fake CDF's injected faults: 429/5xx, non-JSON bodies, dropped connections."""

import pytest

from cdf_client import CDFClient, CDFConnectionError, RateLimitError, ServerError
from cdf_client.testing import FakeCDF, Faults


@pytest.fixture(scope="module")
def fake():
    return FakeCDF.generate(files=1200, seed=9)


@pytest.fixture
def client(fake):
    fake.clear_requests()
    with CDFClient(
        project=fake.project, base_url=fake.base_url, token=fake.token, transport=fake.transport()
    ) as c:
        sleeps = []

        def no_wait(seconds):
            # Record the backoff instead of waiting it out: the test stays fast and still sees the schedule.
            sleeps.append(seconds)

        c._core.policy.sleep = no_wait
        c.sleeps = sleeps
        yield c
    fake.faults = Faults()


def test_listings_and_retrieve_survive_throttling_and_gateway_errors(fake, client):
    fake.faults = Faults(seed=1, rate=0.3, statuses=(429, 503), non_json_rate=0.5)
    ids = [f.id for f in client.files.filter(partitions=3, page_size=100)]
    assert sorted(ids) == sorted(f["id"] for f in fake.files)
    assert len(client.files.retrieve(ids)) == len(ids)
    assert [a.id for a in client.assets.list(page_size=20)] == [a["id"] for a in fake.assets]
    assert any(r.status == 429 for r in fake.requests)
    assert client.sleeps


def test_dropped_connections_are_retried(fake, client):
    fake.faults = Faults(seed=2, drop_rate=0.3)
    assert len(client.files.list(page_size=100).to_list()) == len(fake.files)
    assert client.sleeps


def test_auto_retryable_errors_and_retry_after(fake, client):
    fake.faults = Faults(seed=3, rate=0.5, statuses=(429,), auto_retryable_rate=1.0, retry_after=2)
    assert len(client.files.filter(page_size=300).to_list()) == len(fake.files)
    assert 2.0 in client.sleeps


def test_throttling_that_never_ends_raises_rate_limit_error_with_request_id(fake, client):
    client._core.policy.max_retries = 3
    fake.faults = Faults(seed=4, rate=1.0, statuses=(429,), non_json_rate=1.0)
    with pytest.raises(RateLimitError) as info:
        client.files.get(fake.files[0]["id"])
    assert info.value.request_id
    assert len(client.sleeps) == 3
    assert client._core.budget.allowed == 1  # the budget shrank


def test_persistent_5xx_raises_server_error(fake, client):
    client._core.policy.max_retries = 2
    fake.faults = Faults(seed=5, rate=1.0, statuses=(502,))
    with pytest.raises(ServerError) as info:
        client.files.filter().to_list()
    assert info.value.status == 502


def test_persistent_drops_raise_a_connection_error(fake, client):
    client._core.policy.max_retries = 2
    fake.faults = Faults(seed=6, drop_rate=1.0)
    with pytest.raises(CDFConnectionError):
        client.files.retrieve([fake.files[0]["id"]])
