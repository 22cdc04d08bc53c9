"""A Parquet export killed halfway (SIGKILL, no cleanup) and resumed holds every file exactly once.

The fake is served on 127.0.0.1; the export runs in a child process with a sync, partitioned client
and kills itself once it has received half the rows (some written, some still buffered); the same
export then resumes (in another process through the CLI, or in this one) and DuckDB reads the file.
The default size runs in CI; the million-file run is `slow` (and scripts/bench measures its memory).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from _reliability import HANG_GUARD_S

from cdf_client import CDFClient
from cdf_client.testing import FakeCDF
from cdf_client_api import rules

if TYPE_CHECKING:
    from pathlib import Path

PARTITIONS = 4

_KILLED_EXPORT = textwrap.dedent(
    """
    import os, signal, sys
    from cdf_client import CDFClient

    path, (partitions, row_group_size, kill_at) = sys.argv[1], map(int, sys.argv[2:])

    def kill_halfway(rows):
        if rows >= kill_at:
            os.kill(os.getpid(), signal.SIGKILL)  # no cleanup, no finally: as if the machine went away

    with CDFClient.from_env() as client:
        client.files.filter(partitions=partitions).write_parquet(
            path, row_group_size=row_group_size, on_progress=kill_halfway
        )
    """
)


def _env(fake: FakeCDF, base_url: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("CDF_")}
    return {**env, "CDF_PROJECT": fake.project, "CDF_BASE_URL": base_url, "CDF_TOKEN": fake.token}


def _kill_halfway(path: Path, fake: FakeCDF, base_url: str, row_group_size: int) -> int:
    """Run the export in a child that SIGKILLs itself halfway; return the rows its checkpoint holds."""
    files = len(fake.files)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _KILLED_EXPORT,
            str(path),
            str(PARTITIONS),
            str(row_group_size),
            str(files // 2),
        ],
        env=_env(fake, base_url),
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_S,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr[-3000:]
    assert not path.exists()
    partial = path.with_name(path.name + ".partial")
    parts = [_rows(part) for part in partial.glob("part-*.arrow")]
    # The child dies after the page that takes it to half the rows; that page may complete a row group
    # (written at once), so up to one page more than half can be on disk, never the whole listing.
    page = rules.FileFilterRequest.limit.maximum
    assert 0 < sum(parts) < min(files // 2 + page, files)
    return sum(parts)


def _rows(part: Path) -> int:
    with pa.memory_map(str(part)) as source:
        return pa.ipc.open_file(source).read_all().num_rows


def _assert_exact(path: Path, fake: FakeCDF) -> None:
    [(count, distinct, total)] = duckdb.sql(
        "SELECT count(*), count(DISTINCT id), sum(id)::HUGEINT FROM read_parquet($path)",
        params={"path": str(path)},
    ).fetchall()
    assert (count, distinct) == (len(fake.files), len(fake.files))
    assert total == sum(f["id"] for f in fake.files)


def test_a_killed_export_resumed_by_the_cli_has_every_row_once(tmp_path, figures):
    fake = FakeCDF.generate(files=12_000, seed=8, record_requests=False)
    path = tmp_path / "files.parquet"
    with fake.serve() as base_url:
        on_disk = _kill_halfway(path, fake, base_url, row_group_size=2_000)
        command = [
            "files",
            "filter",
            "--partitions",
            str(PARTITIONS),
            "--format",
            "parquet",
            "--output",
            str(path),
        ]
        resumed = subprocess.run(
            [sys.executable, "-m", "cdf_client", *command],
            env=_env(fake, base_url),
            capture_output=True,
            text=True,
            timeout=HANG_GUARD_S,
            check=False,
        )

    assert resumed.returncode == 0, resumed.stderr
    assert f"({on_disk:,} of them by the interrupted run it resumed)" in resumed.stderr
    _assert_exact(path, fake)
    # Every value, not only the ids: the file is what a fresh listing gives.
    with fake.client() as client:
        assert pq.read_table(path).sort_by("id").equals(client.files.filter().to_arrow().sort_by("id"))
    figures.update(items_checked=len(fake.files))


@pytest.mark.slow
def test_a_killed_export_of_a_million_files_resumes_exactly(tmp_path, figures):
    fake = FakeCDF.generate(files=1_000_000, seed=8, record_requests=False)
    path = tmp_path / "files.parquet"
    with fake.serve() as base_url:
        on_disk = _kill_halfway(path, fake, base_url, row_group_size=100_000)
        with CDFClient(project=fake.project, base_url=base_url, token=fake.token) as client:
            result = client.files.filter(partitions=PARTITIONS).write_parquet(path, row_group_size=100_000)

    assert (result.rows, result.resumed_rows) == (1_000_000, on_disk)
    _assert_exact(path, fake)
    figures.update(items_checked=result.rows)
