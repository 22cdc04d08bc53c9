"""Bounds on what one request may cost: a deadline over every attempt, and a cap on the body's size.

`Deadline` is the time a request (all its attempts, backoff and body reads) may take. `BodyReader`
reads a body as it arrives, decompressing it itself so that no chunk can inflate past the cap (a
gzip bomb inflates a thousandfold), and stops at the cap or the deadline with a typed error.
Both are used by the one retry layer (`_async/_transport.py` and its sync twin).
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

from cdf_client._errors import InvalidArgumentError, InvalidResponseError, ResponseTooLargeError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

# CDF's largest answer is a page of 1000 items of at most ~30 KB each (metadata 10 KB, 1000 asset
# ids, labels, names, paths): ~32 MB in the worst case, ~1 MB typically. Four times the worst case.
DEFAULT_MAX_RESPONSE_BYTES = 128 * 2**20
# Every request: all its attempts, the backoff between them and the reading of each answer.
DEFAULT_DEADLINE_S = 300.0
# httpx's own steps: connecting, each read, each write, waiting for a pooled connection.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
TIMEOUT_KINDS = ("connect", "read", "write", "pool")
# The encodings a bounded decoder exists for; the client asks for exactly these.
ACCEPT_ENCODING = "gzip, deflate"
_GZIP_WBITS = 16 + zlib.MAX_WBITS
# The most a compressed body inflates to in one step (a deflate block can inflate 1000-fold).
_STEP = 2**20


@dataclass(frozen=True, slots=True)
class Limits:
    """What one response may cost besides time: its decompressed size, and httpx's per-step timeouts."""

    max_response_bytes: int
    timeout: httpx.Timeout


DEFAULT_LIMITS = Limits(DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT)


def check_seconds(value: object, argument: str) -> float:
    """Return a positive, finite number of seconds (not a bool, NaN, a string or 0)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < math.inf:
        msg = f"must be a number of seconds > 0, got {value!r}"
        raise InvalidArgumentError(argument, msg)
    return float(value)


def check_timeout(value: object) -> httpx.Timeout:
    """Return httpx's timeouts: None (the default), seconds for every step, or an `httpx.Timeout`."""
    if value is None:
        return DEFAULT_TIMEOUT
    if isinstance(value, httpx.Timeout):
        for kind in TIMEOUT_KINDS:
            step = getattr(value, kind)
            if step is not None:
                check_seconds(step, f"timeout.{kind}")
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        msg = f"must be seconds (a number > 0) or an httpx.Timeout, got {type(value).__name__}"
        argument = "timeout"
        raise InvalidArgumentError(argument, msg)
    return httpx.Timeout(check_seconds(value, "timeout"))


class Deadline:
    """The end of a request's time: `remaining()` seconds are left of `seconds` (None: no end)."""

    __slots__ = ("_clock", "_end", "seconds")

    def __init__(self, seconds: float | None, clock: Callable[[], float]) -> None:
        self.seconds = seconds
        self._clock = clock
        self._end = math.inf if seconds is None else clock() + seconds

    def remaining(self) -> float:
        """Seconds left (0 once it has passed; infinite without a deadline)."""
        return max(0.0, self._end - self._clock())

    def expired(self) -> bool:
        """Whether the deadline has passed."""
        return self._clock() >= self._end

    def timeouts(self, configured: dict[str, Any]) -> dict[str, float | None]:
        """Return httpx's per-step timeouts for the next attempt: as configured, none past the deadline."""
        left = self.remaining()
        if left == math.inf:
            return {kind: configured.get(kind) for kind in TIMEOUT_KINDS}
        return {kind: min(left, configured.get(kind) or math.inf) for kind in TIMEOUT_KINDS}


class BodyReader:
    """Collects a response's body chunk by chunk, decoded, within `max_bytes` and the deadline.

    Raises `ResponseTooLargeError` at the first byte past the cap (before reading an announced
    oversized body at all), `InvalidResponseError` for a body that does not decode, and
    `DeadlineExceeded` when the deadline passes between chunks (a server dripping bytes).
    """

    __slots__ = ("_deadline", "_decoders", "_max_bytes", "_parts", "_response", "_size")

    def __init__(self, response: httpx.Response, max_bytes: int, deadline: Deadline) -> None:
        self._response = response
        self._max_bytes = max_bytes
        self._deadline = deadline
        self._parts: list[bytes] = []
        self._size = 0
        encodings = [
            token.strip().lower()
            for token in response.headers.get("content-encoding", "").split(",")
            if token.strip() and token.strip().lower() != "identity"
        ]
        # Applied in the reverse of the order the server listed them.
        self._decoders = [_decoder(encoding, response) for encoding in reversed(encodings)]
        announced = response.headers.get("content-length", "")
        if not self._decoders and announced.isdigit() and int(announced) > max_bytes:
            size = f"of {int(announced):,} bytes (its Content-Length)"
            raise self._too_large(size)

    def feed(self, chunk: bytes) -> None:
        """Take the next raw chunk of the body."""
        for piece in self._decoded(chunk, final=False):
            self._keep(piece)
        if self._deadline.expired():
            raise DeadlineExceeded

    def read_already(self) -> httpx.Response:
        """Return a response that came with its content already read and decoded, if within the cap."""
        self._keep(self._response.content)
        return self._response

    def response(self) -> httpx.Response:
        """Return the response with its decoded body, for everything above the transport to read."""
        for piece in self._decoded(b"", final=True):
            self._keep(piece)
        original = self._response
        dropped = {b"content-encoding", b"content-length"}
        return httpx.Response(
            original.status_code,
            headers=[(name, value) for name, value in original.headers.raw if name.lower() not in dropped],
            content=b"".join(self._parts),
            extensions=original.extensions,
        )

    def _decoded(self, chunk: bytes, *, final: bool) -> Iterable[bytes]:
        pieces: Iterable[bytes] = (chunk,)
        # Applied in the reverse of the order the server listed them, each in bounded steps.
        for decoder in self._decoders:
            pieces = decoder.pieces(pieces, final=final)
        return pieces

    def _keep(self, chunk: bytes) -> None:
        if chunk:
            self._size += len(chunk)
            if self._size > self._max_bytes:
                size = f"of more than {self._max_bytes:,} bytes"
                raise self._too_large(size)
            self._parts.append(chunk)

    def _too_large(self, how: str) -> ResponseTooLargeError:
        response = self._response
        msg = (
            f"CDF answered {response.status_code} with a body {how}, more than max_response_bytes="
            f"{self._max_bytes} allows: not read further"
        )
        return ResponseTooLargeError(
            msg, status=response.status_code, request_id=response.headers.get("x-request-id")
        )


class DeadlineExceeded(Exception):  # noqa: N818 (internal signal, turned into CDFTimeoutError)
    """The request's deadline passed while its answer was still arriving."""


class _Decoder:
    """One content encoding (gzip, or zlib-wrapped deflate), inflated in steps of at most `_STEP` bytes.

    The steps keep what a bomb inflates to in memory at once small: the cap is checked after each.
    """

    __slots__ = ("_encoding", "_response", "_zlib")

    def __init__(self, encoding: str, response: httpx.Response) -> None:
        self._encoding = encoding
        self._response = response
        self._zlib = zlib.decompressobj(_GZIP_WBITS if encoding in {"gzip", "x-gzip"} else zlib.MAX_WBITS)

    def pieces(self, inputs: Iterable[bytes], *, final: bool) -> Iterator[bytes]:
        """Decode `inputs` piece by piece; `final`: the body ended, and the stream must be complete."""
        try:
            for chunk in inputs:
                data = chunk
                while data:
                    yield self._zlib.decompress(data, _STEP)
                    data = self._zlib.unconsumed_tail
            if final:
                yield self._zlib.flush()
        except zlib.error as error:
            raise self._invalid(str(error)) from None
        if final and not self._zlib.eof:
            problem = "the compressed stream ends early"
            raise self._invalid(problem)

    def _invalid(self, problem: str) -> InvalidResponseError:
        response = self._response
        msg = f"CDF answered {response.status_code} with a {self._encoding} body that does not decode: "
        msg += problem
        return InvalidResponseError(
            msg, status=response.status_code, request_id=response.headers.get("x-request-id")
        )


def _decoder(encoding: str, response: httpx.Response) -> _Decoder:
    if encoding not in {"gzip", "x-gzip", "deflate"}:
        msg = (
            f"CDF answered {response.status_code} in content encoding {encoding!r}, which the client "
            f"did not ask for (Accept-Encoding: {ACCEPT_ENCODING})"
        )
        raise InvalidResponseError(
            msg, status=response.status_code, request_id=response.headers.get("x-request-id")
        )
    return _Decoder(encoding, response)
