"""Every parameter and body field of the five operations maps to an overlay argument, and back.

Read from spec/openapi.yaml itself: when the spec grows a parameter or filter field that the
overlay does not expose, these tests fail.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from cdf_client import AssetsAPI, AsyncAssetsAPI, AsyncFilesAPI, FilesAPI

SPEC = yaml.safe_load((Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml").read_text())

# Wire names the overlay spells differently, per operation: paging is driven by the listing itself.
PAGING = {"limit": "page_size", "cursor": "resume_from", "partition": "partitions"}
RENAMED = {
    "filterFiles": PAGING,
    "listFiles": PAGING,
    "listAssets": PAGING,
    "getFile": {},
    "retrieveFiles": {"items": "identifiers"},
}
# Overlay arguments with no wire field of their own (the listing's total cap).
OVERLAY_ONLY = {"limit"}
METHODS = {
    "filterFiles": AsyncFilesAPI.filter,
    "listFiles": AsyncFilesAPI.list,
    "listAssets": AsyncAssetsAPI.list,
    "getFile": AsyncFilesAPI.get,
    "retrieveFiles": AsyncFilesAPI.retrieve,
}


def _snake(name: str) -> str:
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        *_, kind, name = node["$ref"].split("/")
        node = SPEC["components"][kind][name]
    return node


def _properties(schema: dict[str, Any]) -> dict[str, Any]:
    schema = _resolve(schema)
    found = dict(schema.get("properties", {}))
    for part in schema.get("allOf", []):
        found.update(_properties(part))
    return found


def _operation(operation_id: str) -> dict[str, Any]:
    for item in SPEC["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return operation
    raise LookupError(operation_id)


def _wire_names(operation_id: str) -> set[str]:
    """Every query/path parameter and body field; the filter object counts by its own fields."""
    operation = _operation(operation_id)
    names = {_resolve(p)["name"] for p in operation.get("parameters", [])}
    body = operation.get("requestBody")
    if body:
        fields = _properties(body["content"]["application/json"]["schema"])
        if "filter" in fields:
            names |= {f"filter.{name}" for name in _properties(fields.pop("filter"))}
        names |= set(fields)
    return names


def _overlay_name(operation_id: str, wire: str) -> str:
    wire = wire.removeprefix("filter.")
    return RENAMED[operation_id].get(wire, _snake(wire))


@pytest.mark.parametrize("operation_id", sorted(METHODS))
def test_every_wire_name_has_an_overlay_argument(operation_id):
    parameters = inspect.signature(METHODS[operation_id]).parameters
    missing = {
        wire for wire in _wire_names(operation_id) if _overlay_name(operation_id, wire) not in parameters
    }
    assert not missing, f"{operation_id}: the spec has {sorted(missing)} but the overlay does not expose them"


@pytest.mark.parametrize("operation_id", sorted(METHODS))
def test_every_overlay_argument_maps_to_a_wire_name(operation_id):
    expected = {_overlay_name(operation_id, wire) for wire in _wire_names(operation_id)}
    arguments = set(inspect.signature(METHODS[operation_id]).parameters) - {"self"}
    extra = arguments - expected - OVERLAY_ONLY
    assert not extra, f"{operation_id}: overlay arguments {sorted(extra)} have no wire counterpart"


def test_the_sync_twins_expose_the_same_arguments():
    for sync, asynchronous in ((FilesAPI, AsyncFilesAPI), (AssetsAPI, AsyncAssetsAPI)):
        for name in ("filter", "list", "get", "retrieve"):
            if hasattr(asynchronous, name):
                assert inspect.signature(getattr(sync, name)).parameters == (
                    inspect.signature(getattr(asynchronous, name)).parameters
                )


def test_json_array_parameters_are_lists_in_the_overlay():
    for operation_id in ("listFiles", "listAssets"):
        method = METHODS[operation_id]
        hints = inspect.signature(method).parameters
        for reference in _operation(operation_id).get("parameters", []):
            parameter = _resolve(reference)
            if parameter.get("x-cdf-json-array"):
                annotation = str(hints[_snake(parameter["name"])].annotation)
                assert annotation.startswith("Sequence["), (operation_id, parameter["name"], annotation)
