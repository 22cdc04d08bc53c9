"""Cursors, partitions and limits: how a listing is cut into pages, as CDF does it."""

from __future__ import annotations

import base64
import hashlib
import re
import struct
from typing import TYPE_CHECKING, Any

import orjson

from cdf_client.testing._http import APIError, Response, bad_request
from cdf_client.testing._validation import MAX_ID

if TYPE_CHECKING:
    from collections.abc import Callable

    from cdf_client.testing._store import Encoded, Item, Table
    from cdf_client_api import rules

# The MAC only makes cursors opaque and tamper-evident; it protects nothing, so the key is fixed and
# cursors stay deterministic across runs (real CDF cursors are deterministic too).
_CURSOR_KEY = b"cdf-client fake cursor"
_CURSOR_BYTES = 32
_PARTITION = re.compile(r"^([0-9]+)/([0-9]+)$")


def query_digest(value: Any) -> bytes:
    """8 bytes identifying a query (everything but cursor and limit), carried inside the cursor."""
    return hashlib.blake2b(orjson.dumps(value, option=orjson.OPT_SORT_KEYS), digest_size=8).digest()


def encode_cursor(last_id: int, digest: bytes) -> str:
    """Encode a 43-character base64url cursor (the shape of CDF's), naming the last id served."""
    payload = struct.pack(">Q", last_id) + digest
    mac = hashlib.blake2b(payload, key=_CURSOR_KEY, digest_size=16).digest()
    return base64.urlsafe_b64encode(payload + mac).rstrip(b"=").decode()


def decode_cursor(cursor: str, digest: bytes) -> int:
    """Decode the last id served before `cursor`; 400 for a cursor this fake did not issue for this query."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
    except (ValueError, TypeError) as exc:
        msg = f"Invalid cursor: {cursor!r}"
        raise bad_request(msg) from exc
    payload, mac = raw[:16], raw[16:]
    if len(raw) != _CURSOR_BYTES or mac != hashlib.blake2b(payload, key=_CURSOR_KEY, digest_size=16).digest():
        msg = f"Invalid cursor: {cursor!r}"
        raise bad_request(msg)
    if payload[8:] != digest:
        # Real CDF may not notice; the fake does, because it is always a client bug.
        msg = "Invalid cursor: it belongs to another query (all parameters except cursor must stay the same)"
        raise bad_request(msg)
    (last_id,) = struct.unpack(">Q", payload[:8])
    return int(last_id)


def parse_partition(value: str | None, max_partitions: int) -> tuple[int, int] | None:
    """`"M/N"` as (M, N), with 1 <= M <= N <= `max_partitions` (the spec's bound); anything else is a 400."""
    if value is None:
        return None
    match = _PARTITION.match(value)
    if not match:
        msg = f"Invalid partition {value!r}: expected 'M/N'"
        raise bad_request(msg)
    m, n = int(match[1]), int(match[2])
    if not 1 <= n <= max_partitions:
        msg = f"Invalid partition {value!r}: the number of partitions must be between 1 and {max_partitions}"
        raise bad_request(msg)
    if not 1 <= m <= n:
        msg = f"Invalid partition {value!r}: the partition number must be between 1 and {n}"
        raise bad_request(msg)
    return m, n


def partition_range(partition: tuple[int, int] | None) -> tuple[int, int]:
    """Compute the id range `[lo, hi)` of partition `m/N`: `[(m-1)*2**53/N, m*2**53/N)`.

    CDF splits the whole id space, not the ids it holds: this rule reproduces every partitioned
    response recorded from the live API (cdf-protocol.md section 4), so partitions differ in size.
    """
    space = MAX_ID + 1
    if partition is None:
        return 0, space
    m, n = partition
    return (m - 1) * space // n, m * space // n


def page(
    table: Table,
    *,
    json: Encoded,
    limit: int,
    cursor: str | None,
    partition: tuple[int, int] | None,
    digest: bytes,
    match: Callable[[Item], bool] | None,
) -> Response:
    """One page `{"items": [...], "nextCursor"?}`: `nextCursor` only when more items match."""
    after = decode_cursor(cursor, digest) if cursor else 0
    lo, hi = partition_range(partition)
    positions: list[int] = []
    for position in table.scan(after, lo, hi, match):
        if len(positions) == limit:
            # One more match exists, so there is a next page; its cursor names the last id served.
            tail = b',"nextCursor":"' + encode_cursor(table.ids[positions[-1]], digest).encode() + b'"}'
            break
        positions.append(position)
    else:
        tail = b"}"
    body = b'{"items":[' + b",".join([json[i] for i in positions]) + b"]" + tail
    return Response(200, body, cache_key=(id(json), digest, after, limit, partition))


def check_limit(value: int, rule: type[rules.Integer], *, clamp: bool) -> int:
    """Within the spec's bounds; above the maximum: clamped when `clamp` (GET, as documented), else 400."""
    if rule.minimum is not None and value < rule.minimum:
        msg = f"limit must be at least {rule.minimum}, got {value}"
        raise bad_request(msg)
    if rule.maximum is not None and value > rule.maximum:
        if clamp:
            return rule.maximum
        msg = f"limit must be at most {rule.maximum}, got {value}"
        raise APIError(400, msg)
    return value
