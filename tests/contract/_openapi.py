"""The spec as test data: its operations, resolved schemas, and one wire example per union variant.

Contract tests compare the generated code against `spec/openapi.yaml` itself, never against a
hand-kept list, so a field or parameter added to the spec is checked without touching the tests.
"""

from __future__ import annotations

import builtins
import json
import keyword
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "spec" / "openapi.yaml"
REGENERATE = ROOT / "scripts" / "regenerate"
GENERATORS = ("openapi-python-client", "datamodel-codegen", "ruff")
# Enough examples that every variant of every union in the spec appears in one of them (the
# largest union, GeoLocationGeometry, has 6); `test_examples_cover_every_union_variant` checks this.
VARIANTS = range(6)


# openapi-python-client suffixes names that would shadow a builtin or keyword (`max` -> `max_`).
RESERVED = (set(dir(builtins)) | set(keyword.kwlist) | {"self", "true", "false", "datetime"}) - {"id"}


def wire_class_name(schema_key: str) -> str:
    """Name of the pydantic model and TypedDict datamodel-code-generator makes of a schema key."""
    # Keys that are not identifiers get a prefix (`429Error` -> `Field429Error`).
    return schema_key if schema_key.isidentifier() else f"Field{schema_key}"


def snake(name: str) -> str:
    """Python name openapi-python-client gives a wire name (`ignoreUnknownIds` -> `ignore_unknown_ids`)."""
    python = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()
    return f"{python}_" if python in RESERVED else python


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # "query" or "path"
    schema: dict[str, Any]
    json_array: bool  # x-cdf-json-array: sent as one JSON-array string

    @property
    def python_name(self) -> str:
        return snake(self.name)


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    tags: tuple[str, ...]
    parameters: tuple[Parameter, ...]
    body: dict[str, Any] | None  # the request body schema (a $ref), if any
    responses: dict[int, dict[str, Any]]  # status -> response schema (a $ref)

    @property
    def module_name(self) -> str:
        return f"cdf_client_api.api.{self.tags[0].lower()}.{snake(self.operation_id)}"


class Spec:
    """`spec/openapi.yaml` with $ref resolution and example generation."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self.schemas: dict[str, Any] = doc["components"]["schemas"]

    def deref(self, node: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
        """Follow $refs; return the target and the last component name on the way (None if inline)."""
        name = None
        while "$ref" in node:
            *_, kind, name = node["$ref"].split("/")
            node = self.doc["components"][kind][name]
        return node, name

    def operations(self) -> list[Operation]:
        found = []
        for path, item in self.doc["paths"].items():
            for method, op in item.items():
                params = []
                for raw in op.get("parameters", []):
                    param, _ = self.deref(raw)
                    params.append(
                        Parameter(
                            name=param["name"],
                            location=param["in"],
                            schema=param.get("schema")
                            or next(iter(param.get("content", {}).values()), {}).get("schema", {}),
                            json_array=bool(param.get("x-cdf-json-array")),
                        )
                    )
                body = None
                if "requestBody" in op:
                    body = self.deref(op["requestBody"])[0]["content"]["application/json"]["schema"]
                responses = {}
                for status, raw in op["responses"].items():
                    response, _ = self.deref(raw)
                    responses[int(status)] = response["content"]["application/json"]["schema"]
                found.append(
                    Operation(
                        operation_id=op["operationId"],
                        method=method,
                        path=path,
                        tags=tuple(op.get("tags", ())),
                        parameters=tuple(params),
                        body=body,
                        responses=responses,
                    )
                )
        return found

    def class_name(self, node: dict[str, Any]) -> str:
        """Name of the attrs model openapi-python-client makes of a named schema (its title, else its key)."""
        target, name = self.deref(node)
        if name is None:
            msg = f"inline object schemas get generated names; give it a $ref: {target}"
            raise AssertionError(msg)
        return target.get("title", name)

    def example(self, node: dict[str, Any], variant: int, salt: int = 0) -> Any:  # noqa: C901, PLR0911
        """A wire value with every property set; in each union take member `variant % len(members)`."""
        schema, _ = self.deref(node)
        if "oneOf" in schema:
            members = schema["oneOf"]
            return self.example(members[variant % len(members)], variant, salt)
        if "enum" in schema:
            return schema["enum"][variant % len(schema["enum"])]
        kind = schema.get("type")
        example = schema.get("example")
        if kind == "object" or "properties" in schema:
            props = schema.get("properties", {})
            if props:
                return {name: self.example(sub, variant, salt) for name, sub in props.items()}
            extra = schema.get("additionalProperties", True)
            return {"key": self.example(extra, variant, salt) if isinstance(extra, dict) else "value"}
        if kind == "array":
            count = max(schema.get("minItems", 1), 1)
            return [self.example(schema["items"], variant, salt + i) for i in range(count)]
        if kind == "integer":
            if isinstance(example, int) and not isinstance(example, bool):
                return example
            return schema.get("minimum", 1) + salt
        if kind == "number":
            return 1.5 + salt
        if kind == "boolean":
            return True
        if kind == "string":
            return example if isinstance(example, str) else f"x{salt}" if salt else "x"
        msg = f"no example rule for schema {schema}"
        raise AssertionError(msg)

    def parameter_value(self, param: Parameter, variant: int) -> Any:
        """A value for a parameter as the generated function takes it (JSON arrays as JSON strings)."""
        schema, _ = self.deref(param.schema)
        if param.json_array and schema.get("type") == "string":
            items = [1, 2] if schema.get("format") == "jsonArray(int64)" else ["a", "b"]
            return json.dumps(items)
        return self.example(param.schema, variant)


def require_generators() -> None:
    """Skip (or fail, where CDF_CLIENT_REQUIRE_GENERATORS is set, as in tox -e contract) without them."""
    bindir = Path(sys.executable).parent
    missing = [tool for tool in GENERATORS if not (bindir / tool).exists()]
    if missing:
        reason = f"generators {missing} are not installed beside {sys.executable} (tox -e contract has them)"
        if os.environ.get("CDF_CLIENT_REQUIRE_GENERATORS"):
            pytest.fail(reason)
        pytest.skip(reason)


def load_spec() -> Spec:
    return Spec(yaml.safe_load(SPEC_PATH.read_text()))
