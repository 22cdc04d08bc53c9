import datetime as dt

import pytest

from cdf_client import InvalidArgumentError, TimeRange
from cdf_client._validation import check_limit, check_list, check_partitions, to_epoch_ms, to_time_range


@pytest.mark.parametrize("value", [0, -5, 1.5, "10", True])
def test_limit_must_be_none_or_positive_int(value):
    with pytest.raises(InvalidArgumentError, match=r"^limit"):
        check_limit(value)


@pytest.mark.parametrize("value", [0, 11, True, 2.0])
def test_partitions_are_1_to_10(value):
    with pytest.raises(InvalidArgumentError, match=r"^partitions"):
        check_partitions(value)


def test_datetimes_must_be_aware_and_convert_exactly():
    aware = dt.datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=dt.UTC)
    assert to_epoch_ms(aware, "t") == 1704164645678
    with pytest.raises(InvalidArgumentError, match="naive"):
        to_epoch_ms(dt.datetime(2024, 1, 1), "t")  # noqa: DTZ001
    with pytest.raises(InvalidArgumentError):
        to_epoch_ms(-1, "t")


def test_time_ranges_accept_tuples_and_time_range_with_open_ends():
    assert to_time_range((1, None), "created_time") == {"min": 1}
    assert to_time_range(TimeRange(max=5), "created_time") == {"max": 5}
    with pytest.raises(InvalidArgumentError, match="created_time"):
        to_time_range((5, 1), "created_time")
    with pytest.raises(InvalidArgumentError, match="created_time"):
        to_time_range([1, 2], "created_time")


def test_lists_are_sized_and_deduplicated():
    assert check_list([3, 3, 4], "ids", lambda v, _: v) == [3, 4]
    with pytest.raises(InvalidArgumentError, match="ids"):
        check_list([], "ids", lambda v, _: v)
    with pytest.raises(InvalidArgumentError, match="ids"):
        check_list(list(range(101)), "ids", lambda v, _: v)
    with pytest.raises(InvalidArgumentError, match="ids"):
        check_list("abc", "ids", lambda v, _: v)
