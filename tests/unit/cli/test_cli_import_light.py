"""`import cdf_client` stays light: the CLI's libraries and pandas load only when the CLI or pandas is used.

The command line is built on the standard library's argparse, and rich is imported by `cdf_client._cli`
only once the command runs. One thing is outside cdf_client's hands: httpx 0.28's own `__init__`
imports its command line, and with it click, pygments and rich, whenever click is installed
(encode/httpx#3547); uvicorn, which the `testing` extra serves the fake with, depends on click.
So the literal property is checked with click absent, and with it installed, that no module of
cdf_client is among those that ask for these libraries.
"""

import json
import subprocess
import sys

_LIBRARIES = ("click", "rich", "pygments", "pandas")

_PROBE = """
import importlib.abc, json, sys

HIDDEN = {hidden!r}
asked = []

class Watch(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        top = name.partition(".")[0]
        if top not in {libraries!r}:
            return None
        frame = sys._getframe(1)
        while frame.f_globals.get("__name__", "").startswith(("importlib", "_frozen_importlib")):
            frame = frame.f_back
        asked.append(frame.f_globals.get("__name__", ""))
        if top in HIDDEN:
            raise ModuleNotFoundError(name, name=name)  # as if it were not installed
        return None

sys.meta_path.insert(0, Watch())
import cdf_client
from cdf_client import CDFClient, AsyncCDFClient, NotFoundError, PandasNotInstalledError

print(json.dumps({{"asked": asked, "loaded": sorted(sys.modules)}}))
"""


def _probe(hidden=()):
    code = _PROBE.format(hidden=tuple(hidden), libraries=_LIBRARIES)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_the_cli_and_pandas_extras_are_installed_here():
    # Otherwise the tests below would pass for the wrong reason.
    probe = "import importlib.util as u; print([m for m in ('rich', 'pandas') if u.find_spec(m) is None])"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)

    assert result.stdout.strip() == "[]"


def test_without_click_importing_the_package_loads_no_cli_library_and_no_pandas():
    loaded = set(_probe(hidden=["click"])["loaded"])

    assert [name for name in _LIBRARIES if name in loaded] == []
    assert not {name for name in loaded if name.partition(".")[0] in _LIBRARIES}


def test_no_module_of_cdf_client_asks_for_click_rich_pygments_or_pandas():
    askers = set(_probe()["asked"])

    assert not {asker for asker in askers if asker.startswith("cdf_client")}
    # httpx's command line, and the libraries importing their own submodules.
    assert {asker.partition(".")[0] for asker in askers} <= {"httpx", *_LIBRARIES}


def test_importing_the_package_loads_none_of_the_command_line():
    loaded = _probe()["loaded"]

    assert not {name for name in loaded if name == "cdf_client._cli" or name.startswith("cdf_client._cli.")}
