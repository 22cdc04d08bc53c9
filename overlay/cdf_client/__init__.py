"""cdf-client: a fast, exact and typed client for Cognite Data Fusion files and assets."""

from cdf_client._version import __version__

__all__ = ["__version__"]
