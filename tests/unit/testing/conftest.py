from collections.abc import Iterator

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
