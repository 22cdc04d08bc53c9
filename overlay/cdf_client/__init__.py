"""cdf-client: a fast, exact and typed client for Cognite Data Fusion files and assets.

from cdf_client import CDFClient
with CDFClient(project="demo", cluster="westeurope-1", token="...") as client:
    for f in client.files.filter(mime_type="image/png"):
        print(f.id, f.name)
"""

from cdf_client._auth import ClientCredentials
from cdf_client._checkpoint import Checkpoint, PartitionState
from cdf_client._client import AsyncCDFClient, CDFClient
from cdf_client._errors import (
    APIError,
    ArrowNotInstalledError,
    AuthenticationError,
    BadRequestError,
    CDFConnectionError,
    CDFError,
    CDFTimeoutError,
    CheckpointMismatchError,
    ConflictError,
    CursorLoopError,
    InvalidArgumentError,
    MissingExtraError,
    NotFoundError,
    PandasNotInstalledError,
    PermissionDeniedError,
    PolarsNotInstalledError,
    RateLimitError,
    SchemaError,
    ServerError,
)
from cdf_client._filters import GeoLocationFilter, LabelFilter
from cdf_client._identifiers import Identifier, InstanceId
from cdf_client._listing import AsyncListing, Listing, Page
from cdf_client._models import Asset, File, FileList, GeoLocation, GeoShape, Label
from cdf_client._parquet import ParquetResult
from cdf_client._resources.assets import AssetsAPI, AsyncAssetsAPI
from cdf_client._resources.files import AsyncFilesAPI, FilesAPI
from cdf_client._validation import TimeRange
from cdf_client._version import __version__

__all__ = [
    "APIError",
    "ArrowNotInstalledError",
    "Asset",
    "AssetsAPI",
    "AsyncAssetsAPI",
    "AsyncCDFClient",
    "AsyncFilesAPI",
    "AsyncListing",
    "AuthenticationError",
    "BadRequestError",
    "CDFClient",
    "CDFConnectionError",
    "CDFError",
    "CDFTimeoutError",
    "Checkpoint",
    "CheckpointMismatchError",
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
    "Label",
    "LabelFilter",
    "Listing",
    "MissingExtraError",
    "NotFoundError",
    "Page",
    "PandasNotInstalledError",
    "ParquetResult",
    "PartitionState",
    "PermissionDeniedError",
    "PolarsNotInstalledError",
    "RateLimitError",
    "SchemaError",
    "ServerError",
    "TimeRange",
    "__version__",
]

# Tracebacks and reprs show the public path (cdf_client.NotFoundError), not the private module.
for _name in __all__:
    _value = globals()[_name]
    if getattr(_value, "__module__", "").startswith("cdf_client."):
        _value.__module__ = "cdf_client"
del _name, _value
