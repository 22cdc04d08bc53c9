"""The fake's own request/response values and the CDF error envelope, independent of any transport."""

from __future__ import annotations

import collections
import dataclasses
import gzip
import threading
import uuid
from typing import Any

import orjson

JSON_HEADERS: tuple[tuple[str, str], ...] = (("content-type", "application/json"),)


@dataclasses.dataclass(frozen=True, slots=True)
class Request:
    """One HTTP request as the server core sees it: already read, body still encoded."""

    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]  # lower-case names; the last value wins, as in CDF's gateway
    body: bytes = b""


@dataclasses.dataclass(slots=True)
class Response:
    """One HTTP response produced by the server core."""

    status: int
    body: bytes
    headers: list[tuple[str, str]] = dataclasses.field(default_factory=lambda: list(JSON_HEADERS))
    # Set for pages: the same key always means the same body, so its gzip form can be reused.
    cache_key: tuple[object, ...] | None = None


class APIError(Exception):
    """Raised inside the server core; becomes the CDF error envelope with its status."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        missing: list[dict[str, Any]] | None = None,
        duplicated: list[dict[str, Any]] | None = None,
        headers: tuple[tuple[str, str], ...] = (),
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.missing = missing
        self.duplicated = duplicated
        self.headers = headers

    def response(self) -> Response:
        """Build the envelope `{"error": {"code", "message", "missing"?, "duplicated"?}}`."""
        response = error_response(self.status, self.message, missing=self.missing, duplicated=self.duplicated)
        response.headers.extend(self.headers)
        return response


def bad_request(message: str) -> APIError:
    """Build a 400 with CDF's envelope: the status the real API uses for every invalid input."""
    return APIError(400, message)


def error_response(
    status: int,
    message: str,
    *,
    missing: list[dict[str, Any]] | None = None,
    duplicated: list[dict[str, Any]] | None = None,
    auto_retryable: bool = False,
) -> Response:
    """Build the CDF error envelope; keys that are unset are left out, never null."""
    error: dict[str, Any] = {"code": status, "message": message}
    if missing is not None:
        error["missing"] = missing
    if duplicated is not None:
        error["duplicated"] = duplicated
    if auto_retryable:
        error["isAutoRetryable"] = True
    return Response(status, orjson.dumps({"error": error}))


def add_request_id(response: Response) -> Response:
    """Give the response a fresh `x-request-id`, as CDF puts on every answer, errors included."""
    response.headers.append(("x-request-id", str(uuid.uuid4())))
    return response


def decode_body(request: Request) -> Any:
    """Decode the JSON body, gunzipped when sent with `Content-Encoding: gzip` (cognite-sdk does)."""
    body = request.body
    encoding = request.headers.get("content-encoding", "").strip().lower()
    if encoding == "gzip":
        try:
            body = gzip.decompress(body)
        except (OSError, EOFError) as exc:
            msg = "Request body is not valid gzip"
            raise bad_request(msg) from exc
    elif encoding not in {"", "identity"}:
        msg = f"Unsupported Content-Encoding: {encoding}"
        raise bad_request(msg)
    if not body:
        msg = "Request body is required"
        raise bad_request(msg)
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        msg = f"Unable to parse the request body as JSON: {exc}"
        raise bad_request(msg) from exc


class GzipCache:
    """Compressed bodies of recent pages: gzip costs 25x building a page, and benchmarks re-list."""

    def __init__(self, size: int = 256) -> None:
        self._size = size
        self._bodies: collections.OrderedDict[tuple[object, ...], bytes] = collections.OrderedDict()
        self._lock = threading.Lock()

    def compress(self, response: Response) -> bytes:
        """Return the gzip form of the response body (level 1: the fake must stay cheap)."""
        key = response.cache_key
        if key is not None:
            with self._lock:
                cached = self._bodies.get(key)
                if cached is not None:
                    self._bodies.move_to_end(key)
                    return cached
        compressed = gzip.compress(response.body, compresslevel=1, mtime=0)
        if key is not None:
            with self._lock:
                self._bodies[key] = compressed
                if len(self._bodies) > self._size:
                    self._bodies.popitem(last=False)
        return compressed


def gzip_if_accepted(request: Request, response: Response, cache: GzipCache) -> Response:
    """Compress the body when the client accepts gzip, as CDF does."""
    accepted = request.headers.get("accept-encoding", "")
    if response.body and any(part.split(";")[0].strip() == "gzip" for part in accepted.split(",")):
        response.body = cache.compress(response)
        response.headers.append(("content-encoding", "gzip"))
    response.headers.append(("vary", "Accept-Encoding"))
    return response
