"""Fixtures and parametrization over spec/openapi.yaml (helpers live in `_openapi`)."""

from __future__ import annotations

import pytest
from _openapi import VARIANTS, Spec, load_spec


@pytest.fixture(scope="session")
def spec() -> Spec:
    return load_spec()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize `operation` over the spec's operations and `variant` over union members."""
    if "operation" in metafunc.fixturenames:
        ops = load_spec().operations()
        metafunc.parametrize("operation", ops, ids=[op.operation_id for op in ops])
    if "variant" in metafunc.fixturenames:
        metafunc.parametrize("variant", VARIANTS, ids=[f"variant{v}" for v in VARIANTS])
