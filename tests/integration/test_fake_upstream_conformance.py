"""Against CDF's published contract: schemathesis sends valid and invalid requests to the served fake.

The schema is the upstream 20230101 contract (`../shared/reference/`, beside the checkout in CI), not
our spec, so what the fake accepts is judged by CDF's own document. No answer may be a 5xx; every
error is CDF's envelope with a request id; invalid data is rejected, except where docs/testing.md
says the fake is lenient on purpose, as CDF is.
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, negative_data_rejection

from cdf_client.testing import FakeCDF

UPSTREAM = Path(__file__).parents[3] / "shared" / "reference" / "cdf-openapi-20230101-subset.json"
if not UPSTREAM.exists():
    pytest.skip(f"CDF's published contract is not beside this checkout: {UPSTREAM}", allow_module_level=True)

schema = schemathesis.openapi.from_path(UPSTREAM)
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
pytestmark = pytest.mark.network


def cdf_error_envelope(_ctx: Any, response: Any, _case: Any) -> None:
    """Every answer has `x-request-id`; every error is `{"error": {"code": <status>, "message": ...}}`."""
    assert response.headers.get("x-request-id"), "no x-request-id"
    if response.status_code >= 400:
        error = response.json()["error"]
        assert error["code"] == response.status_code, error
        assert isinstance(error["message"], str), error
        assert error["message"], error


def invalid_data_rejected(ctx: Any, response: Any, case: Any) -> None:
    """Schemathesis' negative-data check, minus the leniencies docs/testing.md documents."""
    if not _documented_leniency(case):
        negative_data_rejection(ctx, response, case)


def _documented_leniency(case: Any) -> bool:
    if case.method.upper() == "GET":
        limit = (case.query or {}).get("limit")
        return str(limit).isdigit() and int(str(limit)) > 1000  # clamped, as GET's description says
    return _has_null(case.body) or _lenient_geo(case.body)


def _has_null(value: Any) -> bool:
    """JSON null reads as absent (cognite-sdk sends `"cursor": null`)."""
    if isinstance(value, dict):
        return any(_has_null(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_null(v) for v in value)
    return value is None


def _lenient_geo(body: Any) -> bool:
    """A relation in any letter case, and polygons without holes (one ring), as CDF accepts."""
    flt = body.get("filter") if isinstance(body, dict) else None
    geo = flt.get("geoLocation") if isinstance(flt, dict) else None
    if not isinstance(geo, dict):
        return False
    relation, shape = geo.get("relation"), geo.get("shape")
    if isinstance(relation, str) and relation != relation.upper():
        return True
    if not isinstance(shape, dict) or not isinstance(shape.get("coordinates"), list):
        return False
    polygons = [shape["coordinates"]] if shape.get("type") == "Polygon" else shape["coordinates"]
    return shape.get("type") in ("Polygon", "MultiPolygon") and any(
        isinstance(rings, list) and len(rings) == 1 for rings in polygons
    )


CHECKS = [not_a_server_error, content_type_conformance, cdf_error_envelope, invalid_data_rejected]


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
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_valid_and_invalid_requests_from_cdfs_contract_get_no_5xx_and_cdf_errors(case, served) -> None:
    base_url, headers = served
    case.call_and_validate(base_url=base_url, headers=headers, checks=CHECKS, timeout=10)


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
def test_valid_and_invalid_requests_from_cdfs_contract_deep(case, served) -> None:
    base_url, headers = served
    case.call_and_validate(base_url=base_url, headers=headers, checks=CHECKS, timeout=10)
