"""`to_arrow()`, `to_polars()`, `to_pandas()`: one schema per resource from the spec; the tables agree."""

import asyncio
import builtins
import datetime as dt
import re
from pathlib import Path
from typing import Any

import orjson
import pandas as pd
import pyarrow as pa
import pytest
import yaml

from cdf_client import ArrowNotInstalledError, AsyncCDFClient, PolarsNotInstalledError
from cdf_client._arrow import is_json, schema
from cdf_client._columns import snake_case
from cdf_client.testing import FakeCDF

ROOT = Path(__file__).resolve().parents[2]
TIMESTAMP = pa.timestamp("ms", tz="UTC")

# Every field present (the fake completes nothing here) and nearly every field absent.
EVERY_FIELD: dict[str, Any] = {
    "id": 4503599627370496,
    "externalId": "plant/pump-1/manual.pdf",
    "instanceId": {"space": "plant", "externalId": "manual_1"},
    "name": "manual.pdf",
    "directory": "/plant/pumps",
    "mimeType": "application/pdf",
    "source": "sharepoint",
    "metadata": {"revision": "3", "author": "kim"},
    "assetIds": [11, 12],
    "dataSetId": 7,
    "securityCategories": [3],
    "labels": [{"externalId": "manual"}, {"externalId": "pump"}],
    "geoLocation": {
        "type": "Feature",
        "geometry": {"type": "LineString", "coordinates": [[5.0, 60.0], [5.1, 60.1]]},
        "properties": {"site": "north", "floor": 2},
    },
    "uploaded": True,
    "uploadedTime": 1730204347000,
    "sourceCreatedTime": 1600000000000,
    "sourceModifiedTime": 1600000001000,
    "createdTime": 1730204346000,
    "lastUpdatedTime": 1730204348000,
}
FEWEST_FIELDS: dict[str, Any] = {
    "id": 2,
    "name": "x",
    "uploaded": False,
    "createdTime": 0,
    "lastUpdatedTime": 0,
}
EMPTY_CONTAINERS: dict[str, Any] = {
    **FEWEST_FIELDS,
    "id": 3,
    "metadata": {},
    "labels": [],
    "securityCategories": [],
}


def _spec_properties(name: str) -> list[str]:
    spec = yaml.safe_load((ROOT / "spec" / "openapi.yaml").read_text())
    return list(spec["components"]["schemas"][name]["properties"])


@pytest.mark.parametrize(("resource", "spec_schema"), [("files", "FilesMetadata"), ("assets", "Asset")])
def test_every_spec_property_is_a_column(resource, spec_schema):
    names = schema(resource).names

    assert sorted(names) == sorted(snake_case(name) for name in _spec_properties(spec_schema))
    assert names[0] == "id"
    assert names[-2:] == ["created_time", "last_updated_time"]


def test_the_files_schema_types_follow_the_spec():
    files = schema("files")

    assert files.field("id").type == pa.int64()
    assert files.field("data_set_id").type == pa.int64()
    assert files.field("asset_ids").type == pa.list_(pa.int64())
    assert files.field("labels").type == pa.list_(pa.struct([("externalId", pa.string())]))
    assert files.field("metadata").type == pa.map_(pa.string(), pa.string())
    assert files.field("instance_id").type == pa.struct([("externalId", pa.string()), ("space", pa.string())])
    assert files.field("geo_location").type == pa.string()
    assert is_json(files.field("geo_location"))
    assert files.field("uploaded").type == pa.bool_()
    for name in ("created_time", "last_updated_time", "uploaded_time", "source_created_time"):
        assert files.field(name).type == TIMESTAMP
    assert all(field.nullable for field in files)
    assert files.metadata == {b"cdf_client.resource": b"files"}


def test_the_assets_schema_keeps_aggregates_as_a_struct():
    aggregates = schema("assets").field("aggregates").type

    assert aggregates == pa.struct(
        [
            ("childCount", pa.int64()),
            ("depth", pa.int64()),
            ("path", pa.list_(pa.struct([("id", pa.int64())]))),
        ]
    )


def _docs_table(resource: str) -> dict[str, str]:
    """The `| column | Arrow type | ...` rows under `### <resource>` in docs/exports.md."""
    text = (ROOT / "docs" / "exports.md").read_text()
    section = text.split(f"### {resource}\n", 1)[1].split("\n#", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    cells = [[cell.strip().strip("`") for cell in row.strip("|").split("|")] for row in rows]
    return {cell[0]: cell[1] for cell in cells}


@pytest.mark.parametrize("resource", ["files", "assets"])
def test_the_schema_table_in_the_docs_is_the_code(resource):
    documented = _docs_table(resource)
    code = {field.name: str(field.type) for field in schema(resource)}

    assert list(documented) == list(code)
    assert documented == code


# --- the three tables agree, column for column, and hold exactly what the server holds


def _wire(record: dict[str, Any]) -> dict[str, Any]:
    """A row of `to_arrow().to_pylist()` back as the wire dict: camelCase, missing fields left out."""
    wire = {}
    for field in schema("files" if "mime_type" in record else "assets"):
        value = record[field.name]
        if value is None:
            continue
        if isinstance(value, dt.datetime):
            value = int(value.timestamp() * 1000)
        elif is_json(field):
            value = orjson.loads(value)
        wire[re.sub(r"_([a-z])", lambda m: m.group(1).upper(), field.name)] = value
    return wire


def _arrow_rows(table: pa.Table) -> list[dict[str, Any]]:
    return table.to_pylist(maps_as_pydicts="strict")


def _normal(value: Any) -> Any:
    """One cell as plain Python: pandas' and polars' missing values are None, numpy scalars Python ones."""
    if not isinstance(value, (list, dict)) and pd.isna(value):
        return None
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime()
    return value.item() if hasattr(value, "item") else value


def _assert_agree(listing_of) -> pa.Table:
    table = listing_of().to_arrow()
    polars_frame = listing_of().to_polars()
    pandas_frame = listing_of().to_pandas(convert_timestamps=True)
    table, polars_frame = table.sort_by("id"), polars_frame.sort("id")
    pandas_frame = pandas_frame.sort_values("id", ignore_index=True)

    assert polars_frame.columns == table.column_names
    assert pandas_frame.columns.tolist() == table.column_names
    for field in table.schema:
        arrow = table.column(field.name).to_pylist(maps_as_pydicts="strict")
        polars = polars_frame[field.name].to_list()
        pandas = [_normal(value) for value in pandas_frame[field.name].tolist()]
        if is_json(field):
            # The documented difference: pandas decodes the JSON text into the dicts CDF sent.
            arrow_decoded = [None if text is None else orjson.loads(text) for text in arrow]
            assert pandas == arrow_decoded, field.name
        else:
            assert pandas == arrow, field.name
        assert polars == arrow, field.name
    return table


def test_the_three_tables_agree_on_items_with_every_field_present_and_absent():
    fake = FakeCDF(files=[EVERY_FIELD, FEWEST_FIELDS, EMPTY_CONTAINERS])
    with fake.client() as client:
        table = _assert_agree(client.files.list)

    assert [_wire(row) for row in _arrow_rows(table)] == sorted(fake.files, key=lambda item: item["id"])


@pytest.fixture(scope="module")
def generated():
    fake = FakeCDF.generate(files=3_000, seed=11)
    with fake.client() as client:
        yield fake, client


def test_the_three_tables_agree_on_generated_files_partitioned(generated):
    fake, client = generated

    table = _assert_agree(lambda: client.files.filter(partitions=4))

    assert [_wire(row) for row in _arrow_rows(table)] == sorted(fake.files, key=lambda item: item["id"])
    # The generated plant has every optional field somewhere and leaves each out somewhere.
    for name in ("external_id", "instance_id", "geo_location", "metadata", "asset_ids", "uploaded_time"):
        assert 0 < table.column(name).null_count < len(table), name


def test_the_three_tables_agree_on_generated_assets(generated):
    fake, client = generated

    table = _assert_agree(client.assets.list)

    assert [_wire(row) for row in _arrow_rows(table)] == sorted(fake.assets, key=lambda item: item["id"])


def test_to_arrow_honours_limit_and_the_listing_checkpoint_ends_done(generated):
    _, client = generated

    assert client.files.filter(limit=1_234, partitions=3, page_size=100).to_arrow().num_rows == 1_234


def test_retrieved_files_have_the_same_table(generated):
    fake, client = generated
    wanted = [fake.files[7]["id"], fake.files[2]["id"]]

    table = client.files.retrieve(wanted).to_arrow()

    assert table.schema == schema("files")
    assert table.column("id").to_pylist() == wanted


def test_an_empty_listing_is_an_empty_table_with_the_schema():
    with FakeCDF().client() as client:
        table = client.assets.list().to_arrow()

    assert table.num_rows == 0
    assert table.schema == schema("assets")


def test_the_async_listing_gives_the_same_tables(generated):
    fake, client = generated

    async def tables():
        async with AsyncCDFClient(
            project=fake.project, base_url=fake.base_url, token=fake.token, transport=fake.transport()
        ) as ac:
            listing = ac.files.filter(partitions=2)
            return await listing.to_arrow(), await listing.to_polars(), await listing.to_pandas()

    table, polars_frame, pandas_frame = asyncio.run(tables())

    assert table.sort_by("id").equals(client.files.filter().to_arrow().sort_by("id"))
    assert polars_frame.height == pandas_frame.shape[0] == table.num_rows == len(fake.files)


@pytest.mark.parametrize(
    ("module", "error", "extra", "call"),
    [
        ("pyarrow", ArrowNotInstalledError, "arrow", lambda listing: listing.to_arrow()),
        ("polars", PolarsNotInstalledError, "polars", lambda listing: listing.to_polars()),
        ("pyarrow", ArrowNotInstalledError, "arrow", lambda listing: listing.write_parquet("never.parquet")),
    ],
)
def test_a_missing_extra_says_which_to_install(monkeypatch, module, error, extra, call, tmp_path):  # noqa: PLR0917 (fixtures and parameters)
    monkeypatch.chdir(tmp_path)
    real_import = builtins.__import__

    def blocked(name, *args, **kwargs):
        if name.partition(".")[0] == module:
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    fake = FakeCDF(files=[FEWEST_FIELDS])
    with fake.client() as client:
        listing = client.files.list()
        monkeypatch.setattr(builtins, "__import__", blocked)
        for name in ("cdf_client._arrow", "cdf_client._polars", "cdf_client._pandas"):
            monkeypatch.delitem(__import__("sys").modules, name, raising=False)
        with pytest.raises(error, match=rf"cdf-client\[{extra}\]") as caught:
            call(listing)
    assert isinstance(caught.value, ImportError)
    assert fake.requests == []  # it fails before the listing runs, not after it


def test_every_name_in_the_column_order_is_a_spec_property():
    # The order is chosen by hand; the properties are not: no name there may be stale.
    from cdf_client._columns import _FIELD_ORDER  # noqa: PLC0415

    properties = set(_spec_properties("FilesMetadata")) | set(_spec_properties("Asset"))
    assert set(_FIELD_ORDER) <= properties
