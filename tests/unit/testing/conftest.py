import dataclasses
import functools
import json
import ssl
from collections.abc import Iterator
from typing import Any

import anyio
import httpx
import pytest

from cdf_client.testing import FakeCDF


@pytest.fixture(scope="module")
def plant() -> FakeCDF:
    """A seeded plant shared read-only by one module (tests that change faults build their own)."""
    return FakeCDF.generate(files=3000, seed=7)


def _api(fake: FakeCDF, **kwargs) -> httpx.Client:
    kwargs.setdefault("headers", {"Authorization": f"Bearer {fake.token}"})
    return httpx.Client(
        base_url=f"{fake.base_url}/api/v1/projects/{fake.project}", transport=fake.transport(), **kwargs
    )


@pytest.fixture
def api():
    """Make a raw httpx client on a fake's project, in process: `api(fake, headers=...)`."""
    return _api


@pytest.fixture
def http(plant: FakeCDF) -> Iterator[httpx.Client]:
    with _api(plant) as client:
        yield client


# Four ways to reach a fake, for tests that prove a behaviour holds in each: in process (the
# transport) and served over loopback (the ASGI app under uvicorn), with sync and async httpx.
WAYS = [
    "in-process-sync",
    "in-process-async",
    pytest.param("served-sync", marks=pytest.mark.network),
    pytest.param("served-async", marks=pytest.mark.network),
]


@dataclasses.dataclass
class Seen:
    """What a plain httpx client received: status and headers (None if none came), body, error."""

    status: int | None
    headers: httpx.Headers | None
    body: bytes  # the first `keep` bytes; raw unless decoded
    received: int  # all bytes received
    chunks: int
    error: Exception | None

    def json(self) -> Any:
        assert self.error is None, repr(self.error)
        return json.loads(self.body)


_TLS = ssl.create_default_context()


class Fetcher:
    """Sends one request to a fake one of the four ways and records what arrives, byte by byte."""

    def __init__(self, way: str, fake: FakeCDF, base_url: str | None) -> None:
        self.way = way
        self.fake = fake
        self.base_url = base_url or fake.base_url
        self.in_process = way.startswith("in-process")

    def __call__(
        self,
        method: str,
        path: str,
        *,
        timeout: float = 10.0,
        decode: bool = True,
        keep: int = 4 << 20,
        **kwargs: Any,
    ) -> Seen:
        if not path.startswith("/"):
            path = f"/api/v1/projects/{self.fake.project}/{path}"
        kwargs.setdefault("headers", {"Authorization": f"Bearer {self.fake.token}"})
        # One TLS context for all: building one per client costs more than a loopback request.
        options: dict[str, Any] = {"base_url": self.base_url, "timeout": timeout, "verify": _TLS}
        if self.in_process:
            options["transport"] = self.fake.transport()
        if self.way.endswith("async"):
            return anyio.run(
                functools.partial(self._async, method, path, options, kwargs, decode=decode, keep=keep)
            )
        return self._sync(method, path, options, kwargs, decode=decode, keep=keep)

    @staticmethod
    def _sync(method, path, options, kwargs, *, decode, keep) -> Seen:
        seen = Seen(None, None, b"", 0, 0, None)
        parts: list[bytes] = []
        with httpx.Client(**options) as client:
            try:
                with client.stream(method, path, **kwargs) as response:
                    seen.status, seen.headers = response.status_code, response.headers
                    for chunk in response.iter_bytes() if decode else response.iter_raw():
                        _take(seen, parts, chunk, keep)
            except httpx.HTTPError as exc:
                seen.error = exc
        seen.body = b"".join(parts)[:keep]
        return seen

    @staticmethod
    async def _async(method, path, options, kwargs, *, decode, keep) -> Seen:
        seen = Seen(None, None, b"", 0, 0, None)
        parts: list[bytes] = []
        async with httpx.AsyncClient(**options) as client:
            try:
                async with client.stream(method, path, **kwargs) as response:
                    seen.status, seen.headers = response.status_code, response.headers
                    async for chunk in response.aiter_bytes() if decode else response.aiter_raw():
                        _take(seen, parts, chunk, keep)
            except httpx.HTTPError as exc:
                seen.error = exc
        seen.body = b"".join(parts)[:keep]
        return seen


def _take(seen: Seen, parts: list[bytes], chunk: bytes, keep: int) -> None:
    if seen.received < keep:
        parts.append(chunk[: keep - seen.received])
    seen.received += len(chunk)
    seen.chunks += 1


@pytest.fixture(scope="module")
def served(fake: FakeCDF) -> Iterator[str]:
    """The module's `fake` served on loopback (started on first use)."""
    with fake.serve() as base_url:
        yield base_url


@pytest.fixture(params=WAYS)
def fetch(request: pytest.FixtureRequest, fake: FakeCDF) -> Iterator[Fetcher]:
    """Reach the module's `fake` each of the four ways; its hostile mode and throttle are reset after."""
    base_url = request.getfixturevalue("served") if request.param.startswith("served") else None
    yield Fetcher(request.param, fake, base_url)
    fake.hostile = None
    fake.throttle = None
