import click
import pytest
from cdf_client import InstanceId
from cdf_client._cli._params import INSTANCE_ID, KEY_VALUE, TIMESTAMP, given, identifier, time_bounds


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
    assert TIMESTAMP.convert(text, None, None) == expected


def test_a_time_that_is_neither_fails_with_an_example():
    with pytest.raises(click.BadParameter, match="ISO 8601"):
        TIMESTAMP.convert("yesterday", None, None)


def test_key_value_pairs_split_on_the_first_equals_sign():
    assert KEY_VALUE.convert("formula=a=b", None, None) == ("formula", "a=b")
    with pytest.raises(click.BadParameter):
        KEY_VALUE.convert("no-equals", None, None)


def test_instance_ids_are_space_colon_external_id():
    assert INSTANCE_ID.convert("plant_docs:file_1", None, None) == InstanceId("plant_docs", "file_1")
    with pytest.raises(click.BadParameter):
        INSTANCE_ID.convert("no-colon", None, None)


def test_digits_are_ids_and_anything_else_an_external_id():
    assert identifier("123") == 123
    assert identifier("pump-1") == "pump-1"


def test_time_bounds_are_none_when_neither_end_is_given():
    assert time_bounds(None, None) is None
    assert time_bounds(1, None) == (1, None)


def test_given_keeps_only_what_the_user_set():
    assert given({"a": None, "b": 0, "c": False}) == {"b": 0, "c": False}
