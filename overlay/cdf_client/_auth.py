"""Where tokens come from: a static token, a token callable, or OAuth2 client credentials.

The `httpx.Auth` that uses them is `_async/_auth.py` (and its generated sync twin). Secrets live only
in private attributes and request headers; reprs and errors never show them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import httpx

from cdf_client._errors import InvalidArgumentError


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
        return httpx.Request(
            "POST",
            self.token_url,
            data=form,
            headers={"accept": "application/json"},
            # Names it in logs and spans (`cdf_client._logging.OPERATION`); no secret goes there.
            extensions={"cdf_client.operation": "token"},
        )


TokenSource = str | Callable[[], str] | ClientCredentials
