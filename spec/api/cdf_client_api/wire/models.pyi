# Public API of cdf-client 0.1.0: cdf_client_api.wire.models. Written by scripts/check_api --write-baseline; never edited by hand.
class AggregateResultItem(BaseModel):
    def __init__(self, *, child_count: int | None = None, depth: int | None = None, path: list[AssetIdentifier] | None = None) -> None: ...
    child_count: int | None
    depth: int | None
    model_config = ConfigDict(populate_by_name=True)
    path: list[AssetIdentifier] | None
class Asset(BaseModel):
    def __init__(self, *, aggregates: AggregateResultItem | None = None, created_time: EpochTimestamp, last_updated_time: EpochTimestamp, parent_external_id: CogniteExternalId | None = None, parent_id: CogniteInternalId | None = None, root_id: CogniteInternalId, data_set_id: CogniteInternalId | None = None, description: AssetDescription | None = None, external_id: CogniteExternalId | None = None, geo_location: GeoLocation | None = None, labels: LabelList | None = None, metadata: AssetMetadata | None = None, name: AssetName, source: AssetSource | None = None, id: CogniteInternalId) -> None: ...
    aggregates: AggregateResultItem | None
    created_time: EpochTimestamp
    data_set_id: CogniteInternalId | None
    description: AssetDescription | None
    external_id: CogniteExternalId | None
    geo_location: GeoLocation | None
    id: CogniteInternalId
    labels: LabelList | None
    last_updated_time: EpochTimestamp
    metadata: AssetMetadata | None
    model_config = ConfigDict(populate_by_name=True)
    name: AssetName
    parent_external_id: CogniteExternalId | None
    parent_id: CogniteInternalId | None
    root_id: CogniteInternalId
    source: AssetSource | None
class AssetDescription(RootModel[str]):
    def __init__(self, root: str) -> None: ...
    root: str
class AssetExternalId(BaseModel):
    def __init__(self, *, external_id: CogniteExternalId) -> None: ...
    external_id: CogniteExternalId
    model_config = ConfigDict(extra='forbid', populate_by_name=True)
class AssetExternalIds(RootModel[list[CogniteExternalId]]):
    def __init__(self, root: list[CogniteExternalId]) -> None: ...
    root: list[CogniteExternalId]
class AssetIdEither(RootModel[AssetInternalId | AssetExternalId]):
    def __init__(self, root: AssetInternalId | AssetExternalId) -> None: ...
    root: AssetInternalId | AssetExternalId
class AssetIdentifier(BaseModel):
    def __init__(self, *, id: CogniteInternalId) -> None: ...
    id: CogniteInternalId
    model_config = ConfigDict(populate_by_name=True)
class AssetIds(RootModel[list[CogniteInternalId]]):
    def __init__(self, root: list[CogniteInternalId]) -> None: ...
    root: list[CogniteInternalId]
class AssetInternalId(BaseModel):
    def __init__(self, *, id: CogniteInternalId) -> None: ...
    id: CogniteInternalId
    model_config = ConfigDict(extra='forbid', populate_by_name=True)
class AssetMetadata(RootModel[dict[str, AssetMetadataAdditionalProperty]]):
    def __init__(self, root: dict[str, AssetMetadataAdditionalProperty]) -> None: ...
    root: dict[str, AssetMetadataAdditionalProperty]
AssetMetadataAdditionalProperty = TypeAliasType('AssetMetadataAdditionalProperty', Annotated[str, Field(max_length=10240)])
class AssetName(RootModel[str]):
    def __init__(self, root: str) -> None: ...
    root: str
class AssetSource(RootModel[str]):
    def __init__(self, root: str) -> None: ...
    root: str
class AssetSubtreeIds(RootModel[list[AssetIdEither]]):
    def __init__(self, root: list[AssetIdEither]) -> None: ...
    root: list[AssetIdEither]
class CogniteExternalId(RootModel[str]):
    def __init__(self, root: str) -> None: ...
    root: str
class CogniteExternalIdPrefix(RootModel[str]):
    def __init__(self, root: str) -> None: ...
    root: str
class CogniteInternalId(RootModel[int]):
    def __init__(self, root: int) -> None: ...
    root: int
class DataFileMetadata(BaseModel):
    def __init__(self, *, items: list[FilesMetadata] | None = None) -> None: ...
    items: list[FilesMetadata] | None
    model_config = ConfigDict(populate_by_name=True)
class DataSetExternalId(BaseModel):
    def __init__(self, *, external_id: CogniteExternalId) -> None: ...
    external_id: CogniteExternalId
    model_config = ConfigDict(extra='forbid', populate_by_name=True)
class DataSetId(RootModel[int]):
    def __init__(self, root: int) -> None: ...
    root: int
class DataSetIdEither(RootModel[DataSetInternalId | DataSetExternalId]):
    def __init__(self, root: DataSetInternalId | DataSetExternalId) -> None: ...
    root: DataSetInternalId | DataSetExternalId
class DataSetIdEithers(RootModel[list[DataSetIdEither]]):
    def __init__(self, root: list[DataSetIdEither]) -> None: ...
    root: list[DataSetIdEither]
class DataSetInternalId(BaseModel):
    def __init__(self, *, id: CogniteInternalId) -> None: ...
    id: CogniteInternalId
    model_config = ConfigDict(extra='forbid', populate_by_name=True)
class DataWithCursor(BaseModel):
    def __init__(self, *, items: list[FilesMetadata] | None = None, next_cursor: str | None = None) -> None: ...
    items: list[FilesMetadata] | None
    model_config = ConfigDict(populate_by_name=True)
    next_cursor: str | None
class DataWithCursorAsset(BaseModel):
    def __init__(self, *, items: list[Asset], next_cursor: str | None = None) -> None: ...
    items: list[Asset]
    model_config = ConfigDict(populate_by_name=True)
    next_cursor: str | None
class EpochTimestamp(RootModel[int]):
    def __init__(self, root: int) -> None: ...
    root: int
class EpochTimestampRange(BaseModel):
    def __init__(self, *, max: int | None = None, min: int | None = None) -> None: ...
    max: int | None
    min: int | None
    model_config = ConfigDict(extra='forbid', populate_by_name=True)
class Error(BaseModel):
    def __init__(self, *, code: int, duplicated: list[dict[str, Any]] | None = None, message: str, missing: list[dict[str, Any]] | None = None, is_auto_retryable: bool | None = None) -> None: ...
    code: int
    duplicated: list[dict[str, Any]] | None
    is_auto_retryable: bool | None
    message: str
    missing: list[dict[str, Any]] | None
    model_config = ConfigDict(populate_by_name=True)
class ErrorResponse(BaseModel):
    def __init__(self, *, error: Error) -> None: ...
    error: Error
    model_config = ConfigDict(populate_by_name=True)
class Field429Error(BaseModel):
    def __init__(self, *, code: int, message: str) -> None: ...
    code: int
    message: str
    model_config = ConfigDict(populate_by_name=True)
class FileDataIdsWithIgnoreUnknownIds(BaseModel):
    def __init__(self, *, items: list[FileSelectEither], ignore_unknown_ids: bool | None = False) -> None: ...
    ignore_unknown_ids: bool | None
    items: list[FileSelectEither]
    model_config = ConfigDict(extra='forbid', populate_by_name=True)
class FileDirectory(RootModel[str]):
    def __init__(self, root: str) -> None: ...
    root: str
class FileFilterProperties(BaseModel):
    def __init__(self, *, asset_external_ids: AssetExternalIds | None = None, asset_ids: AssetIds | None = None, asset_subtree_ids: AssetSubtreeIds | None = None, created_time: EpochTimestampRange | None = None, data_set_ids: list[DataSetIdEither] | None = None, directory_prefix: str | None = None, external_id_prefix: CogniteExternalIdPrefix | None = None, geo_location: GeoLocationFilter | None = None, labels: LabelFilter | None = None, last_updated_time: EpochTimestampRange | None = None, metadata: FilesMetadataField | None = None, mime_type: MimeType | None = None, name: FileName | None = None, root_asset_ids: RootAssetIds | None = None, source: str | None = None, source_created_time: EpochTimestampRange | None = None, source_modified_time: EpochTimestampRange | None = None, uploaded: bool | None = None, uploaded_time: EpochTimestampRange | None = None) -> None: ...
    asset_external_ids: AssetExternalIds | None
    asset_ids: AssetIds | None
    asset_subtree_ids: AssetSubtreeIds | None
    created_time: EpochTimestampRange | None
    data_set_ids: list[DataSetIdEither] | None
    directory_prefix: str | None
    external_id_prefix: CogniteExternalIdPrefix | None
    geo_location: GeoLocationFilter | None
    labels: LabelFilter | None
    last_updated_time: EpochTimestampRange | None
    metadata: FilesMetadataField | None
    mime_type: MimeType | None
    model_config = ConfigDict(extra='forbid', populate_by_name=True)
    name: FileName | None
    root_asset_ids: RootAssetIds | None
    source: str | None
    source_created_time: EpochTimestampRange | None
    source_modified_time: EpochTimestampRange | None
    uploaded: bool | None
    uploaded_time: EpochTimestampRange | None
class FileFilterRequest(BaseModel):
    def __init__(self, *, filter: FileFilterProperties | None = None, partition: PartitionLimited10 | None = None, limit: int | None = 100, cursor: str | None = None) -> None: ...
    cursor: str | None
    filter: FileFilterProperties | None
    limit: int | None
    model_config = ConfigDict(extra='forbid', populate_by_name=True)
    partition: PartitionLimited10 | None
class FileName(RootModel[str]):
    def __init__(self, root: str) -> None: ...
    root: str
class FileSelectByExternalId(BaseModel):
    def __init__(self, *, external_id: CogniteExternalId | None = None) -> None: ...
    external_id: CogniteExternalId | None
    model_config = ConfigDict(extra='forbid', populate_by_name=True)
class FileSelectById(BaseModel):
    def __init__(self, *, id: CogniteInternalId | None = None) -> None: ...
    id: CogniteInternalId | None
    model_config = ConfigDict(extra='forbid', populate_by_name=True)
class FileSelectByInstanceId(BaseModel):
    def __init__(self, *, instance_id: InstanceId | None = None) -> None: ...
    instance_id: InstanceId | None
    model_config = ConfigDict(extra='forbid', populate_by_name=True)
class FileSelectEither(RootModel[FileSelectById | FileSelectByExternalId | FileSelectByInstanceId]):
    def __init__(self, root: FileSelectById | FileSelectByExternalId | FileSelectByInstanceId) -> None: ...
    root: FileSelectById | FileSelectByExternalId | FileSelectByInstanceId
class FileSource(RootModel[str]):
    def __init__(self, root: str) -> None: ...
    root: str
class FilesMetadata(BaseModel):
    def __init__(self, *, asset_ids: list[CogniteInternalId] | None = None, data_set_id: DataSetId | None = None, directory: FileDirectory | None = None, external_id: CogniteExternalId | None = None, geo_location: GeoLocation | None = None, labels: LabelList | None = None, metadata: FilesMetadataField | None = None, mime_type: MimeType | None = None, name: FileName, security_categories: list[CogniteInternalId] | None = None, source: FileSource | None = None, source_created_time: EpochTimestamp | None = None, source_modified_time: EpochTimestamp | None = None, created_time: EpochTimestamp, id: CogniteInternalId, instance_id: InstanceId | None = None, last_updated_time: EpochTimestamp, uploaded: bool, uploaded_time: EpochTimestamp | None = None) -> None: ...
    asset_ids: list[CogniteInternalId] | None
    created_time: EpochTimestamp
    data_set_id: DataSetId | None
    directory: FileDirectory | None
    external_id: CogniteExternalId | None
    geo_location: GeoLocation | None
    id: CogniteInternalId
    instance_id: InstanceId | None
    labels: LabelList | None
    last_updated_time: EpochTimestamp
    metadata: FilesMetadataField | None
    mime_type: MimeType | None
    model_config = ConfigDict(populate_by_name=True)
    name: FileName
    security_categories: list[CogniteInternalId] | None
    source: FileSource | None
    source_created_time: EpochTimestamp | None
    source_modified_time: EpochTimestamp | None
    uploaded: bool
    uploaded_time: EpochTimestamp | None
class FilesMetadataField(RootModel[dict[str, str]]):
    def __init__(self, root: dict[str, str]) -> None: ...
    root: dict[str, str]
class GeoLocation(BaseModel):
    def __init__(self, *, geometry: GeoLocationGeometry, properties: dict[str, Any] | None = None, type: Type) -> None: ...
    geometry: GeoLocationGeometry
    model_config = ConfigDict(populate_by_name=True)
    properties: dict[str, Any] | None
    type: Type
class GeoLocationFilter(BaseModel):
    def __init__(self, *, relation: Relation, shape: Point | LineString | Polygon | MultiLineString | MultiPolygon) -> None: ...
    model_config = ConfigDict(extra='forbid', populate_by_name=True)
    relation: Relation
    shape: Point | LineString | Polygon | MultiLineString | MultiPolygon
class GeoLocationGeometry(RootModel[Point | LineString | Polygon | MultiPoint | MultiLineString | MultiPolygon]):
    def __init__(self, root: Point | LineString | Polygon | MultiPoint | MultiLineString | MultiPolygon) -> None: ...
    root: Point | LineString | Polygon | MultiPoint | MultiLineString | MultiPolygon
class InstanceExternalId(RootModel[str]):
    def __init__(self, root: str) -> None: ...
    root: str
class InstanceId(BaseModel):
    def __init__(self, *, external_id: InstanceExternalId, space: InstanceSpace) -> None: ...
    external_id: InstanceExternalId
    model_config = ConfigDict(extra='forbid', populate_by_name=True)
    space: InstanceSpace
class InstanceSpace(RootModel[str]):
    def __init__(self, root: str) -> None: ...
    root: str
class JsonArrayInt64(RootModel[str]):
    def __init__(self, root: str) -> None: ...
    root: str
class JsonArrayString(RootModel[str]):
    def __init__(self, root: str) -> None: ...
    root: str
class Label(BaseModel):
    def __init__(self, *, external_id: CogniteExternalId) -> None: ...
    external_id: CogniteExternalId
    model_config = ConfigDict(extra='forbid', populate_by_name=True)
class LabelContainsAllFilter(BaseModel):
    def __init__(self, *, contains_all: list[Label]) -> None: ...
    contains_all: list[Label]
    model_config = ConfigDict(extra='forbid', populate_by_name=True)
class LabelContainsAnyFilter(BaseModel):
    def __init__(self, *, contains_any: list[Label]) -> None: ...
    contains_any: list[Label]
    model_config = ConfigDict(extra='forbid', populate_by_name=True)
class LabelFilter(RootModel[LabelContainsAnyFilter | LabelContainsAllFilter]):
    def __init__(self, root: LabelContainsAnyFilter | LabelContainsAllFilter) -> None: ...
    root: LabelContainsAnyFilter | LabelContainsAllFilter
class LabelList(RootModel[list[Label]]):
    def __init__(self, root: list[Label]) -> None: ...
    root: list[Label]
class LineString(BaseModel):
    def __init__(self, *, coordinates: LineStringCoordinates, type: Literal['LineString']) -> None: ...
    coordinates: LineStringCoordinates
    model_config = ConfigDict(populate_by_name=True)
    type: Literal['LineString']
class LineStringCoordinates(RootModel[list[PointCoordinates]]):
    def __init__(self, root: list[PointCoordinates]) -> None: ...
    root: list[PointCoordinates]
class MimeType(RootModel[str]):
    def __init__(self, root: str) -> None: ...
    root: str
class MultiLineString(BaseModel):
    def __init__(self, *, coordinates: MultiLineStringCoordinates, type: Literal['MultiLineString']) -> None: ...
    coordinates: MultiLineStringCoordinates
    model_config = ConfigDict(populate_by_name=True)
    type: Literal['MultiLineString']
class MultiLineStringCoordinates(RootModel[list[LineStringCoordinates]]):
    def __init__(self, root: list[LineStringCoordinates]) -> None: ...
    root: list[LineStringCoordinates]
class MultiPoint(BaseModel):
    def __init__(self, *, coordinates: MultiPointCoordinates, type: Literal['MultiPoint']) -> None: ...
    coordinates: MultiPointCoordinates
    model_config = ConfigDict(populate_by_name=True)
    type: Literal['MultiPoint']
class MultiPointCoordinates(RootModel[list[PointCoordinates]]):
    def __init__(self, root: list[PointCoordinates]) -> None: ...
    root: list[PointCoordinates]
class MultiPolygon(BaseModel):
    def __init__(self, *, coordinates: MultiPolygonCoordinates, type: Literal['MultiPolygon']) -> None: ...
    coordinates: MultiPolygonCoordinates
    model_config = ConfigDict(populate_by_name=True)
    type: Literal['MultiPolygon']
class MultiPolygonCoordinates(RootModel[list[PolygonCoordinates]]):
    def __init__(self, root: list[PolygonCoordinates]) -> None: ...
    root: list[PolygonCoordinates]
class PartitionLimited10(RootModel[str]):
    def __init__(self, root: str) -> None: ...
    root: str
class Point(BaseModel):
    def __init__(self, *, coordinates: PointCoordinates, type: Literal['Point']) -> None: ...
    coordinates: PointCoordinates
    model_config = ConfigDict(populate_by_name=True)
    type: Literal['Point']
class PointCoordinates(RootModel[list[float]]):
    def __init__(self, root: list[float]) -> None: ...
    root: list[float]
class Polygon(BaseModel):
    def __init__(self, *, coordinates: PolygonCoordinates, type: Literal['Polygon']) -> None: ...
    coordinates: PolygonCoordinates
    model_config = ConfigDict(populate_by_name=True)
    type: Literal['Polygon']
class PolygonCoordinates(RootModel[list[LineStringCoordinates]]):
    def __init__(self, root: list[LineStringCoordinates]) -> None: ...
    root: list[LineStringCoordinates]
class RateLimitErrorResponse(BaseModel):
    def __init__(self, *, error: Field429Error) -> None: ...
    error: Field429Error
    model_config = ConfigDict(populate_by_name=True)
class Relation(StrEnum):
    disjoint = 'DISJOINT'
    intersects = 'INTERSECTS'
    within = 'WITHIN'
class RootAssetIds(RootModel[list[AssetIdEither]]):
    def __init__(self, root: list[AssetIdEither]) -> None: ...
    root: list[AssetIdEither]
class Type(StrEnum):
    feature = 'Feature'
class Type1(StrEnum):
    line_string = 'LineString'
class Type2(StrEnum):
    multi_line_string = 'MultiLineString'
class Type3(StrEnum):
    multi_point = 'MultiPoint'
class Type4(StrEnum):
    multi_polygon = 'MultiPolygon'
class Type5(StrEnum):
    point = 'Point'
class Type6(StrEnum):
    polygon = 'Polygon'
