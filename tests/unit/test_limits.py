"""`BodyReader`: bodies decoded by the client itself, chunk by chunk, within the cap and the deadline."""

from __future__ import annotations

import gzip
import zlib

import httpx
import pytest

from cdf_client import InvalidResponseError, ResponseTooLargeError
from cdf_client._limits import BodyReader, Deadline, DeadlineExceeded

BODY = b'{"items": [' + b",".join(b'{"id": %d, "name": "f"}' % i for i in range(1, 2000)) + b"]}"


def _read(encoded: bytes, encoding: str | None, *, cap: int = 2**20, chunk: int = 1000, clock=lambda: 0.0):
    headers = {"x-request-id": "r1"} | ({"content-encoding": encoding} if encoding else {})
    reader = BodyReader(httpx.Response(200, headers=headers), cap, Deadline(10.0, clock))
    for start in range(0, len(encoded), chunk):
        reader.feed(encoded[start : start + chunk])
    return reader.response()


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        (None, lambda b: b),
        ("identity", lambda b: b),
        ("gzip", gzip.compress),
        ("x-gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("gzip, gzip", lambda b: gzip.compress(gzip.compress(b))),
    ],
)
def test_bodies_in_every_encoding_asked_for_decode_to_the_same_bytes(encoding, encode):
    response = _read(encode(BODY), encoding)
    assert response.content == BODY
    assert "content-encoding" not in response.headers
    assert response.json()["items"][0] == {"id": 1, "name": "f"}


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        ("gzip", gzip.compress(BODY)[:-20]),
        ("gzip", b"not gzip at all"),
        ("deflate", zlib.compress(BODY)[:50]),
    ],
    ids=["cut-short", "garbage", "deflate-cut-short"],
)
def test_a_body_that_does_not_decode_is_an_invalid_response(encoding, body):
    with pytest.raises(InvalidResponseError, match=f"{encoding} body that does not decode") as info:
        _read(body, encoding)
    assert info.value.request_id == "r1"


def test_an_encoding_not_asked_for_is_an_invalid_response():
    with pytest.raises(InvalidResponseError, match="'br', which the client did not ask for"):
        _read(BODY, "br")


@pytest.mark.parametrize("encoding", [None, "gzip"])
def test_a_body_past_the_cap_stops_at_the_first_chunk_past_it(encoding):
    bomb = b"{" + b" " * (50 * 2**20) + b"}"
    encoded = gzip.compress(bomb) if encoding else bomb
    with pytest.raises(ResponseTooLargeError, match="max_response_bytes=65536"):
        _read(encoded, encoding, cap=65_536, chunk=65_536)


def test_an_announced_length_past_the_cap_is_refused_before_reading():
    response = httpx.Response(200, headers={"content-length": str(2**30)})
    with pytest.raises(ResponseTooLargeError, match="1,073,741,824 bytes"):
        BodyReader(response, 2**20, Deadline(10.0, lambda: 0.0))


def test_the_deadline_is_checked_between_chunks():
    now = [0.0]

    def clock():
        now[0] += 1.0
        return now[0]

    with pytest.raises(DeadlineExceeded):
        _read(BODY, None, chunk=10, clock=clock)
