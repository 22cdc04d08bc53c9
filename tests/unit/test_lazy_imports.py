"""`from cdf_client import CDFClient` leaves the generated layer and the async core for first use.

Import time is scenario 5 of scripts/bench; this checks the property behind it, not a timing.
"""

import json
import subprocess
import sys

_DEFERRED = ("asyncio", "attrs", "cdf_client_api", "cdf_client._core", "cdf_client._loop")

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


def test_the_first_call_loads_them():
    code = _PROBE.replace(
        "print(",
        "import httpx\n"
        "page = httpx.MockTransport(lambda request: httpx.Response(200, json={'items': [{'id': 1}]}))\n"
        "with CDFClient(project='p', base_url='http://fake', token='t', transport=page) as client:\n"
        "    assert client.files.filter().dicts().to_list() == [{'id': 1}]\n"
        "print(",
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(done.stdout))
    assert set(_DEFERRED) <= loaded
