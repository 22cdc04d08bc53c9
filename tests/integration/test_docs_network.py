"""The "Behind a proxy / corporate CA / seeing what happens" sections run, behind a loopback gateway.

The README and docs/client.md show placeholder proxy and CA values; the test swaps in its own (a
TLS-inspecting proxy on 127.0.0.1 and a trustme root CA) and runs every command and Python example
of those sections as written.
"""

import ast
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import trustme
from _corpnet import CDF_HOST, LoopbackProxy

from cdf_client import CDFClient, CDFConnectionError
from cdf_client.testing import FakeCDF

pytestmark = pytest.mark.network

ROOT = Path(__file__).resolve().parents[2]
SECTION = "## Behind a proxy / corporate CA / seeing what happens"
PROXY = "http://proxy.example.com:3128"
CA_FILE = "/etc/pki/tls/certs/corporate-ca.pem"
TOKEN = "docs-network-token"


def _section(path):
    text = path.read_text(encoding="utf-8")
    assert SECTION in text, path
    body = text.split(SECTION, 1)[1]
    return re.split(r"^## ", body, flags=re.MULTILINE)[0]


def _blocks(path, language):
    return re.findall(rf"```{language}\n(.*?)```", _section(path), flags=re.DOTALL)


@pytest.fixture(scope="module")
def gateway(tmp_path_factory):
    fake = FakeCDF.generate(files=50, seed=1, project="docs", token=TOKEN, record_requests=False)
    ca = trustme.CA()
    ca_file = tmp_path_factory.mktemp("docs") / "corporate-ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    with fake.serve() as base_url:
        address = urlsplit(base_url)
        with LoopbackProxy((address.hostname, address.port), intercept=ca) as proxy:
            yield proxy, str(ca_file)


def _substitute(text, proxy, ca_file):
    return text.replace(PROXY, proxy.url).replace(CA_FILE, ca_file)


@pytest.fixture
def environment():
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("CDF_", "SSL_CERT_")) and "PROXY" not in key.upper()
    }
    return {**env, "CDF_PROJECT": "docs", "CDF_BASE_URL": f"https://{CDF_HOST}", "CDF_TOKEN": TOKEN}


@pytest.mark.parametrize("doc", ["README.md", "docs/client.md"])
def test_the_sections_commands_run(doc, gateway, environment):
    proxy, ca_file = gateway
    [block] = _blocks(ROOT / doc, "bash")
    env = dict(environment)
    commands = 0
    for line in _substitute(block, proxy, ca_file).splitlines():
        words = shlex.split(line, comments=True)
        if words[0] == "export":
            name, _, value = words[1].partition("=")
            env[name] = value
            continue
        assert words[0] == "cdf-client"
        result = subprocess.run(
            [sys.executable, "-m", "cdf_client", *words[1:]],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip()
        assert f"via proxy {proxy.url}" in result.stderr
        assert f"SSL_CERT_FILE={ca_file}" in result.stderr
        commands += 1
    assert commands == 1
    assert f"CONNECT {CDF_HOST}:443" in proxy.seen


def test_the_python_examples_of_docs_client_md_run(gateway, environment, monkeypatch):
    proxy, ca_file = gateway
    for name in set(os.environ) - set(environment):
        monkeypatch.delenv(name)
    # The environment of the bash example above: HTTPS_PROXY and SSL_CERT_FILE.
    for name, value in {**environment, "HTTPS_PROXY": proxy.url, "SSL_CERT_FILE": ca_file}.items():
        monkeypatch.setenv(name, value)
    blocks = _blocks(ROOT / "docs" / "client.md", "python")
    assert len(blocks) == 2
    namespace = {"CDFClient": CDFClient}
    clients = []
    for block in blocks:
        # Statement by statement, to try each client the example builds.
        for statement in ast.parse(_substitute(block, proxy, ca_file)).body:
            exec(compile(ast.Module([statement], []), "docs/client.md", "exec"), namespace)  # noqa: S102 - our docs
            if isinstance(statement, ast.Assign) and namespace.get("client") is not None:
                clients.append(namespace.pop("client"))
    assert len(clients) == 3
    *configured, ignoring = clients
    for client in configured:
        with client:
            assert len(client.files.list(limit=3).to_list()) == 3
    # trust_env=False goes direct, and CDF's test host does not resolve without the proxy.
    with ignoring, pytest.raises(CDFConnectionError):
        ignoring.files.list(limit=3).to_list()
