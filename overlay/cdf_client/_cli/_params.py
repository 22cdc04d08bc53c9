"""Option value types: times, identifiers, `key=value` pairs and instance ids, checked before any request."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import click
from typing_extensions import override

from cdf_client import InstanceId

if TYPE_CHECKING:
    # click >= 8.2 types ParamType by its value; older releases (still supported) cannot subscript it.
    _ParamType = click.ParamType[Any, Any]
else:
    _ParamType = click.ParamType


class TimestampType(_ParamType):
    """Epoch milliseconds, or an ISO 8601 date or time (UTC unless it names an offset)."""

    name = "timestamp"

    @override
    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        """Return epoch milliseconds."""
        if isinstance(value, int):
            return value
        text = str(value).strip()
        if text.isdigit():
            return int(text)
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            self.fail(f"{text!r} is neither epoch milliseconds nor an ISO 8601 time like 2024-05-01T12:00Z")
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        return (moment - dt.datetime(1970, 1, 1, tzinfo=dt.UTC)) // dt.timedelta(milliseconds=1)


class KeyValueType(_ParamType):
    """`key=value` (metadata filters)."""

    name = "key=value"

    @override
    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[str, str]:
        """Return the pair."""
        if isinstance(value, tuple):
            return value
        key, sep, text = str(value).partition("=")
        if not sep or not key:
            self.fail(f"{value!r} is not key=value")
        return key, text


class InstanceIdType(_ParamType):
    """`space:externalId` (neither part may contain a colon in CDF)."""

    name = "space:external_id"

    @override
    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> InstanceId:
        """Return the instance id."""
        if isinstance(value, InstanceId):
            return value
        space, sep, external_id = str(value).partition(":")
        if not sep or not space or not external_id:
            self.fail(f"{value!r} is not space:external_id")
        return InstanceId(space, external_id)


TIMESTAMP = TimestampType()
KEY_VALUE = KeyValueType()
INSTANCE_ID = InstanceIdType()


def identifier(text: str) -> int | str:
    """Read a positional identifier: digits are an id, anything else an external id."""
    return int(text) if text.isdigit() else text


def time_bounds(low: int | None, high: int | None) -> tuple[int | None, int | None] | None:
    """Return a `(min, max)` range from two options, or None when neither was given."""
    return None if low is None and high is None else (low, high)


def ids_or_none(*groups: tuple[Any, ...]) -> list[Any] | None:
    """Join the values of repeatable options; None when none was given."""
    joined = [value for group in groups for value in group]
    return joined or None


def given(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Keep only the arguments the user gave, so the client's own defaults apply to the rest."""
    return {key: value for key, value in kwargs.items() if value is not None}
