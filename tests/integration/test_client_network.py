"""Proxies and TLS trust over loopback: a real forward proxy, real TLS with a throwaway CA (trustme).

The fake CDF is served over plain HTTP; `TLSFront` puts TLS in front of it, `LoopbackProxy` forwards,
tunnels or inspects (terminates TLS itself). The client is pointed at a `.invalid` host, which never
resolves: a listing that succeeds went through the proxy.
"""

import asyncio
import logging
import ssl
import subprocess
import sys
import threading
from urllib.parse import urlsplit

import httpx
import pytest
import trustme
from _corpnet import CDF_HOST, LoopbackProxy, TLSFront

from cdf_client import AsyncCDFClient, CDFClient, CDFConnectionError, ClientClosedError, InvalidArgumentError
from cdf_client.testing import FakeCDF, Faults

pytestmark = pytest.mark.network

TOKEN = "network-test-token"
# Bounds a wait that only a hang reaches (never a timing assertion).
_HANG_GUARD_S = 30.0
_PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "SSL_CERT_FILE", "SSL_CERT_DIR")


@pytest.fixture(scope="module")
def served():
    fake = FakeCDF.generate(files=1200, seed=7, project="corp", token=TOKEN, record_requests=False)
    with fake.serve() as base_url:
        address = urlsplit(base_url)
        yield fake, (address.hostname, address.port)


@pytest.fixture(scope="module")
def ca():
    return trustme.CA()


@pytest.fixture(scope="module")
def ca_file(ca, tmp_path_factory):
    path = tmp_path_factory.mktemp("ca") / "corporate-root.pem"
    ca.cert_pem.write_to_path(str(path))
    return str(path)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    """No proxy or CA variable of the machine running the tests leaks in; each test sets its own."""
    for name in _PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def _ids(fake):
    return sorted(f["id"] for f in fake.files)


def _list_sync(base_url, **options):
    with CDFClient(project="corp", base_url=base_url, token=TOKEN, **options) as client:
        return sorted(f.id for f in client.files.list(page_size=500))


async def _list_async(base_url, **options):
    async with AsyncCDFClient(project="corp", base_url=base_url, token=TOKEN, **options) as client:
        return sorted([f.id async for f in client.files.list(page_size=500)])


@pytest.fixture(params=["sync", "async"])
def list_ids(request):
    """List every file id with `CDFClient` or `AsyncCDFClient` (each test runs with both)."""
    if request.param == "sync":
        return _list_sync
    return lambda base_url, **options: asyncio.run(_list_async(base_url, **options))


# Proxies -------------------------------------------------------------------------------------------


def test_plain_http_goes_through_the_environments_http_proxy(served, list_ids, monkeypatch):
    fake, upstream = served
    with LoopbackProxy(upstream) as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        assert list_ids(f"http://{CDF_HOST}") == _ids(fake)
    assert proxy.seen
    assert all(line.startswith(f"GET http://{CDF_HOST}/api/v1/projects/corp/files") for line in proxy.seen)


def test_https_goes_through_a_connect_tunnel_of_the_environments_https_proxy(
    served, ca, ca_file, list_ids, monkeypatch
):
    fake, upstream = served
    with TLSFront(ca, upstream) as front, LoopbackProxy(("127.0.0.1", front.port)) as proxy:
        monkeypatch.setenv("https_proxy", proxy.url)  # lower case works too, as in httpx
        assert list_ids(f"https://{CDF_HOST}", verify=ca_file) == _ids(fake)
    # One tunnel, kept alive for every page.
    assert proxy.seen == [f"CONNECT {CDF_HOST}:443"]


def test_an_explicit_proxy_with_credentials_wins_over_the_environment(served, list_ids, monkeypatch):
    fake, upstream = served
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
    with LoopbackProxy(upstream, credentials=("svc-cdf", "proxy-pass")) as proxy:
        url = proxy.url.replace("://", "://svc-cdf:proxy-pass@")
        assert list_ids(f"http://{CDF_HOST}", proxy=url) == _ids(fake)
        assert list_ids(f"http://{CDF_HOST}", proxy=httpx.Proxy(url)) == _ids(fake)
        assert proxy.seen


def test_no_proxy_and_trust_env_false_go_direct(served, list_ids, monkeypatch):
    fake, (host, port) = served
    direct = f"http://{host}:{port}"
    with LoopbackProxy(("127.0.0.1", port)) as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        monkeypatch.setenv("NO_PROXY", "example.com,127.0.0.1")
        assert list_ids(direct) == _ids(fake)
        monkeypatch.delenv("NO_PROXY")
        assert list_ids(direct, trust_env=False) == _ids(fake)
        assert proxy.seen == []
        assert list_ids(direct) == _ids(fake)
        assert proxy.seen


def test_a_proxy_that_refuses_the_credentials_fails_at_once_without_a_secret(served, caplog):
    _, upstream = served
    with LoopbackProxy(upstream, credentials=("svc-cdf", "right")) as proxy:
        url = proxy.url.replace("://", "://svc-cdf:wrong-proxy-pass@")
        with (
            caplog.at_level(logging.DEBUG, logger="cdf_client"),
            pytest.raises(CDFConnectionError, match="407") as raised,
        ):
            _list_sync(f"https://{CDF_HOST}", proxy=url)
    assert len(proxy.seen) == 1  # a 407 is configuration, not worth a retry
    assert "wrong-proxy-pass" not in str(raised.value) + caplog.text


# TLS -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ca_dir(ca, tmp_path_factory):
    """A CA directory as OpenSSL reads one: the certificate under its subject hash (`openssl rehash`)."""
    path = tmp_path_factory.mktemp("capath")
    ca.cert_pem.write_to_path(str(path / "corporate-root.pem"))
    subprocess.run(["openssl", "rehash", str(path)], check=True)  # noqa: S607 (the system's openssl)
    return str(path)


@pytest.fixture
def tls_url(served, ca):
    _, upstream = served
    with TLSFront(ca, upstream) as front:
        yield f"https://127.0.0.1:{front.port}"


def test_verify_takes_a_ca_bundle_path(served, tls_url, ca_file, list_ids):
    assert list_ids(tls_url, verify=ca_file) == _ids(served[0])


def test_verify_takes_an_ssl_context(served, tls_url, ca, list_ids):
    context = ssl.create_default_context()
    ca.configure_trust(context)
    assert list_ids(tls_url, verify=context) == _ids(served[0])


def test_ssl_cert_file_is_honoured_unless_trust_env_is_false(served, tls_url, ca_file, list_ids, monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", ca_file)
    assert list_ids(tls_url) == _ids(served[0])
    with pytest.raises(CDFConnectionError, match="SSL_CERT_FILE") as raised:
        list_ids(tls_url, trust_env=False)
    assert "CERTIFICATE_VERIFY_FAILED" in str(raised.value)


def test_ssl_cert_dir_is_honoured(served, tls_url, ca_dir, list_ids, monkeypatch):
    monkeypatch.setenv("SSL_CERT_DIR", ca_dir)
    assert list_ids(tls_url) == _ids(served[0])


def test_verify_system_uses_the_operating_systems_trust_store(
    served, tls_url, ca_file, list_ids, monkeypatch
):
    # truststore reads OpenSSL's default locations on Linux, which SSL_CERT_FILE points elsewhere.
    monkeypatch.setenv("SSL_CERT_FILE", ca_file)
    assert list_ids(tls_url, verify="system", trust_env=False) == _ids(served[0])


def test_an_untrusted_certificate_fails_at_once_saying_what_to_configure(tls_url, caplog):
    with caplog.at_level(logging.WARNING, logger="cdf_client"), pytest.raises(CDFConnectionError) as raised:
        _list_sync(tls_url)
    message = str(raised.value)
    assert "CERTIFICATE_VERIFY_FAILED" in message
    assert "SSL_CERT_FILE" in message
    assert "verify=" in message
    assert caplog.records == []  # not retried


def test_bad_trust_settings_fail_before_any_request(tmp_path, monkeypatch):
    def build(**options):
        CDFClient(project="p", cluster="westeurope-1", token="t", **options).close()

    with pytest.raises(InvalidArgumentError, match="verify"):
        build(verify=1)
    with pytest.raises(InvalidArgumentError, match=r"verify.*no CA bundle"):
        build(verify=str(tmp_path / "missing.pem"))
    (tmp_path / "not.pem").write_text("not a certificate")
    with pytest.raises(InvalidArgumentError, match=r"verify.*not a readable PEM"):
        build(verify=str(tmp_path / "not.pem"))
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "missing.pem"))
    with pytest.raises(InvalidArgumentError, match="SSL_CERT_FILE"):
        build()
    build(trust_env=False)
    monkeypatch.setitem(sys.modules, "truststore", None)
    with pytest.raises(InvalidArgumentError, match=r"pip install 'cdf-client\[truststore\]'"):
        build(verify="system")


# Closing ----------------------------------------------------------------------------------------


def test_close_from_another_thread_ends_a_call_stalled_in_a_proxy_tunnel(ca, ca_file, monkeypatch):
    """Every pool the client makes, proxy tunnels included, has sockets that `close()` shuts down."""
    fake = FakeCDF.generate(files=10, seed=1, project="corp", token=TOKEN, record_requests=False)
    fake.faults = Faults(stall_rate=1.0, stall_s=_HANG_GUARD_S * 4)
    outcome = []
    with fake.serve() as base_url:
        address = urlsplit(base_url)
        with (
            TLSFront(ca, (address.hostname, address.port)) as front,
            LoopbackProxy(("127.0.0.1", front.port)) as proxy,
        ):
            monkeypatch.setenv("HTTPS_PROXY", proxy.url)
            # A read timeout beyond the hang guard: only close() can end the call in time.
            client = CDFClient(
                project="corp",
                base_url=f"https://{CDF_HOST}",
                token=TOKEN,
                verify=ca_file,
                timeout=_HANG_GUARD_S * 2,
            )

            def call():
                try:
                    outcome.append(client.files.get(1))
                except BaseException as error:  # noqa: BLE001 (the outcome is what the test looks at)
                    outcome.append(error)

            caller = threading.Thread(target=call)
            caller.start()
            for _ in range(1000):  # until the request is in the tunnel (bounded)
                if proxy.seen:
                    break
                threading.Event().wait(0.01)
            threading.Event().wait(0.2)  # past the TLS handshake: the answer is what stalls
            closer = threading.Thread(target=client.close)
            closer.start()
            caller.join(_HANG_GUARD_S)
            closer.join(_HANG_GUARD_S)
            assert not caller.is_alive(), "the call did not end after close()"
    assert proxy.seen == [f"CONNECT {CDF_HOST}:443"]
    assert isinstance(outcome[0], ClientClosedError), outcome
