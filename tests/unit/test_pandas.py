import builtins
import datetime as dt
import re
from typing import Any

import pandas as pd
import pytest

from cdf_client import CDFClient
from cdf_client._pandas import PandasNotInstalledError, to_dataframe
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


def test_every_field_of_a_listing_round_trips():
    frame = to_dataframe([FILE_A, FILE_B])

    assert _records(frame) == [FILE_A, FILE_B]


def test_columns_are_snake_case_in_a_stable_order_whatever_the_item_order():
    forward = to_dataframe([FILE_A, FILE_B]).columns.tolist()
    backward = to_dataframe([FILE_B, FILE_A]).columns.tolist()

    assert forward == backward
    assert forward[:4] == ["id", "external_id", "instance_id", "name"]
    assert forward[-2:] == ["created_time", "last_updated_time"]
    assert "mime_type" in forward
    assert "source_modified_time" in forward


def test_fields_unknown_to_the_client_still_get_a_column():
    frame = to_dataframe([{"id": 1, "zNewField": 1, "aNewField": "x"}])

    assert frame.columns.tolist() == ["id", "a_new_field", "z_new_field"]


def test_nested_fields_stay_python_objects():
    frame = to_dataframe([FILE_A, FILE_B])

    assert frame.loc[0, "asset_ids"] == [11, 12]
    assert frame.loc[0, "labels"] == [{"externalId": "manual"}]
    assert frame.loc[0, "instance_id"] == {"space": "plant", "externalId": "manual_1"}
    assert frame.loc[0, "geo_location"]["geometry"]["coordinates"] == [5.3, 60.4]
    assert frame.loc[1, "asset_ids"] is None


def test_ids_stay_exact_integers_when_some_are_missing():
    frame = to_dataframe([FILE_A, FILE_B])

    assert str(frame["data_set_id"].dtype) == "Int64"
    assert frame.loc[0, "id"] == 4503599627370496
    assert pd.isna(frame.loc[1, "data_set_id"])


def test_metadata_expands_into_one_column_per_key():
    frame = to_dataframe([FILE_A, FILE_B], expand_metadata=True)

    assert "metadata" not in frame.columns
    assert frame.loc[0, "metadata.author"] == "kim"
    assert frame.loc[1, "metadata.camera"] == "x100"
    assert pd.isna(frame.loc[1, "metadata.author"])
    metadata_columns = [column for column in frame.columns if column.startswith("metadata.")]
    assert metadata_columns == ["metadata.author", "metadata.camera", "metadata.revision"]


def test_metadata_prefix_is_configurable():
    frame = to_dataframe([FILE_B], expand_metadata=True, metadata_prefix="md_")

    assert frame.loc[0, "md_camera"] == "x100"


def test_timestamps_become_timezone_aware_utc_on_request():
    frame = to_dataframe([FILE_A, FILE_B], convert_timestamps=True)

    assert frame.loc[0, "created_time"] == dt.datetime(2024, 10, 29, 12, 19, 6, tzinfo=dt.UTC)
    assert frame.loc[1, "created_time"] == dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    assert str(frame["uploaded_time"].dt.tz) == "UTC"
    assert pd.isna(frame.loc[1, "uploaded_time"])


def test_timestamps_stay_epoch_milliseconds_by_default():
    frame = to_dataframe([FILE_A])

    assert frame.loc[0, "created_time"] == 1730204346000


def test_an_empty_listing_gives_an_empty_frame():
    frame = to_dataframe([])

    assert frame.empty
    assert len(frame) == 0


def test_accepts_any_iterable_of_items():
    frame = to_dataframe(item for item in [FILE_A, FILE_B])

    assert frame["id"].tolist() == [4503599627370496, 2]


def test_missing_pandas_says_which_extra_to_install(monkeypatch):
    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)

    with pytest.raises(PandasNotInstalledError, match=r"cdf-client\[pandas\]") as caught:
        to_dataframe([FILE_A])
    assert isinstance(caught.value, ImportError)


@pytest.fixture(scope="module")
def fake_and_client():
    fake = FakeCDF.generate(files=400, seed=5)
    with CDFClient(
        project=fake.project, base_url=fake.base_url, token=fake.token, transport=fake.transport()
    ) as client:
        yield fake, client


def _by_id(items):
    return sorted(items, key=lambda item: item["id"])


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


def test_a_listing_expands_metadata_and_converts_times(fake_and_client):
    fake, client = fake_and_client

    frame = client.files.list().to_pandas(expand_metadata=True, convert_timestamps=True)

    with_metadata = [f for f in fake.files if f.get("metadata")]
    keys = {key for f in with_metadata for key in f["metadata"]}
    assert {f"metadata.{key}" for key in keys} <= set(frame.columns)
    assert str(frame["created_time"].dt.tz) == "UTC"
    row = frame.set_index("id").loc[with_metadata[0]["id"]]
    assert row["metadata.status"] == with_metadata[0]["metadata"]["status"]
