from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Label")


@_attrs_define
class Label:
    """A label assigned to a resource.

    Attributes:
        external_id (str): The external ID provided by the client. Must be unique for the resource type. Example:
            my.known.id.
    """

    external_id: str

    def to_dict(self) -> dict[str, Any]:
        external_id = self.external_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "externalId": external_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        external_id = d.pop("externalId")

        label = cls(
            external_id=external_id,
        )

        return label
