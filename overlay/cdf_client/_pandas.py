"""pandas DataFrames derived from the Arrow table of a listing (`cdf_client._arrow`; the `pandas` extra).

Imported only when a frame is asked for, before the listing runs, so a missing pandas fails at once
and `import cdf_client` stays light. The frame has the table's columns, in its order, with the same
values, in the dtypes pandas users expect (docs/pandas.md): nullable `Int64` ids and epoch
milliseconds, nullable `boolean`, and the wire's Python lists and dicts for nested values (JSON
columns decoded back).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import orjson

from cdf_client._arrow import is_json
from cdf_client._errors import PandasNotInstalledError

try:
    import pandas as pd
except ImportError as error:  # the error names the extra to install
    raise PandasNotInstalledError from error

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["to_pandas"]


def to_pandas(
    table: pa.Table,
    *,
    expand_metadata: bool = False,
    metadata_prefix: str = "metadata.",
    convert_timestamps: bool = False,
) -> pd.DataFrame:
    """Return the table as a pandas DataFrame: a row per item, the table's snake_case columns in order.

    Ids and epoch-millisecond times are nullable `Int64`, `uploaded` is the nullable `boolean`, text
    is pandas' string dtype; nested values (lists, structs, maps, and the JSON columns decoded) are
    the Python lists and dicts CDF sent. `expand_metadata=True` replaces the `metadata` column by one
    column per key, `metadata_prefix + key`, sorted by key; `convert_timestamps=True` gives the times
    as timezone-aware UTC datetimes (`datetime64[ms, UTC]`).
    """
    import pyarrow as pa  # noqa: PLC0415 (the table is one: pyarrow is loaded already)

    integers = {pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}.get
    columns: dict[str, Any] = {}
    for field, column in zip(table.schema, table.columns, strict=True):
        kind = field.type
        if field.name == "metadata" and expand_metadata:
            columns.update(_metadata_columns(column, metadata_prefix))
        elif pa.types.is_timestamp(kind):
            times = column if convert_timestamps else column.cast(pa.int64())
            columns[field.name] = times.to_pandas(types_mapper=integers)
        elif is_json(field):
            columns[field.name] = pd.Series(
                [None if text is None else orjson.loads(text) for text in column.to_pylist()], dtype=object
            )
        elif pa.types.is_nested(kind):
            columns[field.name] = pd.Series(_python_values(column), dtype=object)
        else:
            columns[field.name] = column.to_pandas(types_mapper=integers)
    frame: pd.DataFrame = pd.DataFrame(columns, index=pd.RangeIndex(table.num_rows))
    return frame


def _python_values(column: pa.ChunkedArray[Any]) -> list[Any]:
    """Return the nested values as the Python lists and dicts CDF sent (Arrow's C++ converts most)."""
    import pyarrow as pa  # noqa: PLC0415 (loaded already, see above)

    kind = column.type
    if _lists_inside(kind.value_type if pa.types.is_list(kind) else kind):
        return column.to_pylist(maps_as_pydicts="strict")  # lists in lists: rare, and slower
    values = column.to_pandas(maps_as_pydicts="strict").tolist()
    if pa.types.is_list(kind):  # Arrow gives a numpy array per list: make it the list CDF sent
        return [value if value is None else value.tolist() for value in values]
    return values


def _lists_inside(kind: pa.DataType) -> bool:
    import pyarrow as pa  # noqa: PLC0415 (loaded already, see above)

    if pa.types.is_list(kind):
        return True
    if pa.types.is_struct(kind):
        return any(_lists_inside(kind.field(index).type) for index in range(kind.num_fields))
    if pa.types.is_map(kind):
        return _lists_inside(kind.item_type)
    return False


def _metadata_columns(column: pa.ChunkedArray[Any], prefix: str) -> dict[str, Any]:
    import pyarrow as pa  # noqa: PLC0415 (loaded already, see above)
    import pyarrow.compute as pc  # noqa: PLC0415

    chunks = [cast("pa.MapArray[Any, Any]", chunk).keys for chunk in column.chunks]
    keys = [
        str(key) for key in pc.unique(pa.concat_arrays(chunks or [pa.array([], pa.string())])).to_pylist()
    ]
    # Keys are the user's own names, so they keep their spelling; sorted for a stable order.
    return {
        prefix + key: pc.map_lookup(column, pa.scalar(key, pa.string()), "first").to_pandas()
        for key in sorted(keys)
    }
