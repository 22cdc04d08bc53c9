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


_TABLE_LIBRARIES = ("pyarrow", "polars", "pandas", "duckdb")

_TABLES_PROBE = """
import json, sys
sys.modules["click"] = None  # as above
import cdf_client
from cdf_client import CDFClient, ParquetResult, ArrowNotInstalledError, PolarsNotInstalledError
{client}
listing = client.files.filter(mime_type="image/png")  # a listing with to_arrow(), write_parquet(), ...
loaded_before = sorted(sys.modules)
{use}
client.close()
print(json.dumps([loaded_before, sorted(sys.modules)]))
"""


def _table_libraries(modules):
    return sorted({name.partition(".")[0] for name in modules} & set(_TABLE_LIBRARIES))


def test_the_package_a_client_and_a_listing_load_no_table_library():
    code = _TABLES_PROBE.format(
        client='client = CDFClient(project="p", base_url="http://fake", token="t")', use=""
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, _ = json.loads(done.stdout)

    assert _table_libraries(before) == []


def test_building_a_table_loads_pyarrow_then_and_only_what_the_frame_needs():
    fake = (
        "from cdf_client.testing import FakeCDF\n"
        'client = FakeCDF(files=[{"name": "a.png", "mimeType": "image/png"}]).client()'
    )
    code = _TABLES_PROBE.format(client=fake, use="assert listing.to_arrow().num_rows == 1")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    before, after = json.loads(done.stdout)

    assert _table_libraries(before) == []
    assert "pyarrow" in _table_libraries(after)
    assert "polars" not in _table_libraries(after)
