"""Proxies from the environment pick the same route as httpx's own client would, URL by URL."""

import httpx
import pytest

from cdf_client import AsyncCDFClient, CDFClient, InvalidArgumentError

_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")

ENVIRONMENTS = [
    {"HTTPS_PROXY": "http://proxy.corp:3128"},
    {"HTTP_PROXY": "http://web.corp:8080", "HTTPS_PROXY": "http://tls.corp:3128"},
    {"ALL_PROXY": "http://all.corp:1080", "NO_PROXY": "cognitedata.com,localhost,10.0.0.1"},
    {"https_proxy": "proxy.corp:3128", "no_proxy": ".westeurope-1.cognitedata.com"},
    {"HTTPS_PROXY": "http://proxy.corp:3128", "NO_PROXY": "*"},
    {"HTTPS_PROXY": "http://user:secret@proxy.corp:3128", "NO_PROXY": "https://api.cognitedata.com"},
]
URLS = [
    "https://westeurope-1.cognitedata.com/api/v1/projects/p/files",
    "https://api.cognitedata.com/api/v1/projects/p/files",
    "http://localhost:8000/api/v1/projects/p/files",
    "http://10.0.0.1/api/v1/projects/p/files",
    "https://login.microsoftonline.com/tenant/oauth2/v2.0/token",
]


@pytest.fixture
def environment(monkeypatch):
    def apply(variables):
        for name in (*_VARIABLES, *(v.lower() for v in _VARIABLES)):
            monkeypatch.delenv(name, raising=False)
        for name, value in variables.items():
            monkeypatch.setenv(name, value)

    return apply


def _httpx_route(client, url):
    """The proxy URL httpx's own client would send `url` through (None: direct)."""
    pool = client._transport_for_url(httpx.URL(url))._pool
    proxy = getattr(pool, "_proxy_url", None)
    return None if proxy is None else f"{proxy.scheme.decode()}://{proxy.host.decode()}:{proxy.port}"


def _our_route(client, url):
    return client._core.http._transport_for_url(httpx.URL(url)).via


@pytest.mark.parametrize("variables", ENVIRONMENTS, ids=lambda v: ",".join(f"{k}={v[k]}" for k in v))
def test_each_url_goes_where_httpx_sends_it(environment, variables):
    environment(variables)
    with (
        httpx.Client() as reference,
        CDFClient(project="p", cluster="westeurope-1", token="t") as client,
    ):
        routes = [_httpx_route(reference, url) for url in URLS]
        assert [_our_route(client, url) for url in URLS] == routes
    # Every environment but NO_PROXY=* proxies something (so the comparison is not all-direct).
    assert any(routes) != (variables.get("NO_PROXY") == "*")


def test_trust_env_false_and_an_explicit_proxy_ignore_the_environment(environment):
    environment({"HTTPS_PROXY": "http://proxy.corp:3128"})
    url = URLS[0]
    with CDFClient(project="p", cluster="westeurope-1", token="t", trust_env=False) as client:
        assert _our_route(client, url) is None
    explicit = "http://explicit.corp:8080"
    for proxy in (explicit, httpx.Proxy(explicit)):
        with CDFClient(project="p", cluster="westeurope-1", token="t", proxy=proxy) as client:
            assert _our_route(client, url) == explicit
            assert _our_route(client, URLS[4]) == explicit


@pytest.mark.anyio
async def test_the_async_client_routes_alike(environment):
    environment(ENVIRONMENTS[2])
    async with AsyncCDFClient(project="p", cluster="westeurope-1", token="t") as client:
        with httpx.Client() as reference:
            for url in URLS:
                assert _our_route(client, url) == _httpx_route(reference, url), url


def test_from_env_passes_proxy_and_trust_env_through(environment):
    environment({"HTTPS_PROXY": "http://proxy.corp:3128"})
    env = {"CDF_PROJECT": "p", "CDF_CLUSTER": "westeurope-1", "CDF_TOKEN": "t"}
    with CDFClient.from_env(env, proxy="http://explicit.corp:8080") as client:
        assert _our_route(client, URLS[0]) == "http://explicit.corp:8080"
    with CDFClient.from_env(env, trust_env=False) as client:
        assert _our_route(client, URLS[0]) is None


def test_every_pool_is_under_the_one_retry_layer_and_closes_from_another_thread(environment):
    environment(ENVIRONMENTS[1])
    with CDFClient(project="p", cluster="westeurope-1", token="t") as client:
        core = client._core
        transports = [core.transport, *(t for t in core.mounts.values() if t is not None)]
        assert len(transports) == 3
        for transport in transports:
            # The retry layer wraps a pool directly (never another retry layer), with sockets
            # that `close()` from another thread shuts down.
            assert type(transport).__name__ == "RetryTransport"
            assert type(transport.inner._pool._network_backend).__name__ == "_ShutdownBackend"
    assert all(transport.closed for transport in transports)


def test_bad_proxy_arguments_fail_before_any_request(environment):
    environment({})
    with pytest.raises(InvalidArgumentError, match="proxy"):
        CDFClient(project="p", cluster="westeurope-1", token="t", proxy=3128)
    with pytest.raises(InvalidArgumentError, match="proxy") as raised:
        CDFClient(project="p", cluster="westeurope-1", token="t", proxy="ftp://user:hunter2@proxy.corp")
    assert "hunter2" not in str(raised.value)
    with pytest.raises(InvalidArgumentError, match="proxy"):
        CDFClient(
            project="p",
            base_url="http://h",
            token="t",
            proxy="http://p:1",
            transport=httpx.MockTransport(None),
        )
    with pytest.raises(InvalidArgumentError, match="trust_env"):
        CDFClient(project="p", cluster="westeurope-1", token="t", trust_env="no")
    environment({"HTTPS_PROXY": "ftp://proxy.corp"})
    with pytest.raises(InvalidArgumentError, match="environment"):
        CDFClient(project="p", cluster="westeurope-1", token="t")
