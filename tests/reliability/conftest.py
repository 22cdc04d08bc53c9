"""Fixtures and hooks of the reliability suite: retry counting and the figures file.

Default runs are sized for CI; the soak mode runs the same tests at larger sizes plus the `slow` cases:

    CDF_SOAK=1 .venv/bin/pytest tests/reliability

Every test may record figures (requests faulted, retries, items checked, inputs tried) with the
`figures` fixture; when `CDF_RELIABILITY_FIGURES` names a file, the session writes them there as JSON
and `scripts/reliability_report` renders them into docs/reliability.md.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from _reliability import SOAK

if TYPE_CHECKING:
    from collections.abc import Iterator

FIGURES_ENV = "CDF_RELIABILITY_FIGURES"


class _RetryCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0
        self._lock_counter = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(record, "cdf_attempt", None) is not None:
            with self._lock_counter:
                self.count += 1


@pytest.fixture
def retries() -> Iterator[_RetryCounter]:
    """Counts the client's retries from its own WARNING log lines (they carry `cdf_attempt`)."""
    logger = logging.getLogger("cdf_client")
    handler = _RetryCounter()
    level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


_FIGURES = pytest.StashKey[dict[str, dict[str, Any]]]()


@pytest.fixture
def figures(request: pytest.FixtureRequest) -> Iterator[dict[str, Any]]:
    """A dict the test fills with its counters; kept per test id for the reliability report."""
    recorded: dict[str, Any] = {}
    yield recorded
    if recorded:
        store = request.config.stash.setdefault(_FIGURES, {})
        store[request.node.nodeid] = {**store.get(request.node.nodeid, {}), **recorded}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item) -> Any:
    report = yield
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        outcomes = item.config.stash.setdefault(_OUTCOMES, {})
        outcomes[item.nodeid] = report.outcome
    return report


_OUTCOMES = pytest.StashKey[dict[str, str]]()


def pytest_sessionfinish(session: pytest.Session) -> None:
    target = os.environ.get(FIGURES_ENV)
    if not target:
        return
    store = session.config.stash.get(_FIGURES, {})
    outcomes = session.config.stash.get(_OUTCOMES, {})
    rows = {
        nodeid: {"outcome": outcomes.get(nodeid, "unknown"), **counters}
        for nodeid, counters in sorted(store.items())
    }
    Path(target).write_text(json.dumps({"soak": SOAK, "tests": rows}, indent=2) + "\n")
