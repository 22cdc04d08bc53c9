"""The decoding boundary's item checks agree with spec/openapi.yaml.

The fields and types come from the generated TypedDicts; the integer ranges are `INT_RANGES`, held
here to the spec's `minimum`/`maximum` (and `format: int64`). Every example the spec allows passes the
compiled check, and each required field removed or of another JSON type fails it.
"""

from __future__ import annotations

import pytest
from _openapi import Spec

from cdf_client._response import ASSETS, FILES
from cdf_client._shapes import INT64_MAX, INT_RANGES

ITEMS = {"FilesMetadata": FILES, "Asset": ASSETS}


def test_the_integer_ranges_are_the_specs(spec: Spec):
    for name, bounds in INT_RANGES.items():
        schema = spec.schemas[name]
        assert schema["type"] == "integer", name
        assert bounds.low == schema["minimum"], name
        high = schema.get("maximum", INT64_MAX if schema.get("format") == "int64" else None)
        assert bounds.high == high, name


def test_every_bounded_integer_field_of_an_item_has_its_range(spec: Spec):
    """A bounded integer schema an item's fields use directly is in INT_RANGES, so none goes unchecked."""
    for item in ITEMS:
        for field, node in spec.schemas[item]["properties"].items():
            target, name = spec.deref(node)
            if target.get("type") == "integer" and ("minimum" in target or "maximum" in target):
                assert name in INT_RANGES, f"{item}.{field}: {name}"


@pytest.mark.parametrize("item", sorted(ITEMS))
def test_every_example_the_spec_allows_passes_the_check(spec: Spec, item, variant):
    example = spec.example({"$ref": f"#/components/schemas/{item}"}, variant)
    assert ITEMS[item].first_bad([example]) is None
    # And with only the required fields.
    required = {key: example[key] for key in spec.schemas[item]["required"]}
    assert ITEMS[item].first_bad([required]) is None


@pytest.mark.parametrize("item", sorted(ITEMS))
def test_a_required_field_missing_or_of_another_type_fails_the_check(spec: Spec, item):
    example = spec.example({"$ref": f"#/components/schemas/{item}"}, 0)
    shape = ITEMS[item]
    for key in spec.schemas[item]["required"]:
        for wrong in (None, "17", 1.5, [], {}, 2**64 - 1, -1, True):
            if type(wrong) is type(example[key]) and wrong not in {-1, 2**64 - 1}:
                continue
            bad = {**example, key: wrong}
            if wrong is None:
                del bad[key]
            assert shape.first_bad([example, bad]) == (bad, key), (key, wrong)
