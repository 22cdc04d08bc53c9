"""scripts/bench --quick runs end to end, so the benchmark cannot rot; no timing is asserted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = ("floor", "generated", "overlay", "overlay-dicts", "overlay-async", "cognite-sdk")
# Scenario 6 (a throttled CDF) has two tables of its own clients, some of them named alike.
THROTTLED = (
    "overlay",
    "overlay-async",
    "overlay-unassumed",
    "overlay-rate",
    "overlay-shared",
    "floor-naive",
    "floor-pacing",
    "cognite-sdk",
)


@pytest.mark.network
def test_quick_bench_measures_every_client_in_every_scenario_and_writes_the_docs(tmp_path: Path) -> None:
    docs = tmp_path / "benchmarks.md"
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench"), "--quick", "--write-docs", str(docs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    report = done.stdout
    for scenario in range(1, 9):
        assert f"### Scenario {scenario}:" in report
    for client in ("dicts", "to_arrow", "to_polars", "to_pandas"):
        assert report.count(f"| {client} |") == 1  # scenario 8
    assert report.count("| parquet |") == 2  # scenario 7, sequential and partitioned
    for client in CLIENTS:
        # Scenarios 1-4 have six tables between them, scenario 6 two.
        assert report.count(f"| {client} |") == 6 + 2 * (client in THROTTLED), client
    for client in THROTTLED:
        assert f"| {client} |" in report
    assert "FAILED" not in report
    assert "## Targets" in report
    written = docs.read_text()
    assert "## Machine" in written
    assert "scripts/bench --quick" in written
    table_rows = [line for line in report.splitlines() if line.startswith("| ")]
    assert all(row in written for row in table_rows)
