"""`to_pandas()`: the documented frame (docs/pandas.md), derived from the Arrow columns of `to_arrow()`."""

import builtins
import datetime as dt
import re
import sys
from typing import Any

import pandas as pd
import pytest

from cdf_client import CDFClient, PandasNotInstalledError
from cdf_client._arrow import schema
from cdf_client.testing import FakeCDF

FILE_A: dict[str, Any] = {
    "id": 4503599627370496,
    "externalId": "plant/pump-1/manual.pdf",
    "name": "manual.pdf",
    "directory": "/plant/pumps",
    "mimeType": "application/pdf",
    "source": "sharepoint",
    "metadata": {"revision": "3", "author": "kim"},
    "assetIds": [11, 12],
    "dataSetId": 7,
    "securityCategories": [],
    "labels": [{"externalId": "manual"}],
    "geoLocation": {"type": "Feature", "geometry": {"type": "Point", "coordinates": [5.3, 60.4]}},
    "instanceId": {"space": "plant", "externalId": "manual_1"},
    "uploaded": True,
    "uploadedTime": 1730204347000,
    "sourceCreatedTime": 1600000000000,
    "sourceModifiedTime": 1600000001000,
    "createdTime": 1730204346000,
    "lastUpdatedTime": 1730204348000,
}
FILE_B: dict[str, Any] = {
    "id": 2,
    "name": "photo.png",
    "mimeType": "image/png",
    "metadata": {"camera": "x100"},
    "uploaded": False,
    "createdTime": 0,
    "lastUpdatedTime": 1,
}

_SNAKE = re.compile(r"_([a-z])")


def _camel(name: str) -> str:
    return _SNAKE.sub(lambda match: match.group(1).upper(), name)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The frame back as wire dicts: camelCase keys, missing values left out."""
    out = []
    for record in frame.to_dict("records"):
        wire = {}
        for column, value in record.items():
            if not isinstance(value, (list, dict)) and pd.isna(value):
                continue
            wire[_camel(str(column))] = value.item() if hasattr(value, "item") else value
        out.append(wire)
    return out


def _frame(*files: dict[str, Any], **options: Any) -> pd.DataFrame:
    """`files.list().to_pandas(...)` of a fake holding exactly `files`, rows sorted by id."""
    with FakeCDF(files=files).client() as client:
        frame = client.files.list().to_pandas(**options)
    return frame.sort_values("id", ignore_index=True)


def _by_id(items):
    return sorted(items, key=lambda item: item["id"])


def test_every_field_of_a_listing_round_trips():
    assert _records(_frame(FILE_A, FILE_B)) == _by_id([FILE_A, FILE_B])


def test_every_spec_property_is_a_column_in_schema_order_whatever_the_items_carry():
    # A stable schema (docs/exports.md): the columns do not depend on which fields the items had.
    expected = schema("files").names

    assert _frame(FILE_A).columns.tolist() == expected
    assert _frame(FILE_B).columns.tolist() == expected
    assert expected[:4] == ["id", "external_id", "instance_id", "name"]
    assert expected[-2:] == ["created_time", "last_updated_time"]


def test_a_field_no_item_carried_is_an_all_missing_column():
    frame = _frame(FILE_B)

    assert frame["instance_id"].tolist() == [None]
    assert pd.isna(frame.loc[0, "uploaded_time"])
    assert str(frame["uploaded_time"].dtype) == "Int64"


def test_nested_fields_stay_python_objects():
    frame = _frame(FILE_A, FILE_B)
    a, b = 1, 0  # sorted by id: FILE_B (id 2) first

    assert frame.loc[a, "asset_ids"] == [11, 12]
    assert frame.loc[a, "labels"] == [{"externalId": "manual"}]
    assert frame.loc[a, "instance_id"] == {"space": "plant", "externalId": "manual_1"}
    assert frame.loc[a, "geo_location"]["geometry"]["coordinates"] == [5.3, 60.4]
    assert frame.loc[a, "metadata"] == {"revision": "3", "author": "kim"}
    assert frame.loc[a, "security_categories"] == []
    assert frame.loc[b, "asset_ids"] is None


def test_ids_stay_exact_integers_when_some_are_missing():
    frame = _frame(FILE_A, FILE_B)

    assert str(frame["data_set_id"].dtype) == "Int64"
    assert str(frame["uploaded"].dtype) == "boolean"
    assert frame.loc[1, "id"] == 4503599627370496
    assert pd.isna(frame.loc[0, "data_set_id"])


def test_metadata_expands_into_one_column_per_key():
    frame = _frame(FILE_A, FILE_B, expand_metadata=True)

    assert "metadata" not in frame.columns
    assert frame.loc[1, "metadata.author"] == "kim"
    assert frame.loc[0, "metadata.camera"] == "x100"
    assert pd.isna(frame.loc[0, "metadata.author"])
    metadata_columns = [column for column in frame.columns if column.startswith("metadata.")]
    assert metadata_columns == ["metadata.author", "metadata.camera", "metadata.revision"]


def test_metadata_prefix_is_configurable():
    frame = _frame(FILE_B, expand_metadata=True, metadata_prefix="md_")

    assert frame.loc[0, "md_camera"] == "x100"


def test_timestamps_become_timezone_aware_utc_on_request():
    frame = _frame(FILE_A, FILE_B, convert_timestamps=True)

    assert frame.loc[1, "created_time"] == dt.datetime(2024, 10, 29, 12, 19, 6, tzinfo=dt.UTC)
    assert frame.loc[0, "created_time"] == dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    # A documented change: pandas 3 made them datetime64[us, UTC]; the Arrow column's unit (ms) is kept.
    assert str(frame["uploaded_time"].dtype) == "datetime64[ms, UTC]"
    assert pd.isna(frame.loc[0, "uploaded_time"])


def test_timestamps_stay_epoch_milliseconds_by_default():
    frame = _frame(FILE_A)

    assert frame.loc[0, "created_time"] == 1730204346000


def test_an_empty_listing_gives_an_empty_frame_with_every_column():
    frame = _frame()

    assert frame.empty
    assert frame.columns.tolist() == schema("files").names


def test_missing_pandas_says_which_extra_to_install(monkeypatch):
    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    fake = FakeCDF(files=[FILE_B])
    with fake.client() as client:
        monkeypatch.setattr(builtins, "__import__", no_pandas)
        monkeypatch.delitem(sys.modules, "cdf_client._pandas", raising=False)
        with pytest.raises(PandasNotInstalledError, match=r"cdf-client\[pandas\]") as caught:
            client.files.list().to_pandas()
    assert isinstance(caught.value, ImportError)
    assert fake.requests == []  # before the listing runs


@pytest.fixture(scope="module")
def fake_and_client():
    fake = FakeCDF.generate(files=400, seed=5)
    with CDFClient(
        project=fake.project, base_url=fake.base_url, token=fake.token, transport=fake.transport()
    ) as client:
        yield fake, client


def test_a_file_listing_round_trips_every_field_through_to_pandas(fake_and_client):
    fake, client = fake_and_client

    frame = client.files.filter(partitions=3).to_pandas()

    assert _by_id(_records(frame)) == _by_id(fake.files)


def test_an_asset_listing_round_trips_every_field_through_to_pandas(fake_and_client):
    fake, client = fake_and_client

    frame = client.assets.list().to_pandas()

    assert _by_id(_records(frame)) == _by_id(fake.assets)


def test_retrieved_files_keep_request_order_in_the_frame(fake_and_client):
    fake, client = fake_and_client
    wanted = [fake.files[5]["id"], fake.files[1]["id"]]

    frame = client.files.retrieve(wanted).to_pandas()

    assert frame["id"].tolist() == wanted
    assert frame.columns.tolist() == schema("files").names


def test_a_listing_expands_metadata_and_converts_times(fake_and_client):
    fake, client = fake_and_client

    frame = client.files.list().to_pandas(expand_metadata=True, convert_timestamps=True)

    with_metadata = [f for f in fake.files if f.get("metadata")]
    keys = {key for f in with_metadata for key in f["metadata"]}
    assert {f"metadata.{key}" for key in keys} <= set(frame.columns)
    assert str(frame["created_time"].dt.tz) == "UTC"
    row = frame.set_index("id").loc[with_metadata[0]["id"]]
    assert row["metadata.status"] == with_metadata[0]["metadata"]["status"]
