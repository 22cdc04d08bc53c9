# Public API of cdf-client 0.1.0: cdf_client_api.wire.typed_dicts. Written by scripts/check_api --write-baseline; never edited by hand.
class AggregateResultItem(TypedDict):
    childCount: NotRequired[int]
    depth: NotRequired[int]
    path: NotRequired[list[AssetIdentifier]]
class Asset(TypedDict):
    aggregates: NotRequired[AggregateResultItem]
    createdTime: EpochTimestamp
    dataSetId: NotRequired[CogniteInternalId]
    description: NotRequired[AssetDescription]
    externalId: NotRequired[CogniteExternalId]
    geoLocation: NotRequired[GeoLocation]
    id: CogniteInternalId
    labels: NotRequired[LabelList]
    lastUpdatedTime: EpochTimestamp
    metadata: NotRequired[AssetMetadata]
    name: AssetName
    parentExternalId: NotRequired[CogniteExternalId]
    parentId: NotRequired[CogniteInternalId]
    rootId: CogniteInternalId
    source: NotRequired[AssetSource]
AssetDescription: TypeAlias = str
class AssetExternalId(TypedDict):
    externalId: CogniteExternalId
AssetExternalIds: TypeAlias = list[CogniteExternalId]
AssetIdEither: TypeAlias = AssetInternalId | AssetExternalId
class AssetIdentifier(TypedDict):
    id: CogniteInternalId
AssetIds: TypeAlias = list[CogniteInternalId]
class AssetInternalId(TypedDict):
    id: CogniteInternalId
AssetMetadata: TypeAlias = dict[str, str]
AssetName: TypeAlias = str
AssetSource: TypeAlias = str
AssetSubtreeIds: TypeAlias = list[AssetIdEither]
CogniteExternalId: TypeAlias = str
CogniteExternalIdPrefix: TypeAlias = str
CogniteInternalId: TypeAlias = int
class DataFileMetadata(TypedDict):
    items: NotRequired[list[FilesMetadata]]
class DataSetExternalId(TypedDict):
    externalId: CogniteExternalId
DataSetId: TypeAlias = int
DataSetIdEither: TypeAlias = DataSetInternalId | DataSetExternalId
DataSetIdEithers: TypeAlias = list[DataSetIdEither]
class DataSetInternalId(TypedDict):
    id: CogniteInternalId
class DataWithCursor(TypedDict):
    items: NotRequired[list[FilesMetadata]]
    nextCursor: NotRequired[str]
class DataWithCursorAsset(TypedDict):
    items: list[Asset]
    nextCursor: NotRequired[str]
EpochTimestamp: TypeAlias = int
class EpochTimestampRange(TypedDict):
    max: NotRequired[int]
    min: NotRequired[int]
class Error(TypedDict):
    code: int
    duplicated: NotRequired[list[dict[str, Any]]]
    isAutoRetryable: NotRequired[bool]
    message: str
    missing: NotRequired[list[dict[str, Any]]]
class ErrorResponse(TypedDict):
    error: Error
class Field429Error(TypedDict):
    code: int
    message: str
class FileDataIdsWithIgnoreUnknownIds(TypedDict):
    ignoreUnknownIds: NotRequired[bool]
    items: list[FileSelectEither]
FileDirectory: TypeAlias = str
class FileFilterProperties(TypedDict):
    assetExternalIds: NotRequired[AssetExternalIds]
    assetIds: NotRequired[AssetIds]
    assetSubtreeIds: NotRequired[AssetSubtreeIds]
    createdTime: NotRequired[EpochTimestampRange]
    dataSetIds: NotRequired[list[DataSetIdEither]]
    directoryPrefix: NotRequired[str]
    externalIdPrefix: NotRequired[CogniteExternalIdPrefix]
    geoLocation: NotRequired[GeoLocationFilter]
    labels: NotRequired[LabelFilter]
    lastUpdatedTime: NotRequired[EpochTimestampRange]
    metadata: NotRequired[FilesMetadataField]
    mimeType: NotRequired[MimeType]
    name: NotRequired[FileName]
    rootAssetIds: NotRequired[RootAssetIds]
    source: NotRequired[str]
    sourceCreatedTime: NotRequired[EpochTimestampRange]
    sourceModifiedTime: NotRequired[EpochTimestampRange]
    uploaded: NotRequired[bool]
    uploadedTime: NotRequired[EpochTimestampRange]
class FileFilterRequest(TypedDict):
    cursor: NotRequired[str]
    filter: NotRequired[FileFilterProperties]
    limit: NotRequired[int]
    partition: NotRequired[PartitionLimited10]
FileName: TypeAlias = str
class FileSelectByExternalId(TypedDict):
    externalId: NotRequired[CogniteExternalId]
class FileSelectById(TypedDict):
    id: NotRequired[CogniteInternalId]
class FileSelectByInstanceId(TypedDict):
    instanceId: NotRequired[InstanceId]
FileSelectEither: TypeAlias = FileSelectById | FileSelectByExternalId | FileSelectByInstanceId
FileSource: TypeAlias = str
class FilesMetadata(TypedDict):
    assetIds: NotRequired[list[CogniteInternalId]]
    createdTime: EpochTimestamp
    dataSetId: NotRequired[DataSetId]
    directory: NotRequired[FileDirectory]
    externalId: NotRequired[CogniteExternalId]
    geoLocation: NotRequired[GeoLocation]
    id: CogniteInternalId
    instanceId: NotRequired[InstanceId]
    labels: NotRequired[LabelList]
    lastUpdatedTime: EpochTimestamp
    metadata: NotRequired[FilesMetadataField]
    mimeType: NotRequired[MimeType]
    name: FileName
    securityCategories: NotRequired[list[CogniteInternalId]]
    source: NotRequired[FileSource]
    sourceCreatedTime: NotRequired[EpochTimestamp]
    sourceModifiedTime: NotRequired[EpochTimestamp]
    uploaded: bool
    uploadedTime: NotRequired[EpochTimestamp]
FilesMetadataField: TypeAlias = dict[str, str]
class GeoLocation(TypedDict):
    geometry: GeoLocationGeometry
    properties: NotRequired[dict[str, Any]]
    type: Literal['Feature']
class GeoLocationFilter(TypedDict):
    relation: Literal['INTERSECTS', 'DISJOINT', 'WITHIN']
    shape: Point | LineString | Polygon | MultiLineString | MultiPolygon
GeoLocationGeometry: TypeAlias = Point | LineString | Polygon | MultiPoint | MultiLineString | MultiPolygon
InstanceExternalId: TypeAlias = str
class InstanceId(TypedDict):
    externalId: InstanceExternalId
    space: InstanceSpace
InstanceSpace: TypeAlias = str
JsonArrayInt64: TypeAlias = str
JsonArrayString: TypeAlias = str
class Label(TypedDict):
    externalId: CogniteExternalId
class LabelContainsAllFilter(TypedDict):
    containsAll: list[Label]
class LabelContainsAnyFilter(TypedDict):
    containsAny: list[Label]
LabelFilter: TypeAlias = LabelContainsAnyFilter | LabelContainsAllFilter
LabelList: TypeAlias = list[Label]
class LineString(TypedDict):
    coordinates: LineStringCoordinates
    type: Literal['LineString']
LineStringCoordinates: TypeAlias = list[PointCoordinates]
MimeType: TypeAlias = str
class MultiLineString(TypedDict):
    coordinates: MultiLineStringCoordinates
    type: Literal['MultiLineString']
MultiLineStringCoordinates: TypeAlias = list[LineStringCoordinates]
class MultiPoint(TypedDict):
    coordinates: MultiPointCoordinates
    type: Literal['MultiPoint']
MultiPointCoordinates: TypeAlias = list[PointCoordinates]
class MultiPolygon(TypedDict):
    coordinates: MultiPolygonCoordinates
    type: Literal['MultiPolygon']
MultiPolygonCoordinates: TypeAlias = list[PolygonCoordinates]
PartitionLimited10: TypeAlias = str
class Point(TypedDict):
    coordinates: PointCoordinates
    type: Literal['Point']
PointCoordinates: TypeAlias = list[float]
class Polygon(TypedDict):
    coordinates: PolygonCoordinates
    type: Literal['Polygon']
PolygonCoordinates: TypeAlias = list[LineStringCoordinates]
class RateLimitErrorResponse(TypedDict):
    error: Field429Error
RootAssetIds: TypeAlias = list[AssetIdEither]
