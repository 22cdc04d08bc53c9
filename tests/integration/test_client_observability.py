"""What an operator sees: retry WARNINGs and request DEBUG lines on the `cdf_client` logger, and spans.

Each run goes through a real proxy with credentials to the fake served on loopback, with seeded
faults, and uses canary secrets (token, proxy password, client secret): none may appear in any log
record (message, arguments, extra fields) or span (name, attributes, events, status).
Tracing runs in a subprocess: an OpenTelemetry provider is process-wide, and no other test should
run with one.
"""

import json
import logging
import subprocess
import sys
import textwrap
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from _corpnet import CDF_HOST, LoopbackProxy

from cdf_client import AsyncCDFClient, CDFClient, CDFConnectionError, ClientCredentials
from cdf_client.testing import FakeCDF, Faults

pytestmark = pytest.mark.network

CANARY_TOKEN = "canary-token-7f3a91"
CANARY_PROXY = "canary-proxy-pass-52c1"
CANARY_SECRET = "canary-client-secret-d04e"
CANARIES = (CANARY_TOKEN, CANARY_PROXY, CANARY_SECRET)
FAULTS = Faults(seed=4, rate=0.35, statuses=(429, 503), retry_after=0)
HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def served():
    fake = FakeCDF.generate(
        files=900, seed=2, project="obs", token=CANARY_TOKEN, client_credentials={"obs-app": CANARY_SECRET}
    )
    with fake.serve() as base_url:
        address = urlsplit(base_url)
        yield fake, (address.hostname, address.port)


@pytest.fixture
def proxy(served):
    _, upstream = served
    with LoopbackProxy(upstream, credentials=("svc", CANARY_PROXY)) as running:
        yield running.url.replace("://", f"://svc:{CANARY_PROXY}@")


class _Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def records():
    logger = logging.getLogger("cdf_client")
    handler = _Records()
    saved = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved)


def _assert_no_canary(text):
    for canary in CANARIES:
        assert canary not in text


def _check_records(records, fake):
    retries = [r for r in records if r.levelno == logging.WARNING]
    requests = [r for r in records if r.levelno == logging.DEBUG]
    assert retries, "the seeded faults caused no retry"
    for record in retries:
        assert record.cdf_operation in {"files.filter", "files.retrieve", "token"}
        assert record.cdf_status in {429, 503}
        assert record.cdf_error is None
        assert 1 <= record.cdf_attempt <= record.cdf_retries_allowed == 10
        assert record.cdf_delay_s >= 0
        assert record.cdf_request_id
        message = record.getMessage()
        assert (
            f"{record.cdf_operation}: status {record.cdf_status}; retry {record.cdf_attempt} of 10" in message
        )
        assert f"request id {record.cdf_request_id}" in message
        assert "via proxy http://127.0.0.1:" in message
    assert len(requests) >= len(retries) + 3
    assert all(" ms (request id " in r.getMessage() for r in requests)
    setups = [r.getMessage() for r in records if r.levelno == logging.INFO]
    assert setups
    assert all("proxies: all:// via proxy http://127.0.0.1:" in setup for setup in setups)
    # Every record, every field: no secret anywhere.
    _assert_no_canary(repr([(r.getMessage(), r.args, vars(r)) for r in records]))
    assert fake.faults == FAULTS


def _work_sync(client, fake):
    ids = sorted(f.id for f in client.files.filter(partitions=2, page_size=200))
    assert ids == sorted(f["id"] for f in fake.files)
    assert len(client.files.retrieve(ids[:5])) == 5


def test_sync_retries_and_requests_are_logged_without_secrets(served, proxy, records):
    fake, _ = served
    fake.faults = FAULTS
    try:
        with CDFClient(
            project="obs", base_url=f"http://{CDF_HOST}", token=CANARY_TOKEN, proxy=proxy
        ) as client:
            _work_sync(client, fake)
        credentials = ClientCredentials(
            token_url=f"http://{CDF_HOST}{urlsplit(fake.token_url).path}",
            client_id="obs-app",
            client_secret=CANARY_SECRET,
        )
        with CDFClient(
            project="obs", base_url=f"http://{CDF_HOST}", credentials=credentials, proxy=proxy
        ) as c:
            _work_sync(c, fake)
        _check_records(records, fake)
    finally:
        fake.faults = Faults()


@pytest.mark.anyio
async def test_async_retries_and_requests_are_logged_without_secrets(served, proxy, records):
    fake, _ = served
    fake.faults = FAULTS
    try:
        async with AsyncCDFClient(
            project="obs", base_url=f"http://{CDF_HOST}", token=CANARY_TOKEN, proxy=proxy
        ) as client:
            ids = sorted([f.id async for f in client.files.filter(partitions=2, page_size=200)])
            assert ids == sorted(f["id"] for f in fake.files)
            assert len(await client.files.retrieve(ids[:5])) == 5
        _check_records(records, fake)
    finally:
        fake.faults = Faults()


@pytest.fixture
def anyio_backend():
    return "asyncio"


def test_connection_failures_warn_each_retry_and_give_up_after_3(records):
    with CDFClient(project="obs", base_url="http://127.0.0.1:9", token=CANARY_TOKEN) as client:
        client._core.policy.backoff_base = 0.01  # the schedule is unit-tested; here: what is said
        with pytest.raises(CDFConnectionError, match="Connection refused") as raised:
            client.files.get(1)
    retries = [r for r in records if r.levelno == logging.WARNING]
    assert [r.cdf_attempt for r in retries] == [1, 2, 3]
    for record in retries:
        assert record.cdf_error.startswith("ConnectError: ")
        assert record.cdf_status is None
        assert record.cdf_request_id is None
        assert record.getMessage().startswith("files.get: ConnectError: ")
        assert "of 3 in " in record.getMessage()
        assert "(GET http://127.0.0.1:9/api/v1/projects/obs/files/1)" in record.getMessage()
    assert "GET http://127.0.0.1:9/api/v1/projects/obs/files/1 failed" in str(raised.value)
    _assert_no_canary(repr([vars(r) for r in records]) + str(raised.value))


# Tracing (in a subprocess) -------------------------------------------------------------------------

_TRACED = textwrap.dedent(
    """
    import asyncio, json, sys
    from urllib.parse import urlsplit

    from opentelemetry import trace
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    sys.path.insert(0, sys.argv[2])
    from _corpnet import CDF_HOST, LoopbackProxy
    from cdf_client import AsyncCDFClient, CDFClient, NotFoundError
    from cdf_client.testing import FakeCDF, Faults

    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    trace.set_tracer_provider(provider)
    tracer = trace.get_tracer("the-job")

    fake = FakeCDF.generate(files=900, seed=2, project="obs", token=sys.argv[3])
    fake.faults = Faults(seed=4, rate=0.35, statuses=(429, 503), retry_after=0)
    options = dict(project="obs", base_url=f"http://{CDF_HOST}", token=sys.argv[3])

    def sync_job(proxy):
        with CDFClient(proxy=proxy, **options) as client:
            n = len(client.files.filter(partitions=2, page_size=200).to_list())
            client.files.retrieve([f["id"] for f in fake.files[:3]])
            try:
                client.files.get(10**15)
            except NotFoundError:
                pass
        return n

    async def async_job(proxy):
        async with AsyncCDFClient(proxy=proxy, **options) as client:
            n = len(await client.files.filter(partitions=2, page_size=200).to_list())
            await client.files.retrieve([f["id"] for f in fake.files[:3]])
            try:
                await client.files.get(10**15)
            except NotFoundError:
                pass
        return n

    with fake.serve() as base_url:
        address = urlsplit(base_url)
        with LoopbackProxy((address.hostname, address.port), credentials=("svc", sys.argv[4])) as proxy:
            url = proxy.url.replace("://", "://svc:" + sys.argv[4] + "@")
            with tracer.start_as_current_span("job"):
                n = sync_job(url) if sys.argv[1] == "sync" else asyncio.run(async_job(url))
    assert n == 900
    for span in exporter.get_finished_spans():
        print(span.to_json(indent=None))
    """
)


def _spans(kind):
    done = subprocess.run(
        [sys.executable, "-c", _TRACED, kind, str(HERE), CANARY_TOKEN, CANARY_PROXY],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    _assert_no_canary(done.stdout + done.stderr)
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_one_span_per_call_and_per_attempt_with_the_fields_operators_filter_on(kind):
    spans = _spans(kind)
    by_id = {span["context"]["span_id"]: span for span in spans}
    [job] = [span for span in spans if span["name"] == "job"]
    calls = [
        span
        for span in spans
        if span["attributes"].get("cdf.operation") and "cdf.attempt" not in span["attributes"]
    ]
    attempts = [span for span in spans if "cdf.attempt" in span["attributes"]]

    # Calls: every page, the byids chunk and the get, each a child of the caller's span (also from
    # the sync client's worker threads).
    assert {span["name"] for span in calls} == {"files.filter", "files.retrieve", "files.get"}
    assert all(span["parent_id"] == job["context"]["span_id"] for span in calls)
    pages = [span for span in calls if span["name"] == "files.filter"]
    assert sum(span["attributes"]["cdf.items"] for span in pages) == 900
    for span in calls:
        attributes = span["attributes"]
        assert attributes["cdf.project"] == "obs"
        assert attributes["cdf.request_id"]
        assert attributes["http.response.status_code"] in {200, 400}
        assert attributes["cdf.retries"] >= 0
    [missing] = [span for span in calls if span["name"] == "files.get"]
    # CDF answers an unknown id with 400 and `missing`; the client raises NotFoundError.
    assert missing["attributes"]["http.response.status_code"] == 400
    assert missing["status"]["status_code"] == "ERROR"
    assert missing["attributes"]["error.type"] == "400"
    assert [event["name"] for event in missing["events"]] == ["exception"]

    # Attempts: children of their call, numbered; the retried ones say why.
    retried = [span for span in calls if span["attributes"]["cdf.retries"] > 0]
    assert retried, "the seeded faults caused no retry"
    for call in calls:
        own = sorted(
            (span for span in attempts if span["parent_id"] == call["context"]["span_id"]),
            key=lambda span: span["attributes"]["cdf.attempt"],
        )
        assert [span["attributes"]["cdf.attempt"] for span in own] == list(
            range(1, call["attributes"]["cdf.retries"] + 2)
        )
        for span in own[:-1]:
            assert span["attributes"]["http.response.status_code"] in {429, 503}
            assert span["status"]["status_code"] == "ERROR"
            assert span["attributes"]["cdf.request_id"]
        assert (
            own[-1]["attributes"]["http.response.status_code"]
            == call["attributes"]["http.response.status_code"]
        )
        for span in own:
            assert span["kind"] == "SpanKind.CLIENT"
            assert span["attributes"]["server.address"] == CDF_HOST
            assert span["attributes"]["http.request.method"] in {"GET", "POST"}
            assert span["attributes"]["url.path"].startswith("/api/v1/projects/obs/files")
    assert all(by_id[span["parent_id"]] in calls for span in attempts)


_UNTRACED = textwrap.dedent(
    """
    import asyncio, json, sys
    if sys.argv[1] == "absent":
        sys.modules["opentelemetry"] = None  # as if the otel extra were not installed
    from cdf_client.testing import FakeCDF
    fake = FakeCDF.generate(files=300, seed=1)
    with fake.client() as client:
        n = len(client.files.filter(partitions=2, page_size=100).to_list())
    async def main():
        async with fake.async_client() as client:
            return len(await client.files.list(page_size=100).to_list())
    m = asyncio.run(main())
    loaded = sorted(name for name, v in sys.modules.items() if name.startswith("opentelemetry") and v)
    print(json.dumps([n, m, loaded]))
    """
)


@pytest.mark.parametrize("otel", ["installed", "absent"])
def test_without_opentelemetry_in_use_nothing_of_it_is_imported(otel):
    done = subprocess.run(
        [sys.executable, "-c", _UNTRACED, otel], capture_output=True, text=True, timeout=120, check=True
    )
    assert json.loads(done.stdout) == [300, 300, []]
