"""Turn wire items (files or assets, as CDF sends them) into a pandas DataFrame.

pandas is an optional extra: it is imported only when a DataFrame is asked for, so
`import cdf_client` stays light. The frame is built column by column (one list per field,
then one typed array each), which is several times faster than a row-wise constructor.
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from cdf_client._errors import CDFError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    import pandas as pd

__all__ = ["PandasNotInstalledError", "to_dataframe"]

# Columns of files and assets come in this order when present; any field CDF adds later
# follows, sorted by name, so the order never depends on which item arrived first
# (partitioned listings have no cross-partition order).
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
_RANK = {name: rank for rank, name in enumerate(_FIELD_ORDER)}

TIMESTAMP_FIELDS = frozenset(
    {"createdTime", "lastUpdatedTime", "uploadedTime", "sourceCreatedTime", "sourceModifiedTime"}
)
# Integer fields get pandas' nullable Int64, so a missing value does not turn ids into floats.
_INTEGER_FIELDS = TIMESTAMP_FIELDS | {"id", "parentId", "rootId", "dataSetId"}
_BOOLEAN_FIELDS = frozenset({"uploaded"})
_STRING_FIELDS = frozenset(
    {"externalId", "name", "directory", "mimeType", "source", "description", "parentExternalId"}
)
_NESTED_FIELDS = frozenset(
    {"assetIds", "labels", "metadata", "geoLocation", "instanceId", "securityCategories", "aggregates"}
)

_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


class PandasNotInstalledError(CDFError, ImportError):
    """pandas is needed for DataFrame export but is not installed."""

    def __init__(self) -> None:
        """Say which extra to install."""
        super().__init__(
            "DataFrame export needs pandas: install it with `pip install 'cdf-client[pandas]'`",
            name="pandas",
        )


def _import_pandas() -> Any:
    try:
        import pandas as pd  # noqa: PLC0415 (optional extra, imported on first use only)
    except ImportError as exc:
        raise PandasNotInstalledError from exc
    return pd


def snake_case(wire_name: str) -> str:
    """Return the snake_case column name of a camelCase wire field (`mimeType` -> `mime_type`)."""
    return _CAMEL_BOUNDARY.sub("_", wire_name).lower()


def ordered_fields(names: Iterable[str]) -> list[str]:
    """Sort wire field names: known fields in their usual order, then any others by name."""
    return sorted(names, key=lambda name: (_RANK.get(name, len(_RANK)), name))


def to_dataframe(
    items: Iterable[Mapping[str, Any]],
    *,
    expand_metadata: bool = False,
    metadata_prefix: str = "metadata.",
    convert_timestamps: bool = False,
) -> pd.DataFrame:
    """Return one row per wire item and one snake_case column per field.

    Nested values (`labels`, `instance_id`, `geo_location`, `asset_ids`, ...) stay Python
    objects. `expand_metadata=True` replaces the `metadata` column by one column per key,
    named `metadata_prefix + key`; `convert_timestamps=True` turns epoch milliseconds into
    timezone-aware UTC datetimes.

        >>> to_dataframe([{"id": 1, "name": "a.pdf", "createdTime": 0}]).columns.tolist()
        ['id', 'name', 'created_time']
    """
    pandas = _import_pandas()
    rows = list(items)
    fields: set[str] = set().union(*rows)

    columns: dict[str, Any] = {}
    for field in ordered_fields(fields):
        if field == "metadata" and expand_metadata:
            columns.update(_metadata_columns(rows, metadata_prefix))
            continue
        values = _column(rows, field)
        columns[snake_case(field)] = _typed(pandas, field, values, convert_timestamps=convert_timestamps)
    frame: pd.DataFrame = pandas.DataFrame(columns, index=pandas.RangeIndex(len(rows)))
    return frame


def _column(rows: list[Mapping[str, Any]], field: str) -> list[Any]:
    try:
        return list(map(itemgetter(field), rows))  # the common case: every item has the field
    except KeyError:
        return [row.get(field) for row in rows]


def _typed(pandas: Any, field: str, values: list[Any], *, convert_timestamps: bool) -> Any:
    if field in _INTEGER_FIELDS:
        integers = pandas.array(values, dtype="Int64")
        if convert_timestamps and field in TIMESTAMP_FIELDS:
            return pandas.to_datetime(integers, unit="ms", utc=True)
        return integers
    if field in _BOOLEAN_FIELDS:
        return pandas.array(values, dtype="boolean")
    if field in _STRING_FIELDS:
        return values
    # Nested values stay the Python objects the wire sent (never numpy arrays); a field this
    # client does not know yet gets whatever dtype its values infer to.
    column = pandas.Series(values, dtype=object)
    return column if field in _NESTED_FIELDS else column.infer_objects()


def _metadata_columns(rows: list[Mapping[str, Any]], prefix: str) -> dict[str, Any]:
    metadata = [row.get("metadata") or {} for row in rows]
    keys: set[str] = set().union(*metadata)
    # Keys are the user's own names, so they keep their spelling; sorted for a stable order.
    return {prefix + key: [entry.get(key) for entry in metadata] for key in sorted(keys)}
