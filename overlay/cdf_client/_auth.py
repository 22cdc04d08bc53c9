"""Bearer tokens as an `httpx.Auth`: a static token, a token callable, or OAuth2 client credentials.

Tokens live only in request headers and in private attributes; reprs and errors never show them.
"""

from __future__ import annotations

import time
from collections.abc import AsyncGenerator, Callable, Generator, Sequence
from typing import TYPE_CHECKING

import httpx
import orjson

from cdf_client._errors import AuthenticationError, InvalidArgumentError

if TYPE_CHECKING:
    import asyncio

UNAUTHORIZED = 401


class ClientCredentials:
    """OAuth2 client-credentials grant: the token is cached, refreshed before expiry and once on a 401.

    Example: `ClientCredentials(token_url="https://login.example.com/oauth2/token", client_id="app",
    client_secret=os.environ["SECRET"], scopes=["https://api.cognitedata.com/.default"])`.
    """

    __slots__ = ("_client_secret", "audience", "client_id", "scopes", "token_url")

    def __init__(
        self,
        *,
        token_url: str,
        client_id: str,
        client_secret: str,
        scopes: Sequence[str] | None = None,
        audience: str | None = None,
    ) -> None:
        for argument, value in (("token_url", token_url), ("client_id", client_id)):
            if not isinstance(value, str) or not value:
                raise InvalidArgumentError(argument, "must be a non-empty str")
        if not isinstance(client_secret, str) or not client_secret:
            msg = "client_secret"
            raise InvalidArgumentError(msg, "must be a non-empty str")
        if isinstance(scopes, str):
            msg = "scopes"
            raise InvalidArgumentError(msg, "must be a list of scopes, not a single str")
        self.token_url = token_url
        self.client_id = client_id
        self._client_secret = client_secret
        self.scopes = list(scopes or [])
        self.audience = audience

    def __repr__(self) -> str:
        return (
            f"ClientCredentials(token_url={self.token_url!r}, client_id={self.client_id!r}, "
            f"client_secret='***', scopes={self.scopes!r}, audience={self.audience!r})"
        )

    def token_request(self) -> httpx.Request:
        """Build the form-encoded token request of the grant."""
        form = {
            "grant_type": "client_credentials",
            "client_id": self.client_id,
            "client_secret": self._client_secret,
        }
        if self.scopes:
            form["scope"] = " ".join(self.scopes)
        if self.audience:
            form["audience"] = self.audience
        return httpx.Request("POST", self.token_url, data=form, headers={"accept": "application/json"})


TokenSource = str | Callable[[], str] | ClientCredentials


class BearerAuth(httpx.Auth):
    """Adds `Authorization: Bearer ...`; fetches and refreshes tokens as the source allows."""

    def __init__(self, source: TokenSource, clock: Callable[[], float] = time.monotonic) -> None:
        self._source = source
        self._clock = clock
        self._token: str | None = source if isinstance(source, str) else None
        self._expires_at = float("inf")
        self._lock: asyncio.Lock | None = None

    def __repr__(self) -> str:
        return f"BearerAuth(source={type(self._source).__name__})"

    def sync_auth_flow(
        self,
        request: httpx.Request,  # noqa: ARG002 (httpx's signature)
    ) -> Generator[httpx.Request, httpx.Response, None]:
        """Refuse: the client's core is async; sync calls run it on a background loop."""
        msg = "BearerAuth works with httpx.AsyncClient only"
        raise RuntimeError(msg)

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """Authorize `request`, fetching a token first if needed and retrying once after a 401."""
        token = yield_token = None
        if isinstance(self._source, ClientCredentials):
            if self._lock is None:
                import asyncio  # noqa: PLC0415 (asyncio loads with the client, not with `import cdf_client`)

                self._lock = asyncio.Lock()
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
            assert self._lock is not None  # noqa: S101 (created above)
            async with self._lock:
                if self._token == token:
                    await self._store((yield self._source.token_request()))
            yield_token = self._token
        else:
            yield_token = self._call_source()
        request.headers["authorization"] = f"Bearer {yield_token}"
        yield request

    def _call_source(self) -> str:
        assert callable(self._source)  # noqa: S101 (only called for callables)
        token = self._source()
        if not isinstance(token, str) or not token:
            msg = "token"
            raise InvalidArgumentError(msg, "the token callable must return a non-empty str")
        return token

    async def _store(self, response: httpx.Response) -> None:
        await response.aread()
        try:
            body = orjson.loads(response.content) if response.content else {}
        except orjson.JSONDecodeError:
            body = {}
        if not response.is_success or not isinstance(body, dict) or "access_token" not in body:
            detail = body.get("error_description") or body.get("error") if isinstance(body, dict) else None
            msg = f"token request failed: {detail or response.reason_phrase}"
            raise AuthenticationError(
                msg, status=response.status_code, request_id=response.headers.get("x-request-id")
            )
        self._token = str(body["access_token"])
        lifetime = float(body.get("expires_in", 3600))
        # Refresh a little before expiry so no request is sent with a token about to lapse in flight.
        self._expires_at = self._clock() + lifetime - min(30.0, lifetime / 10)
