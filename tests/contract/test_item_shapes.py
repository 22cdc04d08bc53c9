"""The decoding boundary's item checks agree with spec/openapi.yaml.

The fields and types come from the generated TypedDicts, the integer bounds from the generated rules;
here they are held to the spec itself: every example the spec allows passes the compiled check,
each bounded integer refuses a value past its bounds, and each required field removed or of another
JSON type fails it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from cdf_client._response import ASSETS, FILES

if TYPE_CHECKING:
    from _openapi import Spec

INT64_MAX = 2**63 - 1

ITEMS = {"FilesMetadata": FILES, "Asset": ASSETS}


def test_every_required_integer_field_is_checked_against_the_specs_bounds(spec: Spec):
    """Each required integer field refuses a value past its bounds (or `format: int64`'s), takes them."""
    checked = 0
    for item, shape in ITEMS.items():
        example = spec.example({"$ref": f"#/components/schemas/{item}"}, 0)
        for field, node in spec.schemas[item]["properties"].items():
            target, _ = spec.deref(node)
            if target.get("type") != "integer" or field not in spec.schemas[item]["required"]:
                continue
            low = target.get("minimum")
            high = target.get("maximum", INT64_MAX if target.get("format") == "int64" else None)
            for good in (low, high):
                if good is not None:
                    assert shape.first_bad([{**example, field: good}]) is None, (item, field, good)
            for bad in (None if low is None else low - 1, None if high is None else high + 1):
                if bad is not None:
                    assert shape.first_bad([{**example, field: bad}]) is not None, (item, field, bad)
            checked += 1
    assert checked == 7  # files: id, createdTime, lastUpdatedTime; assets: the same and rootId


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
