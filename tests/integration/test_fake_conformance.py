"""Conformance: schemathesis generates requests from spec/openapi.yaml and sends them to the served fake.

Every response must be one the spec allows (status, content type, body schema) and none may be a 5xx.
The example budget keeps the default run around a minute; `-m slow` runs a deeper pass.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from cdf_client.testing import FakeCDF

SPEC = Path(__file__).parents[2] / "spec" / "openapi.yaml"
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
schema = schemathesis.openapi.from_path(SPEC)
pytestmark = pytest.mark.network


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[str, dict[str, str]]]:
    # Small ids, so generated ids and id lists hit real files and assets often enough to matter.
    fake = FakeCDF(
        files=[
            {"id": i, "name": f"f{i}", "externalId": f"f{i}", "assetIds": [1 + i % 3]} for i in range(1, 40)
        ],
        assets=[{"id": 1, "name": "root", "externalId": "root"}]
        + [{"id": i, "name": f"a{i}", "parentId": 1} for i in (2, 3)],
        record_requests=False,
    )
    with fake.serve() as base_url:
        yield f"{base_url}/api/v1/projects/{fake.project}", {"Authorization": f"Bearer {fake.token}"}


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_generated_request_gets_a_response_the_spec_allows(case, served) -> None:
    base_url, headers = served
    case.call_and_validate(base_url=base_url, headers=headers, checks=CHECKS, timeout=10)


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_generated_request_gets_a_response_the_spec_allows_deep(case, served) -> None:
    base_url, headers = served
    case.call_and_validate(base_url=base_url, headers=headers, checks=CHECKS, timeout=10)
