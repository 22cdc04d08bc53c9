"""The one decoding boundary: CDF's answers become checked items or typed errors, here and only here.

Every shape the client relies on is checked once, as the answer arrives, so that nothing malformed
travels further (to fail later as a `KeyError` in user code, or in a repr): pages (`items` a list,
`nextCursor` a string, no more items than asked for), items (the generated wire TypedDicts'
fields and types, `_shapes.py`), byids answers against the request (request order, nothing left
out, nothing added or repeated), and error envelopes (`missing`/`duplicated` lists of identifier
objects). Every failure is a typed `cdf_client` error carrying the request id, and every text taken
from the server passes `redact` (a server that quotes the client's token back gets it blanked).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx
import orjson

from cdf_client import _errors
from cdf_client._gcpause import gc_paused
from cdf_client._identifiers import Identifier, InstanceId, from_wire
from cdf_client._logging import describe_error, target
from cdf_client._retry import untrusted_certificate
from cdf_client._secrets import redact
from cdf_client._shapes import Shape, shape_of
from cdf_client_api.wire import typed_dicts

if TYPE_CHECKING:
    from collections.abc import Sequence

FILES = shape_of(typed_dicts.FilesMetadata, "file")
ASSETS = shape_of(typed_dicts.Asset, "asset")
# Set on a response by the retry layer when it stopped retrying early, with the reason (_transport).
GAVE_UP = "cdf_client.gave_up"

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
_REDIRECTS = range(300, 400)
_QUOTED = 200  # characters of a non-JSON error body, or of a bad value, quoted in a message


def _request_id(response: httpx.Response) -> str | None:
    request_id: str | None = response.headers.get("x-request-id")
    return request_id


def _invalid(response: httpx.Response, problem: str) -> _errors.InvalidResponseError:
    msg = f"CDF answered {response.status_code} with {redact(problem)}"
    return _errors.InvalidResponseError(msg, status=response.status_code, request_id=_request_id(response))


def decode(response: httpx.Response) -> Any:
    """Return the JSON body of a 2xx response; any other status raises the matching `APIError`."""
    if response.is_success:
        try:
            with gc_paused():
                return orjson.loads(response.content)
        except orjson.JSONDecodeError:
            raise _invalid(response, "a body that is not JSON") from None
    raise api_error(response)


def decode_page(response: httpx.Response, limit: int, shape: Shape) -> tuple[list[Any], str | None]:
    """Return `(items, nextCursor)` of a list answer of at most `limit` items of `shape`.

    A body of another shape, or a page larger than asked for, is an `InvalidResponseError` with the
    request id: handing on extra items would break `limit`, and the cursor after them would skip or
    repeat items.
    """
    body = decode(response)
    items = body.get("items") if isinstance(body, dict) else None
    cursor = body.get("nextCursor") if isinstance(body, dict) else None
    if not isinstance(items, list):
        problem = "a body that is not a page of items"
    elif cursor is not None and not isinstance(cursor, str):
        problem = "a nextCursor that is not a string"
    elif len(items) > limit:
        problem = f"{len(items)} items where at most {limit} were asked for"
    else:
        check_items(response, items, shape)
        return items, cursor
    raise _invalid(response, problem)


def decode_object(response: httpx.Response, shape: Shape) -> dict[str, Any]:
    """Return the JSON object of a single-resource answer (`GET /files/{id}`), checked as `shape`."""
    body = decode(response)
    if not isinstance(body, dict):
        raise _invalid(response, "a body that is not a JSON object")
    check_items(response, [body], shape)
    return body


def check_items(response: httpx.Response, items: list[Any], shape: Shape) -> None:
    """Raise `InvalidResponseError` naming the first item that is not of `shape` (and the field)."""
    bad = shape.first_bad(items)
    if bad is None:
        return
    item, field = bad
    index = next(position for position, candidate in enumerate(items) if candidate is item)
    if field is None:
        problem = f"item {index} that is {_json_type(item)}, not a {shape.noun} object"
    else:
        value = item.get(field)
        got = "missing" if value is None else f"{_json_type(value)} {_quote(value)}"
        name = f"id {item['id']}" if type(item.get("id")) is int else "no valid id"
        problem = f"a {shape.noun} (item {index}, {name}) whose {field!r} is {got}: it must be "
        problem += shape.expected[field]
    raise _invalid(response, problem)


def decode_byids(
    response: httpx.Response, requested: Sequence[Identifier], *, ignore_unknown_ids: bool
) -> list[Any]:
    """Return a byids answer's items in request order, checked against what was asked for.

    CDF promises request order; an answer in another order is put back in it. An identifier left
    out is a `NotFoundError` naming every one of them (unless `ignore_unknown_ids`); an item nobody
    asked for, or one answered twice, is an `InvalidResponseError`: the answer cannot be trusted.
    """
    items, cursor = decode_page(response, len(requested), FILES)
    if cursor is not None:
        raise _invalid(response, "a nextCursor on a byids answer")
    position: dict[tuple[str, Any], int] = {}
    for index, identifier in enumerate(requested):
        position[_key(identifier)] = index
    slots: list[int | None] = [None] * len(requested)
    placed: list[tuple[int, Any]] = []
    for number, item in enumerate(items):
        instance = item.get("instanceId")
        keys = [("id", item["id"]), ("externalId", item.get("externalId"))]
        if instance is not None:
            keys.append(("instanceId", (instance["space"], instance["externalId"])))
        # An item answers every identifier that names it (an id and its external id may both).
        matched = [position[key] for key in keys if key in position]
        if not matched:
            raise _invalid(response, f"file id {item['id']} (item {number}), which was not asked for")
        if any(slots[index] is not None for index in matched):
            raise _invalid(response, f"file id {item['id']} (item {number}) a second time")
        for index in matched:
            slots[index] = number
        placed.append((min(matched), item))
    missing = [identifier for identifier, slot in zip(requested, slots, strict=True) if slot is None]
    if missing and not ignore_unknown_ids:
        msg = f"CDF's answer left out {len(missing)} of the {len(requested)} identifiers asked for"
        raise _errors.NotFoundError(
            msg, status=response.status_code, request_id=_request_id(response), missing=missing
        )
    placed.sort(key=lambda pair: pair[0])
    return [item for _, item in placed]


def _key(identifier: Identifier) -> tuple[str, Any]:
    if isinstance(identifier, InstanceId):
        return ("instanceId", (identifier.space, identifier.external_id))
    return ("externalId", identifier) if isinstance(identifier, str) else ("id", identifier)


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
    message = error.get("message")
    if not isinstance(message, str) or not message:
        text = response.text.strip() if body is None else ""
        message = (
            f"{response.reason_phrase}: {text[:_QUOTED]}" if text else (response.reason_phrase or "error")
        )
    if status in _REDIRECTS:
        # Never followed: the Authorization header would travel to wherever it points.
        where = response.headers.get("location")
        message = f"{message}: a redirect to {where or 'nowhere (no Location)'}, not followed"
    if gave_up := response.extensions.get(GAVE_UP):
        message = f"{message} ({gave_up})"
    missing, duplicated = _identifiers(error.get("missing")), _identifiers(error.get("duplicated"))
    if missing and status in {400, 404, 422}:
        cls: type[_errors.APIError] = _errors.NotFoundError
    elif status >= _SERVER_ERROR:
        cls = _errors.ServerError
    else:
        cls = _BY_STATUS.get(status, _errors.APIError)
    code = error.get("code")
    return cls(
        redact(message),
        status=status,
        code=code if type(code) is int else status,
        request_id=_request_id(response),
        missing=missing,
        duplicated=duplicated,
        extra={key: _redacted(value) for key, value in error.items() if key not in _ENVELOPE_KEYS},
    )


def _identifiers(value: object) -> list[Identifier | dict[str, Any]]:
    """Return the identifiers of an envelope's `missing`/`duplicated`: a list of objects, else none."""
    if not isinstance(value, list):
        return []
    return [from_wire(item) for item in value if isinstance(item, dict)]


def _redacted(value: Any) -> Any:
    """`value` from an error envelope, with secrets taken out of every string in it."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, list):
        return [_redacted(item) for item in value]
    if isinstance(value, dict):
        return {key: _redacted(item) for key, item in value.items()}
    return value


def _json_type(value: object) -> str:
    names = {
        dict: "an object",
        list: "a list",
        str: "a str",
        bool: "a bool",
        int: "an int",
        float: "a number",
    }
    return names.get(type(value), "null")


def _quote(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _QUOTED else f"{text[:_QUOTED]}..."


_TIMEOUTS: dict[type[httpx.TransportError], tuple[str, str]] = {
    httpx.ConnectTimeout: ("connect", "no connection"),
    httpx.ReadTimeout: ("read", "no data"),
    httpx.WriteTimeout: ("write", "could not send"),
    httpx.PoolTimeout: ("pool", "no free connection"),
}


def transport_error(
    error: httpx.TransportError,
    request: httpx.Request | None,
    *,
    attempts: int = 1,
    timeouts: dict[str, float | None] | None = None,
) -> _errors.CDFConnectionError:
    """Wrap an httpx transport failure: what failed, which timeout and its value, after how many attempts.

    The message names the request (method, URL without query or credentials, the proxy), never its
    headers.
    """
    where = target(request) if request is not None else "request"
    tries = f"after {attempts} attempt{'s' if attempts != 1 else ''}"
    if (found := _TIMEOUTS.get(type(error))) is not None:
        kind, words = found
        seconds = (timeouts or {}).get(kind)
        limit = f"the {kind} timeout of {seconds:g} s (timeout=)" if seconds else f"the {kind} timeout"
        return _errors.CDFTimeoutError(f"{where}: {words} within {limit}, {tries}")
    cls = _errors.CDFTimeoutError if isinstance(error, httpx.TimeoutException) else _errors.CDFConnectionError
    hint = (
        " (the server's certificate is not signed by a CA this client trusts: behind a TLS-inspecting"
        " proxy, give your company's root CA as SSL_CERT_FILE or verify=, or use verify='system';"
        " see docs/client.md, 'Behind a proxy')"
        if untrusted_certificate(error)
        else ""
    )
    return cls(f"{where} failed {tries}: {redact(describe_error(error))}{hint}")


def deadline_error(request: httpx.Request, seconds: float | None, attempts: int) -> _errors.CDFTimeoutError:
    """Return the error for a request whose deadline passed: which deadline, and its value."""
    return _errors.CDFTimeoutError(
        f"{target(request)}: the deadline of {seconds:g} s (deadline=) passed before "
        f"an answer was complete, after {attempts} attempt{'s' if attempts != 1 else ''}"
    )
