"""Decoding a page pauses Python's cyclic collector, and leaves it as it found it, in every thread."""

from __future__ import annotations

import gc
import os
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING

import httpx
import orjson
import pytest

from cdf_client._gcpause import gc_paused
from cdf_client._response import FILES, decode_page

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture
def collector() -> Iterator[None]:
    was = gc.isenabled()
    thresholds = gc.get_threshold()
    gc.enable()
    yield
    gc.set_threshold(*thresholds)
    (gc.enable if was else gc.disable)()


@pytest.mark.usefixtures("collector")
def test_a_page_is_built_without_collections_and_the_collector_runs_again_after() -> None:
    file = {
        "name": "f",
        "metadata": {"k": "v"},
        "assetIds": [1, 2],
        "createdTime": 0,
        "lastUpdatedTime": 0,
        "uploaded": True,
    }
    page = {"items": [{"id": i + 1, **file} for i in range(1000)]}
    request = httpx.Request("POST", "https://fake.cognitedata.com/api/v1/projects/p/files/list")
    response = httpx.Response(200, content=orjson.dumps(page), request=request)
    collections: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.set_threshold(10)  # a collection every 10 new containers: thousands over a page, unpaused
    gc.callbacks.append(count)
    try:
        items, _ = decode_page(response, 1000, FILES)
    finally:
        gc.callbacks.remove(count)
    assert len(items) == 1000
    assert len(collections) <= 3  # at most the ones due once the page is built
    assert gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_a_collector_the_application_disabled_stays_disabled() -> None:
    gc.disable()
    with gc_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


@contextmanager
def _paused_in_another_thread() -> Iterator[None]:
    """Hold a pause in another thread (as a partition decoding its page) for the block."""
    inside, leave = threading.Event(), threading.Event()

    def other() -> None:
        with gc_paused():
            inside.set()
            leave.wait(10)

    thread = threading.Thread(target=other)
    thread.start()
    try:
        assert inside.wait(10)
        yield
    finally:
        leave.set()
        thread.join(10)


@pytest.mark.usefixtures("collector")
def test_the_pause_lasts_until_the_last_thread_is_done() -> None:
    with _paused_in_another_thread():
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the other thread is still decoding
    assert gc.isenabled()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX fork")
@pytest.mark.usefixtures("collector")
def test_a_child_forked_during_a_pause_gets_its_collector_back() -> None:
    with _paused_in_another_thread():
        pid = os.fork()
        if pid == 0:  # the child: the pausing thread does not exist here
            os._exit(0 if gc.isenabled() else 1)
        _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert gc.isenabled()
