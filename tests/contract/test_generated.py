"""generated/ is exactly what the spec produces, and carries every operation, parameter and field of it.

openapi-python-client drops some constructs without a warning (`content:` query parameters, for one),
so these tests walk the spec and prove each parameter and body field reaches a real request, and
each response field survives decoding, rather than trusting the generator.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import json
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from _openapi import REGENERATE, Operation, Parameter, Spec, require_generators, snake, wire_class_name
from pydantic import ValidationError

from cdf_client_api import Client, models
from cdf_client_api.wire import models as wire_models

if TYPE_CHECKING:
    from types import ModuleType

BASE_URL = "https://cdf.test/api/v1/projects/demo"


def operation_module(operation: Operation) -> ModuleType:
    return importlib.import_module(operation.module_name)


def build(spec: Spec, node: dict[str, Any], value: Any, variant: int) -> Any:
    """Build the generated attrs object(s) for a wire value, using the union member the example used."""
    schema, _ = spec.deref(node)
    if "oneOf" in schema:
        members = schema["oneOf"]
        return build(spec, members[variant % len(members)], value, variant)
    if schema.get("type") == "array":
        return [build(spec, schema["items"], item, variant) for item in value]
    if schema.get("type") == "object" or "properties" in schema:
        cls = getattr(models, spec.class_name(node))
        props = schema.get("properties")
        if not props:  # a string map: the generated wrapper keeps entries as additional properties
            return cls.from_dict(value)
        return cls(**{snake(name): build(spec, props[name], item, variant) for name, item in value.items()})
    return value


def call_arguments(spec: Spec, operation: Operation, variant: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """Keyword arguments for the generated functions, and the wire value of each parameter."""
    kwargs: dict[str, Any] = {}
    wire: dict[str, Any] = {}
    for param in operation.parameters:
        wire[param.name] = spec.parameter_value(param, variant)
        kwargs[param.python_name] = build(spec, param.schema, wire[param.name], variant)
    if operation.body is not None:
        wire["body"] = spec.example(operation.body, variant)
        kwargs["body"] = build(spec, operation.body, wire["body"], variant)
    return kwargs, wire


def query_text(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def assert_parameter_sent(request: httpx.Request, param: Parameter, value: Any) -> None:
    sent = request.url.params.get_list(param.name)
    assert sent, f"query parameter {param.name!r} never reached the request: {request.url}"
    if param.json_array:
        assert len(sent) == 1, f"{param.name} must be one JSON-array string, got {sent}"
        assert json.loads(sent[0]) == (json.loads(value) if isinstance(value, str) else value)
    elif isinstance(value, list):
        assert sent == [query_text(item) for item in value], param.name
    else:
        assert sent == [query_text(value)], param.name


def assert_fields_mapped(spec: Spec, node: dict[str, Any], obj: Any, variant: int, where: str) -> None:
    """Check each spec property of each decoded object is an attribute, not an `additional_properties` key."""
    schema, _ = spec.deref(node)
    if "oneOf" in schema:
        member = schema["oneOf"][variant % len(schema["oneOf"])]
        expected = spec.class_name(member)
        assert type(obj).__name__ == expected, f"{where}: decoded as {type(obj).__name__}, not {expected}"
        assert_fields_mapped(spec, member, obj, variant, where)
    elif schema.get("type") == "array":
        for i, item in enumerate(obj):
            assert_fields_mapped(spec, schema["items"], item, variant, f"{where}[{i}]")
    elif props := schema.get("properties"):
        leftovers = set(getattr(obj, "additional_properties", {})) & set(props)
        assert not leftovers, f"{where}: spec fields {leftovers} missing from {type(obj).__name__}"
        for name, sub in props.items():
            assert hasattr(obj, snake(name)), f"{where}: {type(obj).__name__} has no {snake(name)}"
            assert_fields_mapped(spec, sub, getattr(obj, snake(name)), variant, f"{where}.{name}")


def mock_client(status: int, payload: Any, seen: list[httpx.Request]) -> Client:
    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, json=payload)

    return Client(base_url=BASE_URL, httpx_args={"transport": httpx.MockTransport(answer)})


def test_regeneration_reproduces_generated_exactly():
    require_generators()
    result = subprocess.run(
        [sys.executable, str(REGENERATE), "--check"],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, f"{result.stdout[-6000:]}\n{result.stderr[-3000:]}"


def test_operation_module_exposes_sync_async_and_request_kwargs(operation: Operation):
    module = operation_module(operation)
    for name in ("sync_detailed", "sync", "asyncio_detailed", "asyncio", "request_kwargs"):
        assert callable(getattr(module, name, None)), f"{operation.module_name} has no {name}()"
    assert inspect.iscoroutinefunction(module.asyncio_detailed)


def test_generated_functions_take_exactly_the_spec_parameters(operation: Operation):
    module = operation_module(operation)
    expected = {param.python_name for param in operation.parameters}
    if operation.body is not None:
        expected.add("body")
    for function in (module.request_kwargs, module.sync_detailed, module.asyncio_detailed):
        actual = set(inspect.signature(function).parameters) - {"client"}
        assert actual == expected, (
            f"{operation.operation_id}.{function.__name__}: missing {sorted(expected - actual)}, "
            f"not in the spec {sorted(actual - expected)}"
        )


def test_request_kwargs_carries_every_parameter(spec: Spec, operation: Operation):
    kwargs, wire = call_arguments(spec, operation, variant=0)
    sent = operation_module(operation).request_kwargs(**kwargs)
    assert sent["method"] == operation.method
    params = sent.get("params", {})
    for param in operation.parameters:
        if param.location == "path":
            assert sent["url"] == operation.path.replace(f"{{{param.name}}}", str(wire[param.name]))
            continue
        assert param.name in params, f"{operation.operation_id}: {param.name} is not in params"
        if param.json_array:
            assert isinstance(params[param.name], str), f"{param.name} must be sent as a JSON string"
    if operation.body is not None:
        assert sent["json"] == wire["body"]


def test_every_parameter_and_body_field_reaches_the_wire(spec: Spec, operation: Operation, variant: int):
    kwargs, wire = call_arguments(spec, operation, variant)
    module = operation_module(operation)
    ok = spec.example(operation.responses[200], variant)
    seen: list[httpx.Request] = []
    module.sync_detailed(client=mock_client(200, ok, seen), **kwargs)
    asyncio.run(module.asyncio_detailed(client=mock_client(200, ok, seen), **kwargs))
    assert len(seen) == 2
    for request in seen:
        assert request.method == operation.method.upper()
        path = operation.path
        for param in operation.parameters:
            if param.location == "path":
                path = path.replace(f"{{{param.name}}}", str(wire[param.name]))
            else:
                assert_parameter_sent(request, param, wire[param.name])
        assert request.url.path == httpx.URL(BASE_URL).path + path
        assert set(request.url.params) <= {p.name for p in operation.parameters}
        if operation.body is not None:
            assert json.loads(request.content) == wire["body"]


def test_every_documented_response_decodes_without_losing_fields(
    spec: Spec, operation: Operation, variant: int
):
    kwargs, _ = call_arguments(spec, operation, variant)
    module = operation_module(operation)
    for status, schema in operation.responses.items():
        payload = spec.example(schema, variant)
        response = module.sync_detailed(client=mock_client(status, payload, []), **kwargs)
        parsed = response.parsed
        where = f"{operation.operation_id} {status}"
        assert type(parsed).__name__ == spec.class_name(schema), where
        assert_fields_mapped(spec, schema, parsed, variant, where)
        assert parsed.to_dict() == payload, where


def test_pydantic_wire_models_accept_every_spec_example(spec: Spec, operation: Operation, variant: int):
    schemas = list(operation.responses.values())
    if operation.body is not None:
        schemas.append(operation.body)
    for node in schemas:
        _, key = spec.deref(node)
        model = getattr(wire_models, wire_class_name(key))
        example = spec.example(node, variant)
        parsed = model.model_validate(example)
        assert parsed.model_dump(mode="json", by_alias=True, exclude_unset=True) == example, key
    if operation.body is not None:
        _, key = spec.deref(operation.body)
        with pytest.raises(ValidationError, match="unexpectedField"):
            getattr(wire_models, wire_class_name(key)).model_validate(
                {**spec.example(operation.body, variant), "unexpectedField": 1}
            )
