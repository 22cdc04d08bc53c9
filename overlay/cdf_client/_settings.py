"""A client's constructor arguments, checked once and shared by `CDFClient` and `AsyncCDFClient`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cdf_client._auth import ClientCredentials, TokenSource
from cdf_client._budget import Budget
from cdf_client._config import DEFAULT_MAX_CONCURRENCY, api_root, default_headers
from cdf_client._errors import InvalidArgumentError
from cdf_client._proxies import check_proxy
from cdf_client._retry import RetryPolicy
from cdf_client._tls import check_verify
from cdf_client._validation import check_int_range

if TYPE_CHECKING:
    import ssl

    import httpx


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a core needs, validated (internal)."""

    project: str
    root: str
    token_source: TokenSource
    headers: dict[str, str]
    timeout: float | httpx.Timeout | None
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
        source = credentials
    elif (isinstance(token, str) and token) or callable(token):
        source = token
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
    return Settings(
        project=project,
        root=root,
        token_source=source,
        headers=default_headers(app_name),
        timeout=timeout,
        policy=RetryPolicy(max_retries=check_int_range(max_retries, "max_retries", 0, 100)),
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
