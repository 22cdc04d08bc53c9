"""The installed cdf-client distribution is what users get: version, typing markers, extras, entry point."""

from __future__ import annotations

import re
from importlib import metadata, resources

import pytest

import cdf_client
import cdf_client_api

DIST = metadata.distribution("cdf-client")


def test_installed_version_is_the_package_version():
    assert metadata.version("cdf-client") == cdf_client.__version__
    assert re.fullmatch(r"\d+\.\d+\.\d+((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?", cdf_client.__version__)


@pytest.mark.parametrize("package", [cdf_client, cdf_client_api], ids=lambda p: p.__name__)
def test_both_import_packages_ship_py_typed(package):
    assert resources.files(package).joinpath("py.typed").is_file()


def test_extras_are_declared():
    assert set(DIST.metadata.get_all("Provides-Extra") or []) >= {
        "testing",
        "pandas",
        "polars",
        "arrow",
        "cli",
    }


def test_runtime_dependencies_are_ranges_not_pins():
    requirements = [r for r in DIST.requires or [] if "extra ==" not in r]
    names = {re.split(r"[ <>=!~;\[]", r, maxsplit=1)[0].lower() for r in requirements}
    assert names == {"httpx", "attrs", "orjson", "typing-extensions", "sniffio"}
    assert not [r for r in requirements if "==" in r]


def test_private_classifier_keeps_it_off_pypi():
    assert "Private :: Do Not Upload" in (DIST.metadata.get_all("Classifier") or [])


def test_console_script_is_declared():
    scripts = {ep.name: ep.value for ep in DIST.entry_points if ep.group == "console_scripts"}
    assert scripts == {"cdf-client": "cdf_client._cli:main"}
