"""Bearer-token checks and a built-in OAuth2 client-credentials token endpoint."""

from __future__ import annotations

import base64
import secrets
import threading
import time
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl

import orjson

from cdf_client.testing._http import Request, Response

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

TOKEN_PATH = "/oauth2/token"  # noqa: S105 - a path, not a secret


class Auth:
    """Which bearer tokens are valid: the fixed ones plus unexpired, unrevoked issued ones."""

    def __init__(
        self,
        tokens: Iterable[str],
        client_credentials: Mapping[str, str],
        token_lifetime_s: float,
    ) -> None:
        self._fixed = frozenset(tokens)
        self._clients = dict(client_credentials)
        self._lifetime_s = token_lifetime_s
        self._issued: dict[str, float] = {}  # token -> monotonic expiry
        self._lock = threading.Lock()
        self.issued_count = 0

    def __repr__(self) -> str:
        # Never show tokens or secrets, not even in a debugger's repr.
        return f"<Auth fixed={len(self._fixed)} issued={len(self._issued)} clients={sorted(self._clients)}>"

    def accepts(self, authorization: str | None) -> bool:
        """Whether an `Authorization` header value carries a valid bearer token."""
        if not authorization:
            return False
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token:
            return False
        token = token.strip()
        if token in self._fixed:
            return True
        with self._lock:
            expiry = self._issued.get(token)
        return expiry is not None and time.monotonic() < expiry

    def revoke(self) -> None:
        """Issued tokens stop working (the fixed tokens stay valid)."""
        with self._lock:
            self._issued.clear()

    def token_endpoint(self, request: Request) -> Response:
        """RFC 6749 client-credentials grant; form body, secret in the body or HTTP Basic auth."""
        if request.method != "POST":
            response = oauth_error(405, "invalid_request", "use POST")
            response.headers.append(("allow", "POST"))
            return response
        form = token_form(request)
        try:
            client_id, client_secret = client_credentials(request, form)
        except ValueError:
            return oauth_error(401, "invalid_client", "malformed basic credentials")
        if form.get("grant_type") != "client_credentials":
            return oauth_error(400, "unsupported_grant_type", "only client_credentials is supported")
        expected = self._clients.get(client_id or "")
        # As bytes: compare_digest refuses str with non-ASCII characters (a TypeError, a 500).
        given = (client_secret or "").encode()
        if expected is None or not secrets.compare_digest(expected.encode(), given):
            return oauth_error(401, "invalid_client", "unknown client or wrong secret")
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._issued[token] = time.monotonic() + self._lifetime_s
            self.issued_count += 1
        body = {"access_token": token, "token_type": "Bearer", "expires_in": int(self._lifetime_s)}
        return Response(
            200, orjson.dumps(body), [("content-type", "application/json"), ("cache-control", "no-store")]
        )


def token_form(request: Request) -> dict[str, str]:
    """Return the form fields of a token request."""
    return dict(parse_qsl(request.body.decode("utf-8", "replace")))


def client_credentials(request: Request, form: dict[str, str]) -> tuple[str | None, str | None]:
    """Return a token request's client id and secret; HTTP Basic wins over the form (ValueError: bad)."""
    basic = request.headers.get("authorization", "")
    if basic.lower().startswith("basic "):
        client_id, _, client_secret = base64.b64decode(basic[6:]).decode().partition(":")
        return client_id, client_secret
    return form.get("client_id"), form.get("client_secret")


def oauth_error(status: int, error: str, description: str) -> Response:
    """Build an RFC 6749 error answer `{"error", "error_description"}`."""
    return Response(status, orjson.dumps({"error": error, "error_description": description}))
