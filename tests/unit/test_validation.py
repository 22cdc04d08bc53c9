import datetime as dt
from typing import ClassVar

import pytest

from cdf_client import InvalidArgumentError, TimeRange
from cdf_client._validation import (
    check_int,
    check_limit,
    check_list,
    check_partitions,
    check_str,
    to_epoch_ms,
    to_time_range,
)
from cdf_client_api import rules

MAX_PARTITIONS = rules.FileFilterRequest.partition.max_partitions


@pytest.mark.parametrize("value", [0, -5, 1.5, "10", True])
def test_limit_must_be_none_or_positive_int(value):
    with pytest.raises(InvalidArgumentError, match=r"^limit"):
        check_limit(value)


@pytest.mark.parametrize("value", [0, MAX_PARTITIONS + 1, True, 2.0])
def test_partitions_are_1_to_the_spec_bound(value):
    with pytest.raises(InvalidArgumentError, match=r"^partitions"):
        check_partitions(value, MAX_PARTITIONS)
    assert check_partitions(MAX_PARTITIONS, MAX_PARTITIONS) == MAX_PARTITIONS


def test_datetimes_must_be_aware_and_convert_exactly():
    aware = dt.datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=dt.UTC)
    assert to_epoch_ms(aware, "t", rules.EpochTimestamp) == 1704164645678
    with pytest.raises(InvalidArgumentError, match="naive"):
        to_epoch_ms(dt.datetime(2024, 1, 1), "t", rules.EpochTimestamp)  # noqa: DTZ001
    with pytest.raises(InvalidArgumentError):
        to_epoch_ms(rules.EpochTimestamp.minimum - 1, "t", rules.EpochTimestamp)


def test_time_ranges_accept_tuples_and_time_range_with_open_ends():
    spec = rules.EpochTimestampRange
    assert to_time_range((1, None), "created_time", spec) == {"min": 1}
    assert to_time_range(TimeRange(max=5), "created_time", spec) == {"max": 5}
    with pytest.raises(InvalidArgumentError, match="created_time"):
        to_time_range((5, 1), "created_time", spec)
    with pytest.raises(InvalidArgumentError, match="created_time"):
        to_time_range([1, 2], "created_time", spec)
    with pytest.raises(InvalidArgumentError, match=r"created_time\.max"):
        to_time_range((None, spec.max.minimum - 1), "created_time", spec)


def test_lists_are_sized_by_the_rule_and_deduplicated_when_it_wants_unique_items():
    ids = rules.AssetIds
    assert check_list([3, 3, 4], "ids", lambda v, _: v, ids) == [3, 4]
    with pytest.raises(InvalidArgumentError, match="ids"):
        check_list([], "ids", lambda v, _: v, ids)
    with pytest.raises(InvalidArgumentError, match="ids"):
        check_list(list(range(ids.max_items + 1)), "ids", lambda v, _: v, ids)
    with pytest.raises(InvalidArgumentError, match="ids"):
        check_list("abc", "ids", lambda v, _: v, ids)
    assert rules.DataSetIdEithers.unique_items is False
    assert check_list([3, 3], "ids", lambda v, _: v, rules.DataSetIdEithers) == [3, 3]


class _Three(rules.Array):
    max_items: ClassVar[int] = 3


class _OddRange(rules.Integer):
    exclusive_minimum: ClassVar[int] = 0
    maximum: ClassVar[int] = 5


def test_several_rules_all_apply():
    assert check_list([1, 2, 3], "ids", lambda v, _: v, rules.AssetIds, _Three) == [1, 2, 3]
    with pytest.raises(InvalidArgumentError, match=r"1\.\.3 items"):
        check_list([1, 2, 3, 4], "ids", lambda v, _: v, rules.AssetIds, _Three)
    assert check_int(1, "n", _OddRange) == 1
    for bad in (0, 6):
        with pytest.raises(InvalidArgumentError, match=r"1\.\.5"):
            check_int(bad, "n", _OddRange, rules.CogniteInternalId)


def test_strings_meet_length_pattern_and_enum():
    space = rules.InstanceId.space
    assert check_str("my_space", "space", space) == "my_space"
    with pytest.raises(InvalidArgumentError, match="does not match"):
        check_str("1space", "space", space)
    with pytest.raises(InvalidArgumentError, match=f"1..{space.max_length} characters"):
        check_str("s" * (space.max_length + 1), "space", space)
    relation = rules.GeoLocationFilter.relation
    assert check_str("WITHIN", "relation", relation) == "WITHIN"
    with pytest.raises(InvalidArgumentError, match="must be one of"):
        check_str("NEAR", "relation", relation)
