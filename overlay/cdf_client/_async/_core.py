"""The core each client owns: one httpx client with auth, retries and the budget; sending and decoding."""

from __future__ import annotations

import os
import weakref
from typing import TYPE_CHECKING, Any, NamedTuple

import httpx
import orjson

from cdf_client._async._auth import AsyncBearerAuth
from cdf_client._async._transport import AsyncRetryTransport
from cdf_client._errors import ClientClosedError, InvalidArgumentError
from cdf_client._logging import OPERATION, log_setup
from cdf_client._network import shutdown_on_close
from cdf_client._proxies import proxy_map
from cdf_client._response import decode_byids, decode_object, decode_page, transport_error
from cdf_client._tls import trust
from cdf_client._tracing import call_span

# The generated operations every request goes through. They (attrs and all the models, ~40 ms) load
# here, when the first client is built: neither `import cdf_client` nor a client's first call pays.
from cdf_client_api.api.assets import list_assets  # noqa: F401
from cdf_client_api.api.files import filter_files, get_file, list_files, retrieve_files  # noqa: F401

if TYPE_CHECKING:
    import ssl
    from collections.abc import Sequence

    from cdf_client._identifiers import Identifier
    from cdf_client._settings import Settings
    from cdf_client._shapes import Shape
    from cdf_client._tracing import Span

MAX_CONNECTIONS = 50


class _ClientTransport(httpx.AsyncBaseTransport):
    """Sends through a caller's httpx.AsyncClient (its pool, proxies and TLS settings)."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self._client = client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._client.send(request, stream=True)


class _Route(NamedTuple):
    """A proxy's pool and the proxy's URL (without credentials, for log lines)."""

    transport: httpx.AsyncBaseTransport
    via: str


def _inner_transports(settings: Settings) -> tuple[httpx.AsyncBaseTransport, dict[str, _Route | None]]:
    """Return the transports under the retry layer: the caller's seam, or pools of our own.

    With proxies (`proxy=`, or the environment's), also one pool per proxy by URL pattern, as httpx
    mounts them (None: that pattern goes direct, e.g. a `NO_PROXY` host).
    """
    http_client, transport = settings.http_client, settings.transport
    if http_client is not None and transport is not None:
        msg = "transport"
        raise InvalidArgumentError(msg, "give either http_client or transport, not both")
    if http_client is not None:
        if not isinstance(http_client, httpx.AsyncClient):
            msg = "http_client"
            raise InvalidArgumentError(msg, f"must be an httpx.{httpx.AsyncClient.__name__} for this client")
        log_setup(settings.root, "requests go through the http_client given", {})
        return _ClientTransport(http_client), {}
    if transport is not None:
        if not isinstance(transport, httpx.AsyncBaseTransport):
            msg = "transport"
            raise InvalidArgumentError(
                msg, f"must be an httpx.{httpx.AsyncBaseTransport.__name__} for this client"
            )
        log_setup(settings.root, "requests go through the transport given", {})
        return transport, {}
    tls = trust(settings.verify, trust_env=settings.trust_env)
    proxies = proxy_map(settings.proxy, trust_env=settings.trust_env)
    log_setup(settings.root, f"TLS trusts {tls.source}", proxies)
    routes = {
        pattern: None if proxy is None else _Route(_pool(tls.context, proxy), str(proxy.url))
        for pattern, proxy in proxies.items()
    }
    return _pool(tls.context, None), routes


def _pool(context: ssl.SSLContext, proxy: httpx.Proxy | None) -> httpx.AsyncBaseTransport:
    own = httpx.AsyncHTTPTransport(
        verify=context, limits=httpx.Limits(max_connections=MAX_CONNECTIONS), proxy=proxy
    )
    shutdown_on_close(own)
    return own


class AsyncCore:
    """Sends the generated operations' requests and decodes the answers (one per client)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.project = settings.project
        self.root = settings.root
        self.policy = settings.policy
        self.budget = settings.budget
        self.auth = AsyncBearerAuth(settings.token_source, settings.secrets)
        self.closed = False
        self._pid = os.getpid()
        self.http = self._build()
        _LIVE.add(self)

    def _build(self) -> httpx.AsyncClient:
        inner, routes = _inner_transports(self.settings)
        limits = self.settings.limits
        self.transport = AsyncRetryTransport(inner, self.policy, self.budget, limits=limits)
        # One retry layer per pool, all sharing the policy, the limits and the budget: httpx picks
        # the pool by URL.
        self.mounts = {
            pattern: None
            if route is None
            else AsyncRetryTransport(route.transport, self.policy, self.budget, limits=limits, via=route.via)
            for pattern, route in routes.items()
        }
        return httpx.AsyncClient(
            base_url=self.root,
            auth=self.auth,
            headers=self.settings.headers,
            timeout=limits.timeout,
            transport=self.transport,
            mounts=self.mounts,
            # Never carry the Authorization header to whatever host a redirect names.
            follow_redirects=False,
        )

    async def call(self, kwargs: dict[str, Any], operation: str, shape: Shape) -> Any:
        """Send one generated operation's `request_kwargs` and return the object of `shape` it answers.

        `operation` names it in logs and spans (`files.get`).
        """
        with call_span(operation, self.project) as span:
            found = decode_object(await self._send(kwargs, operation, span), shape)
            span.items(1)
            return found

    async def page(
        self, kwargs: dict[str, Any], limit: int, operation: str, shape: Shape
    ) -> tuple[list[Any], str | None]:
        """Send a list request asking for at most `limit` items of `shape`; return `(items, nextCursor)`."""
        with call_span(operation, self.project) as span:
            items, cursor = decode_page(await self._send(kwargs, operation, span), limit, shape)
            span.items(len(items))
            return items, cursor

    async def byids(
        self,
        kwargs: dict[str, Any],
        requested: Sequence[Identifier],
        operation: str,
        *,
        ignore_unknown_ids: bool,
    ) -> list[Any]:
        """Send a byids request for `requested`; return the items, checked against it, in its order."""
        with call_span(operation, self.project) as span:
            response = await self._send(kwargs, operation, span)
            items = decode_byids(response, requested, ignore_unknown_ids=ignore_unknown_ids)
            span.items(len(items))
            return items

    async def _send(self, kwargs: dict[str, Any], operation: str, span: Span) -> httpx.Response:
        if self.closed:
            raise ClientClosedError
        body = kwargs.pop("json", None)
        if body is not None:
            # orjson: several times faster than the stdlib encoder httpx would use.
            kwargs["content"] = orjson.dumps(body)
            # The generated request_kwargs already carry Content-Type: application/json.
        request = self.http.build_request(**kwargs, extensions={OPERATION: operation})
        response = None
        try:
            response = await self.http.send(request)
        except httpx.TransportError as error:
            if self.closed:
                raise ClientClosedError from None
            raise transport_error(error, request) from error
        except RuntimeError:
            # httpx refuses to send on a client closed meanwhile (from another thread or task).
            if self.closed:
                raise ClientClosedError from None
            raise
        finally:
            span.answered(request, response)
        return response

    def after_fork(self) -> None:
        """In a forked child: drop the parent's connections (shared sockets) and open a pool of our own."""
        self.http = self._build()

    async def aclose(self) -> None:
        """Close the connection pool; calls in flight and later ones raise `ClientClosedError`."""
        self.closed = True
        for transport in (self.transport, *self.mounts.values()):
            if transport is not None:
                await transport.aclose()
        await self.http.aclose()


_LIVE: weakref.WeakSet[AsyncCore] = weakref.WeakSet()


def _reset_in_child() -> None:
    for core in list(_LIVE):
        if not core.closed:
            core.after_fork()


os.register_at_fork(after_in_child=_reset_in_child)
