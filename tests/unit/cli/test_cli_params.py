from argparse import ArgumentTypeError

import pytest

from cdf_client import InstanceId
from cdf_client._cli._params import (
    GEO_SHAPE,
    INSTANCE_ID,
    KEY_VALUE,
    TIMESTAMP,
    choice,
    given,
    identifier,
    int_range,
    time_bounds,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1730204346000", 1730204346000),
        ("2024-10-29T12:19:06Z", 1730204346000),
        ("2024-10-29T12:19:06", 1730204346000),
        ("2024-10-29T14:19:06+02:00", 1730204346000),
        ("2024-10-29", 1730160000000),
    ],
)
def test_times_are_epoch_ms_or_iso_8601_in_utc_by_default(text, expected):
    assert TIMESTAMP.parse(text) == expected


def test_a_time_that_is_neither_fails_with_an_example():
    with pytest.raises(ArgumentTypeError, match="ISO 8601"):
        TIMESTAMP.parse("yesterday")


def test_key_value_pairs_split_on_the_first_equals_sign():
    assert KEY_VALUE.parse("formula=a=b") == ("formula", "a=b")
    with pytest.raises(ArgumentTypeError):
        KEY_VALUE.parse("no-equals")


def test_instance_ids_are_space_colon_external_id():
    assert INSTANCE_ID.parse("plant_docs:file_1") == InstanceId("plant_docs", "file_1")
    with pytest.raises(ArgumentTypeError):
        INSTANCE_ID.parse("no-colon")


def test_integer_ranges_are_inclusive_and_name_the_range():
    partitions = int_range(1, 10)

    assert partitions.parse("1") == 1
    assert partitions.parse("10") == 10
    with pytest.raises(ArgumentTypeError, match=r"11 is not in the range 1<=x<=10\."):
        partitions.parse("11")
    with pytest.raises(ArgumentTypeError, match=r"0 is not in the range x>=1\."):
        int_range(1).parse("0")
    with pytest.raises(ArgumentTypeError, match="not a valid integer"):
        partitions.parse("four")


def test_choices_name_the_alternatives_and_may_ignore_case():
    relation = choice("intersects", "within", case_sensitive=False)

    assert relation.parse("WITHIN") == "within"
    assert relation.metavar == "[intersects|within]"
    with pytest.raises(ArgumentTypeError, match="'xml' is not one of 'table', 'csv'"):
        choice("table", "csv").parse("xml")
    with pytest.raises(ArgumentTypeError):
        choice("table", "csv").parse("TABLE")


def test_a_geo_shape_is_a_json_object():
    assert GEO_SHAPE.parse('{"type": "Point", "coordinates": [5, 60]}') == {
        "type": "Point",
        "coordinates": [5, 60],
    }
    with pytest.raises(ArgumentTypeError, match="not JSON"):
        GEO_SHAPE.parse("{")
    with pytest.raises(ArgumentTypeError, match="GeoJSON geometry object"):
        GEO_SHAPE.parse("[5, 60]")


def test_digits_are_ids_and_anything_else_an_external_id():
    assert identifier("123") == 123
    assert identifier("pump-1") == "pump-1"


def test_time_bounds_are_none_when_neither_end_is_given():
    assert time_bounds(None, None) is None
    assert time_bounds(1, None) == (1, None)


def test_given_keeps_only_what_the_user_set():
    assert given({"a": None, "b": 0, "c": False}) == {"b": 0, "c": False}
