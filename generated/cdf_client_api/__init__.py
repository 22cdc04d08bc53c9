"""A client library for accessing CDF files and assets (cdf-client)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
