"""Messages that help: why the client gave up, which timeout ran out and its value, where a 3xx pointed."""

from __future__ import annotations

import pytest
from _reliability import KINDS, RecordingServer, failure, reply

from cdf_client import APIError, CDFTimeoutError, RateLimitError, ServerError
from cdf_client.testing import FakeCDF, Faults, Hostile


@pytest.fixture(scope="module")
def served():
    fake = FakeCDF.generate(files=50, seed=2)
    with fake.serve() as base_url:
        yield fake, base_url


@pytest.fixture
def fake(served):
    fake, _ = served
    yield fake
    fake.faults, fake.hostile = Faults(), None


@pytest.fixture
def options(served):
    fake, base_url = served
    return {"project": fake.project, "base_url": base_url, "token": fake.token}


@pytest.mark.parametrize("kind", KINDS)
def test_giving_up_because_retry_after_is_past_the_deadline_says_so_at_once(kind, fake, options, figures):
    fake.faults = Faults(rate=1.0, statuses=(429,), retry_after=120)
    error, took = failure(kind, lambda c: c.files.list().to_list(), **options, deadline=30)
    assert type(error) is RateLimitError
    assert "gave up after 1 attempt: Retry-After asked for 120 s, past the deadline of 30 s" in str(error)
    assert took < 30  # it did not sleep into the deadline first
    figures.update(requests=1)


@pytest.mark.parametrize("kind", KINDS)
def test_giving_up_after_the_retries_says_how_many_attempts(kind, fake, options, figures):
    fake.faults = Faults(rate=1.0, statuses=(503,))
    error, _ = failure(kind, lambda c: c.files.get(fake.files[0]["id"]), **options, max_retries=2)
    assert type(error) is ServerError
    assert "gave up after 3 attempts (max_retries=2)" in str(error)
    figures.update(requests=3)


@pytest.mark.parametrize("kind", KINDS)
def test_a_timeout_says_which_timeout_ran_out_and_its_value(kind, fake, options, figures):
    fake.hostile = Hostile("stall", duration_s=30)
    error, _ = failure(
        kind, lambda c: c.assets.list().to_list(), **options, timeout=0.5, max_retries=1, deadline=60
    )
    assert type(error) is CDFTimeoutError
    expected = "no data within the read timeout of 0.5 s (timeout=), after 2 attempts"
    assert str(error) == f"GET /api/v1/projects/demo/assets: {expected}"
    figures.update(requests=2)


@pytest.mark.parametrize("status", [301, 302, 307, 308])
@pytest.mark.parametrize("kind", KINDS)
def test_a_redirect_says_where_it_pointed_without_the_password(kind, status, figures):
    location = "https://user:pw-CANARY-7d1@elsewhere.example/api/v1/projects/demo/files/1"
    server = RecordingServer(lambda h: reply(h, status, b"", headers={"location": location}))
    with server.running():
        options = {"project": "demo", "base_url": f"http://127.0.0.1:{server.port}", "token": "t"}
        error, _ = failure(kind, lambda c: c.files.get(1), **options)
    assert type(error) is APIError
    assert error.status == status
    assert "a redirect to https://***@elsewhere.example/api/v1/projects/demo/files/1, not followed" in str(
        error
    )
    assert "CANARY" not in str(error)
    assert len(server.requests) == 1
    figures.update(requests=len(server.requests))
