"""Result objects (`File`, `Asset`) and the small typed values used in them and in filters.

`File` and `Asset` are immutable views over the decoded wire dict: building one costs a single slot
assignment, so iterating objects stays close to iterating raw dicts. Attributes are snake_case, `None`
when CDF left the field out; containers are returned as fresh copies so the object cannot be mutated.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, cast, overload

from cdf_client._identifiers import InstanceId

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from cdf_client_api.wire.typed_dicts import Asset as AssetWire
    from cdf_client_api.wire.typed_dicts import FilesMetadata as FileWire

W = TypeVar("W", "FileWire", "AssetWire")

ShapeType = Literal["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"]


@dataclass(frozen=True, slots=True)
class Label:
    """A label attached to a resource, by its external id."""

    external_id: str


@dataclass(frozen=True, slots=True)
class GeoShape:
    """A GeoJSON geometry: `GeoShape("Point", [10.7, 59.9])`."""

    type: ShapeType
    coordinates: Any


@dataclass(frozen=True, slots=True)
class GeoLocation:
    """The GeoJSON Feature stored on a file or asset."""

    geometry: GeoShape
    properties: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class AssetAggregates:
    """Aggregated metrics of an asset, present when CDF computed them; each part `None` when left out.

    `path` holds the ids of the assets from the root down to the asset itself.
    """

    child_count: int | None = None
    depth: int | None = None
    path: tuple[int, ...] | None = None


class _WireView(Generic[W]):
    """Shared machinery of the result objects: one slot holding the wire dict."""

    __slots__ = ("_wire",)
    _fields: tuple[str, ...] = ()
    _wire: W

    def __init__(self, wire: W) -> None:
        object.__setattr__(self, "_wire", wire)

    def __setattr__(self, name: str, value: object) -> None:
        msg = f"{type(self).__name__} is immutable"
        raise AttributeError(msg)

    def __delattr__(self, name: str) -> None:
        msg = f"{type(self).__name__} is immutable"
        raise AttributeError(msg)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return bool(self._wire == other._wire)

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._wire["id"], self._wire["lastUpdatedTime"]))

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{name}={value!r}" for name in self._fields if (value := getattr(self, name)) is not None
        )
        return f"{type(self).__name__}({shown})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self._wire,))

    def dump(self) -> dict[str, Any]:
        """Return the object as CDF sent it (camelCase keys), a copy.

        Example: `orjson.dumps(file.dump())`.
        """
        return dict(self._wire)

    @property
    def id(self) -> int:
        """The internal id."""
        return self._wire["id"]

    @property
    def external_id(self) -> str | None:
        """The external id, if set."""
        return self._wire.get("externalId")

    @property
    def name(self) -> str:
        """The name."""
        return self._wire["name"]

    @property
    def source(self) -> str | None:
        """The source system."""
        return self._wire.get("source")

    @property
    def metadata(self) -> dict[str, str] | None:
        """Custom key/value pairs (a copy)."""
        metadata = self._wire.get("metadata")
        return None if metadata is None else dict(metadata)

    @property
    def data_set_id(self) -> int | None:
        """The data set the resource belongs to."""
        return self._wire.get("dataSetId")

    @property
    def labels(self) -> list[Label] | None:
        """Labels attached to the resource."""
        labels = self._wire.get("labels")
        return None if labels is None else [Label(label["externalId"]) for label in labels]

    @property
    def geo_location(self) -> GeoLocation | None:
        """The geographic location (a GeoJSON Feature)."""
        feature = self._wire.get("geoLocation")
        if feature is None:
            return None
        geometry = cast("dict[str, Any]", feature["geometry"])
        properties = feature.get("properties")
        return GeoLocation(
            GeoShape(geometry["type"], geometry["coordinates"]),
            None if properties is None else dict(properties),
        )

    @property
    def created_time(self) -> int:
        """Creation time, epoch ms."""
        return self._wire["createdTime"]

    @property
    def last_updated_time(self) -> int:
        """Last update time, epoch ms."""
        return self._wire["lastUpdatedTime"]


class File(_WireView["FileWire"]):
    """A file's metadata, as returned by `files.filter`, `files.list`, `files.get` and `files.retrieve`.

    Example: `f = client.files.get(123); print(f.name, f.mime_type, f.metadata)`.
    """

    __slots__ = ()
    _fields = (
        "id",
        "external_id",
        "instance_id",
        "name",
        "directory",
        "source",
        "mime_type",
        "metadata",
        "asset_ids",
        "data_set_id",
        "labels",
        "geo_location",
        "security_categories",
        "source_created_time",
        "source_modified_time",
        "uploaded",
        "uploaded_time",
        "created_time",
        "last_updated_time",
    )

    @property
    def instance_id(self) -> InstanceId | None:
        """The data-modeling instance the file belongs to (files created as `CogniteFile`)."""
        instance = self._wire.get("instanceId")
        return None if instance is None else InstanceId(instance["space"], instance["externalId"])

    @property
    def directory(self) -> str | None:
        """Absolute, unix-style directory path."""
        return self._wire.get("directory")

    @property
    def mime_type(self) -> str | None:
        """The MIME type, e.g. `application/pdf`."""
        return self._wire.get("mimeType")

    @property
    def asset_ids(self) -> list[int] | None:
        """Ids of the assets the file references."""
        asset_ids = self._wire.get("assetIds")
        return None if asset_ids is None else list(asset_ids)

    @property
    def security_categories(self) -> list[int] | None:
        """Ids of the security categories."""
        categories = self._wire.get("securityCategories")
        return None if categories is None else list(categories)

    @property
    def source_created_time(self) -> int | None:
        """When the file was created in its source system, epoch ms."""
        return self._wire.get("sourceCreatedTime")

    @property
    def source_modified_time(self) -> int | None:
        """When the file was last modified in its source system, epoch ms."""
        return self._wire.get("sourceModifiedTime")

    @property
    def uploaded(self) -> bool:
        """Whether the content has been uploaded."""
        return self._wire["uploaded"]

    @property
    def uploaded_time(self) -> int | None:
        """When the content was uploaded, epoch ms."""
        return self._wire.get("uploadedTime")


class Asset(_WireView["AssetWire"]):
    """An asset, as returned by `assets.list`.

    Example: `for a in client.assets.list(root=True): print(a.id, a.name)`.
    """

    __slots__ = ()
    _fields = (
        "id",
        "external_id",
        "name",
        "parent_id",
        "parent_external_id",
        "root_id",
        "description",
        "source",
        "metadata",
        "data_set_id",
        "labels",
        "geo_location",
        "aggregates",
        "created_time",
        "last_updated_time",
    )

    @property
    def parent_id(self) -> int | None:
        """The parent's id; `None` for a root asset."""
        return self._wire.get("parentId")

    @property
    def parent_external_id(self) -> str | None:
        """The parent's external id, when the parent has one."""
        return self._wire.get("parentExternalId")

    @property
    def root_id(self) -> int:
        """The id of the root of the asset's tree (a root is its own root)."""
        return self._wire["rootId"]

    @property
    def description(self) -> str | None:
        """Free-text description."""
        return self._wire.get("description")

    @property
    def aggregates(self) -> AssetAggregates | None:
        """Child count, depth and path of the asset, when CDF sent them."""
        aggregates = self._wire.get("aggregates")
        if aggregates is None:
            return None
        path = aggregates.get("path")
        return AssetAggregates(
            aggregates.get("childCount"),
            aggregates.get("depth"),
            None if path is None else tuple(node["id"] for node in path),
        )


class FileList(Sequence[File]):
    """The files `files.retrieve` returned, in request order; `File` objects are built on access.

    Example: `files = client.files.retrieve([1, 2]); files[0].name; files.to_pandas()`.
    """

    __slots__ = ("_items",)

    def __init__(self, items: list[FileWire]) -> None:
        self._items = items

    @overload
    def __getitem__(self, index: int) -> File: ...
    @overload
    def __getitem__(self, index: slice) -> FileList: ...
    def __getitem__(self, index: int | slice) -> File | FileList:
        if isinstance(index, slice):
            return FileList(self._items[index])
        return File(self._items[index])

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[File]:
        return map(File, self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FileList):
            return self._items == other._items
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # a list of mutable dicts

    def __repr__(self) -> str:
        return f"FileList({list(self)!r})"

    def dicts(self) -> list[FileWire]:
        """Return the wire dicts (camelCase, as CDF sent them), a shallow copy of the list.

        Example: `orjson.dumps(files.dicts())`.
        """
        return list(self._items)

    def to_arrow(self) -> pa.Table:
        """Return the files as a `pyarrow.Table` of the files schema (needs the `arrow` extra).

        Example: `client.files.retrieve([1, 2, 3]).to_arrow()`.
        """
        from cdf_client._arrow import BatchBuilder  # noqa: PLC0415 (pyarrow is an optional extra)

        builder = BatchBuilder("files")
        return builder.table([builder.batch(self._items)])

    def to_pandas(
        self,
        *,
        expand_metadata: bool = False,
        metadata_prefix: str = "metadata.",
        convert_timestamps: bool = False,
    ) -> pd.DataFrame:
        """Return the files as a pandas DataFrame with the columns of `to_arrow()` (needs the `pandas` extra).

        Example: `client.files.retrieve([1, 2, 3]).to_pandas(convert_timestamps=True)`.
        """
        from cdf_client._pandas import to_pandas  # noqa: PLC0415 (pandas is an optional extra)

        return to_pandas(
            self.to_arrow(),
            expand_metadata=expand_metadata,
            metadata_prefix=metadata_prefix,
            convert_timestamps=convert_timestamps,
        )
