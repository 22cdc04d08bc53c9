"""The fake's data: files and assets ordered by id, their pre-serialized JSON, and lookup indexes."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Any

import orjson

from cdf_client.testing._http import bad_request
from cdf_client_api import rules

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

# CDF answers 400 when `assetSubtreeIds` covers more assets than this (documented in prose; the spec's
# `x-maxSubtreeAssets`).
SUBTREE_LIMIT = rules.AssetSubtreeIds.max_subtree_assets

Item = dict[str, Any]


class Encoded:
    """Items serialized on first use, then kept: startup stays fast even for a million files."""

    def __init__(self, items: list[Item], encode: Callable[[Item], bytes] = orjson.dumps) -> None:
        self._items = items
        self._encode = encode
        self._cache: list[bytes | None] = [None] * len(items)

    def __getitem__(self, position: int) -> bytes:
        # Two threads may encode the same item at once; both get equal bytes, so no lock is needed.
        encoded = self._cache[position]
        if encoded is None:
            encoded = self._cache[position] = self._encode(self._items[position])
        return encoded


class Table:
    """Items of one resource type, ordered by id, each serialized once so a page is a byte join."""

    def __init__(self, items: Iterable[Item]) -> None:
        self.items: list[Item] = sorted(items, key=lambda item: item["id"])
        self.ids: list[int] = [item["id"] for item in self.items]
        self.json = Encoded(self.items)
        self.position: dict[int, int] = {item_id: i for i, item_id in enumerate(self.ids)}

    def __len__(self) -> int:
        return len(self.ids)

    def scan(self, after: int, lo: int, hi: int, match: Callable[[Item], bool] | None) -> Iterator[int]:
        """Positions of matching items with `lo <= id < hi` and `id > after`, in id order."""
        start = bisect_left(self.ids, max(lo, after + 1))
        end = bisect_left(self.ids, hi)
        if match is None:
            yield from range(start, end)
            return
        items = self.items
        for i in range(start, end):
            if match(items[i]):
                yield i


class Store:
    """Everything the endpoints read: files, assets, data sets, and the asset hierarchy."""

    def __init__(self, files: Sequence[Item], assets: Sequence[Item], data_sets: Sequence[Item] = ()) -> None:
        self.files = Table(files)
        self.assets = Table(assets)
        # GET /assets?includeMetadata=false leaves `metadata` out.
        self.assets_json_without_metadata = Encoded(
            self.assets.items, lambda asset: orjson.dumps({k: v for k, v in asset.items() if k != "metadata"})
        )
        self.file_id_by_external_id = {
            f["externalId"]: f["id"] for f in self.files.items if "externalId" in f
        }
        self.file_id_by_instance_id = {
            (f["instanceId"]["space"], f["instanceId"]["externalId"]): f["id"]
            for f in self.files.items
            if "instanceId" in f
        }
        self.asset_id_by_external_id = {
            a["externalId"]: a["id"] for a in self.assets.items if "externalId" in a
        }
        self.root_of = {a["id"]: a["rootId"] for a in self.assets.items}
        self.children: dict[int, list[int]] = {}
        for asset in self.assets.items:
            if "parentId" in asset:
                self.children.setdefault(asset["parentId"], []).append(asset["id"])
        self.data_set_id_by_external_id = {
            d["externalId"]: d["id"] for d in data_sets if d.get("externalId") is not None
        }

    def asset_ids(self, refs: Iterable[dict[str, Any]]) -> set[int]:
        """Resolve `{id}|{externalId}` asset references; unknown ones match nothing."""
        found: set[int] = set()
        for ref in refs:
            asset_id = ref["id"] if "id" in ref else self.asset_id_by_external_id.get(ref["externalId"])
            if asset_id is not None and asset_id in self.root_of:
                found.add(asset_id)
        return found

    def data_set_ids(self, refs: Iterable[dict[str, Any]]) -> set[int]:
        """Resolve `{id}|{externalId}` data set references; unknown external ids match nothing."""
        found: set[int] = set()
        for ref in refs:
            data_set_id = ref["id"] if "id" in ref else self.data_set_id_by_external_id.get(ref["externalId"])
            if data_set_id is not None:
                found.add(data_set_id)
        return found

    def subtree(self, roots: Iterable[int]) -> set[int]:
        """Ids of the given assets and their descendants; more than `SUBTREE_LIMIT` is a 400, as in CDF."""
        seen: set[int] = set()
        stack = [root for root in roots if root in self.root_of]
        while stack:
            asset_id = stack.pop()
            if asset_id in seen:
                continue
            seen.add(asset_id)
            if len(seen) > SUBTREE_LIMIT:
                msg = f"The given subtrees contain more than {SUBTREE_LIMIT} assets"
                raise bad_request(msg)
            stack.extend(self.children.get(asset_id, ()))
        return seen
