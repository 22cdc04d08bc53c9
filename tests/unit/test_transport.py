import ssl

import httpcore
import httpx
import pytest

from cdf_client import CDFConnectionError
from cdf_client._async._transport import AsyncRetryTransport as RetryTransport
from cdf_client._budget import Budget
from cdf_client._retry import RetryPolicy, retry_after_seconds
from cdf_client._sync_primitives import Waiter

pytestmark = pytest.mark.anyio


class Script:
    """A transport answering from a list of statuses/exceptions; records the sleeps asked for."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.calls = 0

    def __call__(self, request):  # noqa: ARG002 (the script ignores what is asked)
        self.calls += 1
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        status, headers, body = answer if isinstance(answer, tuple) else (answer, {}, b"{}")
        return httpx.Response(status, headers={"x-request-id": f"r{self.calls}", **headers}, content=body)


def _transport(script, **policy):
    sleeps = []

    async def sleep(seconds):
        sleeps.append(seconds)

    retry_policy = RetryPolicy(sleep=sleep, random=lambda: 1.0, **policy)
    limiter = Budget(max_concurrency=4)
    return RetryTransport(httpx.MockTransport(script), retry_policy, limiter), sleeps, limiter


async def _get(transport):
    # Not closed: closing a client closes its transport for good, and some tests send several times.
    client = httpx.AsyncClient(transport=transport)
    return await client.get("https://cdf.test/files")


async def test_retries_429_and_5xx_with_exponential_backoff_until_success():
    script = Script(429, 502, 503, 504, 200)
    transport, sleeps, _ = _transport(script)
    response = await _get(transport)
    assert response.status_code == 200
    assert sleeps == [0.5, 1.0, 2.0, 4.0]


async def test_500_and_4xx_are_not_retried():
    for status in (500, 400, 401, 404):
        script = Script(status)
        transport, sleeps, _ = _transport(script)
        assert (await _get(transport)).status_code == status
        assert sleeps == []


async def test_gives_up_after_max_retries_with_the_last_response():
    script = Script(*([503] * 4))
    transport, sleeps, _ = _transport(script, max_retries=3)
    assert (await _get(transport)).status_code == 503
    assert script.calls == 4
    assert len(sleeps) == 3


async def test_backoff_is_capped():
    script = Script(*([429] * 12), 200)
    transport, sleeps, _ = _transport(script, max_retries=12)
    await _get(transport)
    assert max(sleeps) == 60.0


async def test_retry_after_is_honoured():
    script = Script((429, {"retry-after": "7"}, b""), 200)
    transport, sleeps, _ = _transport(script)
    await _get(transport)
    assert sleeps == [7.0]


async def test_auto_retryable_header_and_body_are_retried():
    script = Script(
        (409, {"cdf-is-auto-retryable": "true"}, b"{}"),
        (400, {}, b'{"error": {"code": 400, "message": "m", "isAutoRetryable": true}}'),
        200,
    )
    transport, sleeps, _ = _transport(script)
    assert (await _get(transport)).status_code == 200
    assert len(sleeps) == 2


async def test_dropped_connections_and_read_timeouts_are_retried_then_raised():
    script = Script(
        httpx.RemoteProtocolError("dropped"), httpx.ReadTimeout("slow"), httpx.ConnectError("refused"), 200
    )
    transport, _sleeps, _ = _transport(script)
    assert (await _get(transport)).status_code == 200
    script = Script(*([httpx.ConnectError("refused")] * 3))
    transport, _, _ = _transport(script, max_retries=2)
    # Typed where it gives up, saying what failed and how often it was tried.
    with pytest.raises(
        CDFConnectionError, match=r"GET \S+/files failed after 3 attempts: ConnectError: refused"
    ):
        await _get(transport)


async def test_connection_failures_get_3_retries_while_throttling_gets_max_retries():
    for failure in (httpx.ConnectError("[Errno 111] Connection refused"), httpx.ConnectTimeout("timed out")):
        script = Script(*([failure] * 20))
        transport, sleeps, _ = _transport(script)
        with pytest.raises(CDFConnectionError, match="after 4 attempts"):
            await _get(transport)
        assert script.calls == 4
        assert len(sleeps) == 3
    script = Script(*([429] * 20))
    transport, sleeps, _ = _transport(script)
    assert (await _get(transport)).status_code == 429
    assert script.calls == 11
    # max_retries below the connect budget lowers it too.
    script = Script(*([httpx.ConnectError("refused")] * 5))
    transport, _, _ = _transport(script, max_retries=1)
    with pytest.raises(CDFConnectionError, match="after 2 attempts"):
        await _get(transport)
    assert script.calls == 2


async def test_an_untrusted_server_certificate_is_not_retried():
    # The chain httpx raises: its ConnectError from httpcore's, raised while handling the ssl error.
    verify_failed = ssl.SSLCertVerificationError(1, "certificate verify failed: unable to get local issuer")
    try:
        try:
            raise verify_failed
        except ssl.SSLError as cause:
            raise httpcore.ConnectError(str(cause))  # noqa: B904 (httpcore's own chaining)
    except httpcore.ConnectError as cause:
        wrapped = httpx.ConnectError(str(cause))
        wrapped.__cause__ = cause
    script = Script(wrapped, 200)
    transport, sleeps, _ = _transport(script)
    with pytest.raises(CDFConnectionError, match="not signed by a CA this client trusts"):
        await _get(transport)
    assert script.calls == 1
    assert sleeps == []


async def test_the_overall_deadline_stops_retrying():
    now = [0.0]
    script = Script(*([503] * 10))
    transport, sleeps, _ = _transport(script, deadline=3.0, clock=lambda: now[0])

    async def sleep(seconds):
        sleeps.append(seconds)
        now[0] += seconds

    transport.policy.sleep = sleep
    assert (await _get(transport)).status_code == 503
    assert sum(sleeps) <= 3.0
    assert script.calls == 3  # 0.5 + 1.0 slept, the next 2.0 would cross the deadline


async def test_429_shrinks_the_budget_and_success_recovers_it():
    script = Script(429, 429, 200, *([200] * 30))
    transport, _, limiter = _transport(script)
    await _get(transport)
    assert limiter.allowed < 4
    for _ in range(30):
        await _get(transport)
    assert limiter.allowed == 4
    assert limiter.in_flight == 0


def test_retry_after_parses_seconds_and_http_dates():
    assert retry_after_seconds("3") == 3.0
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=lambda: 1445412480.0 - 5) == 5.0


async def test_retries_are_logged_at_warning_with_the_request_id(caplog):
    script = Script(429, 200)
    transport, _, _ = _transport(script)
    with caplog.at_level("WARNING", logger="cdf_client"):
        await _get(transport)
    [record] = caplog.records
    assert record.levelname == "WARNING"
    assert record.getMessage() == (
        "GET /files: status 429; retry 1 of 10 in 0.5 s (GET https://cdf.test/files, request id r1)"
    )


async def test_a_refused_probe_is_retried_without_a_backoff_of_its_own():
    # Beyond CDF's documented budget a request is a probe; refused, it confirms the budget, whose
    # mirror then paces its retry: no backoff on top, which would only delay this one request.
    refused = b'{"error": {"code": 429, "message": "Project exceeded the requests per second."}}'
    script = Script((429, {}, refused), 200)
    transport, sleeps, budget = _transport(script)
    while not (slot := budget.try_acquire(Waiter())).probe:  # spend the documented burst
        budget.release(slot)
    budget.release(slot)
    response = await _get(transport)
    assert response.status_code == 200
    assert sleeps == [0.0]
    assert budget.throttled == 1
    assert budget.documented is not None  # still assumed: the refusal confirmed it
