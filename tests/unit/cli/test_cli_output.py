import csv
import io

import orjson
import pytest
from rich.console import Console

from cdf_client._cli._output import CsvWriter, JsonLinesWriter, TableWriter, cell, column_widths, format_time

ITEM = {
    "id": 7,
    "externalId": "sap:work-log:0000001",
    "name": "log, week 1.txt",
    "mimeType": "text/plain",
    "metadata": {"status": "draft"},
    "assetIds": [1, 2],
    "uploaded": True,
    "createdTime": 1730204346000,
    "lastUpdatedTime": 1730204346001,
}


def test_json_lines_are_the_wire_items_one_per_line():
    buffer = io.BytesIO()
    writer = JsonLinesWriter(buffer)
    writer.write(ITEM)
    writer.write({"id": 8, "name": "b"})
    writer.close()

    lines = buffer.getvalue().splitlines()
    assert [orjson.loads(line) for line in lines] == [ITEM, {"id": 8, "name": "b"}]


def test_csv_has_a_header_of_every_file_field_and_nested_values_as_json():
    buffer = io.StringIO()
    writer = CsvWriter(buffer, "file")
    writer.write(ITEM)
    writer.close()

    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert rows[0]["id"] == "7"
    assert rows[0]["name"] == "log, week 1.txt"
    assert orjson.loads(rows[0]["metadata"]) == {"status": "draft"}
    assert orjson.loads(rows[0]["asset_ids"]) == [1, 2]
    assert rows[0]["uploaded"] == "true"
    assert rows[0]["data_set_id"] == ""
    assert rows[0]["created_time"] == "1730204346000"
    header = buffer.getvalue().splitlines()[0].split(",")
    assert header[:4] == ["id", "external_id", "instance_id", "name"]
    assert "source_modified_time" in header


def test_asset_csv_has_the_asset_fields():
    buffer = io.StringIO()
    CsvWriter(buffer, "asset").close()

    header = buffer.getvalue().strip().split(",")
    assert {"parent_id", "root_id", "aggregates"} <= set(header)
    assert "mime_type" not in header


def test_table_streams_in_chunks_with_one_header():
    out = io.StringIO()
    writer = TableWriter(Console(file=out, width=200), "file")
    for number in range(120):
        writer.write({**ITEM, "id": number})
    writer.close()

    text = out.getvalue()
    assert text.count("external_id") == 1
    assert "2024-10-29 12:19:06Z" in text
    assert writer.count == 120
    assert len(text.splitlines()) == 121


def test_an_empty_table_still_shows_its_header():
    out = io.StringIO()
    TableWriter(Console(file=out, width=200), "asset").close()

    assert "parent_id" in out.getvalue()


def test_cells_show_times_in_utc_and_nested_values_as_json():
    assert format_time(0) == "1970-01-01 00:00:00Z"
    assert cell("createdTime", 1730204346000) == "2024-10-29 12:19:06Z"
    assert cell("labels", [{"externalId": "PID"}]) == '[{"externalId":"PID"}]'
    not_uploaded = False
    assert cell("uploaded", not_uploaded) == "false"
    assert cell("directory", None) == ""


def test_table_prints_values_verbatim_never_as_markup():
    out = io.StringIO()
    writer = TableWriter(Console(file=out, width=200), "file")
    writer.write({**ITEM, "name": "[bold]draft[/bold] plan.pdf"})
    writer.close()

    assert "[bold]draft[/bold] plan.pdf" in out.getvalue()


def test_table_cells_are_cut_to_their_column_with_an_ellipsis():
    out = io.StringIO()
    writer = TableWriter(Console(file=out, width=200), "file")
    writer.write({**ITEM, "externalId": "x" * 100})
    writer.close()

    row = out.getvalue().splitlines()[1]
    assert "x" * 31 + "…" in row
    assert "x" * 33 not in row


@pytest.mark.parametrize("kind", ["file", "asset"])
def test_columns_fit_every_terminal_width_and_keep_id_and_name(kind):
    gap = 2
    for available in range(30, 241):
        columns = column_widths(kind, available)
        used = sum(width for _, width in columns) + gap * (len(columns) - 1)
        assert used <= available, (available, columns)
        assert [field for field, _ in columns][:1] == ["id"]
        assert "name" in dict(columns)


def test_a_wide_terminal_shows_every_column_at_full_width():
    assert column_widths("file", 400) == column_widths("file", 200)
    assert [field for field, _ in column_widths("file", 200)] == [
        "id",
        "externalId",
        "name",
        "mimeType",
        "directory",
        "uploaded",
        "createdTime",
    ]


def test_at_80_columns_text_is_cut_and_the_least_needed_columns_go():
    files = column_widths("file", 80)
    assets = column_widths("asset", 80)

    assert [field for field, _ in files] == ["id", "externalId", "name", "mimeType", "createdTime"]
    assert [field for field, _ in assets] == ["id", "externalId", "name", "parentId"]
    assert all(width >= 12 for _, width in files + assets)


@pytest.mark.parametrize("kind", ["file", "asset"])
def test_a_table_on_an_80_column_console_has_no_longer_line(kind):
    out = io.StringIO()
    writer = TableWriter(Console(file=out, width=80), kind)
    writer.write({**ITEM, "externalId": "x" * 200, "name": "n" * 200, "directory": "/" + "d" * 200})
    writer.close()

    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert max(len(line) for line in lines) <= 80
    assert "…" in lines[1]
