"""An independent client: the real cognite-sdk, pointed at the served fake over loopback, gets its data."""

import warnings
from collections.abc import Iterator

import pytest

from cdf_client.testing import FakeCDF

cognite = pytest.importorskip("cognite.client")
from cognite.client import ClientConfig, CogniteClient  # noqa: E402 - after the skip guard
from cognite.client.credentials import Token  # noqa: E402
from cognite.client.exceptions import CogniteDuplicatedError, CogniteNotFoundError  # noqa: E402

pytestmark = pytest.mark.network


@pytest.fixture(scope="module")
def fake() -> FakeCDF:
    return FakeCDF.generate(files=4000, seed=11)


@pytest.fixture(scope="module")
def sdk(fake: FakeCDF) -> Iterator[CogniteClient]:
    with fake.serve() as base_url, warnings.catch_warnings():
        # The SDK warns that it cannot derive a cluster from a loopback URL; harmless here.
        warnings.simplefilter("ignore", UserWarning)
        config = ClientConfig(
            client_name="cdf-client-tests",
            project=fake.project,
            base_url=base_url,
            credentials=Token(fake.token),
        )
        yield CogniteClient(config)


def dumped(resources) -> list[dict]:
    return [resource.dump(camel_case=True) for resource in resources]


def test_list_with_a_filter_equals_the_fakes_data(fake, sdk) -> None:
    want = [f for f in fake.files if f.get("mimeType") == "application/pdf" and f["uploaded"]]
    got = sdk.files.list(mime_type="application/pdf", uploaded=True, limit=None)
    assert dumped(got) == want
    assert len(want) > 1000  # more than one of the SDK's pages


def test_list_with_partitions_gets_every_file_once(fake, sdk) -> None:
    got = sdk.files.list(partitions=4, limit=None)
    assert sorted(dumped(got), key=lambda f: f["id"]) == fake.files
    requests = [r for r in fake.requests if r.path.endswith("/files/list") and r.json.get("partition")]
    assert {r.json["partition"] for r in requests} == {"1/4", "2/4", "3/4", "4/4"}
    assert any(r.json.get("cursor", "missing") is None for r in requests)  # the SDK sends "cursor": null
    assert any(r.headers.get("content-encoding") == "gzip" for r in requests)  # and gzips its bodies


def test_list_with_asset_subtree_and_labels_filters(fake, sdk) -> None:
    root = next(a for a in fake.assets if "parentId" not in a)
    subtree, grew = {root["id"]}, True
    while grew:
        grew = False
        for asset in fake.assets:
            if asset.get("parentId") in subtree and asset["id"] not in subtree:
                subtree.add(asset["id"])
                grew = True
    want = [f for f in fake.files if subtree & set(f.get("assetIds", []))]
    assert dumped(sdk.files.list(asset_subtree_ids=[root["id"]], limit=None)) == want


def test_retrieve_by_ids_and_external_ids_in_request_order(fake, sdk) -> None:
    files = fake.files
    with_xid = [f for f in files if "externalId" in f]
    got = sdk.files.retrieve_multiple(
        ids=[files[9]["id"], files[3]["id"]], external_ids=[with_xid[5]["externalId"]]
    )
    assert dumped(got) == [files[9], files[3], with_xid[5]]
    assert sdk.files.retrieve(id=files[0]["id"]).dump(camel_case=True) == files[0]
    assert sdk.files.retrieve(external_id="no-such-file") is None


def test_retrieve_unknown_ids_raises_not_found_naming_them(fake, sdk) -> None:
    with pytest.raises(CogniteNotFoundError) as caught:
        sdk.files.retrieve_multiple(ids=[fake.files[0]["id"], 123], external_ids=["nope"])
    assert sorted(caught.value.not_found, key=str) == sorted([{"id": 123}, {"externalId": "nope"}], key=str)
    got = sdk.files.retrieve_multiple(ids=[fake.files[0]["id"], 123], ignore_unknown_ids=True)
    assert dumped(got) == [fake.files[0]]


def test_duplicates_raise_the_sdks_duplicated_error(fake, sdk) -> None:
    with pytest.raises(CogniteDuplicatedError):
        sdk.files.retrieve_multiple(ids=[fake.files[0]["id"], fake.files[0]["id"]])
