"""POST /files/byids and GET /files/{id}: CDF's recorded order of checks, messages and envelopes."""

import pytest

from cdf_client.testing import FakeCDF

FILES = [
    {"id": 1, "name": "a", "externalId": "a"},
    {"id": 2, "name": "b", "externalId": "b", "instanceId": {"space": "docs", "externalId": "b_file"}},
    {"id": 3, "name": "c"},
]


@pytest.fixture(scope="module")
def fake() -> FakeCDF:
    return FakeCDF(files=FILES)


@pytest.fixture
def client(fake, api):
    with api(fake) as client:
        yield client


def byids(client, items, **extra):
    return client.post("/files/byids", json={"items": items, **extra})


def test_results_come_in_request_order_with_every_identifier_kind(client) -> None:
    items = [{"id": 3}, {"instanceId": {"space": "docs", "externalId": "b_file"}}, {"externalId": "a"}]
    assert [f["id"] for f in byids(client, items).json()["items"]] == [3, 2, 1]


def test_unknown_identifiers_fail_the_whole_request_with_every_missing_one_in_order(client) -> None:
    response = byids(client, [{"id": 99}, {"id": 1}, {"externalId": "zz"}, {"id": 98}])
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["missing"] == [{"id": 99}, {"externalId": "zz"}, {"id": 98}]
    assert error["message"] == "File ids not found: 99, 98; Files ids not found: zz"
    assert response.headers["x-request-id"]


def test_ignore_unknown_ids_returns_the_found_ones_in_order(client) -> None:
    response = byids(client, [{"externalId": "nope"}, {"id": 2}, {"id": 1}], ignoreUnknownIds=True)
    assert response.json() == {"items": [FILES_BY_ID(2), FILES_BY_ID(1)]}
    assert byids(client, [{"externalId": "nope"}], ignoreUnknownIds=True).json() == {"items": []}


def FILES_BY_ID(file_id):  # noqa: N802 - reads like a table lookup
    item = next(f for f in FILES if f["id"] == file_id)
    return {**item, "createdTime": 1_700_000_000_000, "lastUpdatedTime": 1_700_000_000_000, "uploaded": False}


@pytest.mark.parametrize("ignore", [False, True])
def test_duplicates_are_409_before_the_existence_check(client, ignore) -> None:
    response = byids(client, [{"id": 999}, {"id": 999}], ignoreUnknownIds=ignore)
    assert response.status_code == 409
    assert response.json() == {
        "error": {"code": 409, "message": "Duplicate ids: 999", "duplicated": [{"id": 999}]}
    }
    response = byids(client, [{"externalId": "x"}, {"externalId": "x"}])
    assert response.json()["error"]["message"] == "Duplicate external ids: x"


def test_an_id_and_an_external_id_of_the_same_file_are_duplicates(client) -> None:
    response = byids(client, [{"id": 1}, {"externalId": "a"}])
    assert response.status_code == 409
    assert response.json()["error"]["duplicated"] == [{"externalId": "a"}]


@pytest.mark.parametrize(
    "body",
    [
        {"items": []},
        {"items": [{"id": i} for i in range(1, 1002)]},
        {"items": [{}]},
        {"items": [{"id": None}]},
        {"items": [{"id": 1, "externalId": "a"}]},
        {"items": [{"id": 0}]},
        {"items": [{"id": 2**53}]},
        {"items": [{"instanceId": {"space": "1bad", "externalId": "x"}}]},
        {"items": [{"id": 1}], "unknownKey": True},
        {},
        [],
    ],
)
def test_schema_violations_are_400(client, body) -> None:
    response = client.post("/files/byids", json=body)
    assert response.status_code == 400
    assert set(response.json()["error"]) == {"code", "message"}


def test_a_thousand_identifiers_are_accepted(api) -> None:
    fake = FakeCDF.generate(files=1200)
    ids = [f["id"] for f in fake.files[:1000]]
    with api(fake) as client:
        response = byids(client, [{"id": i} for i in reversed(ids)])
    assert [f["id"] for f in response.json()["items"]] == ids[::-1]


def test_get_returns_the_bare_object(client) -> None:
    assert client.get("/files/2").json() == FILES_BY_ID(2)


def test_get_of_an_unknown_id_is_400_with_missing(client) -> None:
    response = client.get("/files/12345")
    assert response.status_code == 400
    assert response.json() == {
        "error": {"code": 400, "message": "File ids not found: 12345", "missing": [{"id": 12345}]}
    }


@pytest.mark.parametrize("raw", ["abc", "0", "-1", str(2**53), "1.0"])
def test_get_of_a_malformed_id_is_400(client, raw) -> None:
    response = client.get(f"/files/{raw}")
    assert response.status_code == 400
    assert "missing" not in response.json()["error"]
