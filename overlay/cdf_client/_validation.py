"""Checks of user input, run before any request so that a mistake fails fast and names its argument."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeAlias, TypeVar

from cdf_client._errors import InvalidArgumentError

T = TypeVar("T")

MAX_PAGE_SIZE = 1000
MAX_PARTITIONS = 10
MAX_FILTER_LIST = 100

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


def check_partitions(value: object) -> int | None:
    """`None` (no partitioning) or 1..10 partitions."""
    return None if value is None else check_int_range(value, "partitions", 1, MAX_PARTITIONS)


def check_unicode(value: str, argument: str) -> str:
    """Return `value` if it can travel as UTF-8 (no lone surrogates, which no JSON body or URL can carry)."""
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            msg = "must be valid Unicode text, without lone surrogates"
            raise InvalidArgumentError(argument, msg) from None
    return value


def check_str(value: object, argument: str, max_length: int, min_length: int = 0) -> str:
    """Return a string whose length is within bounds."""
    if not isinstance(value, str):
        msg = f"must be a str, got {type(value).__name__}"
        raise InvalidArgumentError(argument, msg)
    check_unicode(value, argument)
    if not min_length <= len(value) <= max_length:
        msg = f"must be {min_length}..{max_length} characters long, got {len(value)}"
        raise InvalidArgumentError(argument, msg)
    return value


def check_bool(value: object, argument: str) -> bool:
    """Return a real bool (not 0/1 or a string)."""
    if not isinstance(value, bool):
        msg = f"must be a bool, got {type(value).__name__}"
        raise InvalidArgumentError(argument, msg)
    return value


def check_list(
    values: object,
    argument: str,
    check: Callable[[object, str], T],
    *,
    min_items: int = 1,
    max_items: int = MAX_FILTER_LIST,
) -> list[T]:
    """Return a list (or other non-string iterable) of `min_items..max_items` unique valid items."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        msg = f"must be a list, got {type(values).__name__}"
        raise InvalidArgumentError(argument, msg)
    items = [check(value, f"{argument}[{index}]") for index, value in enumerate(values)]
    if not min_items <= len(items) <= max_items:
        msg = f"must hold {min_items}..{max_items} items, got {len(items)}"
        raise InvalidArgumentError(argument, msg)
    # The wire schemas say uniqueItems: drop repeats here instead of letting the server refuse them.
    return list(dict.fromkeys(items))


def to_epoch_ms(value: object, argument: str) -> int:
    """Epoch milliseconds from an int (>= 0) or a timezone-aware datetime; naive datetimes are ambiguous."""
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
    if millis < 0:
        msg = f"must be at or after 1970-01-01T00:00:00Z, got {value!r}"
        raise InvalidArgumentError(argument, msg)
    return millis


def to_time_range(value: object, argument: str) -> dict[str, int]:
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
        wire["min"] = to_epoch_ms(low, f"{argument}.min")
    if high is not None:
        wire["max"] = to_epoch_ms(high, f"{argument}.max")
    if "min" in wire and "max" in wire and wire["min"] > wire["max"]:
        msg = f"min ({wire['min']}) is after max ({wire['max']})"
        raise InvalidArgumentError(argument, msg)
    return wire


def time_bounds(stamps: Iterable[tuple[str, object]]) -> dict[str, int]:
    """Epoch ms of the given `min_*`/`max_*` arguments; a `min_x` after its `max_x` is refused.

    Such a range matches nothing: `files.filter` refuses it too, rather than send a query that cannot match.
    """
    wire = {argument: to_epoch_ms(stamp, argument) for argument, stamp in stamps if stamp is not None}
    for argument, low in wire.items():
        high = wire.get(argument.replace("min_", "max_", 1)) if argument.startswith("min_") else None
        if high is not None and low > high:
            msg = f"({low}) is after {argument.replace('min_', 'max_', 1)} ({high})"
            raise InvalidArgumentError(argument, msg)
    return wire
