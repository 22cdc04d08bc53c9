"""Checks of user input, run before any request so that a mistake fails fast and names its argument.

Every bound comes from the spec through `cdf_client_api.rules` (regenerated with it): the checks take
the rules of the wire field an argument fills, and where the fake checks a value against more than one
schema, all of them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias, TypeVar

from cdf_client._errors import InvalidArgumentError

if TYPE_CHECKING:
    from cdf_client_api import rules

T = TypeVar("T")

Timestamp: TypeAlias = int | dt.datetime
"""Epoch milliseconds (UTC) or a timezone-aware `datetime`."""


@dataclass(frozen=True, slots=True)
class TimeRange:
    """An inclusive time range for filters; either end may be open (`None`).

    Example: `client.files.filter(created_time=TimeRange(min=datetime(2024, 1, 1, tzinfo=UTC)))`;
    a `(min, max)` tuple works too.
    """

    min: Timestamp | None = None
    max: Timestamp | None = None


TimeBounds: TypeAlias = TimeRange | tuple[Timestamp | None, Timestamp | None]


def check_limit(value: object) -> int | None:
    """`None` (every match) or a positive int."""
    if value is None:
        return None
    if type(value) is not int or value < 1:
        msg = f"must be None (no limit) or an int >= 1, got {value!r}"
        msg_0 = "limit"
        raise InvalidArgumentError(msg_0, msg)
    return value


def check_int_range(value: object, argument: str, low: int, high: int) -> int:
    """Return an int (not a bool) within `low..high`."""
    if type(value) is not int or not low <= value <= high:
        msg = f"must be an int in {low}..{high}, got {value!r}"
        raise InvalidArgumentError(argument, msg)
    return value


def int_bounds(*limits: type[rules.Integer]) -> tuple[int | None, int | None]:
    """Return the inclusive `(low, high)` that satisfies every rule (`None`: unbounded on that side)."""
    lows = [rule.minimum for rule in limits if rule.minimum is not None]
    lows += [rule.exclusive_minimum + 1 for rule in limits if rule.exclusive_minimum is not None]
    highs = [rule.maximum for rule in limits if rule.maximum is not None]
    highs += [rule.exclusive_maximum - 1 for rule in limits if rule.exclusive_maximum is not None]
    return max(lows, default=None), min(highs, default=None)


def check_int(value: object, argument: str, *limits: type[rules.Integer]) -> int:
    """Return an int (not a bool) within the bounds of every rule."""
    low, high = int_bounds(*limits)
    if type(value) is not int:
        msg = f"must be an int, got {type(value).__name__}"
        raise InvalidArgumentError(argument, msg)
    if (low is not None and value < low) or (high is not None and value > high):
        shown = f"{'' if low is None else low}..{'' if high is None else high}"
        msg = f"must be an int in {shown}, got {value!r}"
        raise InvalidArgumentError(argument, msg)
    return value


def check_partitions(value: object, maximum: int) -> int | None:
    """`None` (no partitioning) or 1..`maximum` partitions (the spec's partition bound)."""
    return None if value is None else check_int_range(value, "partitions", 1, maximum)


def check_unicode(value: str, argument: str) -> str:
    """Return `value` if it can travel as UTF-8 (no lone surrogates, which no JSON body or URL can carry)."""
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            msg = "must be valid Unicode text, without lone surrogates"
            raise InvalidArgumentError(argument, msg) from None
    return value


def check_str(value: object, argument: str, *limits: type[rules.String]) -> str:
    """Return a string that satisfies every rule: length, pattern and enum."""
    if not isinstance(value, str):
        msg = f"must be a str, got {type(value).__name__}"
        raise InvalidArgumentError(argument, msg)
    check_unicode(value, argument)
    low = max(rule.min_length for rule in limits)
    high = min((rule.max_length for rule in limits if rule.max_length is not None), default=None)
    if len(value) < low or (high is not None and len(value) > high):
        msg = f"must be {low}..{'' if high is None else high} characters long, got {len(value)}"
        raise InvalidArgumentError(argument, msg)
    for rule in limits:
        # JSON Schema patterns are searched, not matched: the spec anchors those that must match whole.
        if rule.pattern is not None and not re.search(rule.pattern, value):
            msg = f"{value!r} does not match {rule.pattern}"
            raise InvalidArgumentError(argument, msg)
        if rule.enum is not None and value not in rule.enum:
            msg = f"must be one of {', '.join(rule.enum)}, got {value!r}"
            raise InvalidArgumentError(argument, msg)
    return value


def check_bool(value: object, argument: str) -> bool:
    """Return a real bool (not 0/1 or a string)."""
    if not isinstance(value, bool):
        msg = f"must be a bool, got {type(value).__name__}"
        raise InvalidArgumentError(argument, msg)
    return value


def check_list(
    values: object, argument: str, check: Callable[[object, str], T], *limits: type[rules.Array]
) -> list[T]:
    """Return a list (or other non-string iterable) of valid items, within every rule's item count."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        msg = f"must be a list, got {type(values).__name__}"
        raise InvalidArgumentError(argument, msg)
    items = [check(value, f"{argument}[{index}]") for index, value in enumerate(values)]
    if any(rule.unique_items for rule in limits):
        # uniqueItems: drop repeats here instead of letting the server refuse them.
        items = list(dict.fromkeys(items))
    low = max(rule.min_items for rule in limits)
    high = min((rule.max_items for rule in limits if rule.max_items is not None), default=None)
    if len(items) < low or (high is not None and len(items) > high):
        msg = f"must hold {low}..{'' if high is None else high} items, got {len(items)}"
        raise InvalidArgumentError(argument, msg)
    return items


def to_epoch_ms(value: object, argument: str, *limits: type[rules.Integer]) -> int:
    """Epoch milliseconds from an int or a timezone-aware datetime, within the rules' bounds.

    Naive datetimes are ambiguous, so refused.
    """
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            msg = "naive datetime is ambiguous: give it a tzinfo (e.g. datetime.UTC) or pass epoch ms"
            raise InvalidArgumentError(argument, msg)
        # Integer arithmetic: float timestamps lose a millisecond at some values.
        delta = value - dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
        millis = delta // dt.timedelta(milliseconds=1)
    elif type(value) is int:
        millis = value
    else:
        msg = f"must be epoch milliseconds (int) or a timezone-aware datetime, got {type(value).__name__}"
        raise InvalidArgumentError(argument, msg)
    low, high = int_bounds(*limits)
    if (low is not None and millis < low) or (high is not None and millis > high):
        shown = f"{'' if low is None else low}..{'' if high is None else high}"
        msg = f"must be epoch milliseconds in {shown}, got {value!r}"
        raise InvalidArgumentError(argument, msg)
    return millis


def to_time_range(value: object, argument: str, rule: type[rules.EpochTimestampRange]) -> dict[str, int]:
    """Return the wire form `{"min"?, "max"?}` of a `TimeRange` or a `(min, max)` tuple."""
    if isinstance(value, TimeRange):
        low, high = value.min, value.max
    elif isinstance(value, tuple) and len(value) == 2:  # noqa: PLR2004 (a pair)
        low, high = value
    else:
        msg = f"must be a TimeRange or a (min, max) tuple, got {value!r}"
        raise InvalidArgumentError(argument, msg)
    wire: dict[str, int] = {}
    if low is not None:
        wire["min"] = to_epoch_ms(low, f"{argument}.min", rule.min)
    if high is not None:
        wire["max"] = to_epoch_ms(high, f"{argument}.max", rule.max)
    if "min" in wire and "max" in wire and wire["min"] > wire["max"]:
        msg = f"min ({wire['min']}) is after max ({wire['max']})"
        raise InvalidArgumentError(argument, msg)
    return wire


def time_bounds(stamps: Iterable[tuple[str, object, tuple[type[rules.Integer], ...]]]) -> dict[str, int]:
    """Epoch ms of the given `(min_x or max_x, value, rules)`; a `min_x` after its `max_x` is refused.

    Such a range matches nothing: `files.filter` refuses it too, rather than send a query that cannot match.
    """
    wire = {
        argument: to_epoch_ms(stamp, argument, *limits)
        for argument, stamp, limits in stamps
        if stamp is not None
    }
    for argument, low in wire.items():
        high = wire.get(argument.replace("min_", "max_", 1)) if argument.startswith("min_") else None
        if high is not None and low > high:
            msg = f"({low}) is after {argument.replace('min_', 'max_', 1)} ({high})"
            raise InvalidArgumentError(argument, msg)
    return wire
