"""The four shapes of the spec's schemas agree with it field by field: names, types and required-ness.

A schema of spec/openapi.yaml lives on as an attrs model (`cdf_client_api.models`), a pydantic model
and a TypedDict (`cdf_client_api.wire`), and for files and assets as the hand-written `File` and
`Asset` (with the small value classes they return). Each type is reduced to the same structural
description (`int`, `list[...]`, a named model, a union of models, ...) and compared with the spec's,
so a field that is missing, extra, typed differently or optional in one of them fails here.
"""

from __future__ import annotations

import dataclasses
import enum
import inspect
import sys
import types
import typing
from typing import Any, Literal, NotRequired, Required, Union, get_args, get_origin, get_type_hints

import attrs
import pydantic
import pytest
from _openapi import Spec, load_spec, snake, wire_class_name

from cdf_client import Asset, AssetAggregates, File, GeoLocation, GeoShape, InstanceId, Label
from cdf_client import _models as cdf_models
from cdf_client._filters import Relation
from cdf_client._models import ShapeType
from cdf_client_api import models as attrs_models
from cdf_client_api.types import Unset
from cdf_client_api.wire import models as pydantic_models
from cdf_client_api.wire import typed_dicts

Shape = tuple[Any, ...]
ANY: Shape = ("any",)
SPEC_PRIMITIVES = {"integer": "int", "number": "float", "string": "str", "boolean": "bool"}
PY_PRIMITIVES = {int: "int", float: "float", str: "str", bool: "bool"}
# How the hand-written objects represent the spec's nested schemas: their own value classes, one
# `GeoShape` for every geometry, and a path node `{id}` as the id itself.
OVERLAY_TYPES: dict[str, Any] = {
    "InstanceId": InstanceId,
    "Label": Label,
    "GeoLocation": GeoLocation,
    "AggregateResultItem": AssetAggregates,
    "GeoLocationGeometry": GeoShape,
    "AssetIdentifier": int,
}
OVERLAY_RESULTS = {"FilesMetadata": File, "Asset": Asset}
SPEC = load_spec()
OBJECTS = sorted(key for key, schema in SPEC.schemas.items() if "properties" in schema)


def spec_shape(spec: Spec, node: dict[str, Any], named: dict[str, Any] | None = None) -> Shape:  # noqa: PLR0911 (one rule per kind of schema)
    """The structural type of a spec schema; `named` schemas stay names (the overlay's value classes)."""
    schema, key = spec.deref(node)
    if named is not None and key in named:
        return ("int",) if named[key] is int else ("model", key)
    if "oneOf" in schema:
        return ("union", frozenset(spec.deref(member)[1] for member in schema["oneOf"]))
    if "enum" in schema:
        return ("enum", frozenset(schema["enum"]))
    kind = schema.get("type")
    if kind == "array":
        return ("list", spec_shape(spec, schema["items"], named))
    if "properties" in schema:
        assert key is not None, f"inline object schemas have no stable name: {schema}"
        return ("model", key)
    if kind == "object":
        extra = schema.get("additionalProperties", True)
        return ("map", spec_shape(spec, extra, named) if isinstance(extra, dict) else ANY)
    return (SPEC_PRIMITIVES[kind],)


def spec_fields(key: str, named: dict[str, Any] | None = None) -> dict[str, tuple[Shape, bool]]:
    schema = SPEC.schemas[key]
    required = set(schema.get("required", []))
    return {
        name: (spec_shape(SPEC, sub, named), name in required) for name, sub in schema["properties"].items()
    }


def normalize(hint: Any, resolve: typing.Callable[[Any], Shape]) -> Shape:  # noqa: C901, PLR0911 (one rule per kind of hint)
    """The structural type of a Python annotation; `resolve` handles the classes of one representation."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in {typing.Annotated, NotRequired, Required}:
        return normalize(args[0], resolve)
    if type(hint).__name__ == "TypeAliasType":
        return normalize(hint.__value__, resolve)
    if origin in {Union, types.UnionType}:
        members = [arg for arg in args if arg not in {types.NoneType, Unset}]
        if len(members) == 1:
            return normalize(members[0], resolve)
        shapes = {normalize(member, resolve) for member in members}
        assert all(shape[0] == "model" for shape in shapes), f"a union of non-models: {hint}"
        return ("union", frozenset(shape[1] for shape in shapes))
    if origin is Literal:
        return ("enum", frozenset(args))
    if origin in {list, tuple}:
        assert origin is list or args[1:] == (...,), f"fixed-size tuple: {hint}"
        return ("list", normalize(args[0], resolve))
    if origin is dict:
        assert args[0] is str, hint
        return ("map", normalize(args[1], resolve))
    if hint is Any:
        return ANY
    if hint in PY_PRIMITIVES:
        return (PY_PRIMITIVES[hint],)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return ("enum", frozenset(member.value for member in hint))
    return resolve(hint)


def optional(hint: Any) -> bool:
    """Whether an annotation admits absence (`None`, attrs' `Unset`, `NotRequired`)."""
    origin = get_origin(hint)
    if origin is NotRequired:
        return True
    if origin is typing.Annotated:
        return optional(get_args(hint)[0])
    return origin in {Union, types.UnionType} and bool({types.NoneType, Unset} & set(get_args(hint)))


def compare(
    where: str, expected: dict[str, tuple[Shape, bool]], actual: dict[str, tuple[Shape, bool]]
) -> list[str]:
    problems = [f"{where}.{name}: missing" for name in expected.keys() - actual.keys()]
    problems += [f"{where}.{name}: not in the spec" for name in actual.keys() - expected.keys()]
    for name in expected.keys() & actual.keys():
        (want, want_required), (got, got_required) = expected[name], actual[name]
        if want != got:
            problems.append(f"{where}.{name}: {got} where the spec says {want}")
        if want_required != got_required:
            problems.append(f"{where}.{name}: required is {got_required}, the spec says {want_required}")
    return sorted(problems)


# attrs models (openapi-python-client): classes named by title, attributes in snake_case.
ATTRS_KEYS = {schema.get("title", key): key for key, schema in SPEC.schemas.items()}
ATTRS_NAMESPACE = {name: getattr(attrs_models, name) for name in attrs_models.__all__}


def attrs_hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls, {**vars(sys.modules[cls.__module__]), **ATTRS_NAMESPACE})


def attrs_resolve(cls: Any) -> Shape:
    assert attrs.has(cls), cls
    if not [field for field in attrs.fields(cls) if field.name != "additional_properties"]:
        # A string map is a class that keeps every key in `additional_properties`.
        return normalize(attrs_hints(cls)["additional_properties"], attrs_resolve)
    return ("model", ATTRS_KEYS[cls.__name__])


def attrs_fields(key: str) -> tuple[dict[str, tuple[Shape, bool]], dict[str, str]]:
    cls = getattr(attrs_models, SPEC.class_name({"$ref": f"#/components/schemas/{key}"}))
    hints = attrs_hints(cls)
    wire = {snake(name): name for name in SPEC.schemas[key]["properties"]}
    found = {
        wire.get(field.name, field.name): (
            normalize(hints[field.name], attrs_resolve),
            not optional(hints[field.name]),
        )
        for field in attrs.fields(cls)
        if field.name != "additional_properties"
    }
    return found, wire


# pydantic models and TypedDicts (datamodel-code-generator): classes named by schema key.
WIRE_KEYS = {wire_class_name(key): key for key in SPEC.schemas}


def pydantic_resolve(cls: Any) -> Shape:
    assert issubclass(cls, pydantic.BaseModel), cls
    cls.model_rebuild()
    if issubclass(cls, pydantic.RootModel):
        return normalize(cls.model_fields["root"].annotation, pydantic_resolve)
    return ("model", WIRE_KEYS[cls.__name__])


def typed_dict_resolve(cls: Any) -> Shape:
    assert typing.is_typeddict(cls) or type(cls).__name__ == "_TypedDictMeta", cls
    return ("model", WIRE_KEYS[cls.__name__])


@pytest.mark.parametrize("key", OBJECTS)
def test_attrs_models_have_every_field_with_its_type(key):
    found, _ = attrs_fields(key)
    assert compare(f"attrs {key}", spec_fields(key), found) == []


@pytest.mark.parametrize("key", OBJECTS)
def test_pydantic_models_have_every_field_with_its_type(key):
    model = getattr(pydantic_models, wire_class_name(key))
    model.model_rebuild()  # resolve the module's forward references, or fields lack aliases
    found = {
        field.alias or name: (normalize(field.annotation, pydantic_resolve), field.is_required())
        for name, field in model.model_fields.items()
    }
    assert compare(f"pydantic {key}", spec_fields(key), found) == []
    # Request objects are closed in the spec (`additionalProperties: false`): the fake refuses unknown keys.
    forbids_extra = model.model_config.get("extra") == "forbid"
    assert forbids_extra == (SPEC.schemas[key].get("additionalProperties") is False), key


@pytest.mark.parametrize("key", OBJECTS)
def test_typed_dicts_have_every_key_with_its_type(key):
    typed = getattr(typed_dicts, wire_class_name(key))
    # The module uses postponed annotations: __required_keys__ cannot see NotRequired, hints can.
    hints = get_type_hints(typed, include_extras=True)
    found = {name: (normalize(hint, typed_dict_resolve), not optional(hint)) for name, hint in hints.items()}
    assert compare(f"TypedDict {key}", spec_fields(key), found) == []


# The hand-written objects: public properties of `File`/`Asset`, fields of their value classes.
OVERLAY_KEYS = {cls: key for key, cls in OVERLAY_TYPES.items() if cls is not int}


def overlay_resolve(cls: Any) -> Shape:
    assert cls in OVERLAY_KEYS, f"{cls} is not a value class of the overlay"
    return ("model", OVERLAY_KEYS[cls])


def overlay_expected(key: str) -> dict[str, tuple[Shape, bool]]:
    """The spec's properties by snake_case name; a one-value enum is a constant, needing no attribute."""
    return {
        snake(name): shape
        for name, shape in spec_fields(key, OVERLAY_TYPES).items()
        if not (shape[0][0] == "enum" and len(shape[0][1]) == 1)
    }


def properties(cls: type) -> dict[str, Any]:
    return {
        name: get_type_hints(member.fget)["return"]
        for name, member in inspect.getmembers(cls, lambda member: isinstance(member, property))
    }


@pytest.mark.parametrize("key", sorted(OVERLAY_RESULTS))
def test_file_and_asset_expose_every_spec_property_with_its_type(key):
    cls = OVERLAY_RESULTS[key]
    found = {
        name: (normalize(hint, overlay_resolve), not optional(hint)) for name, hint in properties(cls).items()
    }
    assert compare(cls.__name__, overlay_expected(key), found) == []
    # The repr shows each of them (when set).
    assert set(cls._fields) == set(found)


# GeoShape stands for a union of geometries: test_geo_types_are_the_spec_enums checks it.
VALUE_CLASSES = sorted(
    key for key, cls in OVERLAY_TYPES.items() if dataclasses.is_dataclass(cls) and cls is not GeoShape
)


@pytest.mark.parametrize("key", VALUE_CLASSES)
def test_value_classes_have_every_spec_field_with_its_type(key):
    cls = OVERLAY_TYPES[key]
    # The public classes claim `cdf_client` as their module: resolve their annotations where they live.
    hints = get_type_hints(cls, vars(cdf_models))
    found = {
        field.name: (
            normalize(hints[field.name], overlay_resolve),
            field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING,
        )
        for field in dataclasses.fields(cls)
    }
    assert compare(cls.__name__, overlay_expected(key), found) == []


def test_geo_types_are_the_spec_enums():
    geometries = SPEC.schemas["GeoLocationGeometry"]
    tags = {SPEC.deref(member)[0]["properties"]["type"]["enum"][0] for member in geometries["oneOf"]}
    assert set(get_args(ShapeType)) == tags
    assert get_type_hints(GeoShape, vars(cdf_models))["coordinates"] is Any
    relation = SPEC.schemas["GeoLocationFilter"]["properties"]["relation"]["enum"]
    assert set(get_args(Relation)) == set(relation)
