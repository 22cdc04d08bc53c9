"""Authentication over loopback: OAuth2 client credentials against the fake's token endpoint."""

import pytest

from cdf_client import AuthenticationError, CDFClient, ClientCredentials
from cdf_client.testing import FakeCDF

pytestmark = pytest.mark.network


@pytest.fixture(scope="module")
def served():
    fake = FakeCDF.generate(
        files=300, seed=4, client_credentials={"my-client": "my-secret"}, token_lifetime_s=3600
    )
    with fake.serve() as base_url:
        yield fake, base_url


def _client(base_url, fake, secret="my-secret"):  # noqa: S107 (the fake's test secret)
    credentials = ClientCredentials(
        token_url=f"{base_url}/oauth2/token",
        client_id="my-client",
        client_secret=secret,
        scopes=["s/.default"],
    )
    return CDFClient(project=fake.project, base_url=base_url, credentials=credentials)


def _token_requests(fake):
    return [r for r in fake.requests if r.path.endswith("/oauth2/token")]


def test_client_credentials_fetch_one_token_and_reuse_it(served):
    fake, base_url = served
    fake.clear_requests()
    with _client(base_url, fake) as client:
        assert len(client.files.filter(page_size=100).to_list()) == 300
        client.files.get(fake.files[0]["id"])
    assert len(_token_requests(fake)) == 1


def test_the_token_is_refreshed_before_it_expires(served):
    fake, base_url = served
    fake.clear_requests()
    now = [0.0]
    with _client(base_url, fake) as client:
        client._core.auth._clock = lambda: now[0]
        client.files.get(fake.files[0]["id"])
        now[0] += 3600 - 10  # inside the refresh margin
        client.files.get(fake.files[0]["id"])
    assert len(_token_requests(fake)) == 2


def test_a_401_refreshes_the_token_once_and_succeeds(served):
    fake, base_url = served
    fake.clear_requests()
    with _client(base_url, fake) as client:
        client.files.get(fake.files[0]["id"])
        fake.revoke_tokens()
        assert client.files.get(fake.files[1]["id"]).id == fake.files[1]["id"]
    assert len(_token_requests(fake)) == 2


def test_a_refused_secret_is_an_authentication_error_without_the_secret(served):
    fake, base_url = served
    with _client(base_url, fake, secret="wrong-secret") as client, pytest.raises(AuthenticationError) as info:
        client.files.get(fake.files[0]["id"])
    assert "wrong-secret" not in str(info.value)
    assert "wrong-secret" not in repr(client._core.auth._source)


def test_a_static_token_and_a_token_callable_work_over_loopback(served):
    fake, base_url = served
    calls = []

    def token():
        calls.append(1)
        return fake.token

    with CDFClient(project=fake.project, base_url=base_url, token=token) as client:
        assert len(client.assets.list().to_list()) == len(fake.assets)
    assert calls
    with CDFClient(project=fake.project, base_url=base_url, token=fake.token) as client:
        assert client.files.get(fake.files[0]["id"]).id == fake.files[0]["id"]
