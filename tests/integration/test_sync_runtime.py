"""The sync client's runtime model: the caller's thread, fork, Ctrl-C, closing, seams and threads.

Each test is a failure seen with the old design (the async core on a private loop thread): a fork
child hung, SIGINT printed asyncio noise, a close from another thread left the caller blocked, sync
seams double-decoded gzip, and every client owned a thread. They run against a fake served on
127.0.0.1, in real subprocesses where a fork or a signal is involved.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time

import httpx
import pytest

from cdf_client import AsyncCDFClient, CDFClient, ClientClosedError, InvalidArgumentError
from cdf_client.testing import FakeCDF, Faults

pytestmark = pytest.mark.network

N_FILES = 2500
# A hang guard, not a timing assertion: the behaviour under test is "ends at all, with the right error".
HANG_GUARD_S = 30


@pytest.fixture(scope="module")
def served():
    fake = FakeCDF.generate(files=N_FILES, seed=11, record_requests=False)
    with fake.serve() as base_url:
        yield fake, base_url


def _client(served, **options):
    fake, base_url = served
    return CDFClient(project=fake.project, base_url=base_url, token=fake.token, **options)


def _python(code: str, base_url: str, fake: FakeCDF) -> subprocess.Popen[str]:
    env = {**os.environ, "BASE_URL": base_url, "PROJECT": fake.project, "TOKEN": fake.token}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


_FORK = """
    import os, sys
    from cdf_client import CDFClient
    settings = {key.lower(): os.environ[key] for key in ("PROJECT", "TOKEN")}
    settings["base_url"] = os.environ["BASE_URL"]
    client = CDFClient(**settings)
    before = len(client.files.filter(partitions=3).to_list())
    pid = os.fork()
    if pid == 0:
        try:
            child = len(client.files.filter(partitions=3).to_list())
            child += len(client.files.list(limit=10).to_list())
            print("child", child, flush=True)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    print("parent", before, len(client.files.filter().to_list()), flush=True)
"""


def test_a_client_used_before_a_fork_works_in_the_child_and_the_parent(served):
    fake, base_url = served
    process = _python(_FORK, base_url, fake)
    out, err = process.communicate(timeout=HANG_GUARD_S)
    assert process.returncode == 0, err
    assert f"child {N_FILES + 10}" in out
    assert f"parent {N_FILES} {N_FILES}" in out
    assert err == ""


_FORK_ASYNC = """
    import asyncio, os
    from cdf_client import AsyncCDFClient
    settings = {key.lower(): os.environ[key] for key in ("PROJECT", "TOKEN")}
    settings["base_url"] = os.environ["BASE_URL"]
    client = AsyncCDFClient(**settings)
    asyncio.run(client.files.filter(partitions=2).to_list())
    pid = os.fork()
    if pid == 0:
        try:
            print("child", len(asyncio.run(client.files.filter(partitions=2).to_list())), flush=True)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
"""


def test_an_async_client_used_before_a_fork_works_in_the_child(served):
    fake, base_url = served
    process = _python(_FORK_ASYNC, base_url, fake)
    out, err = process.communicate(timeout=HANG_GUARD_S)
    assert process.returncode == 0, err
    assert f"child {N_FILES}" in out


_INTERRUPTED = """
    import os, sys
    from cdf_client import CDFClient
    settings = {key.lower(): os.environ[key] for key in ("PROJECT", "TOKEN")}
    settings["base_url"] = os.environ["BASE_URL"]
    client = CDFClient(**settings)
    ids = [f["id"] for f in client.files.filter(limit=2000).dicts()]
    try:
        print("ready", flush=True)
        while True:
            {call}
    except KeyboardInterrupt:
        print("interrupted", flush=True)
        sys.exit(3)
"""
_CALLS = {
    "objects": "for f in client.files.filter(page_size=100): pass",
    "dicts": "for d in client.files.filter(page_size=100).dicts(): pass",
    "partitions": "client.files.filter(partitions=4, page_size=100).to_list()",
    "retrieve": "client.files.retrieve(ids + ['unknown-external-id'], ignore_unknown_ids=True)",
}


@pytest.fixture(scope="module")
def slow():
    """The same data, 200 ms per request, so a signal lands while requests are in flight."""
    fake = FakeCDF.generate(files=N_FILES, seed=11, record_requests=False)
    fake.faults = Faults(latency_ms=200)
    with fake.serve() as base_url:
        yield fake, base_url


@pytest.mark.parametrize("run", range(20))
def test_ctrl_c_raises_keyboard_interrupt_and_prints_nothing_else(slow, run):
    fake, base_url = slow
    name = list(_CALLS)[run % len(_CALLS)]
    process = _python(_INTERRUPTED.replace("{call}", _CALLS[name]), base_url, fake)
    assert process.stdout is not None
    assert process.stdout.readline() == "ready\n"
    # Anywhere: mid-request, mid-page, between calls.
    time.sleep(random.Random(run).uniform(0.05, 0.6))  # noqa: S311 (test timing, not security)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=HANG_GUARD_S)
    assert (process.returncode, out, err) == (3, "interrupted\n", ""), name


@pytest.mark.parametrize("run", range(5))
def test_the_cli_exits_130_with_one_short_line_on_ctrl_c(slow, run):
    fake, base_url = slow
    env = {**os.environ, "CDF_PROJECT": fake.project, "CDF_BASE_URL": base_url, "CDF_TOKEN": fake.token}
    args = ["files", "filter", "--format", "jsonl", "--page-size", "100"]
    args += ["--partitions", "3"] if run % 2 else []
    process = subprocess.Popen(
        [sys.executable, "-m", "cdf_client", *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None
    process.stdout.readline()
    time.sleep(random.Random(run).uniform(0.0, 0.5))  # noqa: S311 (test timing, not security)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=HANG_GUARD_S)
    assert (process.returncode, err.decode()) == (130, "Interrupted.\n")


@pytest.fixture
def stalled():
    """Every API request stalls (headers never come), until the server stops."""
    fake = FakeCDF.generate(files=100, seed=1, record_requests=False)
    fake.faults = Faults(stall_rate=1.0, stall_s=HANG_GUARD_S)
    with fake.serve() as base_url:
        yield fake, base_url


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.files.filter().to_list(),
        lambda c: c.files.filter(partitions=4).to_list(),
        lambda c: c.files.get(1),
        lambda c: c.files.retrieve(list(range(1, 2500))),
    ],
    ids=["listing", "partitions", "get", "retrieve-chunks"],
)
def test_close_from_another_thread_ends_a_call_in_flight_with_client_closed_error(stalled, call):
    client = _client(stalled)
    outcome: list[BaseException | object] = []

    def run():
        try:
            outcome.append(call(client))
        except BaseException as error:  # noqa: BLE001 (the outcome is what the test looks at)
            outcome.append(error)

    caller = threading.Thread(target=run)
    caller.start()
    time.sleep(0.3)  # the request is on the wire, its answer stalled
    client.close()
    caller.join(HANG_GUARD_S)
    assert not caller.is_alive(), "the call did not end after close()"
    assert isinstance(outcome[0], ClientClosedError), outcome
    with pytest.raises(ClientClosedError):
        client.files.get(1)


def test_aclose_from_another_task_ends_a_call_in_flight(stalled):
    fake, base_url = stalled

    async def scenario():
        client = AsyncCDFClient(project=fake.project, base_url=base_url, token=fake.token)
        task = asyncio.create_task(client.files.filter(partitions=2).to_list())
        await asyncio.sleep(0.3)
        await client.aclose()
        with pytest.raises(ClientClosedError):
            await asyncio.wait_for(task, HANG_GUARD_S)
        with pytest.raises(ClientClosedError):
            await client.files.get(1)

    asyncio.run(scenario())


@pytest.mark.parametrize(
    "seam",
    [
        lambda: {"http_client": httpx.Client()},
        lambda: {"transport": httpx.HTTPTransport()},
    ],
    ids=["httpx.Client", "HTTPTransport"],
)
def test_sync_seams_read_gzip_answers(served, seam):
    fake, base_url = served
    with CDFClient(project=fake.project, base_url=base_url, token=fake.token, **seam()) as client:
        files = client.files.filter(partitions=2).to_list()
        again = client.files.retrieve([f.id for f in files[:3]])
    assert len(files) == N_FILES
    assert [f.id for f in again] == [f.id for f in files[:3]]
    # The fake compresses what the client accepts (httpx asks for gzip): the bodies were gzip.
    raw = httpx.post(
        f"{base_url}/api/v1/projects/{fake.project}/files/list",
        json={"limit": 10},
        headers={"authorization": f"Bearer {fake.token}", "accept-encoding": "gzip"},
    )
    assert raw.headers["content-encoding"] == "gzip"


def test_async_seams_read_gzip_answers(served):
    fake, base_url = served

    async def scenario():
        async with AsyncCDFClient(
            project=fake.project, base_url=base_url, token=fake.token, http_client=httpx.AsyncClient()
        ) as client:
            return await client.files.filter().to_list()

    assert len(asyncio.run(scenario())) == N_FILES


@pytest.mark.parametrize(
    ("client_class", "seam", "named"),
    [
        (CDFClient, lambda: {"transport": httpx.AsyncHTTPTransport()}, "BaseTransport"),
        (CDFClient, lambda: {"http_client": httpx.AsyncClient()}, "Client"),
        (AsyncCDFClient, lambda: {"transport": httpx.HTTPTransport()}, "AsyncBaseTransport"),
        (AsyncCDFClient, lambda: {"http_client": httpx.Client()}, "AsyncClient"),
    ],
)
def test_a_seam_of_the_wrong_kind_is_an_invalid_argument_naming_the_right_one(client_class, seam, named):
    with pytest.raises(InvalidArgumentError, match=rf"must be an httpx\.{named} for this client"):
        client_class(project="p", base_url="https://example.invalid", token="t", **seam())


def test_an_idle_client_holds_no_thread_and_work_leaves_none_behind(served):
    before = threading.active_count()
    client = _client(served)
    assert threading.active_count() == before
    assert len(client.files.filter(partitions=4).to_list()) == N_FILES
    assert len(client.files.retrieve([1, *range(2, 2200)], ignore_unknown_ids=True)) >= 0
    listing = iter(client.files.filter(page_size=100))
    next(listing)
    del listing  # abandoned mid-way: its page fetcher ends with it
    assert threading.active_count() == before
    client.close()
    with pytest.raises(ClientClosedError):
        client.files.filter().to_list()
    assert threading.active_count() == before
