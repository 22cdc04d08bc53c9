"""What the overlay, the command line and the fake accept, for test_rules_follow_the_spec.py.

Run as a script with the generated package and the overlay to probe first on PYTHONPATH; prints
`{"cdf_client_api": <its folder>, "outcomes": {check: outcome}}` as JSON. Each check tries one input
near a limit through one layer:

- overlay: a client call against an in-process fake; `refused` (InvalidArgumentError, nothing sent)
  or `sent N: <statuses>`.
- cli: `cdf-client ... --fake` with the same fake; `exit E, sent N`.
- fake: one raw HTTP request; its status, `missing` when a 400 names unknown ids, the item count of
  a page.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

import cdf_client_api
from cdf_client import (
    APIError,
    Budget,
    CDFClient,
    GeoLocationFilter,
    InstanceId,
    InvalidArgumentError,
    LabelFilter,
)
from cdf_client._budget import Slot
from cdf_client._cli import _connect, main
from cdf_client.testing import FakeCDF, Throttle

if TYPE_CHECKING:
    from collections.abc import Callable

NAME = "n" * 280  # FileName: maxLength 256 -> 300
ASSET_NAME = "a" * 150  # AssetName: maxLength 140 -> 200
BIG_ID = 10**12 + 1  # CogniteInternalId: maximum 2^53-1 -> 10^12
METADATA = {f"k{i}": "v" for i in range(280)}  # FilesMetadataField: maxProperties 256 -> 300
POINT = {"type": "Point", "coordinates": [5, 60]}
TIME = 500  # EpochTimestamp: minimum 0 -> 1000
SPACE = InstanceId("1space", "x")  # InstanceSpace: a leading digit allowed
LABELS = {"containsAny": [{"externalId": x} for x in "abc"]}  # containsAny: maxItems 10 -> 2

FAKE = FakeCDF.generate(files=600, assets=600, seed=1)
FILE_IDS = [item["id"] for item in FAKE.files[:10]]
ROOT_ID = next(item["id"] for item in FAKE.assets if "parentId" not in item)
CLIENT = CDFClient(
    project=FAKE.project, base_url=FAKE.base_url, token=FAKE.token, transport=FAKE.transport(), max_retries=0
)
HTTP = httpx.Client(
    base_url=f"{FAKE.base_url}/api/v1/projects/{FAKE.project}",
    transport=FAKE.transport(),
    headers={"Authorization": f"Bearer {FAKE.token}"},
)
# The command line's --fake runs against this same fake, so its requests can be counted.
_connect.demo_fake = lambda: FAKE


def _sent(before: int) -> str:
    sent = FAKE.requests[before:]
    return f"sent {len(sent)}: {','.join(sorted({str(request.status) for request in sent}))}"


def overlay(call: Callable[[CDFClient], Any]) -> Callable[[], str]:
    def run() -> str:
        before = len(FAKE.requests)
        try:
            result = call(CLIENT)
            if hasattr(result, "to_list"):
                result.to_list()
        except InvalidArgumentError:
            assert len(FAKE.requests) == before, "refused, yet something was sent"
            return "refused"
        except APIError:
            pass  # the fake's answer shows in the statuses
        return _sent(before)

    return run


def cli(*argv: str) -> Callable[[], str]:
    def run() -> str:
        before = len(FAKE.requests)
        # The JSON Lines writer wants a binary buffer under stdout.
        out = io.TextIOWrapper(io.BytesIO())
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = main([*argv, "--fake"])
        return f"exit {code}, sent {len(FAKE.requests) - before}"

    return run


def fake(method: str, path: str, **kwargs: Any) -> Callable[[], str]:
    def run() -> str:
        response = HTTP.request(method, path, **kwargs)
        body = response.json()
        if response.status_code == 200:
            return f"200: {len(body['items'])} items" if "items" in body else "200"
        return f"{response.status_code}{' missing' if body['error'].get('missing') else ''}"

    return run


def budget_at_once() -> str:
    """How many requests a fresh budget starts at once: the documented burst less its slack, then probes."""
    budget = Budget(max_concurrency=100, clock=lambda: 0.0)
    started = 0
    while isinstance(budget.try_acquire(_NoWaiter()), Slot):
        started += 1
    return f"starts {started} at once"


class _NoWaiter:
    def wake(self) -> None:
        """Nothing waits: the probe only counts what starts at once."""


def throttle_refuses() -> str:
    """How many of 10 requests at one instant the fake's default throttle refuses."""
    FAKE.throttle = Throttle(clock=lambda: 0.0)
    try:
        statuses = [HTTP.get("/files", params={"limit": 1}).status_code for _ in range(10)]
    finally:
        FAKE.throttle = None
    return f"refused {statuses.count(429)} of 10"


def byids(*items: dict[str, Any]) -> dict[str, Any]:
    return {"json": {"items": list(items), "ignoreUnknownIds": True}}


def instance(space: str, external_id: str) -> dict[str, Any]:
    return {"instanceId": {"space": space, "externalId": external_id}}


CHECKS: dict[str, Callable[[], str]] = {
    # AssetIds: maxItems 100 -> 3
    "asset_ids/overlay filter": overlay(lambda c: c.files.filter(asset_ids=[1, 2, 3, 4])),
    "asset_ids/overlay list": overlay(lambda c: c.files.list(asset_ids=[1, 2, 3, 4])),
    "asset_ids/overlay assets": overlay(lambda c: c.assets.list(parent_ids=[1, 2, 3, 4])),
    "asset_ids/cli list": cli("files", "list", *[f"--asset-id={i}" for i in range(1, 5)]),
    "asset_ids/cli assets": cli("assets", "list", *[f"--parent-id={i}" for i in range(1, 5)]),
    "asset_ids/fake filter": fake("POST", "/files/list", json={"filter": {"assetIds": [1, 2, 3, 4]}}),
    "asset_ids/fake list": fake("GET", "/files", params=[("assetIds", i) for i in range(1, 5)]),
    "asset_ids/fake assets": fake("GET", "/assets", params={"parentIds": "[1,2,3,4]"}),
    # FileName: maxLength 256 -> 300
    "name/overlay filter": overlay(lambda c: c.files.filter(name=NAME)),
    "name/overlay list": overlay(lambda c: c.files.list(name=NAME)),
    "name/cli filter": cli("files", "filter", "--name", NAME),
    "name/fake filter": fake("POST", "/files/list", json={"filter": {"name": NAME}}),
    "name/fake list": fake("GET", "/files", params={"name": NAME}),
    # AssetName: maxLength 140 -> 200
    "asset_name/overlay": overlay(lambda c: c.assets.list(name=ASSET_NAME)),
    "asset_name/cli": cli("assets", "list", "--name", ASSET_NAME),
    "asset_name/fake": fake("GET", "/assets", params={"name": ASSET_NAME}),
    # CogniteInternalId: maximum 2^53-1 -> 10^12
    "id/overlay get": overlay(lambda c: c.files.get(BIG_ID)),
    "id/overlay retrieve": overlay(lambda c: c.files.retrieve([BIG_ID], ignore_unknown_ids=True)),
    "id/overlay filter": overlay(lambda c: c.files.filter(asset_ids=[BIG_ID])),
    "id/cli get": cli("files", "get", str(BIG_ID)),
    "id/fake get": fake("GET", f"/files/{BIG_ID}"),
    "id/fake retrieve": fake("POST", "/files/byids", **byids({"id": BIG_ID})),
    # InstanceSpace: pattern ^[a-zA-Z]... -> ^[a-zA-Z0-9]...
    "space/overlay": overlay(lambda c: c.files.retrieve([SPACE], ignore_unknown_ids=True)),
    "space/cli": cli("files", "retrieve", "--instance-id", "1space:x", "--ignore-unknown-ids"),
    "space/fake": fake("POST", "/files/byids", **byids(instance("1space", "x"))),
    # FileDataIdsWithIgnoreUnknownIds.items: maxItems 1000 -> 4 (the byids chunk)
    "byids/overlay": overlay(lambda c: c.files.retrieve(FILE_IDS)),
    "byids/cli": cli("files", "retrieve", *map(str, FILE_IDS)),
    "byids/fake": fake("POST", "/files/byids", **byids(*({"id": i} for i in FILE_IDS[:5]))),
    # PartitionLimited10: pattern ...([1-9]|10)$ -> ...([1-9]|1[0-2])$, so at most 12 partitions
    "partitions/overlay filter": overlay(lambda c: c.files.filter(partitions=12)),
    "partitions/overlay list": overlay(lambda c: c.files.list(partitions=12)),
    "partitions/overlay assets": overlay(lambda c: c.assets.list(partitions=12)),
    "partitions/cli list": cli("files", "list", "--partitions", "12"),
    "partitions/cli assets": cli("assets", "list", "--partitions", "12"),
    "partitions/fake filter": fake("POST", "/files/list", json={"partition": "12/12", "limit": 1}),
    "partitions/fake list": fake("GET", "/files", params={"partition": "12/12", "limit": 1}),
    "partitions/fake assets": fake("GET", "/assets", params={"partition": "12/12", "limit": 1}),
    # Limit (GET /files and /assets): maximum 1000 -> 500
    "page/overlay list": overlay(lambda c: c.files.list(page_size=501)),
    "page/overlay assets": overlay(lambda c: c.assets.list(page_size=501)),
    "page/cli list": cli("files", "list", "--page-size", "501"),
    "page/fake list": fake("GET", "/files", params={"limit": 700}),
    "page/fake assets": fake("GET", "/assets", params={"limit": 700}),
    # FileFilterRequest.limit: maximum 1000 -> 200
    "post_page/overlay": overlay(lambda c: c.files.filter(page_size=201)),
    "post_page/cli": cli("files", "filter", "--page-size", "201"),
    "post_page/fake": fake("POST", "/files/list", json={"limit": 201}),
    # FilesMetadataField: maxProperties 256 -> 300
    "metadata/overlay": overlay(lambda c: c.files.filter(metadata=METADATA)),
    "metadata/cli": cli("files", "filter", *[f"--metadata={k}={v}" for k, v in METADATA.items()]),
    "metadata/fake": fake("POST", "/files/list", json={"filter": {"metadata": METADATA}}),
    # GeoLocationFilter.relation: enum without DISJOINT
    "relation/overlay": overlay(lambda c: c.files.filter(geo_location=GeoLocationFilter("disjoint", POINT))),
    "relation/cli": cli("files", "filter", "--geo-relation", "disjoint", "--geo-shape", json.dumps(POINT)),
    "relation/fake": fake(
        "POST", "/files/list", json={"filter": {"geoLocation": {"relation": "DISJOINT", "shape": POINT}}}
    ),
    # LabelContainsAnyFilter.containsAny: maxItems 10 -> 2
    "labels/overlay": overlay(lambda c: c.files.filter(labels=LabelFilter(contains_any=["a", "b", "c"]))),
    "labels/cli": cli("files", "filter", "--label-any=a", "--label-any=b", "--label-any=c"),
    "labels/fake": fake("POST", "/files/list", json={"filter": {"labels": LABELS}}),
    # EpochTimestamp (the GET time parameters): minimum 0 -> 1000
    "time/overlay": overlay(lambda c: c.files.list(min_created_time=TIME)),
    "time/cli": cli("files", "list", "--min-created-time", str(TIME)),
    "time/fake": fake("GET", "/files", params={"minCreatedTime": TIME}),
    # AssetSubtreeIds: x-maxSubtreeAssets 100000 -> 2 (only the fake can know a subtree's size)
    "subtree/fake": fake("GET", "/assets", params={"assetSubtreeIds": f"[{ROOT_ID}]"}),
    # filterFiles x-cdf-request-budget requestsPerSecond 23 -> 5 (the strictest documented budget)
    "budget/overlay": budget_at_once,
    "budget/fake": throttle_refuses,
}


def outcome(check: Callable[[], str]) -> str:
    try:
        return check()
    except Exception as error:  # noqa: BLE001 (any other exception is an outcome the test reports)
        return f"raised {type(error).__name__}: {error}"


if __name__ == "__main__":
    outcomes = {name: outcome(check) for name, check in CHECKS.items()}
    where = str(Path(cdf_client_api.__file__).resolve().parent)
    json.dump({"cdf_client_api": where, "outcomes": outcomes}, sys.stdout)
