"""Where tokens come from: a static token, a token callable, or OAuth2 client credentials.

The `httpx.Auth` that uses them is `_async/_auth.py` (and its generated sync twin). Secrets live only
in private attributes and request headers; reprs and errors never show them.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence

import httpx
import orjson

from cdf_client._errors import AuthenticationError, InvalidArgumentError
from cdf_client._secrets import Secrets, check_url, clean_secret, clean_token, redact

logger = logging.getLogger("cdf_client")


class ClientCredentials:
    """OAuth2 client-credentials grant: the token is cached, refreshed before expiry and once on a 401.

    Example: `ClientCredentials(token_url="https://login.example.com/oauth2/token", client_id="app",
    client_secret=os.environ["SECRET"], scopes=["https://api.cognitedata.com/.default"])`.
    """

    __slots__ = ("_client_secret", "_secrets", "audience", "client_id", "scopes", "token_url")

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
            if not isinstance(value, str) or not value.strip():
                raise InvalidArgumentError(argument, "must be a non-empty str")
        check_url(token_url.strip(), "token_url")
        # Read from files or Kubernetes secrets, these often end with a newline: stripped, not sent.
        secret = clean_secret(client_secret, "client_secret")
        if isinstance(scopes, str):
            msg = "scopes"
            raise InvalidArgumentError(msg, "must be a list of scopes, not a single str")
        self.token_url = token_url.strip()
        self.client_id = client_id.strip()
        self._client_secret = secret
        self._secrets = Secrets(secret)  # redacted from every message while the credentials live
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
        return httpx.Request(
            "POST",
            self.token_url,
            data=form,
            headers={"accept": "application/json"},
            # Names it in logs and spans (`cdf_client._logging.OPERATION`); no secret goes there.
            extensions={"cdf_client.operation": "token"},
        )


TokenSource = str | Callable[[], str] | ClientCredentials

# A token endpoint that names no lifetime (or an unusable one): assume an hour, as Entra ID grants.
# A token that lapses earlier is refreshed by the first 401 anyway.
DEFAULT_TOKEN_LIFETIME_S = 3600.0


def read_token_answer(response: httpx.Response) -> tuple[str, float]:
    """Return `(access_token, lifetime in seconds)` from a token endpoint's read answer.

    A refusal, or an answer without a usable `access_token` (missing, null, not a str, not a bearer
    token), is an `AuthenticationError` that quotes the endpoint's `error_description` with every
    secret redacted. `expires_in` may be a number or a numeric string (Entra ID v1 sends one).
    """
    try:
        body = orjson.loads(response.content) if response.content else {}
    except orjson.JSONDecodeError:
        body = {}
    body = body if isinstance(body, dict) else {}
    value = body.get("access_token")
    token, problem = "", None
    if not response.is_success:
        detail = body.get("error_description") or body.get("error")
        problem = redact(detail) if isinstance(detail, str) and detail else response.reason_phrase
    elif not isinstance(value, str):
        problem = f"the answer holds no access_token (got {type(value).__name__})"
    else:
        try:
            token = clean_token(value, "access_token")
        except InvalidArgumentError as error:
            problem = f"the answer's {error}"
    if problem is not None:
        msg = f"token request failed: {problem}"
        raise AuthenticationError(
            msg, status=response.status_code, request_id=response.headers.get("x-request-id")
        )
    return token, _lifetime(body.get("expires_in"))


def _lifetime(value: object) -> float:
    if value is None:
        return DEFAULT_TOKEN_LIFETIME_S
    seconds = value
    if isinstance(value, str):
        try:
            seconds = float(value)
        except ValueError:
            seconds = None
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not 0 < seconds < math.inf:
        logger.warning(
            "the token endpoint sent an unusable expires_in (%s); assuming %.0f s",
            type(value).__name__,
            DEFAULT_TOKEN_LIFETIME_S,
        )
        return DEFAULT_TOKEN_LIFETIME_S
    return float(seconds)
