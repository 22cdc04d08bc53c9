"""A seeded, realistic plant: asset hierarchy, files linked to it, data sets, labels, geo, instance ids.

Built for size: one generator, few draws per file, and shared (never mutated) metadata and label
values, so a million files take seconds. The same seed always gives the same plant.
"""

from __future__ import annotations

import dataclasses
import random
from typing import TYPE_CHECKING, Any

from cdf_client_api import rules

if TYPE_CHECKING:
    from collections.abc import Callable

_ID = rules.CogniteInternalId
_BASE_TIME = 1_577_836_800_000  # 2020-01-01T00:00:00Z
_SPAN = 5 * 365 * 86_400_000  # five years of history
_DAY = 86_400_000
_PLANTS = (("plant-north", "North Plant", 4.85, 60.45), ("plant-south", "South Plant", 5.73, 58.96))
_EQUIPMENT = (
    ("PA", "pump", "Centrifugal pump"),
    ("KA", "compressor", "Gas compressor"),
    ("VA", "valve", "Control valve"),
    ("HA", "heat exchanger", "Plate heat exchanger"),
    ("CD", "separator", "Three-phase separator"),
    ("EM", "motor", "Electric motor"),
    ("PT", "transmitter", "Pressure transmitter"),
)
# (mime type, extension, document kind, source, data set index, weight in percent)
_KINDS = (
    ("application/pdf", "pdf", "datasheet", "documentum", 0, 22),
    ("application/pdf", "pdf", "pid", "documentum", 0, 12),
    ("application/pdf", "pdf", "manual", "sharepoint", 0, 8),
    ("image/jpeg", "jpg", "inspection-photo", "inspection-app", 1, 16),
    ("image/png", "png", "thermal-image", "inspection-app", 1, 8),
    ("text/csv", "csv", "historian-export", "pi", 2, 12),
    ("text/plain", "txt", "work-log", "sap", 3, 8),
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
        "maintenance-plan",
        "sap",
        3,
        7,
    ),
    ("application/json", "json", "sensor-config", "pi", 2, 4),
    ("image/vnd.dwg", "dwg", "drawing", "documentum", 0, 3),
)
_DATA_SETS = ("ds-documents", "ds-inspections", "ds-historian", "ds-maintenance", "ds-assets")
_LABELS = ("PID", "DATASHEET", "MANUAL", "INSPECTION", "SAFETY_CRITICAL", "AS_BUILT", "OUTDATED", "HISTORIAN")
_REVISIONS = ("A", "B", "C", "D")
_DISCIPLINES = ("mechanical", "electrical", "process", "instrument", "safety")
_STATUSES = ("approved", "draft", "superseded")
# Shares of generated files carrying each optional field: a plant's document store, roughly.
_P_EXTERNAL_ID = 0.95
_P_LINKED = 0.85  # the rest are unlinked documents
_P_ONE_ASSET = 0.6  # of the linked ones, the rest link two assets
_P_DATA_SET = 0.9
_P_UPLOADED = 0.92  # some uploads never finished
_P_SOURCE_TIMES = 0.6
_P_METADATA = 0.5
_P_LABELS = 0.3
_P_GEO = 0.2
_P_INSTANCE_ID = 0.1  # created through Data Modeling (CogniteFile)
_P_PARENT_EXTERNAL_ID = 0.25  # CDF sends parentExternalId on about a quarter of child assets
_P_SAFETY_CRITICAL = 0.1
_NO_METADATA: dict[str, str] = {}


@dataclasses.dataclass(frozen=True)
class Plant:
    """Wire-shaped items, ready for `Store`."""

    files: list[dict[str, Any]]
    assets: list[dict[str, Any]]
    data_sets: list[dict[str, Any]]


def generate_plant(*, files: int, assets: int | None = None, seed: int = 0) -> Plant:
    """Generate a plant with `files` files and (by default) one asset per 20 files, 20 to 50,000."""
    if files < 0 or (assets is not None and assets < 1):
        msg = f"files must be >= 0 and assets >= 1, got files={files!r}, assets={assets!r}"
        raise ValueError(msg)
    n_assets = assets if assets is not None else min(max(files // 20, 20), 50_000)
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    # Ids spread over the whole 53-bit space, as CDF's are, so id-range partitions are balanced.
    ids = rng.sample(range(_ID.minimum, _ID.maximum + 1), len(_DATA_SETS) + n_assets + files)
    data_set_ids = ids[: len(_DATA_SETS)]
    data_sets: list[dict[str, Any]] = [
        {"id": i, "externalId": x} for i, x in zip(data_set_ids, _DATA_SETS, strict=True)
    ]
    asset_items = _assets(rng, ids[len(_DATA_SETS) : len(_DATA_SETS) + n_assets], data_set_ids[-1])
    file_items = _files(rng, ids[len(_DATA_SETS) + n_assets :], asset_items, data_set_ids)
    return Plant(file_items, asset_items, data_sets)


def _assets(rng: random.Random, ids: list[int], data_set_id: int) -> list[dict[str, Any]]:
    """Plants > areas > systems > equipment, breadth first, so every size is a valid tree."""
    n_roots = min(len(ids), 1 if len(ids) < 100 else 2)  # noqa: PLR2004
    n_areas = min(len(ids) - n_roots, 4 * n_roots)
    n_systems = min(len(ids) - n_roots - n_areas, 6 * n_areas)
    items: list[dict[str, Any]] = []
    for i, asset_id in enumerate(ids):
        created = _BASE_TIME + int(rng.random() * _DAY * 30)
        item: dict[str, Any] = {
            "id": asset_id,
            "createdTime": created,
            "lastUpdatedTime": created + int(rng.random() * _SPAN),
        }
        if i < n_roots:
            xid, name, lon, lat = _PLANTS[i]
            item |= {
                "externalId": xid,
                "name": name,
                "rootId": asset_id,
                "description": f"{name} production site",
            }
            item["geoLocation"] = {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
            }
            item["metadata"] = {"country": "NO", "operator": "Example Energy"}
        else:
            if i < n_roots + n_areas:
                parent = items[(i - n_roots) % n_roots]
                number = (i - n_roots) // n_roots + 1
                xid, name, metadata = f"{parent['externalId']}.area-{number}", f"Area {number}0", _NO_METADATA
            elif i < n_roots + n_areas + n_systems:
                parent = items[n_roots + (i - n_roots - n_areas) % n_areas]
                number = 20 + (i - n_roots - n_areas) // n_areas
                xid, name, metadata = f"{parent['externalId']}.system-{number}", f"System {number}", {}
            else:
                parent = items[n_roots + n_areas + int(rng.random() * n_systems)] if n_systems else items[-1]
                code, kind, description = _EQUIPMENT[int(rng.random() * len(_EQUIPMENT))]
                name = f"{parent['name'][-2:]}-{code}-{9000 + i % 1000}{'AB'[i % 2]}"
                xid, metadata = f"{parent['externalId']}.{name}", {"type": kind, "manufacturer": "ACME"}
                item["description"] = description
                if rng.random() < _P_SAFETY_CRITICAL:
                    item["labels"] = [{"externalId": "SAFETY_CRITICAL"}]
            item |= {"externalId": xid, "name": name, "parentId": parent["id"], "rootId": parent["rootId"]}
            if rng.random() < _P_PARENT_EXTERNAL_ID:
                item["parentExternalId"] = parent["externalId"]
            item["metadata"] = metadata
        item |= {"dataSetId": data_set_id, "source": "sap"}
        items.append(item)
    return items


class _Pools:
    """Values shared by many files (never mutated), so a million files stay small and fast to build."""

    def __init__(self, assets: list[dict[str, Any]], data_set_ids: list[int]) -> None:
        self.kinds = [kind for kind in _KINDS for _ in range(kind[5])]  # 100 slots: one draw picks a kind
        self.equipment = [a for a in assets if "parentId" in a] or assets
        self.metadata = [
            {"revision": r, "discipline": d, "status": s}
            for r in _REVISIONS
            for d in _DISCIPLINES
            for s in _STATUSES
        ]
        self.labels = [[{"externalId": a}] for a in _LABELS] + [
            [{"externalId": a}, {"externalId": b}] for a in _LABELS for b in _LABELS if a < b
        ]
        self.plants = {a["id"]: a for a in assets if "parentId" not in a}
        self.data_set_ids = data_set_ids


def _files(
    rng: random.Random, ids: list[int], assets: list[dict[str, Any]], data_set_ids: list[int]
) -> list[dict[str, Any]]:
    pools = _Pools(assets, data_set_ids)
    random_ = rng.random
    items: list[dict[str, Any]] = []
    for i, file_id in enumerate(ids):
        mime, ext, kind, source, data_set, _ = pools.kinds[int(random_() * 100)]
        asset = pools.equipment[int(random_() * len(pools.equipment))]
        created = _BASE_TIME + int(random_() * _SPAN)
        item: dict[str, Any] = {
            "id": file_id,
            "name": f"{asset['name']}_{kind}_{i:07d}.{ext}",
            "directory": f"/{asset['externalId'].replace('.', '/')}/{kind}",
            "mimeType": mime,
            "source": source,
            "createdTime": created,
            "lastUpdatedTime": created + int(random_() * _DAY * 90),
        }
        draw = random_()
        if draw < _P_EXTERNAL_ID:
            item["externalId"] = f"{source}:{kind}:{i:07d}"
        if draw < _P_LINKED:
            other = pools.equipment[int(random_() * len(pools.equipment))]
            item["assetIds"] = (
                [asset["id"]] if draw < _P_ONE_ASSET or other is asset else [asset["id"], other["id"]]
            )
        if random_() < _P_DATA_SET:
            item["dataSetId"] = data_set_ids[data_set]
        item["uploaded"] = uploaded = random_() < _P_UPLOADED
        if uploaded:
            item["uploadedTime"] = created + int(random_() * 60_000)
        _add_extras(item, random_, pools, asset, i)
        items.append(item)
    return items


def _add_extras(
    item: dict[str, Any], random_: Callable[[], float], pools: _Pools, asset: dict[str, Any], i: int
) -> None:
    """Source times, metadata, labels, geo location and instance id, each on a share of the files."""
    draw = random_()
    if draw < _P_SOURCE_TIMES:
        item["sourceCreatedTime"] = item["createdTime"] - int(draw * _DAY * 300)
        item["sourceModifiedTime"] = item["createdTime"] - int(draw * _DAY * 100)
    if draw < _P_METADATA:
        item["metadata"] = pools.metadata[int(draw / _P_METADATA * len(pools.metadata))]
    if random_() < _P_LABELS:
        item["labels"] = pools.labels[int(random_() * len(pools.labels))]
    draw = random_()
    if draw < _P_GEO:
        # Geo-tagged near the plant the equipment belongs to.
        plant = pools.plants.get(asset["rootId"], asset)
        lon, lat = plant.get("geoLocation", {}).get("geometry", {}).get("coordinates", (5.0, 60.0))
        point = [round(lon + draw - _P_GEO / 2, 6), round(lat + (draw - _P_GEO / 2) / 2, 6)]
        item["geoLocation"] = {"type": "Feature", "geometry": {"type": "Point", "coordinates": point}}
    if random_() < _P_INSTANCE_ID:
        item["instanceId"] = {"space": "plant_docs", "externalId": f"file_{i:07d}"}
