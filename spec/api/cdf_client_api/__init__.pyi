# Public API of cdf-client 0.1.0: cdf_client_api. Written by scripts/check_api --write-baseline; never edited by hand.
from cdf_client_api.client import AuthenticatedClient as AuthenticatedClient
from cdf_client_api.client import Client as Client
