from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.instance_id import InstanceId


T = TypeVar("T", bound="FileSelectByInstanceId")


@_attrs_define
class FileSelectByInstanceId:
    """
    Attributes:
        instance_id (InstanceId | Unset):
    """

    instance_id: InstanceId | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        instance_id: dict[str, Any] | Unset = UNSET
        if not isinstance(self.instance_id, Unset):
            instance_id = self.instance_id.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if instance_id is not UNSET:
            field_dict["instanceId"] = instance_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.instance_id import InstanceId  # noqa: PLC0415

        d = dict(src_dict)
        _instance_id = d.pop("instanceId", UNSET)
        instance_id: InstanceId | Unset
        if isinstance(_instance_id, Unset):
            instance_id = UNSET
        else:
            instance_id = InstanceId.from_dict(_instance_id)

        file_select_by_instance_id = cls(
            instance_id=instance_id,
        )

        return file_select_by_instance_id
