"""Check and complete user-supplied files and assets so the fake only ever serves valid wire objects."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pydantic

from cdf_client.testing._validation import outside_int64, parse_strict, wire_keys
from cdf_client_api.wire import models

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

# Server-set fields a test rarely cares about get a fixed value when left out (2023-11-14T22:13:20Z).
DEFAULT_TIME = 1_700_000_000_000

_FILE_KEYS = wire_keys(models.FilesMetadata)
_ASSET_KEYS = wire_keys(models.Asset)


def _check_keys(kind: str, item: Mapping[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(item) - allowed)
    if unknown:
        msg = f"{kind} {item.get('id')!r}: unknown field(s) {unknown}; wire objects use camelCase keys"
        raise ValueError(msg)
    nulls = sorted(key for key, value in item.items() if value is None)
    if nulls:
        msg = f"{kind} {item.get('id')!r}: {nulls} are null; CDF leaves unset fields out instead"
        raise ValueError(msg)


def _validate(kind: str, model: type[pydantic.BaseModel], item: Mapping[str, Any]) -> None:
    """Check an item as CDF would send it: JSON types exactly (no `"5"` for 5), integers within int64."""
    bad = outside_int64(item)
    if bad is not None:
        msg = f"{kind} {item.get('id')!r} is not a valid CDF {kind.lower()}: {bad} is outside the int64 range"
        raise ValueError(msg)
    try:
        parse_strict(model, item)
    except (pydantic.ValidationError, TypeError) as exc:  # TypeError: not JSON at all (orjson)
        msg = f"{kind} {item.get('id')!r} is not a valid CDF {kind.lower()}: {exc}"
        raise ValueError(msg) from exc


def _assign_ids(items: list[dict[str, Any]]) -> None:
    """Give items without an `id` the smallest unused positive ids, in list order."""
    used = {item["id"] for item in items if "id" in item}
    next_id = 1
    for item in items:
        if "id" not in item:
            while next_id in used:
                next_id += 1
            item["id"] = next_id
            used.add(next_id)


def _check_unique(kind: str, items: list[dict[str, Any]], key: str) -> None:
    seen: set[Any] = set()
    for item in items:
        value = item.get(key)
        if isinstance(value, dict):
            value = tuple(sorted(value.items()))
        if value is None:
            continue
        if value in seen:
            msg = f"two {kind.lower()}s share {key} {item[key]!r}"
            raise ValueError(msg)
        seen.add(value)


def normalize_files(files: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Copy, complete (`id`, times, `uploaded`) and validate wire-shaped file dicts."""
    items = [dict(item) for item in files]
    _assign_ids(items)
    for item in items:
        _check_keys("File", item, _FILE_KEYS)
        item.setdefault("createdTime", DEFAULT_TIME)
        item.setdefault("lastUpdatedTime", item["createdTime"])
        item.setdefault("uploaded", "uploadedTime" in item)
        _validate("File", models.FilesMetadata, item)
    for key in ("id", "externalId", "instanceId"):
        _check_unique("File", items, key)
    return items


def normalize_assets(assets: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Copy, complete (`id`, times, `rootId`, `metadata`) and validate wire-shaped asset dicts."""
    items = [dict(item) for item in assets]
    _assign_ids(items)
    by_id = {item["id"]: item for item in items}
    for key in ("id", "externalId"):
        _check_unique("Asset", items, key)
    for item in items:
        _check_keys("Asset", item, _ASSET_KEYS)
        parent_id = item.get("parentId")
        if parent_id is not None and parent_id not in by_id:
            msg = f"Asset {item['id']!r}: parentId {parent_id!r} is not among the assets"
            raise ValueError(msg)
    for item in items:
        item.setdefault("rootId", _root_of(item, by_id))
        item.setdefault("createdTime", DEFAULT_TIME)
        item.setdefault("lastUpdatedTime", item["createdTime"])
        # Recorded CDF responses always carry asset metadata, `{}` when there is none.
        item.setdefault("metadata", {})
        _validate("Asset", models.Asset, item)
    return items


def _root_of(item: dict[str, Any], by_id: dict[int, dict[str, Any]]) -> int:
    seen: set[int] = set()
    while "parentId" in item:
        if item["id"] in seen:
            msg = f"Asset {item['id']!r} is part of a parent cycle"
            raise ValueError(msg)
        seen.add(item["id"])
        item = by_id[item["parentId"]]
    return int(item["id"])


def normalize_data_sets(data_sets: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Copy data sets; they are only referenced (`dataSetIds` by `{externalId}`), so `id` is all they need."""
    items = [dict(item) for item in data_sets]
    for item in items:
        if not isinstance(item.get("id"), int):
            msg = f"data set {item!r} needs an integer id"
            raise TypeError(msg)
    return items
