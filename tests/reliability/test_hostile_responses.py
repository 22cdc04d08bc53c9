"""Answers no honest CDF sends, from a real server on 127.0.0.1: each ends in a typed error, never a hang.

The fake CDF cannot produce these (it only answers what the spec allows), so a tiny http.server does.
"""

from __future__ import annotations

import asyncio
import json

import pytest
from _reliability import HANG_GUARD_S, KINDS, RecordingServer, failure, fast_backoff, reply, run

from cdf_client import (
    APIError,
    AsyncCDFClient,
    AuthenticationError,
    BadRequestError,
    CDFClient,
    CDFConnectionError,
    CDFError,
    ClientCredentials,
    ConflictError,
    CursorLoopError,
    NotFoundError,
    PermissionDeniedError,
    ServerError,
)

REQUEST_ID = "ef3b5ba2-aa39-921b-adeb-38fc8f2dd9b9"
RID = {"x-request-id": REQUEST_ID}
HTML = b"<html><head><title>Sign in</title></head><body>Corporate proxy: please log in</body></html>"


def _page(count, cursor=None, start=1):
    # Items that are files and assets both (assets need a rootId), so either listing takes them.
    body = {"items": [{"id": start + i, "name": f"f{start + i}", "createdTime": 0, "lastUpdatedTime": 0,
                       "uploaded": False, "rootId": 1} for i in range(count)]}  # fmt: skip
    if cursor is not None:
        body["nextCursor"] = cursor
    return json.dumps(body).encode()


def _run(respond, call, **client_options):
    """Serve `respond`, call `call(client)` with a sync client on it; return (error, server requests)."""
    server = RecordingServer(respond)
    with (
        server.running(),
        CDFClient(
            project="demo", base_url=f"http://127.0.0.1:{server.port}", token="t", **client_options
        ) as c,
    ):
        fast_backoff(c, max_retries=2)
        with pytest.raises(CDFError) as info:
            call(c)
    return info.value, server.requests


def _get(client):
    return client.files.get(1)


def _list(client):
    return client.files.list(page_size=10).to_list()


def test_truncated_json_is_an_api_error_with_the_request_id(figures):
    body = _page(3)[:-17]
    error, requests = _run(lambda h: reply(h, 200, body, headers=RID), _list)
    assert isinstance(error, APIError)
    assert error.request_id == REQUEST_ID
    assert "not JSON" in str(error)
    figures.update(requests=len(requests))


def test_a_connection_cut_mid_body_is_retried_then_a_connection_error(figures):
    body = _page(3)
    error, requests = _run(lambda h: reply(h, 200, body[:20], content_length=len(body), headers=RID), _list)
    assert isinstance(error, CDFConnectionError)
    assert len(requests) == 3  # first attempt + max_retries=2
    figures.update(requests=len(requests))


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("text/plain", b"OK"),
        ("application/xml", b"<items><item id='1'/></items>"),
        ("text/html", HTML),
        ("application/json", b""),
    ],
    ids=["text", "xml", "html-200-from-a-proxy", "empty"],
)
def test_a_success_status_without_a_json_body_is_an_api_error(content_type, body, figures):
    error, requests = _run(lambda h: reply(h, 200, body, content_type=content_type, headers=RID), _get)
    assert isinstance(error, APIError)
    assert error.request_id == REQUEST_ID
    figures.update(requests=len(requests))


@pytest.mark.parametrize(
    "body",
    [b"{}", b"[]", b"null", b'{"items": 5}', b'{"items": [], "nextCursor": 7}', b'{"items": [1, 2]}'],
    ids=["empty-object", "array", "null", "items-not-a-list", "cursor-not-a-string", "items-not-objects"],
)
def test_a_json_body_that_is_not_a_page_is_an_api_error_not_a_crash(body, figures):
    error, requests = _run(lambda h: reply(h, 200, body, headers=RID), _list)
    assert isinstance(error, APIError)
    assert error.request_id == REQUEST_ID
    figures.update(requests=len(requests))


@pytest.mark.parametrize(
    ("status", "body", "kind"),
    [
        (400, b'{"error": {}}', BadRequestError),
        (400, b"{}", BadRequestError),
        (400, b'{"error": "bad"}', BadRequestError),
        (400, b'{"error": null}', BadRequestError),
        (403, b'{"error": {"code": "x", "message": 5, "missing": "all"}}', PermissionDeniedError),
        (500, b'{"error": {}}', ServerError),
        (418, b"", APIError),
    ],
    ids=["empty-envelope", "no-envelope", "string-envelope", "null-envelope", "garbage-fields", "500", "418"],
)
def test_an_error_envelope_without_fields_is_a_typed_error_with_the_request_id(status, body, kind, figures):
    error, requests = _run(lambda h: reply(h, status, body, headers=RID), _get)
    assert type(error) is kind
    assert error.status == status
    assert error.request_id == REQUEST_ID
    assert isinstance(error.message, str)
    assert error.message
    figures.update(requests=len(requests))


def test_html_from_a_proxy_on_an_error_status_is_typed_and_quotes_it_briefly(figures):
    error, requests = _run(lambda h: reply(h, 403, HTML * 20, content_type="text/html"), _get)
    assert isinstance(error, PermissionDeniedError)
    assert error.request_id is None
    assert len(str(error)) < 500
    # Gateways' HTML on retryable statuses is retried first, then typed.
    error, requests = _run(lambda h: reply(h, 502, HTML, content_type="text/html", headers=RID), _get)
    assert isinstance(error, ServerError)
    assert error.request_id == REQUEST_ID
    assert len(requests) == 3
    figures.update(requests=len(requests))


@pytest.mark.parametrize("cycle", [1, 3], ids=["same-cursor", "cycle-of-3"])
@pytest.mark.parametrize("partitions", [None, 2])
def test_a_cursor_that_repeats_forever_is_detected_not_looped_on(cycle, partitions, figures):
    served = [0]

    def respond(handler):
        served[0] += 1
        reply(handler, 200, _page(2, cursor=f"cursor-{served[0] % cycle}", start=served[0] * 10), headers=RID)

    error, requests = _run(respond, lambda c: c.files.filter(partitions=partitions, page_size=2).to_list())
    assert isinstance(error, CursorLoopError)
    # Stopped after the cycle came round once: bounded, however many items the server would send.
    assert len(requests) <= (cycle + 2) * (partitions or 1)
    figures.update(requests=len(requests))


def test_a_repeating_cursor_is_detected_by_the_async_client_too(figures):
    server = RecordingServer(lambda h: reply(h, 200, _page(1, cursor="again"), headers=RID))

    async def run():
        async with AsyncCDFClient(project="demo", base_url=f"http://127.0.0.1:{server.port}", token="t") as c:
            with pytest.raises(CursorLoopError):
                await c.assets.list(page_size=1).to_list()

    with server.running():
        asyncio.run(asyncio.wait_for(run(), HANG_GUARD_S))
    assert len(server.requests) == 2
    figures.update(requests=len(server.requests))


@pytest.mark.parametrize("asked", [1, 10])
def test_a_page_larger_than_asked_is_an_api_error_not_extra_items(asked, figures):
    error, requests = _run(
        lambda h: reply(h, 200, _page(asked + 5, cursor="more"), headers=RID),
        lambda c: c.files.filter(limit=asked, page_size=asked).to_list(),
    )
    assert isinstance(error, APIError)
    assert error.request_id == REQUEST_ID
    figures.update(requests=len(requests))


def test_a_byids_answer_with_a_body_that_is_not_a_page_is_an_api_error(figures):
    error, requests = _run(
        lambda h: reply(h, 200, b'{"itemz": []}', headers=RID), lambda c: c.files.retrieve([1])
    )
    assert isinstance(error, APIError)
    assert error.request_id == REQUEST_ID
    figures.update(requests=len(requests))


# Error envelopes whose `missing`/`duplicated` are not lists of identifier objects: typed, not TypeError.


ENVELOPES = {
    "missing-a-number": (400, {"missing": 5}, BadRequestError, [], []),
    "missing-mixed": (400, {"missing": [5, "x", None, {"id": 3}]}, NotFoundError, [3], []),
    "missing-an-object": (400, {"missing": {"id": 3}}, BadRequestError, [], []),
    "duplicated-a-string": (409, {"duplicated": "all"}, ConflictError, [], []),
    "duplicated-mixed": (
        409,
        {"code": "409", "duplicated": [{"externalId": "a"}, 7]},
        ConflictError,
        [],
        ["a"],
    ),
}


@pytest.mark.parametrize("case", sorted(ENVELOPES))
@pytest.mark.parametrize("client_kind", KINDS)
def test_an_envelope_with_malformed_identifier_lists_is_typed(client_kind, case, figures):
    status, fields, kind, missing, duplicated = ENVELOPES[case]
    body = json.dumps({"error": {"code": status, "message": "m", **fields}}).encode()
    server = RecordingServer(lambda h: reply(h, status, body, headers=RID))
    with server.running():
        options = {
            "project": "demo",
            "base_url": f"http://127.0.0.1:{server.port}",
            "token": "t",
            "max_retries": 0,
        }
        raised, _ = failure(client_kind, lambda c: c.files.retrieve([1, "a", 3]), **options)
    assert type(raised) is kind
    assert (raised.missing, raised.duplicated) == (missing, duplicated)
    assert raised.request_id == REQUEST_ID
    figures.update(requests=len(server.requests))


# Token endpoints that answer without a usable token: AuthenticationError, and never `Bearer None`.

GOOD_TOKEN = "good-token-from-the-endpoint"


def _token_server(token_answer):
    def respond(handler):
        if handler.path.startswith("/oauth2/token"):
            reply(handler, 200, token_answer, headers=RID)
        elif handler.headers.get("authorization") == f"Bearer {GOOD_TOKEN}":
            reply(handler, 200, _page(2), headers=RID)
        else:
            reply(handler, 401, b'{"error": {"code": 401, "message": "Unauthorized"}}', headers=RID)

    return RecordingServer(respond)


def _with_credentials(client_kind, server, action):
    base_url = f"http://127.0.0.1:{server.port}"
    credentials = ClientCredentials(
        token_url=f"{base_url}/oauth2/token", client_id="app", client_secret="s3cret-value"
    )
    options = {"project": "demo", "base_url": base_url, "credentials": credentials, "max_retries": 0}
    try:
        return run(client_kind, action, **options), None
    except CDFError as error:
        return None, error


@pytest.mark.parametrize(
    "answer",
    [b'{"access_token": null}', b'{"access_token": 17}', b'{"access_token": ""}', b'{"access_token": "a b"}',
     b'{"access_token": "tok\\nen"}', b"{}", b"[]", b"<html>sign in</html>"],
    ids=["null", "number", "empty", "space", "newline-inside", "no-token", "array", "html"],
)  # fmt: skip
@pytest.mark.parametrize("client_kind", KINDS)
def test_a_token_answer_without_a_usable_token_is_an_authentication_error(client_kind, answer, figures):
    server = _token_server(answer)
    with server.running():
        result, error = _with_credentials(client_kind, server, lambda c: c.files.list(limit=2).to_list())
    assert result is None
    assert type(error) is AuthenticationError
    assert "token request failed" in str(error)
    api = [r for r in server.requests if r["path"].startswith("/api/")]
    assert api == []  # nothing was sent with `Bearer None` (or any other made-up token)
    figures.update(requests=len(server.requests))


@pytest.mark.parametrize(
    "expires_in", ['"abc"', "-5", "true", '"3599"', "1e308", "null", "0", '{"s": 1}'],
    ids=["text", "negative", "bool", "numeric-string", "huge", "null", "zero", "object"],
)  # fmt: skip
@pytest.mark.parametrize("client_kind", KINDS)
def test_a_token_answer_with_a_bad_lifetime_still_authorizes(client_kind, expires_in, caplog, figures):
    answer = f'{{"access_token": "{GOOD_TOKEN}", "expires_in": {expires_in}}}'.encode()
    server = _token_server(answer)
    with server.running():
        result, error = _with_credentials(client_kind, server, lambda c: c.files.list(limit=2).to_list())
    assert error is None
    assert [f.id for f in result] == [1, 2]
    unusable = expires_in not in {'"3599"', "1e308", "null"}
    assert any("unusable expires_in" in r.getMessage() for r in caplog.records) == unusable
    figures.update(requests=len(server.requests))
