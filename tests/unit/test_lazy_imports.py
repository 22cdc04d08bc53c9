"""`from cdf_client import CDFClient` leaves the generated layer and the cores to client construction.

Import time is scenario 5 of scripts/bench; this checks the property behind it, not a timing.
"""

import json
import subprocess
import sys

# `cdf_client_api.rules` (plain classes of spec limits) loads with the overlay; its HTTP client and
# models do not.
_DEFERRED = (
    "asyncio",
    "attrs",
    "cdf_client_api.client",
    "cdf_client_api.models",
    "cdf_client_api.api",
    "cdf_client._async._core",
    "cdf_client._sync._core",
)

_PROBE = """
import json, sys
sys.modules["click"] = None  # httpx imports its CLI when click is installed (encode/httpx#3547)
from cdf_client import CDFClient, AsyncCDFClient, NotFoundError
print(json.dumps(sorted(sys.modules)))
"""


def test_importing_the_public_names_loads_neither_the_generated_layer_nor_asyncio():
    done = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True)
    loaded = set(json.loads(done.stdout))
    assert not loaded & set(_DEFERRED)


def test_building_a_sync_client_loads_its_core_so_no_call_pays_for_imports_and_never_asyncio():
    code = _PROBE.replace(
        "print(",
        "CDFClient(project='p', base_url='http://fake', token='t').close()\nprint(",
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(done.stdout))
    assert {"attrs", "cdf_client_api.api", "cdf_client._sync._core"} <= loaded
    # The sync client runs in the caller's thread: no event loop, no asyncio.
    assert not loaded & {"asyncio", "cdf_client._async._core"}


def test_building_an_async_client_loads_its_core():
    code = _PROBE.replace(
        "print(",
        "import asyncio\n"
        "asyncio.run(AsyncCDFClient(project='p', base_url='http://fake', token='t').aclose())\nprint(",
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert {"attrs", "cdf_client_api.api", "cdf_client._async._core"} <= set(json.loads(done.stdout))
