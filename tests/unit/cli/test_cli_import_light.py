"""`import cdf_client` stays light: the CLI libraries and pandas load only when the CLI or pandas is used.

httpx 0.28's own `__init__` imports its optional command line (click, rich) whenever those happen to be
installed (encode/httpx#3547), which cdf_client cannot prevent. So the check is on who asks for them:
a finder that refuses click, rich and pandas records every importer, and none may be cdf_client.
"""

import json
import subprocess
import sys

_PROBE = """
import importlib.abc, json, sys

BLOCKED = ("click", "rich", "pandas", "numpy")
asked = []

class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] not in BLOCKED:
            return None
        frame = sys._getframe(1)
        while frame.f_globals.get("__name__", "").startswith(("importlib", "_frozen_importlib")):
            frame = frame.f_back
        asked.append([name, frame.f_globals.get("__name__", "")])
        raise ImportError(name)

sys.meta_path.insert(0, Refuse())
import cdf_client
from cdf_client import CDFClient, AsyncCDFClient, NotFoundError

def heavy(module):
    cli = module == "cdf_client._cli" or module.startswith("cdf_client._cli.")
    return cli or module.partition(".")[0] in BLOCKED

loaded = sorted(m for m in sys.modules if heavy(m))
print(json.dumps({"asked": asked, "loaded": loaded, "pandas_module": "cdf_client._pandas" in sys.modules}))
"""


def _probe():
    result = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_importing_the_package_loads_no_cli_or_pandas_library():
    probe = _probe()

    assert probe["loaded"] == []
    assert not probe["pandas_module"]


def test_no_module_of_cdf_client_asks_for_click_rich_or_pandas():
    probe = _probe()

    askers = {asker for _, asker in probe["asked"]}
    assert not {asker for asker in askers if asker.startswith("cdf_client")}
    assert not [name for name, _ in probe["asked"] if name.startswith(("pandas", "numpy"))]
