"""A client's constructor arguments, checked once and shared by `CDFClient` and `AsyncCDFClient`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cdf_client._auth import ClientCredentials, TokenSource
from cdf_client._budget import Budget
from cdf_client._config import DEFAULT_MAX_CONCURRENCY, api_root, default_headers
from cdf_client._errors import InvalidArgumentError
from cdf_client._limits import Limits, check_seconds, check_timeout
from cdf_client._proxies import check_proxy
from cdf_client._retry import RetryPolicy
from cdf_client._secrets import Secrets, clean_token, install_log_filter
from cdf_client._tls import check_verify
from cdf_client._validation import check_int_range

if TYPE_CHECKING:
    import ssl

    import httpx

# The cap on a decompressed body may be set from 1 KiB (tests) to 4 GiB.
MAX_RESPONSE_BYTES_RANGE = (2**10, 2**32)


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a core needs, validated (internal)."""

    project: str
    root: str
    token_source: TokenSource
    secrets: Secrets
    headers: dict[str, str]
    limits: Limits
    policy: RetryPolicy
    budget: Budget
    http_client: Any
    transport: Any
    verify: bool | str | ssl.SSLContext
    proxy: httpx.Proxy | None
    trust_env: bool


def settings(
    *,
    project: str,
    base_url: str | None,
    cluster: str | None,
    token: Any,
    credentials: ClientCredentials | None,
    timeout: float | httpx.Timeout | None,
    max_retries: int,
    max_concurrency: int,
    max_requests_per_second: float | None,
    budget: Budget | None,
    app_name: str | None,
    http_client: Any,
    transport: Any,
    verify: Any,
    proxy: Any,
    trust_env: Any,
    max_response_bytes: int,
    deadline: float,
) -> Settings:
    """Check a client's constructor arguments before anything is built; raise `InvalidArgumentError`."""
    root = api_root(project=project, base_url=base_url, cluster=cluster)
    source: TokenSource
    if (token is None) == (credentials is None):
        msg = "token"
        raise InvalidArgumentError(msg, "give exactly one of token and credentials")
    if credentials is not None:
        if not isinstance(credentials, ClientCredentials):
            msg = "credentials"
            raise InvalidArgumentError(msg, "must be a ClientCredentials")
        # The client secret registered itself with the credentials; tokens fetched join this set.
        source = credentials
        secrets = Secrets()
    elif callable(token):
        source = token
        secrets = Secrets()
    elif isinstance(token, str):
        source = clean_token(token, "token")
        secrets = Secrets(source)
    else:
        msg = "token"
        raise InvalidArgumentError(msg, "must be a non-empty str or a callable returning one")
    check_verify(verify)
    checked_proxy = check_proxy(proxy)
    if checked_proxy is not None and (http_client is not None or transport is not None):
        msg = "proxy"
        raise InvalidArgumentError(msg, "give the proxy to your own http_client or transport, not here")
    if not isinstance(trust_env, bool):
        msg = "trust_env"
        raise InvalidArgumentError(msg, "must be True or False")
    low, high = MAX_RESPONSE_BYTES_RANGE
    limits = Limits(
        check_int_range(max_response_bytes, "max_response_bytes", low, high), check_timeout(timeout)
    )
    install_log_filter()
    return Settings(
        project=project,
        root=root,
        token_source=source,
        secrets=secrets,
        headers=default_headers(app_name),
        limits=limits,
        policy=RetryPolicy(
            max_retries=check_int_range(max_retries, "max_retries", 0, 100),
            deadline=check_seconds(deadline, "deadline"),
        ),
        budget=_budget(max_concurrency, max_requests_per_second, budget),
        http_client=http_client,
        transport=transport,
        verify=verify,
        proxy=checked_proxy,
        trust_env=trust_env,
    )


def _budget(max_concurrency: int, max_requests_per_second: float | None, budget: Budget | None) -> Budget:
    if budget is None:
        return Budget(max_concurrency=max_concurrency, max_requests_per_second=max_requests_per_second)
    if not isinstance(budget, Budget):
        msg = "budget"
        raise InvalidArgumentError(msg, f"must be a cdf_client.Budget, got {type(budget).__name__}")
    if max_requests_per_second is not None or max_concurrency != DEFAULT_MAX_CONCURRENCY:
        msg = "budget"
        raise InvalidArgumentError(msg, "a shared budget has its own limits: set them on the Budget")
    return budget
