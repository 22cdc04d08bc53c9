"""Option value types (times, ranges, choices, `key=value`, instance ids, GeoJSON), checked at parse time.

Each parser raises `argparse.ArgumentTypeError`, so a bad value is a usage error (exit 2) naming the
option, before any request.
"""

from __future__ import annotations

import datetime as dt
from argparse import ArgumentTypeError
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import orjson

from cdf_client import InstanceId

if TYPE_CHECKING:
    from collections.abc import Callable


@dataclass(frozen=True)
class Value:
    """How an option's text becomes a value: the name shown in help, the parser, and a range to show."""

    metavar: str
    parse: Callable[[str], Any]
    hint: str = ""


def text(metavar: str) -> Value:
    """Take any text, shown in help as `metavar`."""
    return Value(metavar, str)


def int_range(low: int | None, high: int | None = None) -> Value:
    """Take an integer from `low` up to `high` (no bound on a side that is None), both inclusive."""
    if low is not None and high is not None:
        bounds = f"{low}<=x<={high}"
    else:
        bounds = f"x<={high}" if low is None else f"x>={low}"

    def parse(value: str) -> int:
        number = _integer(value)
        if (low is not None and number < low) or (high is not None and number > high):
            msg = f"{number} is not in the range {bounds}."
            raise ArgumentTypeError(msg)
        return number

    return Value("INTEGER RANGE", parse, bounds)


def choice(*names: str, case_sensitive: bool = True) -> Value:
    """Take one of `names`; with `case_sensitive=False`, in any case, returned as listed."""

    def parse(value: str) -> str:
        for name in names:
            if value == name or (not case_sensitive and value.lower() == name.lower()):
                return name
        msg = f"{value!r} is not one of {', '.join(repr(name) for name in names)}."
        raise ArgumentTypeError(msg)

    return Value(f"[{'|'.join(names)}]", parse)


def _integer(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        msg = f"{value!r} is not a valid integer."
        raise ArgumentTypeError(msg) from None


def timestamp(value: str) -> int:
    """Read epoch milliseconds, or an ISO 8601 date or time (UTC unless it names an offset)."""
    value = value.strip()
    if value.isdigit():
        return int(value)
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        msg = f"{value!r} is neither epoch milliseconds nor an ISO 8601 time like 2024-05-01T12:00Z"
        raise ArgumentTypeError(msg) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return (moment - dt.datetime(1970, 1, 1, tzinfo=dt.UTC)) // dt.timedelta(milliseconds=1)


def key_value(value: str) -> tuple[str, str]:
    """`key=value` (metadata filters), split on the first equals sign."""
    key, sep, rest = value.partition("=")
    if not sep or not key:
        msg = f"{value!r} is not key=value"
        raise ArgumentTypeError(msg)
    return key, rest


def instance_id(value: str) -> InstanceId:
    """`space:externalId` (neither part may contain a colon in CDF)."""
    space, sep, external_id = value.partition(":")
    if not sep or not space or not external_id:
        msg = f"{value!r} is not space:external_id"
        raise ArgumentTypeError(msg)
    return InstanceId(space, external_id)


def geo_shape(value: str) -> dict[str, Any]:
    """Read a GeoJSON geometry object; the client checks its type and coordinates."""
    try:
        geometry = orjson.loads(value)
    except orjson.JSONDecodeError as exc:
        msg = f"not JSON: {exc}"
        raise ArgumentTypeError(msg) from None
    if not isinstance(geometry, dict):
        msg = "must be a GeoJSON geometry object"
        raise ArgumentTypeError(msg)
    return geometry


TEXT = text("TEXT")
INTEGER = Value("INTEGER", _integer)
TIMESTAMP = Value("TIMESTAMP", timestamp)
KEY_VALUE = Value("KEY=VALUE", key_value)
INSTANCE_ID = Value("SPACE:EXTERNAL_ID", instance_id)
GEO_SHAPE = Value("TEXT", geo_shape)


def identifier(value: str) -> int | str:
    """Read a positional identifier: digits are an id, anything else an external id."""
    return int(value) if value.isdigit() else value


def time_bounds(low: int | None, high: int | None) -> tuple[int | None, int | None] | None:
    """Return a `(min, max)` range from two options, or None when neither was given."""
    return None if low is None and high is None else (low, high)


def ids_or_none(*groups: list[Any]) -> list[Any] | None:
    """Join the values of repeatable options; None when none was given."""
    joined = [value for group in groups for value in group]
    return joined or None


def given(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Keep only the arguments the user gave, so the client's own defaults apply to the rest."""
    return {key: value for key, value in kwargs.items() if value is not None}
