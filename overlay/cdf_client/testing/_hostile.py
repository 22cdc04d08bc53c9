"""Hostile modes: a broken or malicious CDF, to prove a client stays exact, bounded and discreet.

Each mode turns the fake's real answer into a hostile one. Answers sent over time (drips, stalls,
huge or endless bodies) are `Stream`s: lazy steps that the in-process transport and the ASGI app
both play, so a mode behaves the same with and without sockets and never sits in memory whole.
"""

from __future__ import annotations

import dataclasses
import functools
import gzip
import hashlib
import itertools
import json
import math
import random
import struct
import threading
import time
import zlib
from base64 import urlsafe_b64decode, urlsafe_b64encode
from typing import TYPE_CHECKING, Any, Literal, get_args

import orjson

from cdf_client.testing._http import Response, error_response
from cdf_client.testing._oauth import client_credentials, oauth_error, token_form
from cdf_client.testing._operations import API, LISTS, OPERATIONS, TOKEN, Operation, operation, operation_set

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterator

    from cdf_client.testing._http import Request
    from cdf_client.testing._store import Store

HostileMode = Literal[
    "drip",
    "stall",
    "stall_body",
    "oversized",
    "gzip_bomb",
    "corrupt_gzip",
    "endless",
    "empty_pages",
    "cursor_loop",
    "byids_omit",
    "byids_reorder",
    "byids_extra",
    "wrong_types",
    "echo_secrets",
]
Damage = Literal[
    "id_as_string",
    "id_missing",
    "name_missing",
    "name_as_number",
    "time_as_float",
    "time_overflow",
    "metadata_as_list",
]
MODES: tuple[HostileMode, ...] = get_args(HostileMode)
DAMAGES: tuple[Damage, ...] = get_args(Damage)

_MIB = 1 << 20
# (operations a mode can apply to, those it applies to when `operations` is not given)
_BYIDS: tuple[Operation, ...] = ("POST /files/byids",)
_SCOPES: dict[str, tuple[tuple[Operation, ...], tuple[Operation, ...]]] = {
    **dict.fromkeys(
        ("drip", "stall", "stall_body", "oversized", "gzip_bomb", "corrupt_gzip"), (OPERATIONS, API)
    ),
    "endless": (OPERATIONS, API),
    "empty_pages": (LISTS, LISTS),
    "cursor_loop": (LISTS, LISTS),
    **dict.fromkeys(("byids_omit", "byids_reorder", "byids_extra"), (_BYIDS, _BYIDS)),
    "wrong_types": (API, API),
    "echo_secrets": (OPERATIONS, OPERATIONS),
}
_DEFAULT_SIZE = {"oversized": 64 * _MIB, "gzip_bomb": 1024 * _MIB, "endless": 1024 * _MIB}
_CHUNK = 64 * 1024  # bytes per step of generated bodies: memory stays at a few of these


@dataclasses.dataclass(frozen=True)
class Hostile:
    """A broken or hostile CDF: one `mode`, for chosen operations, on every or a seeded share of requests.

    Only answers the fake would give with status 200 turn hostile; errors stay honest. Modes and
    what a client receives (sizes in bytes, times in seconds):

    - `drip`: the real answer, `chunk_bytes` every `interval_s`; the connection closes after
      `duration_s` if the body is not done by then.
    - `stall`: nothing for `duration_s`, then the real answer.
    - `stall_body`: status and headers, nothing for `duration_s`, then the real body.
    - `oversized`: a page of about `size_bytes` (64 MiB), its items repeated, sent uncompressed
      with an honest `Content-Length` (other answers are padded with JSON whitespace).
    - `gzip_bomb`: `Content-Encoding: gzip` that inflates to `size_bytes` (1 GiB) from about a
      thousandth of that: the real JSON padded with whitespace, valid to the last byte.
    - `corrupt_gzip`: the real answer gzipped with a wrong checksum: it inflates, then fails.
    - `endless`: a 200 whose page never ends (items repeat), until `size_bytes` (1 GiB) or
      `duration_s`, then the connection closes mid-body.
    - `empty_pages`: listings answer `{"items": [], "nextCursor": <a fresh cursor>}`, forever.
    - `cursor_loop`: a page fetched with a cursor names that same cursor as `nextCursor`.
    - `byids_omit` / `byids_reorder` / `byids_extra`: byids leaves out one asked-for file (seeded
      choice), answers in reverse order, or adds a file nobody asked for.
    - `wrong_types`: each item gets one `damage`, in turn (`id_as_string`: `"17"`, `id_missing`,
      `name_missing`, `name_as_number`, `time_as_float`, `time_overflow`: `createdTime` 2**64,
      `metadata_as_list`).
    - `echo_secrets`: a `status` error whose message quotes the request's `Authorization` header,
      or on the token endpoint the client secret.

    Example:
        fake.hostile = Hostile("drip", chunk_bytes=1, interval_s=1.0)
        fake.hostile = Hostile("byids_omit")
        fake.hostile = Hostile("stall", operations={"POST /files/list"}, rate=0.5, seed=1, duration_s=5)

    """

    mode: HostileMode
    _: dataclasses.KW_ONLY
    operations: Collection[Operation] | None = None
    """`"POST /files/list"`, `"GET /files"`, `"GET /assets"`, `"POST /files/byids"`, `"GET /files/{id}"`,
    `"POST /oauth2/token"`; None: the mode's usual ones (the five API operations where it applies)."""
    rate: float = 1.0
    """Share of matching requests that turn hostile, drawn from `seed` (1.0: every one)."""
    seed: int = 0
    times: int | None = None
    """Turn at most this many requests hostile, then behave (None: no limit)."""
    chunk_bytes: int = 1
    """`drip`: bytes sent at a time."""
    interval_s: float = 1.0
    """`drip`: seconds of silence between chunks."""
    duration_s: float = 30.0
    """How long a stall lasts, and the most time a drip or an endless body is sent for."""
    size_bytes: int | None = None
    """`oversized`: the body size; `gzip_bomb`: the inflated size; `endless`: the most bytes sent."""
    damage: tuple[Damage, ...] = DAMAGES
    """`wrong_types`: the damages, given to the items of an answer in turn."""
    status: int = 400
    """The status of `echo_secrets` answers."""

    def __post_init__(self) -> None:
        if self.mode not in _SCOPES:
            msg = f"Hostile.mode must be one of {list(MODES)}, got {self.mode!r}"
            raise ValueError(msg)
        allowed, default = _SCOPES[self.mode]
        chosen = operation_set(
            self.operations, allowed=allowed, default=default, owner=f"Hostile({self.mode!r})"
        )
        object.__setattr__(self, "operations", chosen)
        if self.size_bytes is None and self.mode in _DEFAULT_SIZE:
            object.__setattr__(self, "size_bytes", _DEFAULT_SIZE[self.mode])
        object.__setattr__(self, "damage", tuple(self.damage))
        # Pauses are floats in a `Stream`; an int from the caller would read as bytes.
        object.__setattr__(self, "interval_s", float(self.interval_s))
        object.__setattr__(self, "duration_s", float(self.duration_s))
        damage_ok = bool(self.damage) and set(self.damage) <= set(DAMAGES)
        problems = [
            ("rate", not 0.0 <= self.rate <= 1.0, "between 0 and 1"),
            ("times", self.times is not None and self.times < 0, "None or at least 0"),
            ("chunk_bytes", self.chunk_bytes < 1, "at least 1"),
            ("interval_s", not 0.0 <= self.interval_s < math.inf, "a finite number >= 0"),
            ("duration_s", not 0.0 <= self.duration_s < math.inf, "a finite number >= 0"),
            ("size_bytes", self.size_bytes is not None and self.size_bytes < 1, "None or at least 1"),
            ("damage", not damage_ok, f"a non-empty tuple of {DAMAGES}"),
            ("status", not 400 <= self.status <= 599, "an HTTP error status (400..599)"),  # noqa: PLR2004
        ]
        for name, wrong, expected in problems:
            if wrong:
                msg = f"Hostile.{name} must be {expected}, got {getattr(self, name)!r}"
                raise ValueError(msg)


@dataclasses.dataclass(frozen=True, slots=True)
class Stream:
    """An answer sent over time: `wait_s` of silence, the status line and headers, then the body's steps.

    A step is bytes to send or a float: seconds of silence. When `complete` is false the connection
    closes after the last step, short of the promised body.
    """

    status: int
    headers: list[tuple[str, str]]
    body: Iterator[bytes | float]
    wait_s: float = 0.0
    complete: bool = True


@dataclasses.dataclass(frozen=True, slots=True)
class _Context:
    request: Request
    json: Any  # the request's decoded JSON body, when it had one
    response: Response
    operation: Operation
    pick: float  # a seeded draw for choices inside a mode
    count: int  # how many requests turned hostile before this one


class Adversary:
    """Applies one `Hostile` to the fake's answers: the seeded draws, the `times` budget, fresh cursors."""

    def __init__(self, hostile: Hostile, store: Store) -> None:
        self.hostile = hostile
        self._store = store
        self._operations = frozenset(hostile.operations or ())
        self._random = random.Random(hostile.seed)  # noqa: S311 - reproducible, not secret
        self._lock = threading.Lock()
        self._applied = 0
        self._mode = _MODE_FUNCTIONS[hostile.mode]

    def apply(self, request: Request, body: Any, response: Response) -> Response | Stream:
        """Return the hostile form of a 200 answer to a matching request, or the answer as it is."""
        if response.status != 200 and not (  # noqa: PLR2004
            # The real listing refuses the cursors of empty pages; the hostile one keeps going.
            self.hostile.mode == "empty_pages" and _is_empty_page_cursor(_request_cursor(request, body))
        ):
            return response
        name = operation(request)
        if name is None or name not in self._operations:
            return response
        hostile = self.hostile
        with self._lock:
            draw, pick = self._random.random(), self._random.random()
            if draw >= hostile.rate or (hostile.times is not None and self._applied >= hostile.times):
                return response
            count = self._applied
            self._applied += 1
        return self._mode(hostile, self._store, _Context(request, body, response, name, pick, count))


def _plain(response: Response) -> bytes:
    """Return the body as JSON text (the fake gzips it when the client accepts gzip)."""
    return (
        gzip.decompress(response.body) if ("content-encoding", "gzip") in response.headers else response.body
    )


def _reply(response: Response, body: bytes) -> Response:
    """Give the answer a new body, compressed as the original was."""
    if ("content-encoding", "gzip") in response.headers:
        body = gzip.compress(body, compresslevel=1, mtime=0)
    return Response(response.status, body, list(response.headers))


def _headers(response: Response, *, encoding: str | None, length: int | None) -> list[tuple[str, str]]:
    """Return the answer's headers with a new content encoding and length (None: leave out)."""
    kept = [(k, v) for k, v in response.headers if k not in {"content-encoding", "content-length"}]
    if encoding is not None:
        kept.append(("content-encoding", encoding))
    if length is not None:
        kept.append(("content-length", str(length)))
    return kept


def _page(plain: bytes) -> dict[str, Any] | None:
    """Return the answer as a page `{"items": [...], ...}`, or None when it is another shape."""
    value = orjson.loads(plain)
    return value if isinstance(value, dict) and isinstance(value.get("items"), list) else None


# Modes that send the real answer over time.


def _drip(hostile: Hostile, _store: Store, ctx: _Context) -> Stream:
    body, size = ctx.response.body, hostile.chunk_bytes
    chunks = max(1, math.ceil(len(body) / size))
    if hostile.interval_s > 0:
        chunks_in_time = int(hostile.duration_s / hostile.interval_s) + 1
        sent = min(chunks, chunks_in_time)
    else:
        sent = chunks

    def steps() -> Iterator[bytes | float]:
        for i in range(sent):
            if i:
                yield hostile.interval_s
            yield body[i * size : (i + 1) * size]

    headers = _headers(ctx.response, encoding=_encoding(ctx.response), length=len(body))
    return Stream(ctx.response.status, headers, steps(), complete=sent == chunks)


def _stall(hostile: Hostile, _store: Store, ctx: _Context) -> Stream:
    response = ctx.response
    headers = _headers(response, encoding=_encoding(response), length=len(response.body))
    return Stream(response.status, headers, iter([response.body]), wait_s=hostile.duration_s)


def _stall_body(hostile: Hostile, _store: Store, ctx: _Context) -> Stream:
    response = ctx.response
    headers = _headers(response, encoding=_encoding(response), length=len(response.body))
    return Stream(response.status, headers, iter([hostile.duration_s, response.body]))


def _encoding(response: Response) -> str | None:
    return "gzip" if ("content-encoding", "gzip") in response.headers else None


# Modes that send more than was asked for, generated step by step.


def _oversized(hostile: Hostile, _store: Store, ctx: _Context) -> Stream:
    plain = _plain(ctx.response)
    size = hostile.size_bytes or 0
    page = _page(plain)
    if not page or not page["items"]:
        pad = max(0, size - len(plain))
        headers = _headers(ctx.response, encoding=None, length=len(plain) + pad)
        return Stream(200, headers, _padded(plain, pad))
    head, items, tail = _split_page(page)
    copies = max(1, math.ceil((size - len(head) - len(tail) + 1) / (len(items) + 1)))
    length = len(head) + copies * (len(items) + 1) - 1 + len(tail)

    def steps() -> Iterator[bytes | float]:
        yield head
        yield from _repeated(items, copies)
        yield tail

    return Stream(200, _headers(ctx.response, encoding=None, length=length), steps())


def _endless(hostile: Hostile, _store: Store, ctx: _Context) -> Stream:
    plain = _plain(ctx.response)
    page = _page(plain)
    limit, duration_s = hostile.size_bytes or 0, hostile.duration_s

    def steps() -> Iterator[bytes | float]:
        deadline = time.monotonic() + duration_s
        repeated: Iterator[bytes]
        if not page or not page["items"]:
            start, repeated = b"{", itertools.repeat(b" " * _CHUNK)
        else:
            start, items, _ = _split_page(page)
            repeated = _repeated(items, limit // (len(items) + 1) + 1)
        sent = len(start)
        yield start
        for step in repeated:
            if sent >= limit or time.monotonic() >= deadline:
                return
            yield step
            sent += len(step)

    return Stream(200, _headers(ctx.response, encoding=None, length=None), steps(), complete=False)


def _repeated(items: bytes, copies: int) -> Iterator[bytes]:
    """Yield `copies` copies of `items` joined by commas, in steps of about `_CHUNK` bytes or one copy."""
    per_step = max(1, _CHUNK // (len(items) + 1))
    group = b",".join([items] * per_step)
    for done in range(0, copies, per_step):
        count = min(per_step, copies - done)
        block = group if count == per_step else b",".join([items] * count)
        yield b"," + block if done else block


def _split_page(page: dict[str, Any]) -> tuple[bytes, bytes, bytes]:
    """`{"items":[`, the items joined by commas, and `]` plus the page's other keys and `}`."""
    items = b",".join(orjson.dumps(item) for item in page["items"])
    rest = orjson.dumps({k: v for k, v in page.items() if k != "items"})
    return b'{"items":[', items, b"]}" if rest == b"{}" else b"]," + rest[1:]


def _padded(plain: bytes, pad: int) -> Iterator[bytes]:
    """Yield the JSON text with `pad` spaces after its first byte (`{`): the same value, far larger."""
    yield plain[:1]
    spaces = b" " * min(pad, _CHUNK)
    for _ in range(pad // _CHUNK):
        yield spaces
    yield spaces[: pad % _CHUNK] + plain[1:]


def _gzip_bomb(hostile: Hostile, _store: Store, ctx: _Context) -> Stream:
    plain = _plain(ctx.response)
    pad = max(0, (hostile.size_bytes or 0) - len(plain))
    units, rest = divmod(pad, _BOMB_UNIT)
    head = _deflate(plain[:1], zlib.Z_FULL_FLUSH)
    tail_text = b" " * rest + plain[1:]
    tail = _deflate(tail_text, zlib.Z_FINISH)
    unit = _bomb_unit()
    group = unit * 64  # larger steps, fewer of them; still only ~66 KB
    # gzip header: magic, deflate, no flags, no mtime, best compression, unknown OS.
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    length = len(header) + len(head) + units * len(unit) + len(tail) + 8

    def steps() -> Iterator[bytes | float]:
        yield header + head
        for _ in range(units // 64):
            yield group
        yield unit * (units % 64)
        crc = _crc_of_spaces(zlib.crc32(plain[:1]), units)
        trailer = struct.pack("<II", zlib.crc32(tail_text, crc), (len(plain) + pad) & 0xFFFFFFFF)
        yield tail + trailer

    headers = _headers(ctx.response, encoding="gzip", length=length)
    return Stream(200, headers, steps())


_BOMB_UNIT = _MIB  # one block of spaces, deflated on its own: ~1 KB


def _deflate(data: bytes, mode: int) -> bytes:
    """Raw deflate of `data` from a fresh state; a full flush makes segments concatenable."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(mode)


@functools.cache
def _bomb_unit() -> bytes:
    return _deflate(b" " * _BOMB_UNIT, zlib.Z_FULL_FLUSH)


# CRC-32 is affine in its starting value: crc32(block, c) == M(c) ^ k for a fixed 32x32 bit
# matrix M and constant k. Raising that map to the n-th power gives the checksum of n blocks of
# spaces in microseconds, where computing it over a gigabyte would take seconds per bomb.
_Affine = tuple[tuple[int, ...], int]  # the columns of M (images of each bit), and k


@functools.cache
def _space_block_map() -> _Affine:
    block = b" " * _BOMB_UNIT
    constant = zlib.crc32(block, 0)
    return tuple(zlib.crc32(block, 1 << bit) ^ constant for bit in range(32)), constant


def _apply(affine: _Affine, value: int) -> int:
    columns, constant = affine
    result = constant
    bit = 0
    while value:
        if value & 1:
            result ^= columns[bit]
        value >>= 1
        bit += 1
    return result


def _compose(outer: _Affine, inner: _Affine) -> _Affine:
    """Compose two affine maps: `outer` after `inner`."""
    linear = (outer[0], 0)
    return tuple(_apply(linear, column) for column in inner[0]), _apply(outer, inner[1])


def _crc_of_spaces(crc: int, blocks: int) -> int:
    """Return the CRC-32 after `blocks` more blocks of spaces, starting from `crc`."""
    power, result = _space_block_map(), (tuple(1 << bit for bit in range(32)), 0)
    while blocks:
        if blocks & 1:
            result = _compose(power, result)
        power = _compose(power, power)
        blocks >>= 1
    return _apply(result, crc)


def _corrupt_gzip(_hostile: Hostile, _store: Store, ctx: _Context) -> Stream:
    compressed = gzip.compress(_plain(ctx.response), compresslevel=1, mtime=0)
    (crc,) = struct.unpack("<I", compressed[-8:-4])
    corrupt = compressed[:-8] + struct.pack("<I", crc ^ 0xFFFFFFFF) + compressed[-4:]
    # A stream, so that in process too the error comes from reading the body, not from sending.
    headers = _headers(ctx.response, encoding="gzip", length=len(corrupt))
    return Stream(ctx.response.status, headers, iter([corrupt]))


# Modes that change what the answer says.


_EMPTY_PAGES_KEY = b"cdf-client fake: empty pages"


def _empty_pages(hostile: Hostile, _store: Store, ctx: _Context) -> Response:
    # 8 bytes that differ each time, and a MAC that lets the fake know its own cursors again.
    payload = struct.pack(">II", hostile.seed & 0xFFFFFFFF, ctx.count & 0xFFFFFFFF)
    mac = hashlib.blake2b(payload, key=_EMPTY_PAGES_KEY, digest_size=24).digest()
    cursor = urlsafe_b64encode(payload + mac).rstrip(b"=")
    page = b'{"items":[],"nextCursor":"' + cursor + b'"}'
    if ctx.response.status == 200:  # noqa: PLR2004
        return _reply(ctx.response, page)
    return Response(200, page, _headers(ctx.response, encoding=None, length=None))


def _is_empty_page_cursor(cursor: str | None) -> bool:
    if not cursor:
        return False
    try:
        raw = urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
    except ValueError:
        return False
    mac = hashlib.blake2b(raw[:8], key=_EMPTY_PAGES_KEY, digest_size=24).digest()
    return len(raw) == 32 and raw[8:] == mac  # noqa: PLR2004


def _request_cursor(request: Request, json_body: Any) -> str | None:
    """Return the cursor a listing request carries (query or JSON body), if any."""
    if request.method == "GET":
        return dict(request.query).get("cursor")
    cursor = json_body.get("cursor") if isinstance(json_body, dict) else None
    return cursor if isinstance(cursor, str) else None


def _cursor_loop(_hostile: Hostile, _store: Store, ctx: _Context) -> Response:
    cursor = _request_cursor(ctx.request, ctx.json)
    if not cursor:
        return ctx.response
    page = orjson.loads(_plain(ctx.response))
    page["nextCursor"] = cursor
    return _reply(ctx.response, orjson.dumps(page))


def _byids_omit(_hostile: Hostile, _store: Store, ctx: _Context) -> Response:
    page = orjson.loads(_plain(ctx.response))
    if page["items"]:
        del page["items"][int(ctx.pick * len(page["items"]))]
    return _reply(ctx.response, orjson.dumps(page))


def _byids_reorder(_hostile: Hostile, _store: Store, ctx: _Context) -> Response:
    page = orjson.loads(_plain(ctx.response))
    page["items"].reverse()
    return _reply(ctx.response, orjson.dumps(page))


def _byids_extra(_hostile: Hostile, store: Store, ctx: _Context) -> Response:
    page = orjson.loads(_plain(ctx.response))
    asked = {item["id"] for item in page["items"]}
    unasked = next((i for i, file_id in enumerate(store.files.ids) if file_id not in asked), None)
    if unasked is not None:
        page["items"].append(store.files.items[unasked])
    return _reply(ctx.response, orjson.dumps(page))


def _set(key: str, value: Callable[[dict[str, Any]], Any]) -> Callable[[dict[str, Any]], None]:
    def damage(item: dict[str, Any]) -> None:
        item[key] = value(item)

    return damage


def _drop(key: str) -> Callable[[dict[str, Any]], None]:
    def damage(item: dict[str, Any]) -> None:
        item.pop(key, None)

    return damage


_DAMAGE: dict[str, Callable[[dict[str, Any]], None]] = {
    "id_as_string": _set("id", lambda item: str(item.get("id", 17))),
    "id_missing": _drop("id"),
    "name_missing": _drop("name"),
    "name_as_number": _set("name", lambda _: 17),
    "time_as_float": _set("createdTime", lambda item: item.get("createdTime", 0) + 0.5),
    "time_overflow": _set("createdTime", lambda _: 2**64),
    "metadata_as_list": _set("metadata", lambda item: sorted((item.get("metadata") or {}).items())),
}


def _wrong_types(hostile: Hostile, _store: Store, ctx: _Context) -> Response:
    value = orjson.loads(_plain(ctx.response))
    items = value["items"] if ctx.operation != "GET /files/{id}" else [value]
    for i, item in enumerate(items):
        _DAMAGE[hostile.damage[i % len(hostile.damage)]](item)
    # The standard library, not orjson: orjson refuses integers of 2**64 and more.
    return _reply(ctx.response, json.dumps(value, separators=(",", ":")).encode())


def _echo_secrets(hostile: Hostile, _store: Store, ctx: _Context) -> Response:
    request = ctx.request
    if ctx.operation == TOKEN:
        _, secret = client_credentials(request, token_form(request))
        description = f"Client secret {secret!r} is not valid for this client"
        return oauth_error(hostile.status, "invalid_client", description)
    message = f"Could not authorize request with header Authorization: {request.headers.get('authorization')}"
    response = error_response(hostile.status, message)
    response.headers.extend(h for h in ctx.response.headers if h[0] == "x-request-id")
    return response


_MODE_FUNCTIONS: dict[str, Callable[[Hostile, Store, _Context], Response | Stream]] = {
    "drip": _drip,
    "stall": _stall,
    "stall_body": _stall_body,
    "oversized": _oversized,
    "gzip_bomb": _gzip_bomb,
    "corrupt_gzip": _corrupt_gzip,
    "endless": _endless,
    "empty_pages": _empty_pages,
    "cursor_loop": _cursor_loop,
    "byids_omit": _byids_omit,
    "byids_reorder": _byids_reorder,
    "byids_extra": _byids_extra,
    "wrong_types": _wrong_types,
    "echo_secrets": _echo_secrets,
}
