"""Client configuration: the project's base URL, identifying headers, settings read from the environment."""

from __future__ import annotations

import os
import platform
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from cdf_client._auth import ClientCredentials, TokenSource
from cdf_client._errors import InvalidArgumentError
from cdf_client._limits import ACCEPT_ENCODING
from cdf_client._secrets import check_url
from cdf_client._version import __version__

if TYPE_CHECKING:
    from collections.abc import Mapping

_CLUSTER = re.compile(r"[a-z0-9][a-z0-9-]*")

DEFAULT_MAX_RETRIES = 10
# CDF recommends at most 10 partitions; 10 lets them (or 10 byids chunks of 1000) all fly at once.
DEFAULT_MAX_CONCURRENCY = 10


def api_root(*, project: str, base_url: str | None, cluster: str | None) -> str:
    """`https://{cluster}.cognitedata.com/api/v1/projects/{project}`, or the same under `base_url`."""
    if not isinstance(project, str) or not project:
        msg = "project"
        raise InvalidArgumentError(msg, "must be a non-empty str")
    if not project.isprintable():  # NUL, controls and lone surrogates alike
        msg = "project"
        raise InvalidArgumentError(msg, f"must not contain control characters, got {project!r}")
    if (base_url is None) == (cluster is None):
        msg = "base_url"
        raise InvalidArgumentError(msg, "give exactly one of base_url and cluster")
    if cluster is not None:
        if not isinstance(cluster, str) or not _CLUSTER.fullmatch(cluster):
            msg = "cluster"
            raise InvalidArgumentError(msg, f"must look like 'westeurope-1', got {cluster!r}")
        base_url = f"https://{cluster}.cognitedata.com"
    if not isinstance(base_url, str):
        msg = "base_url"
        raise InvalidArgumentError(msg, f"must be a str, got {type(base_url).__name__}")
    url = check_url(base_url, "base_url")
    if url.scheme not in {"http", "https"} or not url.host:
        msg = "base_url"
        raise InvalidArgumentError(msg, f"must be an http(s) URL, got {base_url!r}")
    if url.query or url.fragment or base_url.rstrip().endswith(("?", "#")):
        # Requests would go to the wrong path: the API's paths are appended after them.
        msg = "base_url"
        raise InvalidArgumentError(msg, f"must not have a query or fragment, got {base_url!r}")
    return f"{str(url).rstrip('/')}/api/v1/projects/{quote(project, safe='')}"


def default_headers(app_name: str | None) -> dict[str, str]:
    """Headers that identify this client to CDF (and to whoever reads CDF's request logs)."""
    headers = {
        "user-agent": (
            f"cdf-client/{__version__} httpx/{httpx.__version__} python/{platform.python_version()}"
        ),
        "x-cdp-sdk": f"cdf-client:{__version__}",
        "accept": "application/json",
        # Exactly the encodings the client decodes itself, within max_response_bytes (_limits.py).
        "accept-encoding": ACCEPT_ENCODING,
    }
    if app_name is not None:
        # A header value: httpx sends ASCII only (anything else fails at the first request).
        if not isinstance(app_name, str) or not app_name.isascii() or not app_name.isprintable():
            msg = "app_name"
            raise InvalidArgumentError(msg, f"must be printable ASCII (an HTTP header), got {app_name!r}")
        headers["x-cdp-app"] = app_name
    return headers


@dataclass(frozen=True)
class EnvSettings:
    """What `from_env` found: the keyword arguments for a client's constructor."""

    project: str
    base_url: str | None
    cluster: str | None
    token: TokenSource

    def kwargs(self) -> dict[str, Any]:
        """Return the constructor keyword arguments."""
        auth: dict[str, Any] = (
            {"credentials": self.token}
            if isinstance(self.token, ClientCredentials)
            else {"token": self.token}
        )
        return {"project": self.project, "base_url": self.base_url, "cluster": self.cluster, **auth}


def read_env(environ: Mapping[str, str] | None = None) -> EnvSettings:
    """Read `CDF_PROJECT`, `CDF_CLUSTER` or `CDF_BASE_URL`, and `CDF_TOKEN` or `CDF_CLIENT_ID`/`_SECRET`.

    Client credentials also need `CDF_TOKEN_URL` (or `CDF_TENANT_ID` for Microsoft Entra ID) and take
    `CDF_SCOPES` (space or comma separated; default `{base_url}/.default`) or `CDF_AUDIENCE`.
    """
    env = os.environ if environ is None else environ

    def get(name: str) -> str | None:
        return env.get(name) or None

    project = get("CDF_PROJECT")
    if project is None:
        msg = "CDF_PROJECT"
        raise InvalidArgumentError(msg, "is not set")
    base_url, cluster = get("CDF_BASE_URL"), get("CDF_CLUSTER")
    if base_url is None and cluster is None:
        msg = "CDF_CLUSTER"
        raise InvalidArgumentError(msg, "set CDF_CLUSTER or CDF_BASE_URL")
    if base_url is not None:
        cluster = None
    token = get("CDF_TOKEN")
    if token is not None:
        return EnvSettings(project, base_url, cluster, token)
    client_id, client_secret = get("CDF_CLIENT_ID"), get("CDF_CLIENT_SECRET")
    if client_id is None or client_secret is None:
        msg = "CDF_TOKEN"
        raise InvalidArgumentError(msg, "set CDF_TOKEN, or CDF_CLIENT_ID and CDF_CLIENT_SECRET")
    token_url = get("CDF_TOKEN_URL")
    tenant = get("CDF_TENANT_ID")
    if token_url is None and tenant is not None:
        token_url = f"https://login.microsoftonline.com/{quote(tenant, safe='')}/oauth2/v2.0/token"
    if token_url is None:
        msg = "CDF_TOKEN_URL"
        raise InvalidArgumentError(msg, "set CDF_TOKEN_URL or CDF_TENANT_ID")
    audience = get("CDF_AUDIENCE")
    scopes_text = get("CDF_SCOPES")
    scopes = scopes_text.replace(",", " ").split() if scopes_text else []
    if not scopes and audience is None:
        root = base_url.rstrip("/") if base_url else f"https://{cluster}.cognitedata.com"
        scopes = [f"{root}/.default"]
    credentials = ClientCredentials(
        token_url=token_url,
        client_id=client_id,
        client_secret=client_secret,
        scopes=scopes,
        audience=audience,
    )
    return EnvSettings(project, base_url, cluster, credentials)
