"""Secrets never leak; redirects never carry the token away; TLS is verified; ids cannot bend the URL."""

from __future__ import annotations

import asyncio
import logging
import os
import ssl
import subprocess
import sys
import traceback
from urllib.parse import parse_qsl, urlsplit

import pytest
from _reliability import HANG_GUARD_S, KINDS, RecordingServer, core_of, failure, fast_backoff, reply, run

from cdf_client import (
    APIError,
    AsyncCDFClient,
    AuthenticationError,
    BadRequestError,
    CDFClient,
    CDFError,
    ClientCredentials,
    InvalidArgumentError,
)
from cdf_client.testing import FakeCDF, Faults, Hostile

TOKEN = "CANARY-token-7f3a9c1e5b"
SECRET = "CANARY-secret-2d8e4b6a0f"


def _leaks(text):
    return [canary for canary in (TOKEN, SECRET) if canary in text]


def _chain(error):
    return "".join(traceback.format_exception(error))


def test_the_token_and_secret_never_reach_logs_reprs_or_errors(caplog, figures):
    fake = FakeCDF.generate(
        files=300, seed=2, token=TOKEN, client_credentials={"canary-app": SECRET}, token_lifetime_s=60
    )
    caplog.set_level(logging.DEBUG)  # every logger: cdf_client, httpx, httpcore, uvicorn
    texts, errors = [], []
    with fake.serve() as base_url:
        credentials = ClientCredentials(
            token_url=base_url + "/oauth2/token", client_id="canary-app", client_secret=SECRET
        )
        with CDFClient(project=fake.project, base_url=base_url, credentials=credentials) as client:
            fast_backoff(client, max_retries=3)
            fake.faults = Faults(seed=3, rate=0.3, non_json_rate=0.5, drop_rate=0.1)
            listing = client.files.filter(partitions=2, page_size=50)
            files = listing.to_list()
            texts += [
                repr(client),
                repr(credentials),
                repr(listing),
                repr(core_of(client).auth),
                repr(files[0]),
            ]
            texts += [
                repr(vars(credentials)) if hasattr(credentials, "__dict__") else "",
                str(listing.checkpoint),
            ]
            fake.faults = Faults(rate=1.0, statuses=(503,))
            for call in (lambda: client.files.get(files[0].id), lambda: client.files.retrieve([1, 2])):
                with pytest.raises(CDFError) as info:
                    call()
                errors.append(info.value)
            fake.faults = Faults()
            fake.revoke_tokens()
            files_again = client.files.list(limit=10).to_list()  # a 401 refreshes the token once
        # A wrong secret: the token endpoint refuses; the error must not quote what was sent.
        wrong = ClientCredentials(
            token_url=base_url + "/oauth2/token", client_id="canary-app", client_secret=SECRET + "x"
        )
        with CDFClient(project=fake.project, base_url=base_url, credentials=wrong) as client:
            with pytest.raises(AuthenticationError) as info:
                client.files.get(1)
            errors.append(info.value)
        with CDFClient(project=fake.project, base_url=base_url, token=TOKEN + "-revoked") as client:
            with pytest.raises(AuthenticationError) as info:
                client.files.get(1)
            errors.append(info.value)
        with CDFClient(
            project=fake.project, base_url="http://127.0.0.1:9", token=TOKEN, max_retries=0
        ) as client:
            with pytest.raises(CDFError) as info:
                client.files.get(1)
            errors.append(info.value)
        texts.append(repr(client))
    texts += [_chain(error) for error in errors] + [repr(error) for error in errors]
    texts += [record.getMessage() for record in caplog.records] + [caplog.text]
    assert len(files_again) == 10
    assert caplog.records  # DEBUG logging really was on
    assert not [text for text in texts if _leaks(text)]
    figures.update(texts_scanned=len(texts), log_records=len(caplog.records), errors_scanned=len(errors))


def test_the_cli_never_prints_the_token_or_secret(figures):
    fake = FakeCDF.generate(files=50, seed=1, token=TOKEN, client_credentials={"canary-app": SECRET})
    outputs = []
    with fake.serve() as base_url:
        env_sets = [
            {"CDF_TOKEN": TOKEN},
            {"CDF_TOKEN": TOKEN + "-wrong"},
            {
                "CDF_CLIENT_ID": "canary-app",
                "CDF_CLIENT_SECRET": SECRET,
                "CDF_TOKEN_URL": base_url + "/oauth2/token",
            },
            {
                "CDF_CLIENT_ID": "canary-app",
                "CDF_CLIENT_SECRET": SECRET + "x",
                "CDF_TOKEN_URL": base_url + "/oauth2/token",
            },
        ]
        commands = [
            ["files", "list", "--limit", "3"],
            ["files", "get", "1"],
            ["assets", "list", "--limit", "2"],
        ]
        for extra in env_sets:
            env = {**os.environ, "CDF_PROJECT": fake.project, "CDF_BASE_URL": base_url, **extra}
            for command in commands:
                result = subprocess.run(
                    [sys.executable, "-m", "cdf_client", *command],
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=HANG_GUARD_S,
                    check=False,
                )
                outputs.append((command, extra, result.returncode, result.stdout + result.stderr))
    assert any(code == 0 for *_, code, _ in outputs)  # the CLI really ran against the fake
    assert any(code != 0 for *_, code, _ in outputs)  # and its error paths too
    assert not [(command, code) for command, _, code, text in outputs if _leaks(text)]
    figures.update(cli_runs=len(outputs))


def test_redirects_to_another_host_are_not_followed_with_the_token(figures):
    other = RecordingServer(lambda h: reply(h, 200, b'{"id": 1}'))
    with other.running():
        target = f"http://localhost:{other.port}/api/v1/projects/demo/files/1"
        for status in (301, 302, 307, 308):
            origin = RecordingServer(lambda h, s=status: reply(h, s, b"", headers={"location": target}))
            with (
                origin.running(),
                CDFClient(project="demo", base_url=f"http://127.0.0.1:{origin.port}", token=TOKEN) as client,
            ):
                with pytest.raises(APIError) as info:
                    client.files.get(1)
                assert info.value.status == status
                assert len(origin.requests) == 1
    assert not [r for r in other.requests if "authorization" in r["headers"]]
    assert other.requests == []
    figures.update(redirects_tried=4)


def test_tls_verification_is_on_by_default_and_off_only_when_asked():
    def context(client):
        return core_of(client).http._transport.inner._pool._ssl_context

    with CDFClient(project="demo", cluster="westeurope-1", token=TOKEN) as client:
        assert client.base_url.startswith("https://")
        assert context(client).verify_mode == ssl.CERT_REQUIRED
        assert context(client).check_hostname
    with CDFClient(project="demo", cluster="westeurope-1", token=TOKEN, verify=False) as client:
        assert context(client).verify_mode == ssl.CERT_NONE


HOSTILE_IDS = [
    "a/../../assets",
    "x?limit=1&cursor=y",
    "frag#ment",
    "%2F..%2F",
    "ünï/cødé?#",
    "a b\tc",
    "..",
    "\u202e",
]


def test_external_ids_travel_in_json_and_cannot_change_path_or_query(figures):
    fake = FakeCDF(files=[{"id": i + 1, "name": f"f{i}", "externalId": x} for i, x in enumerate(HOSTILE_IDS)])
    with (
        fake.serve() as base_url,
        CDFClient(project=fake.project, base_url=base_url, token=fake.token) as client,
    ):
        files = client.files.retrieve(HOSTILE_IDS)
        listed = client.files.list(
            asset_external_ids=HOSTILE_IDS, external_id_prefix=HOSTILE_IDS[1]
        ).to_list()
        filtered = client.files.filter(external_id_prefix=HOSTILE_IDS[4], name=HOSTILE_IDS[0]).to_list()
    assert [f.external_id for f in files] == HOSTILE_IDS
    assert listed == [] and filtered == []  # noqa: PT018
    paths = {r.path for r in fake.requests}
    assert paths == {
        "/api/v1/projects/demo/files/byids",
        "/api/v1/projects/demo/files",
        "/api/v1/projects/demo/files/list",
    }
    byids = next(r for r in fake.requests if r.path.endswith("/byids"))
    assert byids.query == []
    assert [item["externalId"] for item in byids.json["items"]] == HOSTILE_IDS
    listing = next(r for r in fake.requests if r.path.endswith("/files"))
    assert {key for key, _ in listing.query} == {"limit", "assetExternalIds", "externalIdPrefix"}
    assert dict(listing.query)["externalIdPrefix"] == HOSTILE_IDS[1]
    figures.update(ids_tried=len(HOSTILE_IDS))


@pytest.mark.parametrize("bad", [0, -1, 2**53, 2**64, True, 1.0, "1", "1/../assets", None])
def test_path_ids_are_integers_in_range_checked_before_sending(bad):
    server = RecordingServer(lambda h: reply(h, 200, b"{}"))
    with (
        server.running(),
        CDFClient(project="demo", base_url=f"http://127.0.0.1:{server.port}", token=TOKEN) as c,
        pytest.raises(InvalidArgumentError),
    ):
        c.files.get(bad)
    assert server.requests == []


def test_the_largest_valid_id_goes_into_the_path_as_digits():
    fake = FakeCDF(files=[{"id": 2**53 - 1, "name": "last"}])

    async def run():
        async with AsyncCDFClient(
            project=fake.project, base_url=fake.base_url, token=fake.token, transport=fake.transport()
        ) as c:
            return await c.files.get(2**53 - 1)

    assert asyncio.run(asyncio.wait_for(run(), HANG_GUARD_S)).name == "last"
    assert urlsplit(fake.requests[-1].path).path == f"/api/v1/projects/demo/files/{2**53 - 1}"
    assert parse_qsl(urlsplit(fake.requests[-1].path).query) == []


# Secret hygiene, issue 11: whitespace around secrets, secrets quoted back by a server, URL passwords.


@pytest.mark.parametrize("kind", KINDS)
def test_a_token_read_with_a_trailing_newline_works_and_is_never_shown(kind, caplog, figures):
    caplog.set_level(logging.DEBUG)  # the root logger: cdf_client, httpx, httpcore
    fake = FakeCDF.generate(files=40, seed=3, token=TOKEN)
    texts = []
    with fake.serve() as base_url:
        options = {"project": fake.project, "base_url": base_url, "token": TOKEN + "\n", "max_retries": 0}
        files = run(kind, lambda c: c.files.list(limit=5).to_list(), **options)
        # The server now quotes the Authorization header back in its error messages.
        fake.hostile = Hostile("echo_secrets")
        for action in (
            lambda c: c.files.get(fake.files[0]["id"]),
            lambda c: c.files.retrieve([fake.files[0]["id"]]),
            lambda c: c.assets.list(partitions=2).to_list(),
        ):
            error, _ = failure(kind, action, **options)
            assert type(error) is BadRequestError
            assert "Bearer ***" in error.message
            texts += [str(error), repr(error), _chain(error), repr(error.extra)]
        texts.append(run(kind, repr, **options))
    texts += [record.getMessage() for record in caplog.records] + [caplog.text]
    assert len(files) == 5
    assert not [text for text in texts if _leaks(text)]
    assert [r for r in fake.requests if r.headers["authorization"] != f"Bearer {TOKEN}"] == []
    figures.update(texts_scanned=len(texts), requests=len(fake.requests))


@pytest.mark.parametrize("kind", KINDS)
def test_a_token_endpoint_that_quotes_the_client_secret_back_has_it_redacted(kind, caplog, figures):
    caplog.set_level(logging.DEBUG)
    fake = FakeCDF.generate(files=10, seed=3, client_credentials={"canary-app": SECRET})
    fake.hostile = Hostile("echo_secrets", operations={"POST /oauth2/token"}, status=401)
    with fake.serve() as base_url:
        credentials = ClientCredentials(
            token_url=base_url + "/oauth2/token", client_id="canary-app", client_secret=f"  {SECRET}\n"
        )
        options = {"project": fake.project, "base_url": base_url, "credentials": credentials}
        error, _ = failure(kind, lambda c: c.files.list(limit=2).to_list(), **options)
    assert type(error) is AuthenticationError
    assert "***" in str(error)
    texts = [str(error), repr(error), _chain(error), repr(credentials), caplog.text]
    assert not [text for text in texts if _leaks(text)]
    figures.update(texts_scanned=len(texts))


@pytest.mark.parametrize(
    ("argument", "value"),
    [
        ("base_url", f"https://user:{SECRET}@example.cognitedata.com"),
        ("base_url", f"https://{TOKEN}@example.cognitedata.com"),
        ("token_url", f"https://app:{SECRET}@login.example.com/oauth2/token"),
    ],
    ids=["base-url-password", "base-url-user-only", "token-url-password"],
)
def test_a_url_with_a_user_or_password_is_refused_without_showing_the_password(argument, value, caplog):
    caplog.set_level(logging.DEBUG)

    def build():
        if argument == "base_url":
            return CDFClient(project="demo", base_url=value, token=TOKEN)
        return ClientCredentials(token_url=value, client_id="app", client_secret="irrelevant-secret")

    with pytest.raises(InvalidArgumentError) as info:
        build()
    assert info.value.argument == argument
    assert "***@" in str(info.value)
    assert not _leaks(_chain(info.value) + caplog.text)


@pytest.mark.parametrize("kind", KINDS)
def test_a_server_echoing_the_token_in_a_header_is_redacted_from_httpcore_debug_logs(kind, caplog, figures):
    caplog.set_level(logging.DEBUG)
    page = b'{"items": [{"id": 1, "name": "a", "createdTime": 0, "lastUpdatedTime": 0, "uploaded": true}]}'

    def respond(handler):
        reply(handler, 200, page, headers={"x-debug-authorization": handler.headers["authorization"]})

    server = RecordingServer(respond)
    with server.running():
        options = {"project": "demo", "base_url": f"http://127.0.0.1:{server.port}", "token": TOKEN}
        files = run(kind, lambda c: c.files.list().to_list(), **options)
    assert [f.id for f in files] == [1]
    assert any(
        r.name.startswith("httpcore") and "x-debug-authorization" in r.getMessage() for r in caplog.records
    )
    assert not _leaks(caplog.text)
    figures.update(log_records=len(caplog.records))


def test_the_cli_never_prints_a_token_with_a_trailing_newline_even_when_the_server_echoes_it(figures):
    fake = FakeCDF.generate(files=20, seed=1, token=TOKEN)
    outputs = []
    with fake.serve() as base_url:
        env = {**os.environ, "CDF_PROJECT": fake.project, "CDF_BASE_URL": base_url, "CDF_TOKEN": TOKEN + "\n"}
        for hostile in (None, Hostile("echo_secrets")):
            fake.hostile = hostile
            for command in (["files", "list", "--limit", "3"], ["files", "get", str(fake.files[0]["id"])]):
                result = subprocess.run(
                    [sys.executable, "-m", "cdf_client", *command],
                    env={**env, "PYTHONWARNINGS": "default"},
                    capture_output=True,
                    text=True,
                    timeout=HANG_GUARD_S,
                    check=False,
                )
                outputs.append((hostile, result.returncode, result.stdout + result.stderr))
    assert [code for hostile, code, _ in outputs if hostile is None] == [0, 0]
    assert [code for hostile, code, _ in outputs if hostile is not None] == [1, 1]
    assert all("Bearer ***" in text for hostile, _, text in outputs if hostile is not None)
    assert not [text for *_, text in outputs if _leaks(text)]
    figures.update(cli_runs=len(outputs))
