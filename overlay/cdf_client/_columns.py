"""The columns of every table export (Arrow, Polars, pandas, Parquet, CSV), derived from the spec.

Each resource's columns are the properties of its generated wire TypedDict
(`cdf_client_api.wire.typed_dicts.FilesMetadata` and `Asset`), so a property added to
`spec/openapi.yaml` becomes a column everywhere once the code is regenerated; nothing here lists
the properties by hand. Only their order is chosen here: identity first, then what describes the
item, then the times. This module needs no optional extra (the CLI's CSV writer uses it too).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, NewType

from typing_extensions import get_type_hints

from cdf_client_api.wire import typed_dicts

if TYPE_CHECKING:
    from collections.abc import Iterable

Resource = Literal["files", "assets"]
RESOURCES: tuple[Resource, ...] = ("files", "assets")

EpochTimestamp = NewType("EpochTimestamp", int)
"""Stands for the spec's `EpochTimestamp` (an int alias) when the wire hints are resolved."""

# Columns come in this order when the resource has them; a property the spec adds later follows,
# sorted by name, so the order never depends on which item arrived first.
_FIELD_ORDER = (
    "id",
    "externalId",
    "instanceId",
    "name",
    "directory",
    "mimeType",
    "source",
    "description",
    "parentId",
    "parentExternalId",
    "rootId",
    "dataSetId",
    "assetIds",
    "labels",
    "metadata",
    "geoLocation",
    "securityCategories",
    "aggregates",
    "uploaded",
    "uploadedTime",
    "sourceCreatedTime",
    "sourceModifiedTime",
    "createdTime",
    "lastUpdatedTime",
)
_WIRE_TYPES: dict[Resource, Any] = {"files": typed_dicts.FilesMetadata, "assets": typed_dicts.Asset}
_RANK = {name: rank for rank, name in enumerate(_FIELD_ORDER)}
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class Column:
    """One spec property of a resource: its wire name, column name and resolved type hint (nullable)."""

    wire: str
    name: str
    hint: Any

    @property
    def timestamp(self) -> bool:
        """Whether the spec types it as an `EpochTimestamp` (epoch milliseconds, UTC)."""
        return self.hint is EpochTimestamp


def snake_case(wire_name: str) -> str:
    """Return the snake_case column name of a camelCase wire field (`mimeType` -> `mime_type`)."""
    return _CAMEL_BOUNDARY.sub("_", wire_name).lower()


def ordered_fields(names: Iterable[str]) -> list[str]:
    """Sort wire field names: known fields in their usual order, then any others by name."""
    return sorted(names, key=lambda name: (_RANK.get(name, len(_RANK)), name))


def hints(typed_dict: Any) -> dict[str, Any]:
    """Resolve a wire TypedDict's hints, keeping `EpochTimestamp` apart from other ints."""
    return get_type_hints(typed_dict, localns={"EpochTimestamp": EpochTimestamp})


@cache
def columns(resource: Resource) -> tuple[Column, ...]:
    """Every property of `resource` in the spec, in column order."""
    resolved = hints(_WIRE_TYPES[resource])
    return tuple(Column(wire, snake_case(wire), resolved[wire]) for wire in ordered_fields(resolved))


TIMESTAMP_FIELDS = frozenset(
    column.wire for resource in RESOURCES for column in columns(resource) if column.timestamp
)
"""Wire names of every property the spec types as an `EpochTimestamp`, in any resource."""


def resource_of(operation: str) -> Resource:
    """Return the resource a listing operation returns (`files.filter` -> `files`)."""
    return _RESOURCE_OF[operation.partition(".")[0]]


_RESOURCE_OF: dict[str, Resource] = {resource: resource for resource in RESOURCES}
