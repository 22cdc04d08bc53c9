"""client.files against the fake CDF, in-process: every method, every parameter on the wire, paging."""

import datetime as dt
import math

import httpx
import orjson
import pytest

from cdf_client import (
    AuthenticationError,
    BadRequestError,
    CDFClient,
    Checkpoint,
    CheckpointMismatchError,
    CursorLoopError,
    File,
    GeoLocationFilter,
    GeoShape,
    InstanceId,
    InvalidArgumentError,
    LabelFilter,
    NotFoundError,
    TimeRange,
)
from cdf_client.testing import FakeCDF, Faults

N_FILES = 2500


@pytest.fixture(scope="module")
def fake():
    return FakeCDF.generate(files=N_FILES, seed=3)


@pytest.fixture
def client(fake):
    fake.clear_requests()
    fake.faults = Faults()
    with CDFClient(
        project=fake.project, base_url=fake.base_url, token=fake.token, transport=fake.transport()
    ) as c:
        yield c


def _api_requests(fake, suffix):
    return [r for r in fake.requests if r.path.endswith(suffix)]


def test_filter_follows_every_cursor_to_the_last_page(fake, client):
    files = client.files.filter(page_size=300).to_list()
    assert [f.id for f in files] == [f["id"] for f in fake.files]
    requests = _api_requests(fake, "/files/list")
    assert len(requests) == math.ceil(N_FILES / 300)
    assert "cursor" not in requests[0].json
    assert all(r.json["limit"] == 300 for r in requests)
    assert all(isinstance(f, File) for f in files)


def test_filter_sends_every_filter_field_in_wire_form(fake, client):
    created = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    client.files.filter(
        name="a.pdf",
        directory_prefix="/plant",
        mime_type="application/pdf",
        metadata={"status": "approved"},
        asset_ids=[1, 2],
        asset_external_ids=["pump-1"],
        root_asset_ids=[5, "root-x"],
        data_set_ids=[7, "ds-documents"],
        asset_subtree_ids=["sub"],
        source="sap",
        created_time=(created, None),
        last_updated_time=TimeRange(min=1, max=2),
        uploaded_time=(None, 5),
        source_created_time=(0, 10),
        source_modified_time=(3, 4),
        external_id_prefix="sap:",
        uploaded=True,
        labels=LabelFilter(contains_all=["DATASHEET"]),
        geo_location=GeoLocationFilter("within", GeoShape("Polygon", [[(0, 0), (0, 1), (1, 1), (0, 0)]])),
        limit=10,
    ).to_list()
    (request,) = _api_requests(fake, "/files/list")
    assert request.json == {
        "limit": 10,
        "filter": {
            "name": "a.pdf",
            "directoryPrefix": "/plant",
            "mimeType": "application/pdf",
            "metadata": {"status": "approved"},
            "assetIds": [1, 2],
            "assetExternalIds": ["pump-1"],
            "rootAssetIds": [{"id": 5}, {"externalId": "root-x"}],
            "dataSetIds": [{"id": 7}, {"externalId": "ds-documents"}],
            "assetSubtreeIds": [{"externalId": "sub"}],
            "source": "sap",
            "createdTime": {"min": 1577836800000},
            "lastUpdatedTime": {"min": 1, "max": 2},
            "uploadedTime": {"max": 5},
            "sourceCreatedTime": {"min": 0, "max": 10},
            "sourceModifiedTime": {"min": 3, "max": 4},
            "externalIdPrefix": "sap:",
            "uploaded": True,
            "labels": {"containsAll": [{"externalId": "DATASHEET"}]},
            "geoLocation": {
                "relation": "WITHIN",
                "shape": {"type": "Polygon", "coordinates": [[[0, 0], [0, 1], [1, 1], [0, 0]]]},
            },
        },
    }
    assert request.status == 200


def test_filter_results_match_the_filter(fake, client):
    pdfs = client.files.filter(mime_type="application/pdf", page_size=100).to_list()
    expected = [f["id"] for f in fake.files if f.get("mimeType") == "application/pdf"]
    assert [f.id for f in pdfs] == expected
    assert len(expected) > 100  # more than one page


def test_limit_caps_the_total_and_the_last_page_size(fake, client):
    files = client.files.filter(limit=250, page_size=100).to_list()
    assert len(files) == 250
    assert [r.json["limit"] for r in _api_requests(fake, "/files/list")] == [100, 100, 50]


def test_partitions_cover_everything_once(fake, client):
    ids = [f.id for f in client.files.filter(partitions=4, page_size=200)]
    assert sorted(ids) == sorted(f["id"] for f in fake.files)
    assert len(ids) == len(set(ids))
    assert {r.json["partition"] for r in _api_requests(fake, "/files/list")} == {"1/4", "2/4", "3/4", "4/4"}


def test_partitions_with_a_limit_stop_every_partition_at_the_limit(fake, client):
    ids = [f.id for f in client.files.filter(partitions=5, limit=333, page_size=50)]
    assert len(ids) == len(set(ids)) == 333
    assert sum(r.json["limit"] for r in _api_requests(fake, "/files/list")) <= 333 + 5 * 50


def test_pages_expose_items_cursor_and_partition(client):
    pages = list(client.files.filter(page_size=1000).pages())
    assert [len(p.items) for p in pages] == [1000, 1000, 500]
    assert pages[0].next_cursor is not None
    assert pages[-1].next_cursor is None
    assert {p.partition for p in pages} == {None}


def test_dicts_yield_the_wire_dicts(fake, client):
    assert client.files.filter(limit=3).dicts().to_list() == fake.files[:3]


@pytest.mark.parametrize("partitions", [None, 3])
def test_resume_from_a_checkpoint_mid_page_repeats_and_skips_nothing(fake, client, partitions):
    listing = client.files.filter(page_size=100, partitions=partitions)
    first = []
    for item in listing:
        first.append(item.id)
        if len(first) == 1234:
            break
    saved = listing.checkpoint.to_json()
    rest = [f.id for f in client.files.filter(page_size=100, partitions=partitions, resume_from=saved)]
    assert len(first) + len(rest) == N_FILES
    assert sorted(first + rest) == sorted(f["id"] for f in fake.files)


def test_resume_keeps_the_total_limit(client):
    listing = client.files.filter(limit=500, page_size=64)
    first = [f.id for _, f in zip(range(100), listing, strict=False)]
    resumed = client.files.filter(limit=500, page_size=64, resume_from=listing.checkpoint)
    rest = [f.id for f in resumed]
    assert len(first) + len(rest) == 500
    assert resumed.checkpoint.yielded == 500


def test_a_finished_listing_resumes_to_nothing(fake, client):
    listing = client.files.filter(mime_type="text/plain")
    listing.to_list()
    assert listing.checkpoint.done
    fake.clear_requests()
    assert client.files.filter(mime_type="text/plain", resume_from=listing.checkpoint).to_list() == []
    assert fake.requests == []


def test_a_checkpoint_of_another_query_is_refused_before_any_request(fake, client):
    listing = client.files.filter(mime_type="image/png", limit=5)
    listing.to_list()
    fake.clear_requests()
    with pytest.raises(CheckpointMismatchError, match="resume_from"):
        client.files.filter(mime_type="application/pdf", resume_from=listing.checkpoint)
    with pytest.raises(CheckpointMismatchError):
        client.files.list(resume_from=listing.checkpoint)
    assert fake.requests == []


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"limit": 0}, "limit"),
        ({"page_size": 1001}, "page_size"),
        ({"partitions": 11}, "partitions"),
        ({"asset_ids": [True]}, "asset_ids[0]"),
        ({"asset_ids": list(range(1, 102))}, "asset_ids"),
        ({"name": "x" * 257}, "name"),
        ({"created_time": (dt.datetime(2020, 1, 1), None)}, "created_time.min"),  # noqa: DTZ001
        ({"labels": LabelFilter()}, "labels"),
        ({"geo_location": GeoLocationFilter("near", GeoShape("Point", [1, 2]))}, "geo_location"),
        ({"data_set_ids": [0]}, "data_set_ids[0]"),
        ({"uploaded": 1}, "uploaded"),
    ],
)
def test_bad_input_fails_before_any_request_naming_the_argument(fake, client, kwargs, argument):
    with pytest.raises(InvalidArgumentError) as info:
        client.files.filter(**kwargs)
    assert info.value.argument == argument
    assert fake.requests == []


def test_list_sends_every_query_parameter_in_wire_form(fake, client):
    client.files.list(
        name="n",
        mime_type="m",
        source="s",
        asset_ids=[1, 2],
        asset_external_ids=["a", "b"],
        data_set_ids=[7, "ds"],
        root_asset_ids=[3],
        asset_subtree_ids=[4, 5],
        asset_subtree_external_ids=["x"],
        min_created_time=1,
        max_created_time=2,
        min_last_updated_time=3,
        max_last_updated_time=4,
        min_uploaded_time=5,
        max_uploaded_time=6,
        min_source_created_time=7,
        max_source_created_time=8,
        min_source_modified_time=9,
        max_source_modified_time=dt.datetime(1970, 1, 1, 0, 0, 1, tzinfo=dt.UTC),
        external_id_prefix="p",
        uploaded=False,
        limit=5,
    ).to_list()
    (request,) = _api_requests(fake, "/files")
    assert request.method == "GET"
    assert sorted(request.query) == sorted(
        [
            ("limit", "5"),
            ("name", "n"),
            ("mimeType", "m"),
            ("source", "s"),
            ("assetIds", "1"),
            ("assetIds", "2"),
            ("assetExternalIds", '["a","b"]'),
            ("dataSetIds", '[{"id":7},{"externalId":"ds"}]'),
            ("rootAssetIds", "[3]"),
            ("assetSubtreeIds", "[4,5]"),
            ("assetSubtreeExternalIds", '["x"]'),
            ("minCreatedTime", "1"),
            ("maxCreatedTime", "2"),
            ("minLastUpdatedTime", "3"),
            ("maxLastUpdatedTime", "4"),
            ("minUploadedTime", "5"),
            ("maxUploadedTime", "6"),
            ("minSourceCreatedTime", "7"),
            ("maxSourceCreatedTime", "8"),
            ("minSourceModifiedTime", "9"),
            ("maxSourceModifiedTime", "1000"),
            ("externalIdPrefix", "p"),
            ("uploaded", "false"),
        ]
    )
    assert request.status == 200


def test_list_follows_every_cursor_with_and_without_partitions(fake, client):
    assert [f.id for f in client.files.list(page_size=700)] == [f["id"] for f in fake.files]
    requests = _api_requests(fake, "/files")
    assert len(requests) == 4
    assert all(dict(r.query)["limit"] == "700" for r in requests)
    assert "cursor" in dict(requests[1].query)
    ids = client.files.list(partitions=2, page_size=900).to_list()
    assert sorted(f.id for f in ids) == sorted(f["id"] for f in fake.files)


def test_get_returns_the_file(fake, client):
    wire = fake.files[10]
    file = client.files.get(wire["id"])
    assert file.dump() == wire
    assert file.id == wire["id"]
    assert file.metadata == wire.get("metadata")


def test_get_of_an_unknown_id_raises_not_found(client):
    with pytest.raises(NotFoundError) as info:
        client.files.get(1)
    assert info.value.missing == [1]
    assert info.value.request_id


def test_get_validates_the_id_first(fake, client):
    with pytest.raises(InvalidArgumentError, match=r"^id"):
        client.files.get(True)
    assert fake.requests == []


def test_retrieve_chunks_more_than_1000_concurrently_and_keeps_order(fake, client):
    wanted = [f["id"] for f in reversed(fake.files)] + [fake.files[0]["id"], fake.files[7]["id"]]
    files = client.files.retrieve(wanted)
    assert [f.id for f in files] == [f["id"] for f in reversed(fake.files)]  # duplicates collapsed
    requests = _api_requests(fake, "/files/byids")
    assert sorted(len(r.json["items"]) for r in requests) == [500, 1000, 1000]
    assert all(r.json["ignoreUnknownIds"] is False for r in requests)


def test_retrieve_names_every_missing_identifier_across_chunks(fake, client):
    known = [f["id"] for f in fake.files[:1500]]
    unknown = [1, "no-such-file", 2, InstanceId("sp", "nope")]
    wanted = [unknown[0], *known[:1000], unknown[1], unknown[2], *known[1000:], unknown[3]]
    with pytest.raises(NotFoundError) as info:
        client.files.retrieve(wanted)
    assert sorted(map(str, info.value.missing)) == sorted(map(str, unknown))


def test_retrieve_can_ignore_unknown_identifiers(fake, client):
    wire = next(f for f in fake.files if "externalId" in f)
    files = client.files.retrieve([1, wire["externalId"], "nope"], ignore_unknown_ids=True)
    assert [f.id for f in files] == [wire["id"]]
    assert files.dicts() == [wire]
    assert client.files.retrieve([]) == files[:0]


def test_retrieve_validates_every_identifier_first(fake, client):
    with pytest.raises(InvalidArgumentError, match=r"identifiers\[1\]"):
        client.files.retrieve([1, 0])
    with pytest.raises(InvalidArgumentError, match="identifiers"):
        client.files.retrieve("abc")
    assert fake.requests == []


def test_a_wrong_token_raises_authentication_error_without_the_token(fake):
    with (
        CDFClient(
            project=fake.project, base_url=fake.base_url, token="wrong-secret", transport=fake.transport()
        ) as c,
        pytest.raises(AuthenticationError) as info,
    ):
        c.files.get(fake.files[0]["id"])
    assert "wrong-secret" not in str(info.value)
    assert "wrong-secret" not in repr(c)


def test_a_server_side_rejection_raises_bad_request(client):
    checkpoint = client.files.filter().checkpoint.to_dict()
    checkpoint["partitions"][0]["cursor"] = "not-a-cursor"
    with pytest.raises(BadRequestError):
        client.files.filter(resume_from=checkpoint).to_list()


def test_a_repeating_cursor_is_an_error_not_a_loop(fake):
    def handler(_request):
        return httpx.Response(200, content=orjson.dumps({"items": [fake.files[0]], "nextCursor": "same"}))

    with (
        CDFClient(
            project="p", base_url="https://x.test", token="t", transport=httpx.MockTransport(handler)
        ) as c,
        pytest.raises(CursorLoopError),
    ):
        c.files.filter().to_list()


def test_requests_identify_the_client(fake):
    with CDFClient(
        project=fake.project,
        base_url=fake.base_url,
        token=fake.token,
        transport=fake.transport(),
        app_name="my-app",
    ) as c:
        fake.clear_requests()
        c.files.get(fake.files[0]["id"])
    headers = fake.requests[0].headers
    assert headers["x-cdp-app"] == "my-app"
    assert headers["user-agent"].startswith("cdf-client/")
    assert headers["x-cdp-sdk"].startswith("cdf-client:")
    assert headers["authorization"] == f"Bearer {fake.token}"


def test_stopping_early_leaves_no_checkpoint_gap(client):
    listing = client.files.filter(page_size=10)
    iterator = iter(listing)
    first = next(iterator)
    iterator.close()
    checkpoint = Checkpoint.from_json(listing.checkpoint.to_json())
    assert checkpoint.yielded == 1
    assert next(iter(client.files.filter(page_size=10, resume_from=checkpoint))).id != first.id


def test_post_bodies_are_sent_as_json(fake, client):
    fake.clear_requests()
    client.files.filter(mime_type="application/pdf", limit=1).to_list()
    client.files.retrieve([fake.files[0]["id"]])
    posts = [r for r in fake.requests if r.method == "POST"]
    assert len(posts) == 2
    assert all(r.headers["content-type"] == "application/json" for r in posts)
