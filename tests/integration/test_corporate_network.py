"""Acceptance: configured only through the environment, the client works behind a TLS-inspecting proxy.

The company's gateway (`LoopbackProxy(intercept=ca)`) answers `CONNECT` and terminates TLS itself
with a certificate of the company's root CA (made by trustme); the client is told nothing but
`CDF_*`, `HTTPS_PROXY` and `SSL_CERT_FILE`. CDF's host is under `.invalid`, so nothing reaches the
fake except through the gateway. Sync client, async client and the command, each on its own.
"""

import asyncio
import os
import subprocess
import sys
from urllib.parse import urlsplit

import orjson
import pytest
import trustme
from _corpnet import CDF_HOST, LoopbackProxy

from cdf_client import AsyncCDFClient, CDFClient, CDFConnectionError
from cdf_client.testing import FakeCDF

pytestmark = pytest.mark.network

TOKEN = "corp-acceptance-token"
CLIENT_ID, CLIENT_SECRET = "corp-app", "corp-acceptance-secret"


@pytest.fixture(scope="module")
def served():
    fake = FakeCDF.generate(
        files=1500, seed=12, project="corp", token=TOKEN, client_credentials={CLIENT_ID: CLIENT_SECRET}
    )
    with fake.serve() as base_url:
        address = urlsplit(base_url)
        yield fake, (address.hostname, address.port)


@pytest.fixture(scope="module")
def ca():
    return trustme.CA()


@pytest.fixture(scope="module")
def ca_file(ca, tmp_path_factory):
    path = tmp_path_factory.mktemp("corp") / "corporate-root.pem"
    ca.cert_pem.write_to_path(str(path))
    return str(path)


@pytest.fixture
def gateway(served, ca):
    _, upstream = served
    with LoopbackProxy(upstream, intercept=ca) as proxy:
        yield proxy


def _environment(gateway, ca_file, **cdf):
    """The process environment, with only these network and CDF settings."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("CDF_") and "PROXY" not in key.upper() and not key.startswith("SSL_CERT_")
    }
    return {
        **env,
        "CDF_PROJECT": "corp",
        "CDF_BASE_URL": f"https://{CDF_HOST}",
        "HTTPS_PROXY": gateway.url,
        "SSL_CERT_FILE": ca_file,
        **cdf,
    }


@pytest.fixture
def environ(gateway, ca_file, monkeypatch):
    env = _environment(gateway, ca_file, CDF_TOKEN=TOKEN)
    monkeypatch.setattr(os, "environ", os.environ.copy())
    os.environ.clear()
    os.environ.update(env)
    return env


def _ids(fake):
    return sorted(f["id"] for f in fake.files)


def test_the_sync_client_lists_files_through_the_inspecting_proxy(served, gateway, environ):  # noqa: ARG001
    fake, _ = served
    with CDFClient.from_env() as client:
        ids = sorted(f.id for f in client.files.filter(partitions=3, page_size=400))
    assert ids == _ids(fake)
    assert gateway.seen
    assert set(gateway.seen) == {f"CONNECT {CDF_HOST}:443"}


def test_the_async_client_lists_files_through_the_inspecting_proxy(served, gateway, environ):  # noqa: ARG001
    fake, _ = served

    async def listing():
        async with AsyncCDFClient.from_env() as client:
            return sorted([f.id async for f in client.files.filter(partitions=3, page_size=400)])

    assert asyncio.run(listing()) == _ids(fake)
    assert set(gateway.seen) == {f"CONNECT {CDF_HOST}:443"}


def test_client_credentials_fetch_their_token_through_the_proxy_too(served, gateway, ca_file, monkeypatch):
    fake, _ = served
    env = _environment(
        gateway,
        ca_file,
        CDF_CLIENT_ID=CLIENT_ID,
        CDF_CLIENT_SECRET=CLIENT_SECRET,
        CDF_TOKEN_URL=f"https://{CDF_HOST}{urlsplit(fake.token_url).path}",
    )
    monkeypatch.setattr(os, "environ", env)
    with CDFClient.from_env() as client:
        assert client.files.get(fake.files[0]["id"]).id == fake.files[0]["id"]
    assert set(gateway.seen) == {f"CONNECT {CDF_HOST}:443"}


def test_without_the_corporate_ca_the_gateway_is_refused_with_advice(gateway, environ):  # noqa: ARG001
    os.environ.pop("SSL_CERT_FILE")
    with CDFClient.from_env() as client, pytest.raises(CDFConnectionError) as raised:
        client.files.list(limit=1).to_list()
    assert "CERTIFICATE_VERIFY_FAILED" in str(raised.value)
    assert "via proxy" in str(raised.value)
    assert "SSL_CERT_FILE" in str(raised.value)


def test_the_command_lists_files_through_the_inspecting_proxy(served, gateway, ca_file):
    fake, _ = served
    env = _environment(gateway, ca_file, CDF_TOKEN=TOKEN)
    result = subprocess.run(
        [sys.executable, "-m", "cdf_client", "files", "list", "--format", "jsonl"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(orjson.loads(line)["id"] for line in result.stdout.splitlines()) == _ids(fake)
    assert set(gateway.seen) == {f"CONNECT {CDF_HOST}:443"}
    assert result.stderr == ""  # nothing retried, nothing to say at the default verbosity
