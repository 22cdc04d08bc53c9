"""A spec-faithful fake CDF for tests: in process, as an ASGI app, or served on 127.0.0.1.

Example:
    from cdf_client.testing import FakeCDF, Faults, Hostile, Throttle

    fake = FakeCDF.generate(files=1000, seed=0)
    transport = fake.transport()        # httpx sync + async, no sockets
    with fake.serve() as base_url: ...  # uvicorn on 127.0.0.1, free port
    fake.hostile = Hostile("gzip_bomb") # a broken or malicious CDF (docs/testing.md lists the modes)
    fake.throttle = Throttle()          # CDF's request budget per token: 23 per second, 12 at once

Needs the `testing` extra (`pip install cdf-client[testing]`): pydantic validates requests with the
models generated from the spec, uvicorn serves over HTTP.

"""

from cdf_client.testing import _extra

try:
    from cdf_client.testing._fake import FakeCDF, RecordedRequest
    from cdf_client.testing._faults import Faults
    from cdf_client.testing._hostile import Hostile
    from cdf_client.testing._throttle import Throttle, ThrottleStats
    from cdf_client.testing._transport import FakeTransport
except ModuleNotFoundError as _error:
    # Without the extra: one line that says what to install, not pydantic's import traceback.
    raise _extra.missing_library(_error, "cdf_client.testing (the fake CDF)") from None

__all__ = ["FakeCDF", "FakeTransport", "Faults", "Hostile", "RecordedRequest", "Throttle", "ThrottleStats"]

for _name in __all__:
    globals()[_name].__module__ = __name__
del _name
