"""The publication path: the built artifacts hold exactly the package, and a private index serves them safely.

Runs in tox's `package` env, which builds the sdist and wheel once and names the folder in
CDF_CLIENT_DIST_DIR; run alone (`pytest -m package tests/integration/test_publish.py`) it builds them.
The round trip uses a real pypiserver on 127.0.0.1 and a fresh virtual environment.
"""

from __future__ import annotations

import email.parser
import hashlib
import importlib.util
import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tarfile
import time
import tomllib
import urllib.request
import venv
import zipfile
from importlib.machinery import SourceFileLoader
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import ModuleType

    from packaging.specifiers import SpecifierSet

pytestmark = pytest.mark.package

ROOT = Path(__file__).resolve().parents[2]
PUBLISH = ROOT / "scripts" / "publish"
PACKAGES = {
    "cdf_client": ROOT / "overlay" / "cdf_client",
    "cdf_client_api": ROOT / "generated" / "cdf_client_api",
}
JUNK = {"__pycache__", ".ruff_cache", ".mypy_cache", ".DS_Store"}
SERVER_START_TIMEOUT = 30.0
INSTALL_TIMEOUT = 600


def project_version() -> str:
    text = (ROOT / "overlay" / "cdf_client" / "_version.py").read_text()
    match = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    assert match is not None
    return match.group(1)


VERSION = project_version()


def load_publish_script() -> ModuleType:
    loader = SourceFileLoader("cdf_client_publish", str(PUBLISH))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def source_files(package: str) -> set[str]:
    """What the wheel must hold of `package`: every file in its source folder, caches excepted."""
    root = PACKAGES[package]
    return {
        f"{package}/{path.relative_to(root).as_posix()}"
        for path in root.rglob("*")
        if path.is_file() and not JUNK.intersection(path.parts) and path.suffix != ".pyc"
    }


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("CDF_CLIENT_DIST_DIR")
    if given:
        return Path(given)
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], check=True)
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    path = dist / f"cdf_client-{VERSION}-py3-none-any.whl"
    assert path.is_file(), sorted(p.name for p in dist.iterdir())
    return path


@pytest.fixture(scope="module")
def sdist(dist: Path) -> Path:
    path = dist / f"cdf_client-{VERSION}.tar.gz"
    assert path.is_file(), sorted(p.name for p in dist.iterdir())
    return path


def test_wheel_holds_exactly_both_packages(wheel: Path):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    dist_info = f"cdf_client-{VERSION}.dist-info"
    payload = {name for name in names if not name.startswith(f"{dist_info}/")}
    expected = source_files("cdf_client") | source_files("cdf_client_api")
    assert payload == expected, f"missing {sorted(expected - payload)}, stray {sorted(payload - expected)}"
    for required in (
        "cdf_client/py.typed",
        "cdf_client_api/py.typed",
        "cdf_client_api/wire/models.py",
        "cdf_client_api/wire/typed_dicts.py",
    ):
        assert required in names
    assert {f"{dist_info}/{n}" for n in ("METADATA", "WHEEL", "RECORD", "entry_points.txt")} <= names


def test_wheel_and_sdist_carry_the_full_apache_license(wheel: Path, sdist: Path):
    text = (ROOT / "LICENSE").read_text()
    assert "Apache License" in text
    assert "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION" in text
    assert "END OF TERMS AND CONDITIONS" in text
    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.read(f"cdf_client-{VERSION}.dist-info/licenses/LICENSE").decode()
        raw = archive.read(f"cdf_client-{VERSION}.dist-info/METADATA").decode()
    meta = email.parser.Parser().parsestr(raw)
    assert shipped == text
    assert meta["License-Expression"] == "Apache-2.0"
    assert meta.get_all("License-File") == ["LICENSE"]
    with tarfile.open(sdist) as archive:
        member = archive.extractfile(f"cdf_client-{VERSION}/LICENSE")
        assert member is not None
        assert member.read().decode() == text


def test_wheel_metadata_declares_name_version_extras_and_private_classifier(wheel: Path):
    with zipfile.ZipFile(wheel) as archive:
        raw = archive.read(f"cdf_client-{VERSION}.dist-info/METADATA").decode()
    meta = email.parser.Parser().parsestr(raw)
    assert meta["Name"] == "cdf-client"
    assert meta["Version"] == VERSION
    assert meta["Requires-Python"] == ">=3.11"
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    extras = set(meta.get_all("Provides-Extra") or [])
    assert extras == set(declared) >= {"testing", "pandas", "polars", "arrow", "cli"}
    assert "Private :: Do Not Upload" in (meta.get_all("Classifier") or [])
    assert "Typing :: Typed" in (meta.get_all("Classifier") or [])


def test_sdist_holds_the_sources_to_regenerate_and_test(sdist: Path):
    top = f"cdf_client-{VERSION}"
    with tarfile.open(sdist) as archive:
        names = {name.removeprefix(f"{top}/") for name in archive.getnames()}
    required_files = ("pyproject.toml", "tox.ini", "spec/openapi.yaml", "scripts/regenerate", "PKG-INFO")
    for required in (*required_files, "LICENSE", "CHANGELOG.md"):
        assert required in names
    assert not {
        name for name in names if JUNK.intersection(name.split("/")) or name.startswith((".venv", ".tox"))
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def private_index(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A pypiserver on 127.0.0.1 with auth and the PyPI fallback off; yields its URL and package folder."""
    packages = tmp_path / "packages"
    packages.mkdir()
    port = free_port()
    log = (tmp_path / "pypiserver.log").open("w")
    command = [sys.executable, "-m", "pypiserver", "run", "-i", "127.0.0.1", "-p", str(port)]
    # -a . -P . : no authentication; --disable-fallback: never redirect unknown names to PyPI.
    command += ["-a", ".", "-P", ".", "--disable-fallback", str(packages)]
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            assert server.poll() is None, (tmp_path / "pypiserver.log").read_text()
            try:
                with urllib.request.urlopen(f"{url}/simple/", timeout=2):  # noqa: S310 - loopback http
                    break
            except OSError:
                assert time.monotonic() < deadline, "pypiserver did not start"
                time.sleep(0.1)
        yield url, packages
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        log.close()


def run_publish(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(PUBLISH), *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=INSTALL_TIMEOUT,
    )


PUBLISHING = ROOT / "docs" / "publishing.md"
DOC_INDEX = "https://pypi.internal.example/simple/"
DOC_HASH = "<sha256 of the wheel>"
BASH = shutil.which("bash") or "/bin/bash"


def documented_recipe(index_url: str, digest: str) -> list[str]:
    """The install commands of docs/publishing.md, aimed at `index_url` and this build's wheel."""
    text = PUBLISHING.read_text()
    match = re.search(r"### Recommended.*?```bash\n(.*?)```", text, re.DOTALL)
    assert match is not None, "docs/publishing.md has no recommended install recipe"
    recipe = match.group(1).replace(DOC_INDEX, index_url).replace(DOC_HASH, digest)
    recipe = re.sub(r"cdf-client==[\w.]+", f"cdf-client=={VERSION}", recipe)
    return [line for line in recipe.splitlines() if line.strip()]


def documented_extras() -> dict[str, str]:
    """The public dependencies docs/publishing.md lists for each extra, as pip arguments."""
    rows = re.findall(r"^\| `(\w+)` \| `(.+)` \|$", PUBLISHING.read_text(), re.MULTILINE)
    return dict(rows)


def requirement_set(requirements: list[str]) -> set[tuple[str, SpecifierSet]]:
    parsed = [Requirement(text) for text in requirements]
    return {(canonicalize_name(req.name), req.specifier) for req in parsed}


def test_the_documented_install_names_exactly_the_wheels_dependencies(wheel: Path):
    with zipfile.ZipFile(wheel) as archive:
        meta = email.parser.Parser().parsestr(
            archive.read(f"cdf_client-{VERSION}.dist-info/METADATA").decode()
        )
    declared: dict[str, list[str]] = {}
    for line in meta.get_all("Requires-Dist") or []:
        requirement, _, marker = line.partition(";")
        extra = re.search(r"extra == ['\"](\w+)['\"]", marker)
        declared.setdefault(extra.group(1) if extra else "", []).append(requirement.strip())
    core = shlex.split(documented_recipe(DOC_INDEX, DOC_HASH)[0], comments=True)
    assert core[:2] == ["pip", "install"]
    assert requirement_set(core[2:]) == requirement_set(declared.pop(""))
    extras = {name: requirement_set(shlex.split(args)) for name, args in documented_extras().items()}
    assert extras == {name: requirement_set(reqs) for name, reqs in declared.items()}


def isolated_pip_env() -> dict[str, str]:
    """An environment where pip sees no configuration at all: only the index named on the command line."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def test_publish_uploads_and_a_fresh_venv_installs_from_the_private_index(
    private_index: tuple[str, Path], wheel: Path, sdist: Path, tmp_path: Path
):
    url, packages = private_index
    upload = tmp_path / "dist"
    upload.mkdir()
    for artifact in (wheel, sdist):
        shutil.copy2(artifact, upload)
    env = {
        **os.environ,
        "CDF_CLIENT_INDEX_URL": f"{url}/",
        "CDF_CLIENT_INDEX_USERNAME": "ci",
        "CDF_CLIENT_INDEX_PASSWORD": "unused-auth-is-off",
    }
    result = run_publish(["--dist", str(upload)], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert {p.name for p in packages.iterdir()} == {wheel.name, sdist.name}

    # The recommended consumer setup, run as docs/publishing.md writes it: the `cli` extra's public
    # dependencies first (a user of the command), then the recipe, in a fresh virtual environment.
    target = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(target)
    python = str(target / "bin" / "python")
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    commands = [f"pip install {documented_extras()['cli']}", *documented_recipe(f"{url}/simple/", digest)]
    for command in commands:
        # The private step runs with no pip configuration at all, as on a machine that follows the
        # doc's pip.conf advice: the index named on the command line is the only one pip sees.
        env = isolated_pip_env() if "--index-url" in command else dict(os.environ)
        env["PATH"] = f"{target / 'bin'}{os.pathsep}{env.get('PATH', '')}"
        done = subprocess.run(
            [BASH, "-euo", "pipefail", "-c", command],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=INSTALL_TIMEOUT,
        )
        assert done.returncode == 0, f"$ {command}\n{done.stdout}{done.stderr}"

    probe = """if True:
        import json, sys, cdf_client, cdf_client_api
        from importlib import metadata, resources
        packages = (cdf_client, cdf_client_api)
        print(json.dumps({
            "dist": metadata.version("cdf-client"),
            "module": cdf_client.__version__,
            "typed": [resources.files(p).joinpath("py.typed").is_file() for p in packages],
            "files": [p.__file__ for p in packages],
            "heavy": [m for m in ("click", "rich", "pygments", "pandas") if m in sys.modules],
        }))
    """
    out = subprocess.run(
        [python, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True, timeout=120
    )
    found = json.loads(out.stdout)
    assert found["dist"] == found["module"] == VERSION
    assert found["typed"] == [True, True]
    assert all(Path(f).is_relative_to(target) for f in found["files"]), found["files"]
    # Issue 5: `import cdf_client` loads neither the CLI's libraries nor pandas, even with the cli extra.
    assert found["heavy"] == []
    demo = subprocess.run(
        [python, "-m", "cdf_client", "demo", "--files", "500"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert demo.returncode == 0, demo.stdout + demo.stderr
    assert "NotFoundError" in demo.stdout


@pytest.mark.parametrize(
    "url",
    [
        "https://upload.pypi.org/legacy/",
        "https://test.pypi.org/legacy/",
        "https://files.pythonhosted.org/",
        "https://pypi.internal.example/",  # not in CDF_CLIENT_INDEX_ALLOWED_HOSTS
        "http://allowed.internal.example/",  # allowed host, but credentials over plain http
    ],
)
def test_publish_refuses_public_unlisted_and_plain_http_indexes_before_building(url: str, tmp_path: Path):
    env = {
        **os.environ,
        "CDF_CLIENT_INDEX_URL": url,
        "CDF_CLIENT_INDEX_ALLOWED_HOSTS": "allowed.internal.example",
        # Belt and braces: were the guard broken, nothing could leave this machine anyway.
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "HTTP_PROXY": "http://127.0.0.1:9",
    }
    result = run_publish(["--dist", str(tmp_path)], env)
    assert result.returncode == 2
    assert "refusing" in result.stderr
    assert not list(tmp_path.iterdir()), "nothing may be built for a refused target"


@pytest.mark.parametrize(
    ("url", "allowed", "override", "verdict"),
    [
        ("http://127.0.0.1:8080/", "", False, "127.0.0.1"),
        ("http://localhost:8080/", "", False, "localhost"),
        ("http://[::1]:8080/", "", False, "::1"),
        ("https://pypi.internal.example/", "pypi.internal.example", False, "pypi.internal.example"),
        ("https://PyPI.Internal.Example/simple/", "pypi.internal.example", False, "pypi.internal.example"),
        ("https://pypi.internal.example/", "", False, None),
        ("https://pypi.org/", "pypi.org", False, None),  # listing a public index does not make it private
        ("https://upload.pypi.org/legacy/", "", True, "upload.pypi.org"),
        ("http://pypi.internal.example/", "pypi.internal.example", True, None),  # never plain http
        ("ftp://pypi.internal.example/", "pypi.internal.example", False, None),
        ("pypi.internal.example", "pypi.internal.example", False, None),
    ],
)
def test_publish_target_rules(url: str, allowed: str, override: bool, verdict: str | None):  # noqa: FBT001
    publish = load_publish_script()
    hosts = {allowed} if allowed else set()
    if verdict is None:
        with pytest.raises(publish.RefusedError):
            publish.check_target(url, hosts, allow_public=override)
    else:
        assert publish.check_target(url, hosts, allow_public=override) == verdict


def test_publish_never_prints_credentials_from_the_url(tmp_path: Path):
    env = {**os.environ, "CDF_CLIENT_INDEX_URL": "https://ci:s3cret-token@pypi.org/legacy/"}
    result = run_publish(["--dist", str(tmp_path)], env)
    assert result.returncode == 2
    assert "s3cret-token" not in result.stdout + result.stderr
