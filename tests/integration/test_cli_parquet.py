"""`--format parquet --output FILE`: listings streamed into a Parquet file, with progress and a summary.

A killed export resumed by rerunning the command is in tests/reliability/test_parquet_export.py.
"""

from types import SimpleNamespace

import polars as pl
import pyarrow.parquet as pq
import pytest

from cdf_client._arrow import schema
from cdf_client._cli import main
from cdf_client._cli._connect import demo_fake
from cdf_client.testing import FakeCDF, Faults


@pytest.fixture(scope="module")
def plant():
    return demo_fake()


@pytest.fixture
def run(capsys):
    def invoke(*args):
        exit_code = main(list(args))
        out, err = capsys.readouterr()
        return SimpleNamespace(exit_code=exit_code, stdout=out, stderr=err)

    return invoke


def test_files_filter_writes_every_match_to_a_parquet_file(run, plant, tmp_path):
    path = tmp_path / "pdfs.parquet"

    result = run("files", "filter", "--fake", "--mime-type", "application/pdf", "--partitions", "3",
                 "--format", "parquet", "--output", str(path))  # fmt: skip

    assert result.exit_code == 0, result.stderr
    expected = sorted(f["id"] for f in plant.files if f["mimeType"] == "application/pdf")
    assert sorted(pl.read_parquet(path)["id"].to_list()) == expected
    assert pq.read_schema(path) == schema("files")
    assert result.stdout == ""
    assert f"wrote {len(expected):,} rows in 1 row group" in result.stderr
    assert not (tmp_path / "pdfs.parquet.partial").exists()


def test_assets_list_writes_parquet_with_a_progress_bar_on_request(run, plant, tmp_path):
    path = tmp_path / "assets.parquet"

    result = run("assets", "list", "--fake", "--format", "parquet", "--output", str(path), "--progress")

    assert result.exit_code == 0, result.stderr
    assert pq.read_table(path).num_rows == len(plant.assets)
    assert "Listing assets" in result.stderr
    assert f"{len(plant.assets):,} items" in result.stderr


def test_parquet_needs_an_output_file_and_output_needs_parquet(run, tmp_path):
    missing = run("files", "list", "--fake", "--format", "parquet")
    stray = run("files", "list", "--fake", "--format", "csv", "--output", str(tmp_path / "f.csv"))

    assert missing.exit_code == stray.exit_code == 2
    assert "--output FILE" in missing.stderr
    assert "--output goes with --format parquet" in stray.stderr
    assert not (tmp_path / "f.csv").exists()


def test_a_bad_output_path_is_a_usage_error_before_any_request(run, tmp_path):
    result = run(
        "files", "list", "--fake", "--format", "parquet", "--output", str(tmp_path / "no" / "f.parquet")
    )

    assert result.exit_code == 2
    assert "does not exist" in result.stderr


@pytest.mark.network
def test_an_interrupted_export_says_how_to_continue_it(run, tmp_path, monkeypatch):
    fake = FakeCDF.generate(files=300, seed=1, faults=Faults(rate=1.0, statuses=(503,)))
    with fake.serve() as base_url:
        for name, value in {
            "CDF_PROJECT": fake.project,
            "CDF_BASE_URL": base_url,
            "CDF_TOKEN": fake.token,
        }.items():
            monkeypatch.setenv(name, value)
        result = run(
            "files",
            "list",
            "--max-retries",
            "0",
            "--format",
            "parquet",
            "--output",
            str(tmp_path / "f.parquet"),
        )

    assert result.exit_code == 1
    assert "503" in result.stderr
    assert "run the same command again to continue it" in result.stderr
