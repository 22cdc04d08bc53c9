"""Every filter of POST /files/list and every query parameter of GET /files and GET /assets, table-driven.

Each case states the semantics as a Python predicate over the fake's own data; the fake must return
exactly the matching items, in id order, through both the POST and (where it exists) the GET form.
"""

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from cdf_client.testing import FakeCDF

Item = dict[str, Any]

ASSETS = [
    {"id": 1, "externalId": "plant", "name": "Plant", "source": "sap", "createdTime": 100},
    {"id": 2, "externalId": "area-1", "name": "Area 1", "parentId": 1, "createdTime": 200},
    {"id": 3, "externalId": "pump-1", "name": "Pump 1", "parentId": 2, "metadata": {"kind": "pump"}},
    {"id": 4, "externalId": "other-root", "name": "Other", "createdTime": 400, "lastUpdatedTime": 500},
    {"id": 5, "name": "Valve", "parentId": 4, "source": "pi"},
]
SQUARE = [[[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0], [0.0, 0.0]]]
FAR = [[[15.0, 15.0], [25.0, 15.0], [25.0, 25.0], [15.0, 25.0], [15.0, 15.0]]]
FILES = [
    {
        "id": 10,
        "name": "a.pdf",
        "externalId": "doc:a",
        "directory": "/plant/Docs",
        "mimeType": "application/pdf",
        "source": "documentum",
        "assetIds": [3],
        "dataSetId": 900,
        "createdTime": 1000,
        "lastUpdatedTime": 1500,
        "uploaded": True,
        "uploadedTime": 1001,
        "sourceCreatedTime": 50,
        "metadata": {"rev": "A", "kind": "ds"},
        "labels": [{"externalId": "PID"}, {"externalId": "DATASHEET"}],
        "geoLocation": {"type": "Feature", "geometry": {"type": "Point", "coordinates": [5.0, 5.0]}},
    },
    {
        "id": 20,
        "name": "b.png",
        "externalId": "img:b",
        "directory": "/plant/docs",
        "mimeType": "image/png",
        "source": "camera",
        "assetIds": [5],
        "dataSetId": 901,
        "createdTime": 2000,
        "lastUpdatedTime": 2000,
        "labels": [{"externalId": "PID"}],
        "sourceModifiedTime": 70,
        "geoLocation": {"type": "Feature", "geometry": {"type": "Point", "coordinates": [20.0, 20.0]}},
    },
    {
        "id": 30,
        "name": "a.pdf",
        "mimeType": "application/pdf",
        "assetIds": [2, 4],
        "createdTime": 3000,
        "uploaded": True,
        "uploadedTime": 3500,
        "metadata": {"rev": "B"},
    },
    {"id": 40, "name": "loose.txt", "externalId": "doc:loose", "createdTime": 4000},
]
DATA_SETS = [{"id": 900, "externalId": "ds-docs"}, {"id": 901, "externalId": "ds-images"}]


@pytest.fixture(scope="module")
def fake() -> FakeCDF:
    return FakeCDF(files=FILES, assets=ASSETS, data_sets=DATA_SETS)


@pytest.fixture
def client(fake: FakeCDF, api) -> httpx.Client:
    with api(fake) as client:
        yield client


def ids_of(response: httpx.Response) -> list[int]:
    assert response.status_code == 200, response.text
    body = response.json()
    assert "nextCursor" not in body
    return [item["id"] for item in body["items"]]


def expected(items: list[Item], predicate: Callable[[Item], bool]) -> list[int]:
    return [item["id"] for item in items if predicate(item)]


# (POST filter, GET query or None, the documented semantics as a predicate over stored files)
FILE_CASES: list[tuple[dict[str, Any], dict[str, Any] | None, Callable[[Item], bool]]] = [
    ({"name": "a.pdf"}, {"name": "a.pdf"}, lambda f: f["name"] == "a.pdf"),
    ({"mimeType": "image/png"}, {"mimeType": "image/png"}, lambda f: f.get("mimeType") == "image/png"),
    ({"source": "camera"}, {"source": "camera"}, lambda f: f.get("source") == "camera"),
    ({"directoryPrefix": "/plant/d"}, None, lambda f: f.get("directory", "").startswith("/plant/d")),
    (
        {"externalIdPrefix": "doc:"},
        {"externalIdPrefix": "doc:"},
        lambda f: f.get("externalId", "").startswith("doc:"),
    ),
    ({"externalIdPrefix": "DOC:"}, {"externalIdPrefix": "DOC:"}, lambda _: False),  # case-sensitive
    ({"uploaded": True}, {"uploaded": "true"}, lambda f: f["uploaded"]),
    ({"uploaded": False}, {"uploaded": "false"}, lambda f: not f["uploaded"]),
    ({"metadata": {"rev": "A"}}, None, lambda f: f.get("metadata", {}).get("rev") == "A"),
    ({"metadata": {"rev": "A", "kind": "x"}}, None, lambda _: False),  # every pair must match
    ({"assetIds": [3, 4]}, {"assetIds": ["3", "4"]}, lambda f: {3, 4} & set(f.get("assetIds", []))),
    (
        {"assetExternalIds": ["pump-1"]},
        {"assetExternalIds": '["pump-1"]'},
        lambda f: 3 in f.get("assetIds", []),
    ),
    ({"rootAssetIds": [{"id": 4}]}, {"rootAssetIds": "[4]"}, lambda f: {4, 5} & set(f.get("assetIds", []))),
    ({"rootAssetIds": [{"externalId": "plant"}]}, None, lambda f: {1, 2, 3} & set(f.get("assetIds", []))),
    (
        {"assetSubtreeIds": [{"id": 2}]},
        {"assetSubtreeIds": "[2]"},
        lambda f: {2, 3} & set(f.get("assetIds", [])),
    ),
    (
        {"assetSubtreeIds": [{"externalId": "pump-1"}]},
        {"assetSubtreeExternalIds": '["pump-1"]'},
        lambda f: 3 in f.get("assetIds", []),
    ),
    ({"dataSetIds": [{"id": 901}]}, {"dataSetIds": '[{"id":901}]'}, lambda f: f.get("dataSetId") == 901),
    (
        {"dataSetIds": [{"externalId": "ds-docs"}]},
        {"dataSetIds": '[{"externalId": "ds-docs"}]'},
        lambda f: f.get("dataSetId") == 900,
    ),
    (
        {"createdTime": {"min": 2000, "max": 3000}},
        {"minCreatedTime": 2000, "maxCreatedTime": 3000},
        lambda f: 2000 <= f["createdTime"] <= 3000,
    ),
    ({"createdTime": {"min": 2001}}, {"minCreatedTime": 2001}, lambda f: f["createdTime"] >= 2001),
    (
        {"lastUpdatedTime": {"max": 1500}},
        {"maxLastUpdatedTime": 1500},
        lambda f: f["lastUpdatedTime"] <= 1500,
    ),
    ({"uploadedTime": {"min": 0}}, {"minUploadedTime": 0}, lambda f: "uploadedTime" in f),
    ({"sourceCreatedTime": {"min": 0}}, {"minSourceCreatedTime": 0}, lambda f: "sourceCreatedTime" in f),
    (
        {"sourceModifiedTime": {"max": 70}},
        {"maxSourceModifiedTime": 70},
        lambda f: f.get("sourceModifiedTime") == 70,
    ),
    (
        {"labels": {"containsAny": [{"externalId": "DATASHEET"}, {"externalId": "X"}]}},
        None,
        lambda f: f["id"] == 10,
    ),
    ({"labels": {"containsAll": [{"externalId": "PID"}]}}, None, lambda f: f["id"] in {10, 20}),
    (
        {"labels": {"containsAll": [{"externalId": "PID"}, {"externalId": "DATASHEET"}]}},
        None,
        lambda f: f["id"] == 10,
    ),
    (
        {"geoLocation": {"relation": "INTERSECTS", "shape": {"type": "Polygon", "coordinates": SQUARE}}},
        None,
        lambda f: f["id"] == 10,
    ),
    (
        {"geoLocation": {"relation": "within", "shape": {"type": "Polygon", "coordinates": SQUARE}}},
        None,
        lambda f: f["id"] == 10,
    ),
    (
        {"geoLocation": {"relation": "DISJOINT", "shape": {"type": "Polygon", "coordinates": SQUARE}}},
        None,
        lambda f: f["id"] == 20,
    ),
    (
        # Hole-less polygons are accepted inside a MultiPolygon too, as in a Polygon.
        {
            "geoLocation": {
                "relation": "INTERSECTS",
                "shape": {"type": "MultiPolygon", "coordinates": [SQUARE]},
            }
        },
        None,
        lambda f: f["id"] == 10,
    ),
    (
        {
            "geoLocation": {
                "relation": "WITHIN",
                "shape": {"type": "MultiPolygon", "coordinates": [SQUARE, FAR]},
            }
        },
        None,
        lambda f: f["id"] in {10, 20},
    ),
    (
        {"geoLocation": {"relation": "INTERSECTS", "shape": {"type": "Point", "coordinates": [20, 20]}}},
        None,
        lambda f: f["id"] == 20,
    ),
    (
        {"mimeType": "application/pdf", "uploaded": True, "metadata": {"rev": "B"}},
        None,
        lambda f: f["id"] == 30,
    ),
]


@pytest.mark.parametrize(("flt", "query", "predicate"), FILE_CASES, ids=[str(c[0]) for c in FILE_CASES])
def test_file_filters_return_exactly_the_matching_files(fake, client, flt, query, predicate) -> None:
    want = expected(fake.files, predicate)
    assert ids_of(client.post("/files/list", json={"filter": flt})) == want
    if query is not None:
        assert ids_of(client.get("/files", params=query)) == want


ASSET_CASES: list[tuple[dict[str, Any], Callable[[Item], bool]]] = [
    ({}, lambda _: True),
    ({"name": "Pump 1"}, lambda a: a["name"] == "Pump 1"),
    ({"source": "pi"}, lambda a: a.get("source") == "pi"),
    ({"externalIdPrefix": "area"}, lambda a: a.get("externalId", "").startswith("area")),
    ({"parentIds": "[1, 4]"}, lambda a: a.get("parentId") in {1, 4}),
    ({"parentExternalIds": '["area-1"]'}, lambda a: a.get("parentId") == 2),
    ({"rootIds": "[1]"}, lambda a: a["id"] in {1, 2, 3}),
    ({"assetSubtreeIds": "[2]"}, lambda a: a["id"] in {2, 3}),
    ({"assetSubtreeExternalIds": '["other-root"]'}, lambda a: a["id"] in {4, 5}),
    ({"root": "true"}, lambda a: "parentId" not in a),
    ({"root": "false"}, lambda _: True),
    ({"minCreatedTime": 200, "maxCreatedTime": 400}, lambda a: 200 <= a["createdTime"] <= 400),
    ({"minLastUpdatedTime": 500}, lambda a: a["lastUpdatedTime"] >= 500),
]


@pytest.mark.parametrize(("query", "predicate"), ASSET_CASES, ids=[str(c[0]) for c in ASSET_CASES])
def test_asset_query_parameters_return_exactly_the_matching_assets(fake, client, query, predicate) -> None:
    assert ids_of(client.get("/assets", params=query)) == expected(fake.assets, predicate)


def test_assets_always_carry_metadata_unless_include_metadata_is_false(client) -> None:
    items = client.get("/assets").json()["items"]
    assert [item["metadata"] for item in items] == [{}, {}, {"kind": "pump"}, {}, {}]
    assert all("metadata" not in item for item in client.get("/assets?includeMetadata=false").json()["items"])


def test_stored_objects_leave_unset_fields_out_never_null(fake, client) -> None:
    loose = client.get("/files/40").json()
    assert loose == {"id": 40, "name": "loose.txt", "externalId": "doc:loose", "createdTime": 4000,
                     "lastUpdatedTime": 4000, "uploaded": False}  # fmt: skip
    assert "null" not in client.post("/files/list", json={}).text
    assert fake.assets[2]["rootId"] == 1  # filled in from the parent chain


def test_json_array_parameters_accept_compact_and_spaced_json(client) -> None:
    assert ids_of(client.get("/files", params={"rootAssetIds": "[4]"})) == ids_of(
        client.get("/files", params={"rootAssetIds": "[ 4 ]"})
    )
