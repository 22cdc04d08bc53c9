"""`cdf-client demo` runs to the end and shows each of the five operations it announces."""

import re
import subprocess
import sys

import pytest

from cdf_client._cli import main


@pytest.fixture(scope="module")
def demo_output():
    result = subprocess.run(
        [sys.executable, "-m", "cdf_client", "demo"], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def _section(output, step):
    start = output.index(f"{step}/5 ")
    end = output.find(f"{step + 1}/5 ", start)
    return output[start : end if end != -1 else len(output)]


def test_it_announces_the_embedded_project(demo_output):
    assert re.search(r"fake CDF project demo with 10,000 files and [\d,]+ assets", demo_output)


def test_step_1_filters_files_by_mime_type(demo_output):
    section = _section(demo_output, 1)

    assert 'client.files.filter(mime_type="application/pdf")' in section
    assert re.search(r"[\d,]+ PDF files", section)
    assert section.count("application/pdf") >= 4


def test_step_2_lists_in_partitions_with_progress_and_rate(demo_output):
    section = _section(demo_output, 2)

    assert "client.files.list(partitions=4)" in section
    assert "10,000 items" in section
    assert re.search(r"10,000 files over 4 partitions in [\d.]+ s: [\d,]+ items/s", section)


def test_step_3_lists_the_assets_of_a_subtree(demo_output):
    section = _section(demo_output, 3)

    assert 'asset_subtree_external_ids=["plant-north.area-1"]' in section
    assert re.search(r"\d+ assets under plant-north.area-1", section)
    assert "Area 10 (plant-north.area-1)" in section
    assert "System 2" in section


def test_step_4_gets_one_file(demo_output):
    section = _section(demo_output, 4)

    file_id = re.search(r"client\.files\.get\((\d+)\)", section).group(1)
    assert re.search(rf"\bid\s+{file_id}\b", section)
    assert "created_time" in section


def test_step_5_retrieves_mixed_identifiers_and_shows_the_typed_error(demo_output):
    section = _section(demo_output, 5)

    assert "InstanceId(space=" in section
    assert "NotFoundError" in section
    assert "missing: 404" in section
    assert "request id:" in section
    assert "the 3 that exist, in request order" in section


def test_it_ends_with_the_time_taken_and_a_next_command(demo_output):
    assert re.search(r"Done in [\d.]+ s", demo_output)
    assert "cdf-client files filter --fake" in demo_output


def test_a_smaller_plant_through_the_entry_point(capsys):
    assert main(["demo", "--files", "500"]) == 0
    assert "500 files over 4 partitions" in capsys.readouterr().out
