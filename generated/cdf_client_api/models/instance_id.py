from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="InstanceId")


@_attrs_define
class InstanceId:
    """
    Attributes:
        external_id (str):
        space (str):
    """

    external_id: str
    space: str

    def to_dict(self) -> dict[str, Any]:
        external_id = self.external_id

        space = self.space

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "externalId": external_id,
                "space": space,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        external_id = d.pop("externalId")

        space = d.pop("space")

        instance_id = cls(
            external_id=external_id,
            space=space,
        )

        return instance_id
