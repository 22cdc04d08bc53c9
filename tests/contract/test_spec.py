"""spec/openapi.yaml is valid OpenAPI 3.1, agrees with CDF's published contract, and suits the generators."""

from __future__ import annotations

import subprocess
import sys

import pytest
from _openapi import ROOT, SPEC_PATH, VARIANTS, Operation, Spec
from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename

UPSTREAM_CHECK = ROOT.parent / "shared" / "tools" / "check_upstream.py"
OPERATIONS = {
    ("post", "/files/list"): "filterFiles",
    ("get", "/files"): "listFiles",
    ("get", "/assets"): "listAssets",
    ("get", "/files/{id}"): "getFile",
    ("post", "/files/byids"): "retrieveFiles",
}


def test_spec_is_a_valid_openapi_31_document():
    doc, base_uri = read_from_filename(str(SPEC_PATH))
    assert str(doc["openapi"]).startswith("3.1.")
    validate(doc, base_uri=base_uri)  # raises OpenAPIValidationError with the offending path


def test_spec_agrees_with_cdfs_published_contract():
    if not UPSTREAM_CHECK.is_file():
        pytest.skip(f"upstream comparison skipped: {UPSTREAM_CHECK} is not beside this checkout")
    result = subprocess.run(
        [sys.executable, str(UPSTREAM_CHECK), str(SPEC_PATH)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("upstream: 0 mismatches")


def test_spec_has_exactly_the_five_operations_with_stable_ids(spec: Spec):
    found = {(op.method, op.path): op.operation_id for op in spec.operations()}
    assert found == OPERATIONS


def test_operation_has_exactly_one_tag(operation: Operation):
    # The first tag picks the generated module's folder; a second one would be silently ignored.
    assert len(operation.tags) == 1


def test_json_array_parameters_are_declared_so_the_generator_keeps_them(spec: Spec, operation: Operation):
    raw_params = spec.doc["paths"][operation.path][operation.method].get("parameters", [])
    for raw in raw_params:
        param, _ = spec.deref(raw)
        # openapi-python-client silently drops `content:` parameters and flattens object ones.
        assert "content" not in param, f"{param['name']}: openapi-python-client drops `content:` parameters"
        schema, _ = spec.deref(param.get("schema", {}))
        assert schema.get("type") != "object", f"{param['name']}: object query parameters get flattened"
        json_format = str(schema.get("format", "")).startswith("jsonArray(")
        if json_format or param.get("x-cdf-json-array"):
            assert param.get("x-cdf-json-array") is True, f"{param['name']} needs x-cdf-json-array: true"
            is_string = schema.get("type") == "string"
            # An array of objects is sent as one JSON string by spec/templates (e.g. dataSetIds).
            items, _ = spec.deref(schema.get("items", {}))
            is_object_array = schema.get("type") == "array" and ("oneOf" in items or "properties" in items)
            assert is_string or is_object_array, param["name"]


def test_union_members_are_named_refs_with_titles(spec: Spec):
    # openapi-python-client names union members by title and cannot generate inline object members.
    def walk(node: object) -> None:
        if isinstance(node, dict):
            for member in node.get("oneOf", []):
                target, name = spec.deref(member)
                assert name is not None, f"inline union member: {member}"
                assert "title" in target, f"union member {name} has no title"
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec.doc)


def test_request_bodies_reject_unknown_fields(spec: Spec):
    # The fake server's pydantic models forbid extra keys only where the spec says so.
    bodies = [spec.deref(op.body) for op in spec.operations() if op.body is not None]
    assert bodies
    for body, name in bodies:
        assert body.get("additionalProperties") is False, name


def test_examples_cover_every_union_variant(spec: Spec):
    # The example generator takes member `variant % n` of each union: VARIANTS must reach every member.
    largest = 0

    def walk(node: object) -> None:
        nonlocal largest
        if isinstance(node, dict):
            largest = max(largest, len(node.get("oneOf", [])))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec.schemas)
    assert len(VARIANTS) >= largest
