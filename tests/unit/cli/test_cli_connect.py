from cdf_client._cli._connect import Connection, missing_settings, settings_env

TOKEN_ENV = {"CDF_PROJECT": "p", "CDF_CLUSTER": "westeurope-1", "CDF_TOKEN": "t"}


def test_nothing_is_missing_with_project_cluster_and_token():
    assert missing_settings(TOKEN_ENV) == []
    assert missing_settings({**TOKEN_ENV, "CDF_CLUSTER": "", "CDF_BASE_URL": "http://127.0.0.1:1"}) == []


def test_an_empty_environment_names_every_setting():
    missing = "\n".join(missing_settings({}))

    for name in ("CDF_PROJECT", "CDF_CLUSTER", "CDF_BASE_URL", "CDF_TOKEN", "CDF_CLIENT_ID", "CDF_TOKEN_URL"):
        assert name in missing


def test_client_credentials_need_the_secret_and_a_token_url():
    missing = missing_settings({"CDF_PROJECT": "p", "CDF_CLUSTER": "c", "CDF_CLIENT_ID": "id"})

    assert len(missing) == 2
    assert missing[0].startswith("CDF_CLIENT_SECRET")
    assert missing[1].startswith("CDF_TOKEN_URL")


def test_complete_client_credentials_are_enough():
    env = {
        "CDF_PROJECT": "p",
        "CDF_CLUSTER": "c",
        "CDF_CLIENT_ID": "id",
        "CDF_CLIENT_SECRET": "s",
        "CDF_TOKEN_URL": "https://idp/token",
    }
    assert missing_settings(env) == []


def test_options_override_the_environment():
    env = settings_env(Connection(project="other", base_url="http://127.0.0.1:9"), TOKEN_ENV)

    assert env["CDF_PROJECT"] == "other"
    assert env["CDF_BASE_URL"] == "http://127.0.0.1:9"
    assert "CDF_CLUSTER" not in env
    assert env["CDF_TOKEN"] == "t"


def test_a_cluster_option_replaces_a_base_url_from_the_environment():
    env = settings_env(Connection(cluster="api"), {"CDF_BASE_URL": "http://x"})

    assert env == {"CDF_CLUSTER": "api"}
