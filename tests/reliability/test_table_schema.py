"""Items no honest CDF sends, from a real server on 127.0.0.1: the tables keep their schema or say why not.

A value of a type the spec does not allow is a `SchemaError` (never a column of the wrong type, nor
pyarrow's own exception); a field the spec does not have is not a column (the schema stays the
spec's), while `dicts()` still hands it on.
"""

from __future__ import annotations

import json

import pytest
from _reliability import RecordingServer, reply

from cdf_client import CDFClient, SchemaError
from cdf_client._arrow import schema

VALID = {"id": 1, "name": "a.pdf", "createdTime": 0, "lastUpdatedTime": 0, "uploaded": False}


def _serving(*items):
    body = json.dumps({"items": list(items)}).encode()
    return RecordingServer(lambda handler: reply(handler, 200, body))


@pytest.mark.parametrize(
    "item",
    [
        {**VALID, "id": "1"},
        {**VALID, "uploaded": "yes"},
        {**VALID, "createdTime": "2024-01-01"},
        {**VALID, "metadata": {"revision": 3}},
        {**VALID, "assetIds": 7},
        {**VALID, "id": 2**64},
    ],
    ids=["id-text", "uploaded-text", "time-text", "metadata-int", "asset-ids-scalar", "id-overflow"],
)
def test_a_value_of_the_wrong_type_is_a_schema_error(item, tmp_path):
    server = _serving(VALID, item)
    with server.running(), CDFClient(project="p", base_url=f"http://127.0.0.1:{server.port}", token="t") as c:
        with pytest.raises(SchemaError, match="does not fit the files schema"):
            c.files.list().to_arrow()
        with pytest.raises(SchemaError):
            c.files.list().write_parquet(tmp_path / "f.parquet")


def test_a_field_outside_the_spec_is_not_a_column_but_dicts_keeps_it():
    server = _serving({**VALID, "newField": {"x": 1}})
    with server.running(), CDFClient(project="p", base_url=f"http://127.0.0.1:{server.port}", token="t") as c:
        table = c.files.list().to_arrow()
        frame = c.files.list().to_pandas()
        [item] = c.files.list().dicts().to_list()

    assert table.schema == schema("files")
    assert frame.columns.tolist() == schema("files").names
    assert item["newField"] == {"x": 1}
