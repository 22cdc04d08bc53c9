"""Identifiers of CDF resources: `int` ids, `str` external ids and `InstanceId`s, and their wire forms."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeAlias

from cdf_client._errors import InvalidArgumentError
from cdf_client._validation import check_int, check_str
from cdf_client_api import rules


@dataclass(frozen=True, slots=True)
class InstanceId:
    """The identifier of a data-modeling instance: a space and an external id within it.

    Example: `client.files.retrieve([InstanceId("my_space", "pump_manual")])`.
    """

    space: str
    external_id: str


Identifier: TypeAlias = int | str | InstanceId
"""An `int` is an id, a `str` an external id, an `InstanceId` an instance id."""


def check_id(value: object, argument: str, rule: type[rules.Integer] = rules.CogniteInternalId) -> int:
    """Return `value` if it is a valid internal id (an int within the spec's bounds, not a bool)."""
    if type(value) is not int:
        # bool is an int subclass: True would silently become id 1.
        msg = f"must be an int id, got {type(value).__name__}"
        raise InvalidArgumentError(argument, msg)
    return check_int(value, argument, rule)


def check_external_id(
    value: object, argument: str, rule: type[rules.String] = rules.CogniteExternalId
) -> str:
    """Return `value` if it is a string the spec accepts as an external id."""
    return check_str(value, argument, rule)


def check_instance_id(value: InstanceId, argument: str) -> InstanceId:
    """Return `value` if its space and external id are what the spec's `InstanceId` accepts."""
    check_str(value.space, f"{argument}.space", rules.FileSelectByInstanceId.instance_id.space)
    check_str(
        value.external_id, f"{argument}.external_id", rules.FileSelectByInstanceId.instance_id.external_id
    )
    return value


def check_identifier(value: object, argument: str) -> Identifier:
    """Validate one identifier of any of the three kinds, as byids takes them."""
    if isinstance(value, InstanceId):
        return check_instance_id(value, argument)
    if isinstance(value, str):
        return check_external_id(value, argument, rules.FileSelectByExternalId.external_id)
    if type(value) is int:
        return check_id(value, argument, rules.FileSelectById.id)
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
