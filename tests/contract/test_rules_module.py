"""`cdf_client_api.rules` holds every constraint of the spec; its generator refuses what it cannot express.

Walks spec/openapi.yaml itself, so a constraint added to the spec is checked without touching this test.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest
from _openapi import ROOT, Spec, load_spec, wire_class_name

from cdf_client_api import rules

sys.path.insert(0, str(ROOT / "scripts"))
from _regenerate.rules import RulesError, max_partitions, pascal, render, snake

CONSTRAINTS = {
    "format": "format",
    "default": "default",
    "minimum": "minimum",
    "maximum": "maximum",
    "minLength": "min_length",
    "maxLength": "max_length",
    "pattern": "pattern",
    "minItems": "min_items",
    "maxItems": "max_items",
    "uniqueItems": "unique_items",
    "maxProperties": "max_properties",
}


def check(spec: Spec, node: dict[str, Any], rule: Any, where: str, problems: list[str]) -> None:  # noqa: C901 (one branch per keyword)
    """Compare one schema with its rule class, recursing into items, values, properties and variants."""
    if "$ref" in node:
        _, key = spec.deref(node)
        named = getattr(rules, wire_class_name(key))
        if rule is not named:
            problems.append(f"{where}: is {rule}, not the class of {key}")
        return
    for keyword, value in node.items():
        if keyword in CONSTRAINTS and getattr(rule, CONSTRAINTS[keyword]) != value:
            problems.append(
                f"{where}: {keyword} {value!r} but the rule says {getattr(rule, CONSTRAINTS[keyword])!r}"
            )
        elif keyword.startswith("x-") and getattr(rule, snake(keyword[2:]), None) != value:
            problems.append(f"{where}: {keyword} {value!r} is not in the rule")
    if "enum" in node and rule.enum != tuple(node["enum"]):
        problems.append(f"{where}: enum {node['enum']} but the rule says {rule.enum}")
    if "items" in node:
        check(spec, node["items"], rule.items, f"{where}/items", problems)
    if isinstance(node.get("additionalProperties"), dict) and "properties" not in node:
        check(spec, node["additionalProperties"], rule.values, f"{where}/additionalProperties", problems)
    for name, sub in node.get("properties", {}).items():
        check(spec, sub, getattr(rule, snake(name)), f"{where}/properties/{name}", problems)
    for index, member in enumerate(node.get("oneOf", [])):
        check(spec, member, rule.variants[index], f"{where}/oneOf/{index}", problems)


def test_every_constraint_of_every_schema_is_a_rule():
    spec = load_spec()
    problems: list[str] = []
    for key, schema in spec.schemas.items():
        check(spec, schema, getattr(rules, wire_class_name(key)), f"#/components/schemas/{key}", problems)
    assert problems == []


def test_every_parameter_of_every_operation_is_a_rule():
    spec = load_spec()
    problems: list[str] = []
    for operation in spec.operations():
        operation_rules = getattr(rules, f"{pascal(operation.operation_id)}Parameters")
        for parameter in operation.parameters:
            rule = getattr(operation_rules, snake(parameter.name))
            check(spec, parameter.schema, rule, f"{operation.operation_id} {parameter.name}", problems)
    assert problems == []


def test_the_partition_bound_is_derived_from_the_pattern():
    spec = load_spec()
    pattern = spec.schemas["PartitionLimited10"]["pattern"]
    assert rules.PartitionLimited10.max_partitions == max_partitions(
        {"type": "string", "pattern": pattern}, ""
    )
    assert max_partitions({"type": "string", "pattern": "^[1-9][0-9]*/([1-9]|1[0-9]|20)$"}, "") == 20


@pytest.mark.parametrize(
    "pattern",
    [
        "^[1-9][0-9]*/[1-9][0-9]*$",  # no bound at all
        "^[1-9][0-9]*/(1|3)$",  # not 1..N
        "^[1-9][0-9]*/0$",  # nothing
    ],
)
def test_a_partition_pattern_that_bounds_no_1_to_n_stops_the_generation(pattern):
    with pytest.raises(RulesError, match="must accept"):
        max_partitions({"type": "string", "pattern": pattern}, "#/x")


def test_an_unknown_keyword_stops_the_generation():
    spec = load_spec().doc
    spec["components"]["schemas"]["AssetIds"]["multipleOf"] = 2
    with pytest.raises(RulesError, match=r"AssetIds: unknown keyword 'multipleOf'"):
        render(spec)


def test_every_documented_request_budget_is_a_rule():
    stated = {
        operation["operationId"]: operation["x-cdf-request-budget"]
        for item in load_spec().doc["paths"].values()
        for operation in item.values()
        if "x-cdf-request-budget" in operation
    }
    assert stated, "the spec documents no request budget"
    generated = {
        name: {
            "subBudget": rule.sub_budget,
            "requestsPerSecond": rule.requests_per_second,
            "concurrentRequests": rule.concurrent_requests,
        }
        for name, rule in rules.REQUEST_BUDGETS.items()
    }
    assert generated == stated


VALID_BUDGET = {"subBudget": "analytical", "requestsPerSecond": 23, "concurrentRequests": 12}


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"concurrentRequests": None}, "exactly the keys"),
        ({"x": 1}, "exactly the keys"),
        ({"requestsPerSecond": 0}, "requestsPerSecond must be a positive float"),
        ({"requestsPerSecond": True}, "requestsPerSecond must be a positive float"),
        ({"concurrentRequests": 1.5}, "concurrentRequests must be a positive int"),
        ({"subBudget": ""}, "subBudget must be a non-empty string"),
    ],
)
def test_a_malformed_request_budget_stops_the_generation(change, problem):
    budget = {key: value for key, value in (VALID_BUDGET | change).items() if value is not None}
    spec = load_spec().doc
    spec["paths"]["/files/list"]["post"]["x-cdf-request-budget"] = budget
    with pytest.raises(RulesError, match=rf"filterFiles\) x-cdf-request-budget: .*{problem}"):
        render(spec)
