"""Filter semantics: a validated, wire-shaped filter becomes one predicate over stored items."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cdf_client.testing._geo import relation_holds
from cdf_client.testing._store import Item, Store

Check = Callable[[Item], bool]
_PREFIXES = (("directoryPrefix", "directory"), ("externalIdPrefix", "externalId"))
TIME_RANGES = ("createdTime", "lastUpdatedTime", "uploadedTime", "sourceCreatedTime", "sourceModifiedTime")


def combine(checks: list[Check]) -> Check | None:
    """All checks must hold; `None` (no filtering at all) when there are none, so pages are slices."""
    if not checks:
        return None
    if len(checks) == 1:
        return checks[0]
    return lambda item: all(check(item) for check in checks)


def equals(key: str, value: Any) -> Check:
    return lambda item: item.get(key) == value


def prefix(key: str, value: str) -> Check:
    """Case-sensitive prefix; items without the field never match."""
    return lambda item: key in item and item[key].startswith(value)


def in_range(key: str, bounds: dict[str, int]) -> Check:
    """Inclusive `{min?, max?}`; items without the field never match (CDF's `sourceCreatedTime` rule)."""
    low, high = bounds.get("min", 0), bounds.get("max")
    if high is None:
        return lambda item: key in item and item[key] >= low
    return lambda item: key in item and low <= item[key] <= high


def one_of(key: str, values: set[Any]) -> Check:
    return lambda item: item.get(key) in values


def shares_asset(ids: set[int]) -> Check:
    return lambda item: not ids.isdisjoint(item.get("assetIds", ()))


def file_check(store: Store, flt: dict[str, Any]) -> Check | None:
    """Build the predicate for a `POST /files/list` filter (validated with `FileFilterProperties`)."""
    checks: list[Check] = [
        equals(key, flt[key]) for key in ("name", "mimeType", "source", "uploaded") if key in flt
    ]
    checks += [prefix(field, flt[key]) for key, field in _PREFIXES if key in flt]
    checks += [in_range(key, flt[key]) for key in TIME_RANGES if key in flt]
    if "metadata" in flt:
        pairs = flt["metadata"].items()
        checks.append(lambda item: all(item.get("metadata", {}).get(k) == v for k, v in pairs))
    if "assetIds" in flt:
        checks.append(shares_asset(set(flt["assetIds"])))
    if "assetExternalIds" in flt:
        checks.append(shares_asset(store.asset_ids({"externalId": x} for x in flt["assetExternalIds"])))
    if "rootAssetIds" in flt:
        roots = store.asset_ids(flt["rootAssetIds"])
        root_of = store.root_of
        checks.append(lambda item: any(root_of.get(a) in roots for a in item.get("assetIds", ())))
    if "assetSubtreeIds" in flt:
        checks.append(shares_asset(store.subtree(store.asset_ids(flt["assetSubtreeIds"]))))
    if "dataSetIds" in flt:
        checks.append(one_of("dataSetId", store.data_set_ids(flt["dataSetIds"])))
    if "labels" in flt:
        checks.append(labels_check(flt["labels"]))
    if "geoLocation" in flt:
        relation, shape = flt["geoLocation"]["relation"], flt["geoLocation"]["shape"]
        checks.append(
            lambda item: (
                "geoLocation" in item and relation_holds(relation, item["geoLocation"]["geometry"], shape)
            )
        )
    return combine(checks)


def labels_check(label_filter: dict[str, Any]) -> Check:
    """`containsAny` (at least one) or `containsAll` (every one) of the given label external ids."""
    if "containsAny" in label_filter:
        wanted = {label["externalId"] for label in label_filter["containsAny"]}
        return lambda item: not wanted.isdisjoint(label["externalId"] for label in item.get("labels", ()))
    wanted = {label["externalId"] for label in label_filter["containsAll"]}
    return lambda item: wanted.issubset({label["externalId"] for label in item.get("labels", ())})


def asset_check(store: Store, flt: dict[str, Any]) -> Check | None:
    """Build the predicate for `GET /assets` query parameters (already parsed and validated by `_query`)."""
    checks: list[Check] = [equals(key, flt[key]) for key in ("name", "source") if key in flt]
    if "externalIdPrefix" in flt:
        checks.append(prefix("externalId", flt["externalIdPrefix"]))
    checks += [in_range(key, flt[key]) for key in ("createdTime", "lastUpdatedTime") if key in flt]
    if "parentIds" in flt or "parentExternalIds" in flt:
        parents = set(flt.get("parentIds", ())) | store.asset_ids(
            {"externalId": x} for x in flt.get("parentExternalIds", ())
        )
        checks.append(one_of("parentId", parents))
    if "rootIds" in flt:
        checks.append(one_of("rootId", set(flt["rootIds"])))
    if "assetSubtreeIds" in flt:
        checks.append(one_of("id", store.subtree(store.asset_ids(flt["assetSubtreeIds"]))))
    if flt.get("root"):
        checks.append(lambda item: "parentId" not in item)
    return combine(checks)
