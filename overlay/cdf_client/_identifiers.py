"""Identifiers of CDF resources: `int` ids, `str` external ids and `InstanceId`s, and their wire forms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, TypeAlias

from cdf_client._errors import InvalidArgumentError
from cdf_client._validation import check_unicode

MAX_ID = 2**53 - 1
MAX_EXTERNAL_ID_LENGTH = 255

# Patterns from the spec's InstanceId schema (space 1..43, external id 1..255 characters).
_SPACE = re.compile(r"[a-zA-Z][a-zA-Z0-9_-]{0,41}[a-zA-Z0-9]?")
_INSTANCE_EXTERNAL_ID = re.compile(r"[a-zA-Z]([a-zA-Z0-9_]{0,253}[a-zA-Z0-9])?")


@dataclass(frozen=True, slots=True)
class InstanceId:
    """The identifier of a data-modeling instance: a space and an external id within it.

    Example: `client.files.retrieve([InstanceId("my_space", "pump_manual")])`.
    """

    space: str
    external_id: str


Identifier: TypeAlias = int | str | InstanceId
"""An `int` is an id, a `str` an external id, an `InstanceId` an instance id."""


def check_id(value: object, argument: str) -> int:
    """Return `value` if it is a valid internal id (1..2^53-1, not a bool), else raise naming `argument`."""
    if type(value) is not int:
        # bool is an int subclass: True would silently become id 1.
        msg = f"must be an int id, got {type(value).__name__}"
        raise InvalidArgumentError(argument, msg)
    if not 1 <= value <= MAX_ID:
        msg = f"ids are between 1 and 2^53-1, got {value}"
        raise InvalidArgumentError(argument, msg)
    return value


def check_external_id(value: object, argument: str, max_length: int = MAX_EXTERNAL_ID_LENGTH) -> str:
    """Return `value` if it is a non-empty string of at most `max_length` characters."""
    if not isinstance(value, str):
        msg = f"must be a str, got {type(value).__name__}"
        raise InvalidArgumentError(argument, msg)
    if not 1 <= len(value) <= max_length:
        msg = f"must be 1..{max_length} characters long, got {len(value)}"
        raise InvalidArgumentError(argument, msg)
    return check_unicode(value, argument)


def check_instance_id(value: InstanceId, argument: str) -> InstanceId:
    """Return `value` if its space and external id match the patterns CDF accepts."""
    if not isinstance(value.space, str) or not _SPACE.fullmatch(value.space):
        msg = f"space {value.space!r} does not match {_SPACE.pattern}"
        raise InvalidArgumentError(argument, msg)
    if not isinstance(value.external_id, str) or not _INSTANCE_EXTERNAL_ID.fullmatch(value.external_id):
        msg = f"external_id {value.external_id!r} does not match {_INSTANCE_EXTERNAL_ID.pattern}"
        raise InvalidArgumentError(argument, msg)
    return value


def check_identifier(value: object, argument: str) -> Identifier:
    """Validate one identifier of any of the three kinds."""
    if isinstance(value, InstanceId):
        return check_instance_id(value, argument)
    if isinstance(value, str):
        return check_external_id(value, argument)
    if type(value) is int:
        return check_id(value, argument)
    msg = f"identifiers are int ids, str external ids or InstanceId, got {type(value).__name__}"
    raise InvalidArgumentError(argument, msg)


def to_wire(identifier: Identifier) -> dict[str, Any]:
    """`{"id"}`, `{"externalId"}` or `{"instanceId": {...}}`, the wire form of an identifier."""
    if isinstance(identifier, InstanceId):
        return {"instanceId": {"space": identifier.space, "externalId": identifier.external_id}}
    if isinstance(identifier, str):
        return {"externalId": identifier}
    return {"id": identifier}


def from_wire(item: object) -> Identifier | dict[str, Any]:
    """Return the typed identifier in a wire dict such as an error's `missing` entry (else the dict)."""
    if isinstance(item, dict):
        if "id" in item and type(item["id"]) is int:
            return int(item["id"])
        if "externalId" in item and isinstance(item["externalId"], str):
            return str(item["externalId"])
        instance = item.get("instanceId")
        if isinstance(instance, dict) and {"space", "externalId"} <= instance.keys():
            return InstanceId(str(instance["space"]), str(instance["externalId"]))
        return dict(item)
    return {"value": item}
