"""The async core every client shares: one httpx.AsyncClient with auth, retries and the concurrency budget."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import orjson

from cdf_client._auth import BearerAuth, ClientCredentials, TokenSource
from cdf_client._concurrency import AdaptiveLimiter
from cdf_client._config import api_root, default_headers
from cdf_client._errors import InvalidArgumentError
from cdf_client._response import decode_object, decode_page, transport_error
from cdf_client._transport import RetryPolicy, RetryTransport
from cdf_client._validation import check_int_range

# The generated operations every request goes through. They (attrs and all the models, ~40 ms) load
# here, when the first client is built: neither `import cdf_client` nor a client's first call pays.
from cdf_client_api.api.assets import list_assets  # noqa: F401
from cdf_client_api.api.files import filter_files, get_file, list_files, retrieve_files  # noqa: F401

HttpClient = httpx.AsyncClient | httpx.Client
Transport = httpx.AsyncBaseTransport | httpx.BaseTransport
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)


class _ThreadedTransport(httpx.AsyncBaseTransport):
    """Adapts a sync transport (or sync httpx.Client) to the async core by sending in a worker thread."""

    def __init__(self, send: Any) -> None:
        self._send = send

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        def send_and_read() -> httpx.Response:
            response: httpx.Response = self._send(request)
            response.read()
            return response

        response = await asyncio.to_thread(send_and_read)
        return httpx.Response(
            response.status_code, headers=response.headers, content=response.content, request=request
        )


class _ClientTransport(httpx.AsyncBaseTransport):
    """Sends through a caller's httpx.AsyncClient (its pool, proxies and TLS settings)."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self._client = client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._client.send(request)


def _inner_transport(http_client: HttpClient | None, transport: Transport | None, *, verify: bool) -> Any:
    if http_client is not None and transport is not None:
        msg = "transport"
        raise InvalidArgumentError(msg, "give either http_client or transport, not both")
    if isinstance(http_client, httpx.AsyncClient):
        return _ClientTransport(http_client)
    if isinstance(http_client, httpx.Client):
        return _ThreadedTransport(http_client.send)
    if http_client is not None:
        msg = "http_client"
        raise InvalidArgumentError(msg, "must be an httpx.AsyncClient or httpx.Client")
    if isinstance(transport, httpx.AsyncBaseTransport):
        return transport
    if isinstance(transport, httpx.BaseTransport):
        return _ThreadedTransport(transport.handle_request)
    if transport is not None:
        msg = "transport"
        raise InvalidArgumentError(msg, "must be an httpx transport")
    return httpx.AsyncHTTPTransport(verify=verify, limits=httpx.Limits(max_connections=50))


class Core:
    """Sends the generated operations' requests and decodes the answers (one per client)."""

    def __init__(
        self,
        *,
        project: str,
        base_url: str | None,
        cluster: str | None,
        token: str | Any | None,
        credentials: ClientCredentials | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        max_concurrency: int,
        app_name: str | None,
        http_client: HttpClient | None,
        transport: Transport | None,
        verify: bool,
    ) -> None:
        self.project = project
        self.root = api_root(project=project, base_url=base_url, cluster=cluster)
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
        self.policy = RetryPolicy(max_retries=check_int_range(max_retries, "max_retries", 0, 100))
        self.limiter = AdaptiveLimiter(check_int_range(max_concurrency, "max_concurrency", 1, 100))
        self.auth = BearerAuth(source)
        self.http = httpx.AsyncClient(
            base_url=self.root,
            auth=self.auth,
            headers=default_headers(app_name),
            timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
            transport=RetryTransport(
                _inner_transport(http_client, transport, verify=verify), self.policy, self.limiter
            ),
            # Never carry the Authorization header to whatever host a redirect names.
            follow_redirects=False,
        )

    async def call(self, kwargs: dict[str, Any]) -> Any:
        """Send one generated operation's `request_kwargs` and return the JSON object it answers."""
        return decode_object(await self._send(kwargs))

    async def page(self, kwargs: dict[str, Any], limit: int) -> tuple[list[Any], str | None]:
        """Send a list or byids request asking for at most `limit` items; return `(items, nextCursor)`."""
        return decode_page(await self._send(kwargs), limit)

    async def _send(self, kwargs: dict[str, Any]) -> httpx.Response:
        body = kwargs.pop("json", None)
        if body is not None:
            # orjson: several times faster than the stdlib encoder httpx would use.
            kwargs["content"] = orjson.dumps(body)
            # The generated request_kwargs already carry Content-Type: application/json.
        request = self.http.build_request(**kwargs)
        try:
            response = await self.http.send(request)
        except httpx.TransportError as error:
            raise transport_error(error, request) from error
        return response

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self.http.aclose()
