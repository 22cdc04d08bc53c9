"""`write_parquet`: row groups as pages arrive, what it wrote, and resuming after an interruption."""

import asyncio
import shutil

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cdf_client import (
    AsyncCDFClient,
    CheckpointMismatchError,
    InvalidArgumentError,
    ParquetResult,
    ServerError,
)
from cdf_client._arrow import schema
from cdf_client.testing import FakeCDF, Faults

FILES = 2_500


class StopError(Exception):
    """Stands for whatever stops an export: Ctrl-C, a full disk, a lost connection."""


@pytest.fixture(scope="module")
def fake():
    return FakeCDF.generate(files=FILES, seed=21)


@pytest.fixture
def client(fake):
    fake.faults = Faults()
    with fake.client() as client:
        yield client


def _ids(path):
    return sorted(
        row[0]
        for row in duckdb.sql("SELECT id FROM read_parquet($path)", params={"path": str(path)}).fetchall()
    )


def _part_rows(path):
    with pa.memory_map(str(path)) as source:
        return pa.ipc.open_file(source).read_all().num_rows


def _all_ids(fake):
    return sorted(f["id"] for f in fake.files)


def _stop_after(rows_wanted):
    def on_progress(rows):
        if rows >= rows_wanted:
            raise StopError

    return on_progress


def test_writes_every_row_in_row_groups_and_says_what_it_wrote(fake, client, tmp_path):
    path = tmp_path / "files.parquet"

    result = client.files.filter(page_size=250).write_parquet(path, row_group_size=1_000)

    metadata = pq.ParquetFile(path).metadata
    assert result == ParquetResult(path, FILES, metadata.num_row_groups, path.stat().st_size, 0)
    assert result.row_groups == 3  # whole pages of 250: groups of 1000, 1000, 500
    assert [metadata.row_group(i).num_rows for i in range(3)] == [1_000, 1_000, 500]
    assert pq.read_schema(path) == schema("files")
    assert _ids(path) == _all_ids(fake)
    assert not (tmp_path / "files.parquet.partial").exists()


def test_the_file_holds_what_to_arrow_gives_and_polars_reads_it(client, tmp_path):
    path = tmp_path / "files.parquet"
    client.files.list(partitions=2).write_parquet(path)

    assert pq.read_table(path).sort_by("id").equals(client.files.list().to_arrow().sort_by("id"))
    assert pl.read_parquet(path).sort("id").equals(client.files.list().to_polars().sort("id"))


def test_progress_is_reported_after_every_page(client, tmp_path):
    seen = []

    client.files.filter(page_size=1_000).write_parquet(tmp_path / "f.parquet", on_progress=seen.append)

    assert seen == [1_000, 2_000, 2_500]


def test_an_interrupted_export_resumes_without_loss_or_duplicates(fake, client, tmp_path):
    path = tmp_path / "files.parquet"
    listing = client.files.filter(partitions=4, page_size=100)

    with pytest.raises(StopError):
        listing.write_parquet(path, row_group_size=300, on_progress=_stop_after(1_250))

    assert not path.exists()
    parts = sorted(p.name for p in (tmp_path / "files.parquet.partial").iterdir())
    assert "checkpoint.json" in parts
    written = sum(_part_rows(tmp_path / "files.parquet.partial" / p) for p in parts if p.endswith(".arrow"))
    # The listing's own checkpoint stands right after the rows on disk, not after the rows received.
    assert listing.checkpoint.yielded == written < 1_250

    result = client.files.filter(partitions=4, page_size=100).write_parquet(path, row_group_size=300)

    assert result.resumed_rows == written
    assert result.rows == FILES
    assert _ids(path) == _all_ids(fake)


def test_a_failing_server_interrupts_and_the_same_call_resumes(fake, client, tmp_path):
    path = tmp_path / "files.parquet"

    def server_fails_midway(rows):
        if rows >= 1_200:
            fake.faults = Faults(rate=1.0, statuses=(503,))

    with fake.client(max_retries=0) as failing, pytest.raises(ServerError):  # the first 503 ends it
        failing.files.filter(page_size=100).write_parquet(
            path, row_group_size=200, on_progress=server_fails_midway
        )
    fake.faults = Faults()
    result = client.files.filter(page_size=100).write_parquet(path, row_group_size=200)

    assert 1_200 <= result.resumed_rows < FILES  # a page or two were already on their way
    assert result.rows == FILES
    assert _ids(path) == _all_ids(fake)


def test_a_part_the_checkpoint_does_not_list_is_dropped_on_resume(fake, client, tmp_path):
    # A process killed after renaming a part into place but before replacing the checkpoint.
    path = tmp_path / "files.parquet"
    with pytest.raises(StopError):
        client.files.filter(page_size=100).write_parquet(
            path, row_group_size=500, on_progress=_stop_after(1_200)
        )
    partial = tmp_path / "files.parquet.partial"
    shutil.copy(partial / "part-000000.arrow", partial / "part-000002.arrow")
    (partial / "part-000003.arrow.tmp").write_bytes(b"half a row group")

    result = client.files.filter(page_size=100).write_parquet(path, row_group_size=500)

    assert result.rows == FILES
    assert _ids(path) == _all_ids(fake)


def test_a_finished_listing_whose_file_was_not_assembled_assembles_again_without_requests(
    fake, client, tmp_path
):
    path = tmp_path / "files.parquet"

    def block_the_target(rows):
        if rows == FILES:
            path.mkdir()  # the final rename fails, after the last row group's checkpoint

    with pytest.raises(IsADirectoryError):
        client.files.filter().write_parquet(path, row_group_size=1_000, on_progress=block_the_target)
    path.rmdir()
    fake.clear_requests()

    result = client.files.filter().write_parquet(path)

    assert (result.rows, result.resumed_rows) == (FILES, FILES)
    assert [r for r in fake.requests if r.path.endswith("/files/list")] == []
    assert _ids(path) == _all_ids(fake)


def test_another_query_refuses_to_resume_and_resume_false_starts_over(fake, client, tmp_path):
    path = tmp_path / "files.parquet"
    with pytest.raises(StopError):
        client.files.filter(page_size=100).write_parquet(
            path, row_group_size=100, on_progress=_stop_after(500)
        )

    with pytest.raises(CheckpointMismatchError, match="different query"):
        client.files.filter(page_size=100, uploaded=True).write_parquet(path)
    with pytest.raises(CheckpointMismatchError, match="different query"):
        client.files.filter(page_size=100, partitions=2).write_parquet(path)
    result = client.files.filter(uploaded=True).write_parquet(path, resume=False)

    assert result.resumed_rows == 0
    assert result.rows == sum(1 for f in fake.files if f["uploaded"])


def test_limit_is_honoured_across_an_interruption(client, tmp_path):
    path = tmp_path / "files.parquet"
    with pytest.raises(StopError):
        client.files.filter(limit=1_111, partitions=2, page_size=100).write_parquet(
            path, row_group_size=200, on_progress=_stop_after(600)
        )

    result = client.files.filter(limit=1_111, partitions=2, page_size=100).write_parquet(
        path, row_group_size=200
    )

    assert result.rows == 1_111
    assert len(set(_ids(path))) == 1_111


def test_an_empty_listing_writes_a_file_with_the_schema(tmp_path):
    with FakeCDF().client() as client:
        result = client.assets.list().write_parquet(tmp_path / "assets.parquet")

    assert (result.rows, result.row_groups) == (0, 0)
    assert pq.read_table(result.path).schema == schema("assets")


@pytest.mark.parametrize(
    ("options", "argument"),
    [
        ({"row_group_size": 0}, "row_group_size"),
        ({"compression": "zip"}, "compression"),
        ({"path_is": "directory"}, "path"),
        ({"path_is": "missing parent"}, "path"),
    ],
)
def test_bad_arguments_fail_before_any_request(fake, client, tmp_path, options, argument):
    path = {"directory": tmp_path, "missing parent": tmp_path / "nope" / "f.parquet"}.get(
        options.pop("path_is", None), tmp_path / "f.parquet"
    )
    fake.clear_requests()

    with pytest.raises(InvalidArgumentError, match=rf"^{argument}"):
        client.files.filter().write_parquet(path, **options)
    assert fake.requests == []


def test_the_async_listing_writes_and_resumes_the_same_way(fake, tmp_path):
    path = tmp_path / "files.parquet"

    async def export(**options):
        async with AsyncCDFClient(
            project=fake.project, base_url=fake.base_url, token=fake.token, transport=fake.transport()
        ) as ac:
            return await ac.files.filter(partitions=3, page_size=100).write_parquet(
                path, row_group_size=400, **options
            )

    with pytest.raises(StopError):
        asyncio.run(export(on_progress=_stop_after(1_000)))
    result = asyncio.run(export())

    assert result.rows == FILES
    assert result.resumed_rows > 0
    assert _ids(path) == _all_ids(fake)
