"""Contains all the data models used in inputs/outputs"""

from .aggregate_result_item import AggregateResultItem
from .asset import Asset
from .asset_external_id import AssetExternalId
from .asset_identifier import AssetIdentifier
from .asset_internal_id import AssetInternalId
from .asset_list import AssetList
from .asset_metadata import AssetMetadata
from .data_set_external_id import DataSetExternalId
from .data_set_internal_id import DataSetInternalId
from .epoch_timestamp_range import EpochTimestampRange
from .error import Error
from .error_duplicated_item import ErrorDuplicatedItem
from .error_missing_item import ErrorMissingItem
from .error_response import ErrorResponse
from .file_filter_properties import FileFilterProperties
from .file_filter_request import FileFilterRequest
from .file_list import FileList
from .file_metadata import FileMetadata
from .file_retrieve_request import FileRetrieveRequest
from .file_retrieve_response import FileRetrieveResponse
from .file_select_by_external_id import FileSelectByExternalId
from .file_select_by_id import FileSelectById
from .file_select_by_instance_id import FileSelectByInstanceId
from .files_metadata_field import FilesMetadataField
from .geo_location import GeoLocation
from .geo_location_filter import GeoLocationFilter
from .geo_location_filter_relation import GeoLocationFilterRelation
from .geo_location_properties import GeoLocationProperties
from .geo_location_type import GeoLocationType
from .instance_id import InstanceId
from .label import Label
from .label_contains_all_filter import LabelContainsAllFilter
from .label_contains_any_filter import LabelContainsAnyFilter
from .line_string import LineString
from .line_string_type import LineStringType
from .multi_line_string import MultiLineString
from .multi_line_string_type import MultiLineStringType
from .multi_point import MultiPoint
from .multi_point_type import MultiPointType
from .multi_polygon import MultiPolygon
from .multi_polygon_type import MultiPolygonType
from .point import Point
from .point_type import PointType
from .polygon import Polygon
from .polygon_type import PolygonType
from .rate_limit_error import RateLimitError
from .rate_limit_error_response import RateLimitErrorResponse

__all__ = (
    "AggregateResultItem",
    "Asset",
    "AssetExternalId",
    "AssetIdentifier",
    "AssetInternalId",
    "AssetList",
    "AssetMetadata",
    "DataSetExternalId",
    "DataSetInternalId",
    "EpochTimestampRange",
    "Error",
    "ErrorDuplicatedItem",
    "ErrorMissingItem",
    "ErrorResponse",
    "FileFilterProperties",
    "FileFilterRequest",
    "FileList",
    "FileMetadata",
    "FileRetrieveRequest",
    "FileRetrieveResponse",
    "FileSelectByExternalId",
    "FileSelectById",
    "FileSelectByInstanceId",
    "FilesMetadataField",
    "GeoLocation",
    "GeoLocationFilter",
    "GeoLocationFilterRelation",
    "GeoLocationProperties",
    "GeoLocationType",
    "InstanceId",
    "Label",
    "LabelContainsAllFilter",
    "LabelContainsAnyFilter",
    "LineString",
    "LineStringType",
    "MultiLineString",
    "MultiLineStringType",
    "MultiPoint",
    "MultiPointType",
    "MultiPolygon",
    "MultiPolygonType",
    "Point",
    "PointType",
    "Polygon",
    "PolygonType",
    "RateLimitError",
    "RateLimitErrorResponse",
)
