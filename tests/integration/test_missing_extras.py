"""Without the `testing` extra, the fake says what to install instead of a bare ModuleNotFoundError.

Each case runs in a fresh interpreter where a meta-path finder (installed by a sitecustomize on
PYTHONPATH, so it is in place before `python -m` imports anything) makes the named libraries look
uninstalled, exactly as in an environment without them.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

INSTALL = 'pip install "cdf-client[testing]"'
BLOCKER = """
import importlib.abc, os, sys

class NotInstalled(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in os.environ["NOT_INSTALLED"].split(","):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, NotInstalled())
"""


@pytest.fixture
def without(tmp_path: Path):
    (tmp_path / "sitecustomize.py").write_text(BLOCKER)

    def run(libraries: str, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": str(tmp_path), "NOT_INSTALLED": libraries}
        return subprocess.run(
            [sys.executable, *args], env=env, capture_output=True, text=True, timeout=120, check=False
        )

    return run


def test_the_blocker_hides_the_library(without):
    result = without("uvicorn", "-c", "import uvicorn")

    assert result.returncode == 1
    assert "ModuleNotFoundError: No module named 'uvicorn'" in result.stderr


def test_serve_without_uvicorn_says_what_to_install_before_any_work(without):
    result = without("uvicorn", "-m", "cdf_client.testing", "serve", "--files", "100000")

    assert result.returncode == 2
    assert result.stdout == ""  # no plant was generated
    assert result.stderr.strip() == (
        f"error: Serving the fake CDF over HTTP needs uvicorn, which is not installed: {INSTALL}"
    )


PROBE = """
import cdf_client
try:
    {code}
except ImportError as error:
    print(type(error).__name__, isinstance(error, cdf_client.CDFError), isinstance(error, ImportError))
    print(error.name)
    print(error)
"""


@pytest.mark.parametrize(
    ("libraries", "code", "library", "feature"),
    [
        (
            "pydantic",
            "from cdf_client.testing import FakeCDF",
            "pydantic",
            "cdf_client.testing (the fake CDF)",
        ),
        (
            "pydantic,uvicorn",
            "import cdf_client.testing",
            "pydantic",
            "cdf_client.testing (the fake CDF)",
        ),
        (
            "uvicorn",
            "from cdf_client.testing import FakeCDF\n    FakeCDF().serve().__enter__()",
            "uvicorn",
            "Serving the fake CDF over HTTP",
        ),
    ],
    ids=["import-without-pydantic", "import-without-either", "serve-without-uvicorn"],
)
def test_using_the_fake_without_the_extra_raises_a_typed_error_naming_the_install(
    without, libraries, code, library, feature
):
    result = without(libraries, "-c", PROBE.format(code=code))

    assert result.returncode == 0, result.stderr
    kind, name, message = result.stdout.splitlines()
    # A CDFError, and still the ImportError that `except ImportError` and pytest.importorskip expect.
    assert kind == "MissingExtraError True True"
    assert name == library
    assert message == f"{feature} needs {library}, which is not installed: {INSTALL}"


def test_another_missing_module_is_not_disguised_as_the_extra(without):
    # httpx is a core dependency: its absence is a broken install, reported as it is.
    result = without("httpx", "-c", "import cdf_client.testing")

    assert result.returncode == 1
    assert "MissingExtraError" not in result.stderr
    assert "No module named 'httpx'" in result.stderr
