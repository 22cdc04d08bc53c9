"""Hostile modes, observed with plain httpx clients: in process and over loopback, sync and async.

Every test is bounded by construction: stalls and drips are short or cut by the client's read
timeout, generated bodies are capped by the mode's own size or duration.
"""

import base64
import contextlib
import hashlib
import json
import subprocess
import sys
import tracemalloc
import zlib

import httpx
import pytest

from cdf_client.testing import FakeCDF, Hostile
from cdf_client.testing._hostile import DAMAGES

CANARY_TOKEN = "canary-token-4f1c"
CANARY_SECRET = "canary-secret-9d2e"
MIB = 1 << 20


@pytest.fixture(scope="module")
def fake() -> FakeCDF:
    return FakeCDF.generate(files=300, seed=5, token=CANARY_TOKEN, client_credentials={"app": CANARY_SECRET})


def honest(fetch, method: str, path: str, **kwargs) -> bytes:
    """The answer the fake gives without a hostile mode (decoded JSON text)."""
    previous, fetch.fake.hostile = fetch.fake.hostile, None
    try:
        seen = fetch(method, path, **kwargs)
    finally:
        fetch.fake.hostile = previous
    assert seen.status == 200
    return seen.body


# Answers sent over time.


def test_drip_sends_the_real_answer_a_few_bytes_at_a_time(fetch) -> None:
    want = honest(fetch, "GET", "files", params={"limit": 5})
    fetch.fake.hostile = Hostile("drip", chunk_bytes=64, interval_s=0.002)
    raw = fetch("GET", "files", params={"limit": 5}, decode=False)
    assert raw.error is None
    assert raw.received == int(raw.headers["content-length"])
    assert raw.chunks > 1
    if fetch.in_process:
        assert raw.chunks == -(-raw.received // 64)  # every chunk is 64 bytes, the last one excepted
    assert json.loads(fetch("GET", "files", params={"limit": 5}).body) == json.loads(want)


def test_a_drip_slower_than_the_read_timeout_times_out_after_the_first_chunk(fetch) -> None:
    fetch.fake.hostile = Hostile("drip", chunk_bytes=10, interval_s=5.0)
    seen = fetch("GET", "files", timeout=0.1, decode=False)
    assert seen.status == 200
    assert isinstance(seen.error, httpx.ReadTimeout)
    assert seen.received == 10


def test_a_drip_longer_than_its_duration_closes_the_connection_mid_body(fetch) -> None:
    fetch.fake.hostile = Hostile("drip", chunk_bytes=10, interval_s=0.01, duration_s=0.055)
    seen = fetch("GET", "files", decode=False)
    assert isinstance(seen.error, httpx.RemoteProtocolError)
    assert seen.received == 60  # the chunks at 0, 10, ..., 50 ms
    assert int(seen.headers["content-length"]) > 60


def test_a_stall_sends_nothing_then_the_real_answer(fetch) -> None:
    want = honest(fetch, "POST", "files/list", json={"limit": 3})
    fetch.fake.hostile = Hostile("stall", duration_s=5.0)
    seen = fetch("POST", "files/list", json={"limit": 3}, timeout=0.1)
    assert isinstance(seen.error, httpx.ReadTimeout)
    assert seen.status is None  # not even the status line arrived
    fetch.fake.hostile = Hostile("stall", duration_s=0.05)
    assert fetch("POST", "files/list", json={"limit": 3}).body == want


def test_a_body_stall_sends_status_and_headers_then_nothing(fetch) -> None:
    want = honest(fetch, "GET", "assets", params={"limit": 3})
    fetch.fake.hostile = Hostile("stall_body", duration_s=5.0)
    seen = fetch("GET", "assets", params={"limit": 3}, timeout=0.1)
    assert seen.status == 200
    assert int(seen.headers["content-length"]) > 0
    assert isinstance(seen.error, httpx.ReadTimeout)
    assert seen.received == 0
    fetch.fake.hostile = Hostile("stall_body", duration_s=0.05)
    assert fetch("GET", "assets", params={"limit": 3}).body == want


# Bodies larger than asked for.


def test_an_oversized_page_repeats_the_real_items_past_the_size_asked(fetch) -> None:
    want = json.loads(honest(fetch, "GET", "files", params={"limit": 5}))
    fetch.fake.hostile = Hostile("oversized", size_bytes=MIB)
    seen = fetch("GET", "files", params={"limit": 5}, decode=False)
    assert "content-encoding" not in seen.headers  # sent as is, whatever the client accepts
    assert seen.received == int(seen.headers["content-length"]) >= MIB
    page = seen.json()
    assert len(page["items"]) > 5
    assert page["items"][:5] == want["items"]
    assert {item["id"] for item in page["items"]} == {item["id"] for item in want["items"]}
    assert page["nextCursor"] == want["nextCursor"]


def test_an_oversized_answer_without_items_is_padded_with_whitespace(fetch) -> None:
    file_id = fetch.fake.files[0]["id"]
    want = json.loads(honest(fetch, "GET", f"files/{file_id}"))
    fetch.fake.hostile = Hostile("oversized", size_bytes=MIB)
    seen = fetch("GET", f"files/{file_id}", decode=False)
    assert seen.received == int(seen.headers["content-length"]) == MIB
    assert seen.json() == want


def test_a_gzip_bomb_inflates_to_its_size_from_a_thousandth_of_it(fetch) -> None:
    want = honest(fetch, "GET", "files", params={"limit": 5})
    size = 64 * MIB
    fetch.fake.hostile = Hostile("gzip_bomb", size_bytes=size)
    seen = fetch("GET", "files", params={"limit": 5}, decode=False)
    assert seen.error is None
    assert seen.headers["content-encoding"] == "gzip"
    assert seen.received == int(seen.headers["content-length"]) < size // 900
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
    inflated, data, digest = 0, seen.body, hashlib.sha256()
    while data:
        out = inflater.decompress(data, MIB)  # a megabyte at a time: the test stays small too
        data = inflater.unconsumed_tail
        inflated += len(out)
        digest.update(out)
    assert inflater.eof  # the checksum and length in the trailer are right
    assert inflated == size
    # The real answer with whitespace after its opening brace: the same JSON value.
    expected, pad = hashlib.sha256(b"{"), size - len(want)
    for _ in range(pad // MIB):
        expected.update(b" " * MIB)
    expected.update(b" " * (pad % MIB) + want[1:])
    assert digest.digest() == expected.digest()


def test_the_default_gzip_bomb_is_a_gigabyte_in_about_a_megabyte() -> None:
    fake = FakeCDF.generate(files=20, hostile=Hostile("gzip_bomb"))
    assert fake.hostile.size_bytes == 1024 * MIB
    headers = {"Authorization": f"Bearer {fake.token}"}
    with (
        httpx.Client(transport=fake.transport(), base_url=fake.base_url, headers=headers) as client,
        client.stream("GET", f"/api/v1/projects/{fake.project}/files") as response,
    ):
        received = sum(len(chunk) for chunk in response.iter_raw())
    assert received == int(response.headers["content-length"])
    assert MIB < received < 1.1 * MIB


def test_corrupt_gzip_inflates_then_fails_its_checksum(fetch) -> None:
    want = honest(fetch, "GET", "files", params={"limit": 2})
    fetch.fake.hostile = Hostile("corrupt_gzip")
    raw = fetch("GET", "files", params={"limit": 2}, decode=False)
    assert raw.headers["content-encoding"] == "gzip"
    assert raw.body[:2] == b"\x1f\x8b"
    assert zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(raw.body[:-8]) == want
    with pytest.raises(zlib.error, match="incorrect data check"):
        zlib.decompress(raw.body, zlib.MAX_WBITS | 16)
    decoded = fetch("GET", "files", params={"limit": 2})
    assert isinstance(decoded.error, httpx.DecodingError)


def test_an_endless_body_repeats_items_until_its_size_then_the_connection_closes(fetch) -> None:
    want = json.loads(honest(fetch, "GET", "files", params={"limit": 5}))
    fetch.fake.hostile = Hostile("endless", size_bytes=MIB)
    seen = fetch("GET", "files", params={"limit": 5}, decode=False, keep=4096)
    assert seen.status == 200
    assert "content-length" not in seen.headers
    assert isinstance(seen.error, httpx.RemoteProtocolError)
    assert MIB <= seen.received < MIB + 128 * 1024
    first = json.dumps(want["items"][0], separators=(",", ":")).encode()
    assert seen.body.startswith(b'{"items":[' + first)


def test_an_endless_body_stops_after_its_duration(fetch) -> None:
    # A terabyte would take minutes: the duration is what stops it.
    fetch.fake.hostile = Hostile(
        "endless", size_bytes=1 << 40, duration_s=0.2, operations={"GET /files/{id}"}
    )
    file_id = fetch.fake.files[0]["id"]
    seen = fetch("GET", f"files/{file_id}", decode=False, keep=16)
    assert isinstance(seen.error, httpx.RemoteProtocolError)
    assert seen.body.startswith(b"{ ")  # an object that never gets past its whitespace


def test_a_client_that_stops_reading_an_endless_body_can_go_on(fetch) -> None:
    fetch.fake.hostile = Hostile("endless", times=1)
    path = f"/api/v1/projects/{fetch.fake.project}/files"
    with httpx.Client(
        base_url=fetch.base_url,
        transport=fetch.fake.transport() if fetch.in_process else None,
        headers={"Authorization": f"Bearer {fetch.fake.token}"},
        timeout=10,
    ) as client:
        with client.stream("GET", path) as response:
            for _ in response.iter_raw():
                if response.num_bytes_downloaded > 256 * 1024:
                    break
        assert client.get(path).status_code == 200


def test_generated_bodies_stay_small_in_the_fake(fake: FakeCDF) -> None:
    headers = {"Authorization": f"Bearer {fake.token}"}
    size = 256 * MIB
    tracemalloc.start()
    try:
        with httpx.Client(transport=fake.transport(), base_url=fake.base_url, headers=headers) as client:
            for hostile in (Hostile("endless", size_bytes=size), Hostile("oversized", size_bytes=size)):
                fake.hostile = hostile
                path = f"/api/v1/projects/{fake.project}/files"
                with client.stream("GET", path, params={"limit": 1000}) as response:
                    with contextlib.suppress(httpx.RemoteProtocolError):  # endless: it never ends
                        for _ in response.iter_raw():
                            pass
                    assert response.num_bytes_downloaded >= size
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        fake.hostile = None
    assert peak < 16 * MIB


# Answers that say the wrong thing.


def test_empty_pages_come_forever_with_fresh_cursors(fetch) -> None:
    fetch.fake.hostile = Hostile("empty_pages")
    for method, path, cursor_in in (
        ("POST", "files/list", "json"),
        ("GET", "files", "params"),
        ("GET", "assets", "params"),
    ):
        cursors: list[str] = []
        cursor = None
        for _ in range(4):
            page = fetch(method, path, **{cursor_in: {"cursor": cursor} if cursor else {}}).json()
            assert page["items"] == []
            cursor = page["nextCursor"]
            assert len(cursor) == 43
            cursors.append(cursor)
        assert len(set(cursors)) == 4


def test_a_cursor_loop_serves_the_second_page_forever(fetch) -> None:
    fetch.fake.hostile = Hostile("cursor_loop")
    first = fetch("POST", "files/list", json={"limit": 100}).json()
    second = fetch("POST", "files/list", json={"limit": 100, "cursor": first["nextCursor"]}).json()
    again = fetch("POST", "files/list", json={"limit": 100, "cursor": second["nextCursor"]}).json()
    assert second["nextCursor"] == first["nextCursor"]
    assert again == second
    assert {f["id"] for f in first["items"]}.isdisjoint(f["id"] for f in second["items"])
    first = fetch("GET", "assets", params={"limit": 5}).json()
    second = fetch("GET", "assets", params={"limit": 5, "cursor": first["nextCursor"]}).json()
    assert second["nextCursor"] == first["nextCursor"]


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("byids_omit", lambda asked, got: len(got) == len(asked) - 1 and set(got) < set(asked)),
        ("byids_reorder", lambda asked, got: got == asked[::-1]),
        ("byids_extra", lambda asked, got: got[:-1] == asked and got[-1] not in asked),
    ],
)
def test_byids_answers_leave_out_reorder_or_add_items(fetch, mode: str, expected) -> None:
    asked = [f["id"] for f in fetch.fake.files[10:15]]
    fetch.fake.hostile = Hostile(mode)
    page = fetch("POST", "files/byids", json={"items": [{"id": i} for i in asked]}).json()
    got = [item["id"] for item in page["items"]]
    assert expected(asked, got), got
    assert all(item["id"] in {f["id"] for f in fetch.fake.files} for item in page["items"])


def test_wrong_types_damage_each_item_in_turn(fetch) -> None:
    want = json.loads(honest(fetch, "GET", "files", params={"limit": len(DAMAGES)}))["items"]
    fetch.fake.hostile = Hostile("wrong_types")
    items = fetch("GET", "files", params={"limit": len(DAMAGES)}).json()["items"]
    by_damage = dict(zip(DAMAGES, zip(want, items, strict=True), strict=True))
    real, item = by_damage["id_as_string"]
    assert item["id"] == str(real["id"])
    assert "id" not in by_damage["id_missing"][1]
    assert "name" not in by_damage["name_missing"][1]
    assert by_damage["name_as_number"][1]["name"] == 17
    real, item = by_damage["time_as_float"]
    assert item["createdTime"] == real["createdTime"] + 0.5
    assert by_damage["time_overflow"][1]["createdTime"] == 2**64
    real, item = by_damage["metadata_as_list"]
    assert item["metadata"] == [list(pair) for pair in sorted(real.get("metadata", {}).items())]


def test_wrong_types_can_be_one_damage_and_reach_a_single_file(fetch) -> None:
    file_id = fetch.fake.files[3]["id"]
    fetch.fake.hostile = Hostile("wrong_types", damage=("id_as_string",))
    assert fetch("GET", f"files/{file_id}").json()["id"] == str(file_id)
    items = fetch("POST", "files/byids", json={"items": [{"id": file_id}]}).json()["items"]
    assert items[0]["id"] == str(file_id)


def test_errors_echo_the_bearer_token_and_the_client_secret(fetch) -> None:
    fetch.fake.hostile = Hostile("echo_secrets")
    seen = fetch("GET", "files")
    assert seen.status == 400
    assert CANARY_TOKEN in seen.json()["error"]["message"]
    grant = {"grant_type": "client_credentials", "client_id": "app", "client_secret": CANARY_SECRET}
    seen = fetch("POST", "/oauth2/token", data=grant, headers={})
    assert seen.status == 400
    assert CANARY_SECRET in seen.json()["error_description"]
    basic = base64.b64encode(f"app:{CANARY_SECRET}".encode()).decode()
    seen = fetch(
        "POST",
        "/oauth2/token",
        data={"grant_type": "client_credentials"},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert CANARY_SECRET in seen.json()["error_description"]


# Choosing which requests turn hostile.


def test_only_answers_that_would_be_200_turn_hostile(fetch) -> None:
    fetch.fake.hostile = Hostile("byids_omit")
    seen = fetch("POST", "files/byids", json={"items": [{"id": 1}]})
    assert seen.status == 400
    assert seen.json()["error"]["missing"] == [{"id": 1}]
    fetch.fake.hostile = Hostile("echo_secrets")
    assert fetch("GET", "files", headers={"Authorization": "Bearer wrong"}).status == 401


def test_operations_rate_seed_and_times_choose_the_requests(api) -> None:
    fake = FakeCDF.generate(files=50)
    with api(fake) as client:

        def hostile_answers(count: int = 40) -> list[bool]:
            return [len(client.get("/files", params={"limit": 3}).json()["items"]) > 3 for _ in range(count)]

        fake.hostile = Hostile("oversized", size_bytes=4096, rate=0.5, seed=2)
        first = hostile_answers()
        assert 5 < sum(first) < 35
        fake.hostile = Hostile("oversized", size_bytes=4096, rate=0.5, seed=2)  # restarts the sequence
        assert hostile_answers() == first
        fake.hostile = Hostile("oversized", size_bytes=4096, times=2)
        assert hostile_answers(5) == [True, True, False, False, False]
        fake.hostile = Hostile("oversized", size_bytes=4096, operations={"GET /assets"})
        assert hostile_answers(3) == [False] * 3
        assert len(client.get("/assets", params={"limit": 3}).json()["items"]) > 3


def test_the_default_operations_depend_on_the_mode() -> None:
    assert Hostile("drip").operations == (
        "POST /files/list",
        "GET /files",
        "GET /assets",
        "POST /files/byids",
        "GET /files/{id}",
    )
    assert Hostile("cursor_loop").operations == ("POST /files/list", "GET /files", "GET /assets")
    assert Hostile("byids_extra").operations == ("POST /files/byids",)
    assert "POST /oauth2/token" in Hostile("echo_secrets").operations
    assert Hostile("drip", operations={"POST /oauth2/token"}).operations == ("POST /oauth2/token",)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"mode": "teapot"}, ValueError, "mode"),
        ({"mode": "byids_omit", "operations": {"GET /files"}}, ValueError, "operations"),
        ({"mode": "drip", "operations": "GET /files"}, TypeError, "collection"),
        ({"mode": "drip", "operations": ()}, ValueError, "operations"),
        ({"mode": "drip", "rate": 1.5}, ValueError, "rate"),
        ({"mode": "drip", "times": -1}, ValueError, "times"),
        ({"mode": "drip", "chunk_bytes": 0}, ValueError, "chunk_bytes"),
        ({"mode": "drip", "interval_s": float("nan")}, ValueError, "interval_s"),
        ({"mode": "stall", "duration_s": float("inf")}, ValueError, "duration_s"),
        ({"mode": "gzip_bomb", "size_bytes": 0}, ValueError, "size_bytes"),
        ({"mode": "wrong_types", "damage": ()}, ValueError, "damage"),
        ({"mode": "wrong_types", "damage": ("id_as_string", "oops")}, ValueError, "damage"),
        ({"mode": "echo_secrets", "status": 200}, ValueError, "status"),
    ],
)
def test_hostile_settings_are_checked_when_made(kwargs, error, match) -> None:
    with pytest.raises(error, match=match):
        Hostile(**kwargs)


def test_without_a_hostile_mode_the_fake_behaves(fetch) -> None:
    assert fetch.fake.hostile is None
    seen = fetch("GET", "files", params={"limit": 2})
    assert seen.status == 200
    assert len(seen.json()["items"]) == 2


@pytest.mark.network
def test_the_serve_command_turns_hostile_and_throttles() -> None:
    command = [
        *(sys.executable, "-m", "cdf_client.testing", "serve", "--files", "20", "--hostile", "echo_secrets"),
        *("--hostile-operations", "GET /files", "--throttle-rate", "0.001", "--throttle-burst", "1"),
    ]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as server:
        try:
            lines: dict[str, str] = {}
            while "token" not in lines:
                line = server.stdout.readline()
                assert line, "the server exited early"
                key, _, value = line.partition(":")
                lines[key.strip()] = value.strip()
            headers = {"Authorization": f"Bearer {lines['token']}"}
            with httpx.Client(base_url=lines["base url"], headers=headers, timeout=10) as client:
                echoed = client.get("/api/v1/projects/demo/files")
                refused = client.get("/api/v1/projects/demo/files")
        finally:
            server.terminate()
        rest = server.stdout.read()
    assert echoed.status_code == 400
    assert lines["token"] in echoed.json()["error"]["message"]
    assert refused.status_code == 429
    assert "throttle: 1 accepted, 1 refused (1 for rate, 0 for concurrency)" in rest


def test_the_serve_command_rejects_bad_hostile_settings() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cdf_client.testing", "serve", "--files", "5", "--hostile", "byids_omit",
         "--hostile-operations", "GET /files"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "operations" in result.stderr
