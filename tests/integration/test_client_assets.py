"""client.assets against the fake CDF: every query parameter on the wire, paging, partitions."""

import pytest

from cdf_client import Asset, AssetAggregates, CDFClient, InvalidArgumentError
from cdf_client.testing import FakeCDF


@pytest.fixture(scope="module")
def fake():
    return FakeCDF.generate(files=10, assets=900, seed=2)


@pytest.fixture
def client(fake):
    fake.clear_requests()
    with CDFClient(
        project=fake.project, base_url=fake.base_url, token=fake.token, transport=fake.transport()
    ) as c:
        yield c


def test_list_follows_every_cursor(fake, client):
    assets = client.assets.list(page_size=200).to_list()
    assert [a.id for a in assets] == [a["id"] for a in fake.assets]
    assert len(fake.requests) == 5
    assert all(isinstance(a, Asset) for a in assets)
    assert assets[0].root_id
    # Nothing but limit (and cursor) unless asked: the generated defaults are not sent.
    assert {key for r in fake.requests for key, _ in r.query} == {"limit", "cursor"}


def test_list_sends_every_query_parameter_in_wire_form(fake, client):
    client.assets.list(
        include_metadata=False,
        name="Pump",
        parent_ids=[1, 2],
        parent_external_ids=["p"],
        root_ids=[3],
        asset_subtree_ids=[4],
        asset_subtree_external_ids=["s"],
        source="sap",
        root=True,
        min_created_time=1,
        max_created_time=2,
        min_last_updated_time=3,
        max_last_updated_time=4,
        external_id_prefix="plant",
        limit=7,
    ).to_list()
    (request,) = fake.requests
    assert sorted(request.query) == sorted(
        [
            ("limit", "7"),
            ("includeMetadata", "false"),
            ("name", "Pump"),
            ("parentIds", "[1,2]"),
            ("parentExternalIds", '["p"]'),
            ("rootIds", "[3]"),
            ("assetSubtreeIds", "[4]"),
            ("assetSubtreeExternalIds", '["s"]'),
            ("source", "sap"),
            ("root", "true"),
            ("minCreatedTime", "1"),
            ("maxCreatedTime", "2"),
            ("minLastUpdatedTime", "3"),
            ("maxLastUpdatedTime", "4"),
            ("externalIdPrefix", "plant"),
        ]
    )
    assert request.status == 200


def test_root_assets_and_metadata_switch(fake, client):
    roots = client.assets.list(root=True, include_metadata=False).to_list()
    assert {a.id for a in roots} == {a["id"] for a in fake.assets if "parentId" not in a}
    assert all(a.parent_id is None and a.metadata is None for a in roots)


def test_partitions_with_and_without_limit(fake, client):
    ids = [a.id for a in client.assets.list(partitions=3, page_size=100)]
    assert sorted(ids) == sorted(a["id"] for a in fake.assets)
    limited = client.assets.list(partitions=3, limit=250, page_size=100).to_list()
    assert len({a.id for a in limited}) == 250


def test_bad_input_fails_before_any_request(fake, client):
    with pytest.raises(InvalidArgumentError, match=r"^name"):
        client.assets.list(name="")
    with pytest.raises(InvalidArgumentError, match=r"^parent_ids\[0\]"):
        client.assets.list(parent_ids=[2**53])
    assert fake.requests == []


def test_to_pandas_uses_the_wire_dicts(fake, client):
    pytest.importorskip("pandas")
    frame = client.assets.list(limit=20).to_pandas()
    assert list(frame["id"]) == [a["id"] for a in fake.assets[:20]]
    assert "root_id" in frame.columns


def test_aggregates_are_typed_and_none_when_cdf_leaves_them_out():
    fake = FakeCDF(
        assets=[
            {"id": 1, "name": "root"},
            {
                "id": 5,
                "name": "pump",
                "parentId": 1,
                "aggregates": {"childCount": 0, "depth": 1, "path": [{"id": 1}, {"id": 5}]},
            },
            {"id": 9, "name": "valve", "parentId": 1, "aggregates": {"depth": 1}},
        ]
    )
    with fake.client() as client:
        root, pump, valve = client.assets.list().to_list()
    assert root.aggregates is None
    assert pump.aggregates == AssetAggregates(child_count=0, depth=1, path=(1, 5))
    assert valve.aggregates == AssetAggregates(depth=1)
    assert "aggregates=AssetAggregates(child_count=0, depth=1, path=(1, 5))" in repr(pump)
