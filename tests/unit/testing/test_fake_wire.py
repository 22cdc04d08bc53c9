"""Wire conventions: auth, error envelopes, request ids, gzip both ways, routing, recording, OAuth."""

import gzip
import json

import httpx
import orjson
import pytest

from cdf_client.testing import FakeCDF, RecordedRequest


@pytest.fixture
def fake() -> FakeCDF:
    return FakeCDF.generate(files=50, seed=1, client_credentials={"my-client": "my-secret"})


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic dGVzdA==", "Bearer", "test-token"])
def test_missing_or_invalid_bearer_tokens_get_the_401_envelope(fake, api, header) -> None:
    headers = {} if header is None else {"Authorization": header}
    with api(fake, headers=headers) as client:
        for response in (client.get("/files"), client.post("/files/list", json={}), client.get("/files/1")):
            assert response.status_code == 401
            assert response.json() == {"error": {"code": 401, "message": "Unauthorized"}}


def test_extra_tokens_are_accepted_too(api) -> None:
    fake = FakeCDF(extra_tokens=["second"])
    with api(fake, headers={"Authorization": "Bearer second"}) as client:
        assert client.get("/assets").status_code == 200


def test_every_response_carries_a_unique_request_id_and_json_content_type(fake, api) -> None:
    with api(fake) as client:
        responses = [
            client.get("/files"),
            client.get("/files/1"),
            client.get("/nope"),
            client.post("/files/list"),
        ]
    ids = [r.headers["x-request-id"] for r in responses]
    assert len(set(ids)) == 4
    assert all(len(i) == 36 and i.count("-") == 4 for i in ids)
    assert all(r.headers["content-type"] == "application/json" for r in responses)


def test_error_envelopes_have_code_and_message_and_name_the_bad_field(fake, api) -> None:
    with api(fake) as client:
        typo = client.post("/files/list", json={"filter": {"mimetype": "image/png"}}).json()
        assert typo["error"]["code"] == 400
        assert typo["error"]["message"] == "Unrecognized property: filter.mimetype - did you mean mimeType?"
        too_many = client.post("/files/list", json={"filter": {"assetIds": list(range(1, 102))}}).json()
        assert "filter.assetIds" in too_many["error"]["message"]
        repeated = client.post("/files/list", json={"filter": {"assetIds": [1, 1]}}).json()
        assert repeated["error"]["message"].startswith("filter.assetIds: duplicate")
        bad_json = client.post(
            "/files/list", content=b"{not json", headers={"content-type": "application/json"}
        )
        assert bad_json.status_code == 400
        assert client.post("/files/list", json=[1]).status_code == 400


@pytest.mark.parametrize(
    "params",
    [
        {"assetExternalIds": "[1]"},
        {"assetExternalIds": "not json"},
        {"assetExternalIds": '{"a": 1}'},
        {"rootAssetIds": '["a"]'},
        {"rootAssetIds": "[true]"},
        {"rootAssetIds": "[]"},
        {"assetSubtreeIds": "[0]"},
        {"dataSetIds": "[1]"},
        {"dataSetIds": '[{"id": 1, "externalId": "x"}]'},
        {"assetIds": "[1]"},
        {"minCreatedTime": "-1"},
        {"minCreatedTime": "yesterday"},
        {"uploaded": "yes"},
        {"unknownParameter": "1"},
        {"space": "alpha-only"},
    ],
)
def test_malformed_query_parameters_are_400(fake, api, params) -> None:
    with api(fake) as client:
        response = client.get("/files", params=params)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["code"] == 400


def test_repeated_asset_ids_are_the_documented_get_form(fake, api) -> None:
    linked = [f for f in fake.files if f.get("assetIds")]
    a, b = linked[0]["assetIds"][0], linked[-1]["assetIds"][0]
    want = [f["id"] for f in fake.files if {a, b} & set(f.get("assetIds", []))]
    with api(fake) as client:
        response = client.get("/files", params=[("assetIds", a), ("assetIds", b), ("limit", 1000)])
        assert [f["id"] for f in response.json()["items"]] == want
        assert client.get("/files", params=[("limit", 1), ("limit", 2)]).status_code == 400


def test_gzip_request_bodies_are_decoded(fake, api) -> None:
    with api(fake) as client:
        body = gzip.compress(orjson.dumps({"items": [{"id": fake.files[0]["id"]}]}))
        headers = {"Content-Encoding": "gzip", "Content-Type": "application/json"}
        response = client.post("/files/byids", content=body, headers=headers)
        assert response.json()["items"] == [fake.files[0]]
        broken = client.post("/files/byids", content=b"not gzip", headers=headers)
        assert broken.status_code == 400


def test_responses_are_gzipped_only_when_the_client_accepts_it(fake, api) -> None:
    with api(fake) as client:
        zipped = client.get("/files", headers={"Accept-Encoding": "gzip"})
        plain = client.get("/files", headers={"Accept-Encoding": "identity"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert "content-encoding" not in plain.headers
    assert zipped.headers["vary"] == plain.headers["vary"] == "Accept-Encoding"
    assert zipped.json() == plain.json()
    assert int(zipped.headers["content-length"]) < int(plain.headers["content-length"])


def test_routing_answers_404_405_and_403_for_another_project(fake, api) -> None:
    with api(fake) as client:
        assert client.get("/events").status_code == 404
        assert client.delete("/files/1").status_code == 405
        assert client.get("/files/list").status_code == 405
        other = client.get(f"{fake.base_url}/api/v1/projects/someone-else/files")
        assert other.status_code == 403
        assert other.json()["error"]["code"] == 403


def test_requests_are_recorded_without_showing_the_token_in_reprs(fake, api) -> None:
    with api(fake) as client:
        client.post("/files/list", json={"limit": 1, "cursor": None})
        client.get("/assets", params={"limit": 2})
    first, second = fake.requests
    assert first == RecordedRequest(
        method="POST",
        path=f"/api/v1/projects/{fake.project}/files/list",
        query=[],
        headers=first.headers,
        json={"limit": 1, "cursor": None},
        status=200,
    )
    assert first.headers["authorization"] == f"Bearer {fake.token}"
    assert second.query == [("limit", "2")]
    assert fake.token not in repr(fake.requests)
    assert fake.token not in repr(fake)
    fake.clear_requests()
    assert fake.requests == []


def test_client_credentials_issue_tokens_and_revocation_makes_them_fail(fake, api) -> None:
    grant = {"grant_type": "client_credentials", "client_id": "my-client", "client_secret": "my-secret"}
    with httpx.Client(transport=fake.transport()) as raw:
        issued = raw.post(fake.token_url, data=grant).json()
        assert issued["token_type"] == "Bearer"
        assert issued["expires_in"] == 3600
        assert raw.post(fake.token_url, data={**grant, "client_secret": "wrong"}).status_code == 401
        assert raw.post(fake.token_url, data={**grant, "client_secret": "sécret"}).status_code == 401
        assert raw.get(fake.token_url).headers["allow"] == "POST"
        assert raw.post(fake.token_url, data={**grant, "grant_type": "password"}).status_code == 400
        basic = raw.post(
            fake.token_url, data={"grant_type": "client_credentials"}, auth=("my-client", "my-secret")
        )
        assert basic.status_code == 200
    with api(fake, headers={"Authorization": f"Bearer {issued['access_token']}"}) as client:
        assert client.get("/files").status_code == 200
        fake.revoke_tokens()
        assert client.get("/files").status_code == 401
    with api(fake) as client:
        assert client.get("/files").status_code == 200  # the fixed token is not revoked


def test_user_supplied_data_is_checked_with_clear_errors() -> None:
    with pytest.raises(ValueError, match="camelCase"):
        FakeCDF(files=[{"id": 1, "name": "a", "mime_type": "x"}])
    with pytest.raises(ValueError, match="null"):
        FakeCDF(files=[{"id": 1, "name": "a", "source": None}])
    with pytest.raises(ValueError, match="share id"):
        FakeCDF(files=[{"id": 1, "name": "a"}, {"id": 1, "name": "b"}])
    with pytest.raises(ValueError, match="not a valid CDF file"):
        FakeCDF(files=[{"id": 1}])
    with pytest.raises(ValueError, match="parentId"):
        FakeCDF(assets=[{"id": 1, "name": "a", "parentId": 7}])
    with pytest.raises(ValueError, match="uploaded"):  # JSON types as CDF sends them: no coercion
        FakeCDF(files=[{"id": 1, "name": "a", "uploaded": "true"}])
    with pytest.raises(ValueError, match="createdTime"):
        FakeCDF(files=[{"id": 1, "name": "a", "createdTime": 2**63}])
    assert [f["id"] for f in FakeCDF(files=[{"name": "a"}, {"id": 1, "name": "b"}]).files] == [1, 2]


# Bodies the contract rejects, with JSON types taken literally: "5" is no integer, "true" no boolean.
# Sent as `json.dumps` text: orjson cannot even write the integers beyond 64 bits.
MALFORMED_BYIDS = [
    {"items": True},
    {"items": 5},
    {"items": "ab"},
    {"items": {"id": 1}},
    {"items": [5]},
    {"items": [[{"id": 1}]]},
    {"items": [{"id": "626015040320"}]},
    {"items": [{"id": 1.0}]},
    {"items": [{"id": True}]},
    {"items": [{"id": 2**63}]},
    {"items": [{"id": None}]},
    {"items": [{}]},
    {"items": [{"id": 1, "externalId": "x"}]},
    {"items": [{"externalId": 5}]},
    {"items": [{"instanceId": "space:x"}]},
    {"items": [{"instanceId": {"space": 5, "externalId": "x"}}]},
    {"items": [{"id": 1}], "ignoreUnknownIds": "true"},
    {"items": [{"id": 1}], "ignoreUnknownIds": 1},
    {"ids": [1]},
    [{"id": 1}],
    "items",
    5,
    None,
]
MALFORMED_LIST = [
    {"limit": "5"},
    {"limit": True},
    {"limit": 5.5},
    {"limit": 2**64},
    {"cursor": 5},
    {"partition": 1},
    {"filter": 5},
    {"filter": []},
    {"filter": {"uploaded": "true"}},
    {"filter": {"uploaded": 1}},
    {"filter": {"name": 5}},
    {"filter": {"assetIds": "1"}},
    {"filter": {"assetIds": ["1"]}},
    {"filter": {"assetIds": [2**63]}},
    {"filter": {"metadata": {"a": 5}}},
    {"filter": {"metadata": []}},
    {"filter": {"createdTime": 5}},
    {"filter": {"createdTime": {"min": "0"}}},
    {"filter": {"createdTime": {"min": 2**63}}},
    {"filter": {"uploadedTime": {"max": 9223372036854775808}}},
    {"filter": {"labels": {"containsAny": "PID"}}},
    {"filter": {"labels": [{"externalId": "PID"}]}},
    {"filter": {"geoLocation": 5}},
    {"filter": {"geoLocation": {"relation": "INTERSECTS", "shape": {"type": "Polygon", "coordinates": 5}}}},
    {
        "filter": {
            "geoLocation": {"relation": "INTERSECTS", "shape": {"type": "Point", "coordinates": ["1", 2]}}
        }
    },
    {"filter": {"geoLocation": {"relation": "WITHIN", "shape": {"type": {}, "coordinates": []}}}},
    {"filter": {"assetSubtreeIds": [{"id": "1"}]}},
    {"filter": {"dataSetIds": {"id": 1}}},
    [1],
    "filter",
    None,
]


def _assert_envelope(response: httpx.Response, status: int = 400) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    assert len(response.headers["x-request-id"]) == 36
    error = response.json()["error"]
    assert error["code"] == status
    assert isinstance(error["message"], str)
    assert error["message"]


@pytest.mark.parametrize("body", MALFORMED_BYIDS, ids=repr)
def test_malformed_byids_bodies_get_the_400_envelope(fake, api, body) -> None:
    with api(fake) as client:
        _assert_envelope(client.post("/files/byids", content=json.dumps(body)))


@pytest.mark.parametrize("body", MALFORMED_LIST, ids=repr)
def test_malformed_list_bodies_get_the_400_envelope(fake, api, body) -> None:
    with api(fake) as client:
        _assert_envelope(client.post("/files/list", content=json.dumps(body)))


@pytest.mark.network
def test_malformed_bodies_get_the_400_envelope_from_the_served_fake_too(fake) -> None:
    headers = {"Authorization": f"Bearer {fake.token}", "content-type": "application/json"}
    with fake.serve() as base_url, httpx.Client(base_url=base_url, headers=headers) as client:
        prefix = f"/api/v1/projects/{fake.project}"
        for body in MALFORMED_BYIDS:
            _assert_envelope(client.post(f"{prefix}/files/byids", content=json.dumps(body)))
        for body in MALFORMED_LIST:
            _assert_envelope(client.post(f"{prefix}/files/list", content=json.dumps(body)))
        _assert_envelope(client.post(f"{prefix}/files/list", content=b"x" * (10 * 1024 * 1024 + 1)), 413)


@pytest.mark.parametrize(
    "params",
    [
        {"minCreatedTime": "9223372036854775808"},
        {"maxUploadedTime": "99999999999999999999"},
        {"minLastUpdatedTime": "-9223372036854775809"},
        {"limit": "9223372036854775808"},
    ],
)
def test_query_integers_beyond_int64_are_400(fake, api, params) -> None:
    with api(fake) as client:
        _assert_envelope(client.get("/files", params=params))
        if "Uploaded" not in next(iter(params)):
            _assert_envelope(client.get("/assets", params=params))


def test_the_largest_int64_epoch_is_a_valid_bound(fake, api) -> None:
    with api(fake) as client:
        assert client.get("/files", params={"maxCreatedTime": str(2**63 - 1)}).status_code == 200
        body = {"filter": {"createdTime": {"max": 2**63 - 1}}}
        assert client.post("/files/list", json=body).status_code == 200


def test_get_files_limits_each_subtree_parameter_on_its_own(fake, api) -> None:
    asset_ids = [a["id"] for a in fake.assets]
    external_ids = [a["externalId"] for a in fake.assets if "externalId" in a]
    assert len(external_ids) >= 2
    ids = (asset_ids + list(range(1, 100)))[:100]
    xids = (external_ids + [f"none-{i}" for i in range(100)])[:100]
    with api(fake) as client:
        both = client.get(
            "/files",
            params={"assetSubtreeIds": json.dumps(ids), "assetSubtreeExternalIds": json.dumps(xids)},
        )
        assert both.status_code == 200, both.text
        assert [f["id"] for f in both.json()["items"]] == [f["id"] for f in fake.files if f.get("assetIds")][
            :100
        ]
        _assert_envelope(client.get("/files", params={"assetSubtreeIds": json.dumps([*ids, 10**6])}))
        _assert_envelope(
            client.get("/files", params={"assetSubtreeExternalIds": json.dumps([*xids, "one-more"])})
        )


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [("DELETE", "/files/1", "GET"), ("GET", "/files/list", "POST"), ("PUT", "/files/byids", "POST"),
     ("POST", "/assets", "GET")],
)  # fmt: skip
def test_405_answers_name_the_allowed_method(fake, api, method, path, allowed) -> None:
    with api(fake) as client:
        response = client.request(method, path)
    _assert_envelope(response, 405)
    assert response.headers["allow"] == allowed
