"""The command on a corporate network: `--proxy`, `-v`/`-vv`, and what it says while it cannot connect."""

import os
import subprocess
import sys
from urllib.parse import urlsplit

import orjson
import pytest
from _corpnet import CDF_HOST, LoopbackProxy

from cdf_client.testing import FakeCDF

pytestmark = pytest.mark.network

TOKEN = "cli-network-token"


@pytest.fixture(scope="module")
def served():
    fake = FakeCDF.generate(files=400, seed=8, project="net", token=TOKEN, record_requests=False)
    with fake.serve() as base_url:
        yield fake, base_url


def _env(**settings):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("CDF_") and "PROXY" not in key.upper()
    }
    return {**env, "CDF_PROJECT": "net", "CDF_TOKEN": TOKEN, **settings}


def cdf(*args, env):
    return subprocess.run(
        [sys.executable, "-m", "cdf_client", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_proxy_option_sends_everything_through_that_proxy(served):
    fake, base_url = served
    address = urlsplit(base_url)
    with LoopbackProxy((address.hostname, address.port)) as proxy:
        env = _env(CDF_BASE_URL=f"http://{CDF_HOST}", HTTP_PROXY="http://127.0.0.1:9")
        result = cdf("--proxy", proxy.url, "files", "list", "--format", "jsonl", env=env)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == len(fake.files)
    assert proxy.seen


def test_an_unreachable_cdf_says_so_on_every_retry_and_gives_up_after_3():
    env = _env(CDF_BASE_URL="http://127.0.0.1:9")
    result = cdf("files", "list", env=env)

    assert result.returncode == 1
    lines = result.stderr.splitlines()
    warnings = [line for line in lines if " WARNING " in line]
    assert len(warnings) == 3
    for number, line in enumerate(warnings, 1):
        assert f"files.list: ConnectError: [Errno 111] Connection refused; retry {number} of 3 in " in line
        assert "(GET http://127.0.0.1:9/api/v1/projects/net/files)" in line
    assert lines[-1].startswith("Error: CDFConnectionError: GET http://127.0.0.1:9/api/v1/projects/net/files")
    assert "Traceback" not in result.stderr
    assert TOKEN not in result.stderr


def test_verbose_shows_the_setup_and_very_verbose_every_request(served):
    _, base_url = served
    env = _env(CDF_BASE_URL=base_url)

    quiet = cdf("files", "list", "--limit", "5", env=env)
    verbose = cdf("files", "list", "--limit", "5", "-v", env=env)
    # Global options, also before the command.
    very = cdf("-vv", "files", "list", "--limit", "5", "--format", "jsonl", env=env)

    assert quiet.returncode == verbose.returncode == very.returncode == 0
    assert quiet.stderr == ""
    [setup] = verbose.stderr.splitlines()
    assert f" INFO client for {base_url}/api/v1/projects/net: TLS trusts " in setup
    assert setup.endswith("; no proxy")
    debug = [line for line in very.stderr.splitlines() if " DEBUG " in line]
    assert len(debug) == 1
    assert " DEBUG files.list: GET /api/v1/projects/net/files -> 200 in " in debug[0]
    assert len([orjson.loads(line) for line in very.stdout.splitlines()]) == 5
    assert TOKEN not in verbose.stderr + very.stderr
