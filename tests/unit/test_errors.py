import pickle

import httpx
import pytest

import cdf_client
from cdf_client import (
    APIError,
    AuthenticationError,
    BadRequestError,
    CDFConnectionError,
    CDFError,
    CDFTimeoutError,
    ConflictError,
    InstanceId,
    InvalidArgumentError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
)
from cdf_client._response import api_error, decode, transport_error


def _response(status, body=b"", headers=None):
    headers = {"x-request-id": "req-1", **(headers or {})}
    return httpx.Response(status, content=body, headers=headers)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (429, RateLimitError),
        (500, ServerError),
        (503, ServerError),
        (418, APIError),
    ],
)
def test_each_status_maps_to_its_error_class(status, cls):
    error = api_error(_response(status, b'{"error": {"code": %d, "message": "nope"}}' % status))
    assert type(error) is cls
    assert (error.status, error.code, error.message, error.request_id) == (status, status, "nope", "req-1")
    assert "req-1" in str(error)


def test_missing_identifiers_make_a_400_a_typed_not_found_error():
    missing = b'[{"id": 7}, {"externalId": "x"}, {"instanceId": {"space": "s", "externalId": "e"}}]'
    body = b'{"error": {"code": 400, "message": "File ids not found", "missing": %s}}' % missing
    error = api_error(_response(400, body))
    assert isinstance(error, NotFoundError)
    assert error.missing == [7, "x", InstanceId("s", "e")]


def test_duplicated_and_unknown_envelope_keys_are_kept():
    body = b'{"error": {"code": 409, "message": "Duplicate ids", "duplicated": [{"id": 1}], '
    body += b'"isAutoRetryable": false, "hint": "h"}}'
    error = api_error(_response(409, body))
    assert isinstance(error, ConflictError)
    assert error.duplicated == [1]
    assert error.extra == {"isAutoRetryable": False, "hint": "h"}


def test_a_non_json_error_body_still_gives_the_typed_error_and_request_id():
    error = api_error(_response(429, b"<html>Too Many Requests</html>", {"content-type": "text/html"}))
    assert isinstance(error, RateLimitError)
    assert error.request_id == "req-1"
    assert "Too Many Requests" in error.message


def test_decode_returns_the_body_of_a_success():
    assert decode(_response(200, b'{"items": []}')) == {"items": []}


def test_errors_survive_pickling():
    error = api_error(_response(400, b'{"error": {"code": 400, "message": "m", "missing": [{"id": 3}]}}'))
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 (our own bytes)
    assert type(copy) is NotFoundError
    assert (copy.missing, copy.request_id, str(copy)) == ([3], "req-1", str(error))
    bad = InvalidArgumentError("limit", "must be positive")
    copy = pickle.loads(pickle.dumps(bad))  # noqa: S301 (our own bytes)
    assert str(copy) == str(bad)


def test_transport_failures_are_connection_and_timeout_kinds():
    request = httpx.Request("GET", "https://x/files")
    timeout = transport_error(httpx.ReadTimeout("slow", request=request), request)
    dropped = transport_error(httpx.RemoteProtocolError("gone", request=request), request)
    assert isinstance(timeout, CDFTimeoutError)
    assert isinstance(timeout, TimeoutError)
    assert isinstance(dropped, CDFConnectionError)
    assert isinstance(dropped, ConnectionError)
    assert not isinstance(dropped, CDFTimeoutError)


def test_every_error_is_a_cdf_error_and_bad_input_is_a_value_error():
    assert issubclass(InvalidArgumentError, ValueError)
    for name in cdf_client.__all__:
        value = getattr(cdf_client, name)
        if isinstance(value, type) and issubclass(value, Exception):
            assert issubclass(value, CDFError)


def test_the_module_docstring_draws_every_error_class():
    doc = cdf_client._errors.__doc__
    for name in cdf_client.__all__:
        value = getattr(cdf_client, name)
        if isinstance(value, type) and issubclass(value, Exception):
            assert name in doc
