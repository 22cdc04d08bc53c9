"""Arrow tables of files and assets, built column by column from the wire pages (the `arrow` extra).

One schema per resource, derived from the spec's wire TypedDicts (`cdf_client._columns`): every
property is a nullable column named in snake_case, in a fixed order, whatever the items carried.
Types follow from the spec's types: integers are `int64`, `EpochTimestamp`s `timestamp[ms, UTC]`,
strings `string`, booleans `bool`, arrays `list<...>`, string-to-string objects (`metadata`)
`map<string, string>`, objects of a fixed shape (`instanceId`, a label, `aggregates`) structs
keeping the wire's field names. A property whose shape the spec leaves open (`geoLocation`: six
geometry types whose coordinates nest one to four levels deep, and free-form `properties`) has no
Arrow type that Parquet can store, so it is JSON text (a GeoJSON Feature, as CDF sent it).

A page becomes a record batch in one pass: pyarrow reads the fixed-shape columns straight out of
the wire dicts (no per-item objects), and the JSON columns are serialised with orjson.
"""

from __future__ import annotations

import typing
from functools import cache
from typing import TYPE_CHECKING, Any, cast

import orjson
from typing_extensions import is_typeddict

from cdf_client._columns import Column, EpochTimestamp, columns, hints, resource_of
from cdf_client._errors import ArrowNotInstalledError, SchemaError

try:
    import pyarrow as pa
except ImportError as error:  # the error names the extra to install
    raise ArrowNotInstalledError from error

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from cdf_client._columns import Resource

RESOURCE_KEY = b"cdf_client.resource"
"""Schema metadata key naming the resource (`files` or `assets`) a table holds."""
JSON_KEY = b"cdf_client.json"
"""Field metadata key marking a column of JSON text (`b"true"`)."""


def arrow_type(hint: Any) -> pa.DataType | None:  # noqa: PLR0911 (one return per kind of type)
    """Return the Arrow type of a resolved spec type hint; None when its shape is open (JSON text)."""
    if hint is EpochTimestamp:
        return pa.timestamp("ms", tz="UTC")
    simple: dict[Any, pa.DataType] = {
        bool: pa.bool_(),
        int: pa.int64(),
        float: pa.float64(),
        str: pa.string(),
    }
    if hint in simple:
        return simple[hint]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal and all(isinstance(arg, str) for arg in args):
        return pa.string()
    if origin is list:
        item = arrow_type(args[0])
        return None if item is None else pa.list_(item)
    if origin is dict:
        value = arrow_type(args[1])
        return None if args[0] is not str or value is None else pa.map_(pa.string(), value)
    if is_typeddict(hint):
        fields = [(name, arrow_type(field)) for name, field in hints(hint).items()]
        if all(kind is not None for _, kind in fields):
            return pa.struct([pa.field(name, kind) for name, kind in fields])
    # Unions, Any and open objects: no one Arrow type fits every value the spec allows.
    return None


def _field(column: Column) -> pa.Field[Any]:
    kind = arrow_type(column.hint)
    if kind is None:
        return pa.field(column.name, pa.string(), metadata={JSON_KEY: b"true"})
    return pa.field(column.name, kind)


@cache
def schema(resource: Resource) -> pa.Schema:
    """Return the Arrow schema of `resource` (`"files"`, `"assets"`): a nullable field per spec property."""
    return pa.schema(
        [_field(column) for column in columns(resource)], metadata={RESOURCE_KEY: resource.encode()}
    )


def is_json(field: pa.Field[Any]) -> bool:
    """Whether the column holds JSON text (a property whose shape the spec leaves open)."""
    return (field.metadata or {}).get(JSON_KEY) == b"true"


class BatchBuilder:
    """Turns pages of wire dicts of one resource into record batches of its schema."""

    def __init__(self, resource: Resource, memory_pool: pa.MemoryPool | None = None) -> None:
        """Prepare the conversion of `resource` pages (allocating from `memory_pool`; None: the default)."""
        self.resource = resource
        self.memory_pool = memory_pool
        self.schema = schema(resource)
        wire = {column.name: column.wire for column in columns(resource)}
        self._json = [(index, wire[field.name]) for index, field in enumerate(self.schema) if is_json(field)]
        # The fixed-shape columns, under their wire names: pyarrow reads them out of the dicts directly.
        self._struct = pa.struct(
            [field.with_name(wire[field.name]) for field in self.schema if not is_json(field)]
        )

    def batch(self, items: Sequence[Mapping[str, Any]]) -> pa.RecordBatch:
        """One record batch holding `items`; a value of a type the spec does not allow is a `SchemaError`."""
        try:
            pool = self.memory_pool
            struct = cast("pa.StructArray", pa.array(items, type=self._struct, memory_pool=pool))
            arrays: list[pa.Array[Any]] = struct.flatten(pool)
            for index, wire in self._json:
                texts = [None if value is None else orjson.dumps(value) for value in _values(items, wire)]
                arrays.insert(index, pa.array(texts, type=pa.string(), memory_pool=pool))
        except (pa.ArrowException, OverflowError, orjson.JSONEncodeError) as error:
            msg = f"an item of this page does not fit the {self.resource} schema: {error}"
            raise SchemaError(msg) from error
        return pa.RecordBatch.from_arrays(arrays, schema=self.schema)

    def table(self, batches: Iterable[pa.RecordBatch]) -> pa.Table:
        """Return the table of `batches` (empty, with the schema, when there are none)."""
        return pa.Table.from_batches(list(batches), schema=self.schema)


def _values(items: Sequence[Mapping[str, Any]], wire: str) -> Iterable[Any]:
    return (item.get(wire) for item in items)


def builder_for(operation: str, memory_pool: pa.MemoryPool | None = None) -> BatchBuilder:
    """Return the batch builder of the resource a listing operation returns."""
    return BatchBuilder(resource_of(operation), memory_pool)


class TableCollector:
    """Collects the pages of a listing into one table (`to_arrow`)."""

    def __init__(self, operation: str) -> None:
        """Collect pages of the resource that `operation` returns."""
        self._builder = builder_for(operation)
        self._batches: list[pa.RecordBatch] = []

    def add(self, items: list[Any]) -> None:
        """Convert one page of wire dicts."""
        self._batches.append(self._builder.batch(items))

    def table(self) -> pa.Table:
        """Every page so far, as one table."""
        return self._builder.table(self._batches)
