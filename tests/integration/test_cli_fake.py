"""Every command, through the entry point `main(argv)`, against the embedded demo project (`--fake`)."""

import csv
import io
from types import SimpleNamespace

import orjson
import pytest

from cdf_client._cli import main
from cdf_client._cli._connect import demo_fake


@pytest.fixture(scope="module")
def plant():
    fake = demo_fake()
    return {"files": fake.files, "assets": fake.assets}


@pytest.fixture
def run(capsys):
    def invoke(*args):
        exit_code = main(list(args))
        out, err = capsys.readouterr()
        return SimpleNamespace(exit_code=exit_code, stdout=out, stderr=err, output=out + err)

    return invoke


def _jsonl(output):
    return [orjson.loads(line) for line in output.splitlines()]


def test_files_filter_by_mime_type_streams_every_match_as_json_lines(run, plant):
    result = run("files", "filter", "--fake", "--mime-type", "image/png", "--format", "jsonl")

    assert result.exit_code == 0, result.output
    expected = {f["id"]: f for f in plant["files"] if f["mimeType"] == "image/png"}
    items = _jsonl(result.stdout)
    assert {item["id"]: item for item in items} == expected
    assert len(items) == len(expected)


def test_files_filter_combines_filters(run, plant):
    result = run(
        "files",
        "filter",
        "--fake",
        "--mime-type",
        "application/pdf",
        "--metadata",
        "status=approved",
        "--uploaded",
        "--min-created-time",
        "2022-01-01",
        "--format",
        "jsonl",
    )

    assert result.exit_code == 0, result.output
    expected = {
        f["id"]
        for f in plant["files"]
        if f["mimeType"] == "application/pdf"
        and f.get("metadata", {}).get("status") == "approved"
        and f["uploaded"]
        and f["createdTime"] >= 1640995200000
    }
    assert expected
    assert {item["id"] for item in _jsonl(result.stdout)} == expected


def test_files_filter_by_label(run, plant):
    result = run("files", "filter", "--fake", "--label-any", "PID", "--format", "jsonl")

    assert result.exit_code == 0, result.output
    expected = {f["id"] for f in plant["files"] if {"externalId": "PID"} in f.get("labels", [])}
    assert expected
    assert {item["id"] for item in _jsonl(result.stdout)} == expected


@pytest.mark.parametrize("command", ["filter", "list"])
def test_files_by_external_id_prefix(run, plant, command):
    result = run("files", command, "--fake", "--external-id-prefix", "sap:", "--format", "jsonl")

    assert result.exit_code == 0, result.output
    expected = {f["id"] for f in plant["files"] if f.get("externalId", "").startswith("sap:")}
    assert expected
    assert {item["id"] for item in _jsonl(result.stdout)} == expected


def test_files_filter_by_directory_prefix(run, plant):
    result = run("files", "filter", "--fake", "--directory-prefix", "/plant-north", "--format", "jsonl")

    assert result.exit_code == 0, result.output
    expected = {f["id"] for f in plant["files"] if f.get("directory", "").startswith("/plant-north")}
    assert expected
    assert {item["id"] for item in _jsonl(result.stdout)} == expected


def test_limit_caps_the_total_across_partitions(run):
    result = run(
        "files",
        "list",
        "--fake",
        "--limit",
        "25",
        "--partitions",
        "4",
        "--page-size",
        "10",
        "--format",
        "jsonl",
    )

    assert result.exit_code == 0, result.output
    assert len(_jsonl(result.stdout)) == 25


def test_files_list_partitioned_returns_every_file_once(run, plant):
    result = run("files", "list", "--fake", "--partitions", "3", "--format", "jsonl")

    assert result.exit_code == 0, result.output
    ids = [item["id"] for item in _jsonl(result.stdout)]
    assert sorted(ids) == sorted(f["id"] for f in plant["files"])


def test_files_list_filters_on_source_and_time(run, plant):
    result = run(
        "files",
        "list",
        "--fake",
        "--source",
        "sap",
        "--max-created-time",
        "1600000000000",
        "--format",
        "jsonl",
    )

    assert result.exit_code == 0, result.output
    expected = {f["id"] for f in plant["files"] if f["source"] == "sap" and f["createdTime"] <= 1600000000000}
    assert expected
    assert {item["id"] for item in _jsonl(result.stdout)} == expected


def test_csv_has_a_header_and_one_row_per_file(run, plant):
    result = run("files", "list", "--fake", "--mime-type", "text/csv", "--format", "csv")

    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    expected = {f["id"]: f for f in plant["files"] if f["mimeType"] == "text/csv"}
    assert {int(row["id"]) for row in rows} == set(expected)
    row = rows[0]
    original = expected[int(row["id"])]
    assert row["name"] == original["name"]
    assert int(row["created_time"]) == original["createdTime"]


def test_table_shows_a_header_and_readable_times(run):
    result = run("files", "list", "--fake", "--limit", "3", "--format", "table")

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["id", "external_id", "name"]
    assert len(lines) == 4
    assert "Z" in lines[1]


def test_table_is_not_the_default_when_stdout_is_not_a_terminal(run):
    result = run("files", "list", "--fake", "--limit", "2")

    assert len(_jsonl(result.stdout)) == 2


def test_files_get_prints_one_file(run, plant):
    wanted = plant["files"][0]
    result = run("files", "get", "--fake", str(wanted["id"]), "--format", "jsonl")

    assert result.exit_code == 0, result.output
    assert _jsonl(result.stdout) == [wanted]


def test_files_get_as_a_table_lists_every_field(run, plant):
    wanted = plant["files"][0]
    result = run("files", "get", "--fake", str(wanted["id"]), "--format", "table")

    assert result.exit_code == 0, result.output
    assert wanted["name"] in result.stdout
    assert "created_time" in result.stdout
    assert "last_updated_time" in result.stdout


def test_files_get_of_an_unknown_id_exits_1_with_status_and_request_id(run):
    result = run("files", "get", "--fake", "404")

    assert result.exit_code == 1
    assert result.stdout == ""
    assert "NotFoundError" in result.stderr
    assert "request id:" in result.stderr
    assert "Traceback" not in result.stderr


def test_files_retrieve_by_mixed_identifiers_keeps_request_order(run, plant):
    with_xid = [f for f in plant["files"] if "externalId" in f]
    with_instance = next(f for f in plant["files"] if "instanceId" in f)
    instance = with_instance["instanceId"]
    result = run(
        "files",
        "retrieve",
        "--fake",
        str(with_xid[0]["id"]),
        with_xid[1]["externalId"],
        "--instance-id",
        f"{instance['space']}:{instance['externalId']}",
        "--format",
        "jsonl",
    )

    assert result.exit_code == 0, result.output
    assert [item["id"] for item in _jsonl(result.stdout)] == [
        with_xid[0]["id"],
        with_xid[1]["id"],
        with_instance["id"],
    ]


def test_files_retrieve_with_a_missing_identifier_names_it_and_exits_1(run, plant):
    result = run("files", "retrieve", "--fake", str(plant["files"][0]["id"]), "404", "no-such-file")

    assert result.exit_code == 1
    assert "missing:" in result.stderr
    assert "404" in result.stderr
    assert "no-such-file" in result.stderr


def test_files_retrieve_can_ignore_unknown_identifiers(run, plant):
    known = plant["files"][0]["id"]
    result = run(
        "files", "retrieve", "--fake", "404", str(known), "--ignore-unknown-ids", "--format", "jsonl"
    )

    assert result.exit_code == 0, result.output
    assert [item["id"] for item in _jsonl(result.stdout)] == [known]


def test_assets_list_of_a_subtree(run, plant):
    result = run(
        "assets", "list", "--fake", "--asset-subtree-external-id", "plant-north.area-1", "--format", "jsonl"
    )

    assert result.exit_code == 0, result.output
    by_id = {a["id"]: a for a in plant["assets"]}
    root = next(a["id"] for a in plant["assets"] if a.get("externalId") == "plant-north.area-1")

    def in_subtree(asset):
        while True:
            if asset["id"] == root:
                return True
            if "parentId" not in asset:
                return False
            asset = by_id[asset["parentId"]]

    expected = {a["id"] for a in plant["assets"] if in_subtree(a)}
    assert len(expected) > 1
    assert {item["id"] for item in _jsonl(result.stdout)} == expected


def test_assets_list_roots_without_metadata(run, plant):
    result = run("assets", "list", "--fake", "--root", "--no-metadata", "--format", "jsonl")

    assert result.exit_code == 0, result.output
    items = _jsonl(result.stdout)
    assert {item["id"] for item in items} == {a["id"] for a in plant["assets"] if "parentId" not in a}
    assert all("metadata" not in item for item in items)


def test_assets_list_as_csv_and_table(run):
    as_csv = run("assets", "list", "--fake", "--limit", "5", "--format", "csv")
    as_table = run("assets", "list", "--fake", "--limit", "5", "--format", "table")

    assert as_csv.exit_code == as_table.exit_code == 0
    assert as_csv.stdout.splitlines()[0].startswith("id,external_id,name,")
    assert len(as_csv.stdout.splitlines()) == 6
    assert "parent_id" in as_table.stdout.splitlines()[0]


def test_partitions_out_of_range_is_bad_input_exit_2(run):
    result = run("files", "list", "--fake", "--partitions", "11")

    assert result.exit_code == 2
    assert "--partitions" in result.stderr


def test_a_bad_time_is_bad_input_exit_2(run):
    result = run("files", "filter", "--fake", "--min-created-time", "last tuesday")

    assert result.exit_code == 2
    assert "ISO 8601" in result.stderr


def test_input_the_client_rejects_is_exit_2_before_any_request(run):
    result = run("files", "filter", "--fake", "--external-id-prefix", "x" * 300)

    assert result.exit_code == 2
    assert "external_id_prefix" in result.stderr


def test_retrieve_needs_an_identifier(run):
    result = run("files", "retrieve", "--fake")

    assert result.exit_code == 2
    assert "at least one identifier" in result.stderr


def test_help_lists_every_command(run):
    assert "demo" in run("--help").stdout
    files_help = run("files", "--help").stdout
    for command in ("filter", "list", "get", "retrieve"):
        assert command in files_help
    assert "--asset-subtree-external-id" in run("assets", "list", "--help").stdout


def test_a_forced_progress_bar_never_mixes_into_stdout(run, plant):
    result = run("files", "list", "--fake", "--progress", "--format", "jsonl")

    assert result.exit_code == 0, result.output
    assert len(_jsonl(result.stdout)) == len(plant["files"])


def test_options_and_identifiers_may_come_in_any_order(run, plant):
    first, second = plant["files"][0]["id"], plant["files"][1]["id"]
    result = run("files", "retrieve", str(first), "--fake", "404", "--ignore-unknown-ids", str(second))

    assert result.exit_code == 0, result.output
    assert [item["id"] for item in _jsonl(result.stdout)] == [first, second]


@pytest.mark.parametrize(
    "args",
    [
        ("--fake", "files", "filter", "--mime-type", "image/png", "--format", "jsonl"),
        ("files", "--fake", "filter", "--mime-type", "image/png", "--format", "jsonl"),
        ("--max-retries", "0", "--fake", "files", "filter", "--format", "jsonl", "--mime-type", "image/png"),
    ],
    ids=["before-the-group", "before-the-command", "several"],
)
def test_global_options_may_come_before_the_command(run, args):
    after = run("files", "filter", "--fake", "--mime-type", "image/png", "--format", "jsonl")
    before = run(*args)

    assert before.exit_code == after.exit_code == 0, before.output
    assert before.stdout == after.stdout
    assert len(_jsonl(before.stdout)) > 0


def test_the_top_level_help_lists_the_global_options(run):
    result = run("--help")

    assert "before or after the command" in result.stdout
    for option in ("--fake", "--project", "--cluster", "--base-url", "--max-retries"):
        assert option in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("files", "list", "--limit", "20"),
        ("assets", "list", "--limit", "20"),
        ("files", "retrieve", "4113589062838", "404", "--ignore-unknown-ids"),
    ],
    ids=["files", "assets", "retrieve"],
)
def test_a_table_fits_in_the_width_columns_gives(run, monkeypatch, args):
    monkeypatch.setenv("COLUMNS", "80")
    result = run(*args, "--fake", "--format", "table")

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) > 1
    assert max(len(line) for line in lines) <= 80, result.stdout


def test_a_switch_takes_either_spelling(run, plant):
    uploaded = run("files", "list", "--fake", "--uploaded", "--format", "jsonl")
    not_uploaded = run("files", "list", "--fake", "--not-uploaded", "--format", "jsonl")

    assert {item["id"] for item in _jsonl(uploaded.stdout)} == {
        f["id"] for f in plant["files"] if f["uploaded"]
    }
    assert {item["id"] for item in _jsonl(not_uploaded.stdout)} == {
        f["id"] for f in plant["files"] if not f["uploaded"]
    }


def test_repeated_options_collect_every_value(run, plant):
    pngs = [f for f in plant["files"] if f["mimeType"] == "image/png"][:2]
    result = run(
        "files",
        "retrieve",
        "--fake",
        "--external-id",
        pngs[0]["externalId"],
        "--external-id",
        pngs[1]["externalId"],
    )

    assert result.exit_code == 0, result.output
    assert [item["id"] for item in _jsonl(result.stdout)] == [f["id"] for f in pngs]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["files", "list", "--fake", "--format", "xml"], "'xml' is not one of 'table', 'jsonl', 'csv'"),
        (["files", "list", "--fake", "--asset-id", "pump"], "'pump' is not a valid integer"),
        (["files", "get", "--fake", "0"], "0 is not in the range 1<=x<="),
        (["files", "get", "--fake"], "ID"),
        (["files", "list", "--fake", "--limit"], "--limit"),
        (["files", "filter", "--fake", "--metadata", "status"], "is not key=value"),
        (["files", "retrieve", "--fake", "--instance-id", "nocolon"], "is not space:external_id"),
        (["files", "filter", "--fake", "--label-any", "a", "--label-all", "b"], "not both"),
        (["files", "filter", "--fake", "--geo-relation", "within"], "go together"),
        (
            ["files", "filter", "--fake", "--geo-relation", "within", "--geo-shape", "[5, 60]"],
            "geometry object",
        ),
        (["demo", "--files", "5"], "5 is not in the range 100<=x<=1000000"),
    ],
)
def test_bad_option_values_are_usage_errors_exit_2(run, args, message):
    result = run(*args)

    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"Usage: cdf-client {' '.join(args[: 1 if args[0] == 'demo' else 2])}" in result.stderr
    assert message in result.stderr


@pytest.mark.parametrize(
    "command",
    [["files", "filter"], ["files", "list"], ["files", "get"], ["files", "retrieve"], ["assets", "list"]],
)
def test_every_command_takes_fake_and_the_connection_options(run, command):
    help_text = run(*command, "--help").stdout

    for option in ("--fake", "--project", "--cluster", "--base-url", "--max-retries", "--format", "--help"):
        assert option in help_text
