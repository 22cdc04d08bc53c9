"""Bearer tokens as an `httpx.Auth`: a static token, a token callable, or OAuth2 client credentials.

Tokens live only in request headers and in private attributes; reprs and errors never show them.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import httpx

from cdf_client._async_primitives import AsyncLock
from cdf_client._auth import ClientCredentials, TokenSource, read_token_answer
from cdf_client._secrets import Secrets, clean_token

if TYPE_CHECKING:
    from collections.abc import AsyncGenerator, Callable

UNAUTHORIZED = 401


class AsyncBearerAuth(httpx.Auth):
    """Adds `Authorization: Bearer ...`; fetches and refreshes tokens as the source allows."""

    def __init__(
        self, source: TokenSource, secrets: Secrets, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._source = source
        self._secrets = secrets
        self._clock = clock
        self._token: str | None = source if isinstance(source, str) else None
        self._expires_at = float("inf")
        self._lock = AsyncLock()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(source={type(self._source).__name__})"

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """Authorize `request`, fetching a token first if needed and retrying once after a 401."""
        if isinstance(self._source, ClientCredentials):
            async with self._lock:
                if self._token is None or self._clock() >= self._expires_at:
                    await self._store((yield self._source.token_request()))
            token = self._token
        elif callable(self._source):
            token = self._call_source()
        else:
            token = self._source
        request.headers["authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code != UNAUTHORIZED or isinstance(self._source, str):
            return
        # One refresh per request: a second 401 means the identity itself is refused.
        if isinstance(self._source, ClientCredentials):
            async with self._lock:
                if self._token == token:
                    await self._store((yield self._source.token_request()))
            token = self._token
        else:
            token = self._call_source()
        request.headers["authorization"] = f"Bearer {token}"
        yield request

    def _call_source(self) -> str:
        assert callable(self._source)  # noqa: S101 (only called for callables)
        token = clean_token(self._source(), "token (returned by the token callable)")
        self._secrets.add_token(token)
        return token

    async def _store(self, response: httpx.Response) -> None:
        await response.aread()
        token, lifetime = read_token_answer(response)
        self._secrets.add_token(token)
        self._token = token
        # Refresh a little before expiry so no request is sent with a token about to lapse in flight.
        self._expires_at = self._clock() + lifetime - min(30.0, lifetime / 10)
