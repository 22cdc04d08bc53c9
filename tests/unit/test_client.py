import threading

import pytest

from cdf_client import AsyncCDFClient, CDFClient, ClientCredentials, InvalidArgumentError
from cdf_client.testing import FakeCDF


def test_base_url_comes_from_the_cluster_or_is_given():
    client = AsyncCDFClient(project="my proj", cluster="westeurope-1", token="t")
    assert client.base_url == "https://westeurope-1.cognitedata.com/api/v1/projects/my%20proj"
    client = AsyncCDFClient(project="p", base_url="http://127.0.0.1:8000/", token="t")
    assert client.base_url == "http://127.0.0.1:8000/api/v1/projects/p"


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"project": "", "cluster": "c", "token": "t"}, "project"),
        ({"project": "p", "token": "t"}, "base_url"),
        ({"project": "p", "cluster": "c", "base_url": "https://x", "token": "t"}, "base_url"),
        ({"project": "p", "cluster": "West Europe", "token": "t"}, "cluster"),
        ({"project": "p", "base_url": "ftp://x", "token": "t"}, "base_url"),
        ({"project": "p", "cluster": "c"}, "token"),
        ({"project": "p", "cluster": "c", "token": ""}, "token"),
        ({"project": "p", "cluster": "c", "token": "t", "max_concurrency": 0}, "max_concurrency"),
        ({"project": "p", "cluster": "c", "token": "t", "max_retries": -1}, "max_retries"),
    ],
)
def test_bad_configuration_is_refused_naming_the_argument(kwargs, argument):
    with pytest.raises(InvalidArgumentError) as info:
        AsyncCDFClient(**kwargs)
    assert info.value.argument == argument


def test_secrets_stay_out_of_reprs():
    credentials = ClientCredentials(
        token_url="https://t", client_id="id", client_secret="hunter2", scopes=["s"]
    )
    client = CDFClient(project="p", cluster="c", credentials=credentials)
    assert "hunter2" not in repr(credentials)
    assert "hunter2" not in repr(client)
    assert "tok-secret" not in repr(CDFClient(project="p", cluster="c", token="tok-secret"))


def test_from_env_reads_a_token_or_client_credentials():
    client = CDFClient.from_env({"CDF_PROJECT": "p", "CDF_CLUSTER": "api", "CDF_TOKEN": "t"}, app_name="x")
    assert client.base_url == "https://api.cognitedata.com/api/v1/projects/p"
    env = {
        "CDF_PROJECT": "p",
        "CDF_BASE_URL": "http://127.0.0.1:9",
        "CDF_CLIENT_ID": "id",
        "CDF_CLIENT_SECRET": "s",
        "CDF_TENANT_ID": "tenant",
    }
    client = AsyncCDFClient.from_env(env)
    credentials = client._core.auth._source
    assert credentials.token_url == "https://login.microsoftonline.com/tenant/oauth2/v2.0/token"
    assert credentials.scopes == ["http://127.0.0.1:9/.default"]
    with pytest.raises(InvalidArgumentError, match="CDF_PROJECT"):
        CDFClient.from_env({})
    with pytest.raises(InvalidArgumentError, match="CDF_TOKEN"):
        CDFClient.from_env({"CDF_PROJECT": "p", "CDF_CLUSTER": "api"})


def test_one_client_shared_by_threads_stays_correct():
    fake = FakeCDF.generate(files=600, seed=1)
    expected = sorted(f["id"] for f in fake.files)
    results, errors = [], []
    with CDFClient(
        project=fake.project, base_url=fake.base_url, token=fake.token, transport=fake.transport()
    ) as c:

        def work():
            try:
                results.append(sorted(f.id for f in c.files.filter(page_size=100, partitions=2)))
                results.append(sorted(f.id for f in c.files.retrieve(expected)))
            except Exception as error:  # noqa: BLE001 (reported below)
                errors.append(error)

        threads = [threading.Thread(target=work) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert results == [expected] * 12


def test_a_sync_client_can_be_closed_twice_and_used_as_a_context_manager():
    client = CDFClient(project="p", cluster="c", token="t")
    with client:
        pass
    client.close()
