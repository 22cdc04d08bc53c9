"""Turning CDF's answers into decoded bodies or typed errors."""

from __future__ import annotations

from typing import Any

import httpx
import orjson

from cdf_client import _errors
from cdf_client._identifiers import from_wire
from cdf_client._logging import describe_error, target
from cdf_client._retry import untrusted_certificate

_BY_STATUS: dict[int, type[_errors.APIError]] = {
    400: _errors.BadRequestError,
    401: _errors.AuthenticationError,
    403: _errors.PermissionDeniedError,
    404: _errors.NotFoundError,
    409: _errors.ConflictError,
    429: _errors.RateLimitError,
}
_ENVELOPE_KEYS = frozenset({"code", "message", "missing", "duplicated"})
_SERVER_ERROR = 500


def decode(response: httpx.Response) -> Any:
    """Return the JSON body of a 2xx response; any other status raises the matching `APIError`."""
    if response.is_success:
        try:
            return orjson.loads(response.content)
        except orjson.JSONDecodeError as error:
            msg = f"CDF answered {response.status_code} with a body that is not JSON"
            raise _errors.APIError(
                msg, status=response.status_code, request_id=response.headers.get("x-request-id")
            ) from error
    raise api_error(response)


def decode_page(response: httpx.Response, limit: int) -> tuple[list[Any], str | None]:
    """Return `(items, nextCursor)` of a list or byids answer of at most `limit` items.

    A body of another shape, or a page larger than asked for, is an `APIError` with the request id:
    handing on extra items would break `limit`, and the cursor after them would skip or repeat items.
    """
    body = decode(response)
    items = body.get("items") if isinstance(body, dict) else None
    cursor = body.get("nextCursor") if isinstance(body, dict) else None
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        problem = "a body that is not a page of items"
    elif cursor is not None and not isinstance(cursor, str):
        problem = "a nextCursor that is not a string"
    elif len(items) > limit:
        problem = f"{len(items)} items where at most {limit} were asked for"
    else:
        return items, cursor
    msg = f"CDF answered {response.status_code} with {problem}"
    raise _errors.APIError(msg, status=response.status_code, request_id=response.headers.get("x-request-id"))


def decode_object(response: httpx.Response) -> dict[str, Any]:
    """Return the JSON object of a single-resource answer (`GET /files/{id}`)."""
    body = decode(response)
    if not isinstance(body, dict):
        msg = f"CDF answered {response.status_code} with a body that is not a JSON object"
        raise _errors.APIError(
            msg, status=response.status_code, request_id=response.headers.get("x-request-id")
        )
    return body


def api_error(response: httpx.Response) -> _errors.APIError:
    """Return the typed error for an error response, JSON or not (a proxy's HTML, a gateway's 429)."""
    status = response.status_code
    error: dict[str, Any] = {}
    try:
        body = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        body = None
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        error = body["error"]
    missing = [from_wire(item) for item in error.get("missing") or ()]
    duplicated = [from_wire(item) for item in error.get("duplicated") or ()]
    message = error.get("message")
    if not isinstance(message, str):
        text = response.text.strip() if body is None else ""
        message = f"{response.reason_phrase}: {text[:200]}" if text else (response.reason_phrase or "error")
    if missing and status in {400, 404, 422}:
        cls: type[_errors.APIError] = _errors.NotFoundError
    elif status >= _SERVER_ERROR:
        cls = _errors.ServerError
    else:
        cls = _BY_STATUS.get(status, _errors.APIError)
    code = error.get("code")
    return cls(
        message,
        status=status,
        code=code if type(code) is int else status,
        request_id=response.headers.get("x-request-id"),
        missing=missing,
        duplicated=duplicated,
        extra={key: value for key, value in error.items() if key not in _ENVELOPE_KEYS},
    )


def transport_error(error: httpx.TransportError, request: httpx.Request | None) -> _errors.CDFConnectionError:
    """Wrap an httpx transport failure; the message names the request, never its headers."""
    where = target(request) if request is not None else "request"
    kind = (
        _errors.CDFTimeoutError if isinstance(error, httpx.TimeoutException) else _errors.CDFConnectionError
    )
    hint = (
        " (the server's certificate is not signed by a CA this client trusts: behind a TLS-inspecting"
        " proxy, give your company's root CA as SSL_CERT_FILE or verify=, or use verify='system';"
        " see docs/client.md, 'Behind a proxy')"
        if untrusted_certificate(error)
        else ""
    )
    return kind(f"{where} failed: {describe_error(error)}{hint}")
