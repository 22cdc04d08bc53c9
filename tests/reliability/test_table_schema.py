"""Items no honest CDF sends, from a real server on 127.0.0.1: the tables keep their schema or say why not.

The decoding boundary refuses what it checks (required fields, lists and objects) with
`InvalidResponseError` before any table sees the page; a value it hands on as sent (an optional
string or number, a metadata value) but the table schema does not allow is a `SchemaError`. Never a
column of the wrong type, nor pyarrow's own exception. A field the spec does not have is not a column
(the schema stays the spec's), while `dicts()` still hands it on.
"""

from __future__ import annotations

import json

import pytest
from _reliability import RecordingServer, reply

from cdf_client import CDFClient, InvalidResponseError, SchemaError
from cdf_client._arrow import schema

VALID = {"id": 1, "name": "a.pdf", "createdTime": 0, "lastUpdatedTime": 0, "uploaded": False}


def _serving(*items):
    body = json.dumps({"items": list(items)}).encode()
    return RecordingServer(lambda handler: reply(handler, 200, body))


def _client(server):
    return CDFClient(project="p", base_url=f"http://127.0.0.1:{server.port}", token="t")


@pytest.mark.parametrize(
    "item",
    [
        {**VALID, "id": "1"},
        {**VALID, "uploaded": "yes"},
        {**VALID, "createdTime": "2024-01-01"},
        {**VALID, "assetIds": 7},
        {**VALID, "id": 2**64},
    ],
    ids=["id-text", "uploaded-text", "time-text", "asset-ids-scalar", "id-overflow"],
)
def test_a_value_the_decoding_boundary_checks_is_refused_before_any_table(item, tmp_path):
    server = _serving(VALID, item)
    with server.running(), _client(server) as c:
        with pytest.raises(InvalidResponseError, match="with a file"):
            c.files.list().to_arrow()
        with pytest.raises(InvalidResponseError):
            c.files.list().write_parquet(tmp_path / "f.parquet")
    assert not (tmp_path / "f.parquet").exists()


@pytest.mark.parametrize(
    "item",
    [
        {**VALID, "metadata": {"revision": 3}},
        {**VALID, "mimeType": 5},
        {**VALID, "sourceCreatedTime": "2024-01-01"},
        {**VALID, "dataSetId": 2**64},
    ],
    ids=["metadata-int", "mime-type-int", "source-time-text", "data-set-id-overflow"],
)
def test_a_value_handed_on_as_sent_that_the_schema_refuses_is_a_schema_error(item, tmp_path):
    server = _serving(VALID, item)
    with server.running(), _client(server) as c:
        assert len(c.files.list().dicts().to_list()) == 2  # the boundary hands it on
        with pytest.raises(SchemaError, match="does not fit the files schema"):
            c.files.list().to_arrow()
        with pytest.raises(SchemaError):
            c.files.list().write_parquet(tmp_path / "f.parquet")
    assert not (tmp_path / "f.parquet").exists()


def test_a_field_outside_the_spec_is_not_a_column_but_dicts_keeps_it():
    server = _serving({**VALID, "newField": {"x": 1}})
    with server.running(), _client(server) as c:
        table = c.files.list().to_arrow()
        frame = c.files.list().to_pandas()
        [item] = c.files.list().dicts().to_list()

    assert table.schema == schema("files")
    assert frame.columns.tolist() == schema("files").names
    assert item["newField"] == {"x": 1}
