"""cdf-client: a fast, exact and typed client for Cognite Data Fusion files and assets.

from cdf_client import CDFClient
with CDFClient(project="demo", cluster="westeurope-1", token="...") as client:
    for f in client.files.filter(mime_type="image/png"):
        print(f.id, f.name)
"""

from cdf_client._async._assets import AsyncAssetsAPI
from cdf_client._async._client import AsyncCDFClient
from cdf_client._async._files import AsyncFilesAPI
from cdf_client._async._listing import AsyncListing
from cdf_client._auth import ClientCredentials
from cdf_client._budget import Budget
from cdf_client._checkpoint import Checkpoint, PartitionState
from cdf_client._errors import (
    APIError,
    ArrowNotInstalledError,
    AuthenticationError,
    BadRequestError,
    CDFConnectionError,
    CDFError,
    CDFTimeoutError,
    CheckpointMismatchError,
    ClientClosedError,
    ConflictError,
    CursorLoopError,
    InvalidArgumentError,
    InvalidResponseError,
    MissingExtraError,
    NoProgressError,
    NotFoundError,
    PandasNotInstalledError,
    PermissionDeniedError,
    PolarsNotInstalledError,
    RateLimitError,
    ResponseTooLargeError,
    SchemaError,
    ServerError,
    StaleCheckpointError,
)
from cdf_client._exports import ParquetResult
from cdf_client._filters import GeoLocationFilter, LabelFilter
from cdf_client._identifiers import Identifier, InstanceId
from cdf_client._listing import Page
from cdf_client._models import Asset, AssetAggregates, File, FileList, GeoLocation, GeoShape, Label
from cdf_client._sync._assets import AssetsAPI
from cdf_client._sync._client import CDFClient
from cdf_client._sync._files import FilesAPI
from cdf_client._sync._listing import Listing
from cdf_client._validation import TimeRange
from cdf_client._version import __version__

__all__ = [
    "APIError",
    "ArrowNotInstalledError",
    "Asset",
    "AssetAggregates",
    "AssetsAPI",
    "AsyncAssetsAPI",
    "AsyncCDFClient",
    "AsyncFilesAPI",
    "AsyncListing",
    "AuthenticationError",
    "BadRequestError",
    "Budget",
    "CDFClient",
    "CDFConnectionError",
    "CDFError",
    "CDFTimeoutError",
    "Checkpoint",
    "CheckpointMismatchError",
    "ClientClosedError",
    "ClientCredentials",
    "ConflictError",
    "CursorLoopError",
    "File",
    "FileList",
    "FilesAPI",
    "GeoLocation",
    "GeoLocationFilter",
    "GeoShape",
    "Identifier",
    "InstanceId",
    "InvalidArgumentError",
    "InvalidResponseError",
    "Label",
    "LabelFilter",
    "Listing",
    "MissingExtraError",
    "NoProgressError",
    "NotFoundError",
    "Page",
    "PandasNotInstalledError",
    "ParquetResult",
    "PartitionState",
    "PermissionDeniedError",
    "PolarsNotInstalledError",
    "RateLimitError",
    "ResponseTooLargeError",
    "SchemaError",
    "ServerError",
    "StaleCheckpointError",
    "TimeRange",
    "__version__",
]

# Tracebacks and reprs show the public path (cdf_client.NotFoundError), not the private module.
for _name in __all__:
    _value = globals()[_name]
    if getattr(_value, "__module__", "").startswith("cdf_client."):
        _value.__module__ = "cdf_client"
del _name, _value
