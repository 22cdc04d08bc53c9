import pytest

from cdf_client import InstanceId, InvalidArgumentError
from cdf_client._identifiers import check_identifier, from_wire, to_wire


@pytest.mark.parametrize("value", [0, -1, 2**53, True, False, 1.0, None, b"x"])
def test_invalid_ids_are_rejected_naming_the_argument(value):
    with pytest.raises(InvalidArgumentError, match=r"^identifiers\[0\]"):
        check_identifier(value, "identifiers[0]")


@pytest.mark.parametrize("value", [1, 2**53 - 1, "x", "a" * 255, InstanceId("space", "ext_id")])
def test_valid_identifiers_pass(value):
    assert check_identifier(value, "identifiers") == value


@pytest.mark.parametrize(
    "value",
    [
        "",
        "a" * 256,
        InstanceId("1space", "x"),
        InstanceId("s", "bad-id"),
        InstanceId("s" * 44, "x"),
        InstanceId("s", ""),
    ],
)
def test_bad_external_and_instance_ids_are_rejected(value):
    with pytest.raises(InvalidArgumentError):
        check_identifier(value, "identifiers")


@pytest.mark.parametrize("value", [5, "ext", InstanceId("sp", "xid")])
def test_wire_round_trip(value):
    assert from_wire(to_wire(value)) == value


def test_instance_ids_are_hashable_and_immutable():
    instance = InstanceId("sp", "x")
    assert {instance: 1}[InstanceId("sp", "x")] == 1
    with pytest.raises(AttributeError):
        instance.space = "other"
