from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.file_select_by_external_id import FileSelectByExternalId
    from ..models.file_select_by_id import FileSelectById
    from ..models.file_select_by_instance_id import FileSelectByInstanceId


T = TypeVar("T", bound="FileRetrieveRequest")


@_attrs_define
class FileRetrieveRequest:
    """
    Attributes:
        items (list[FileSelectByExternalId | FileSelectById | FileSelectByInstanceId]):
        ignore_unknown_ids (bool | Unset): Ignore IDs and external IDs that are not found Default: False.
    """

    items: list[FileSelectByExternalId | FileSelectById | FileSelectByInstanceId]
    ignore_unknown_ids: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        from ..models.file_select_by_external_id import FileSelectByExternalId  # noqa: PLC0415
        from ..models.file_select_by_id import FileSelectById  # noqa: PLC0415

        items = []
        for items_item_data in self.items:
            items_item: dict[str, Any]
            if isinstance(items_item_data, FileSelectById):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, FileSelectByExternalId):
                items_item = items_item_data.to_dict()
            else:
                items_item = items_item_data.to_dict()

            items.append(items_item)

        ignore_unknown_ids = self.ignore_unknown_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
            }
        )
        if ignore_unknown_ids is not UNSET:
            field_dict["ignoreUnknownIds"] = ignore_unknown_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.file_select_by_external_id import FileSelectByExternalId  # noqa: PLC0415
        from ..models.file_select_by_id import FileSelectById  # noqa: PLC0415
        from ..models.file_select_by_instance_id import FileSelectByInstanceId  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:

            def _parse_items_item(
                data: object,
            ) -> FileSelectByExternalId | FileSelectById | FileSelectByInstanceId:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_file_select_either_type_0 = (
                        FileSelectById.from_dict(data)
                    )

                    return componentsschemas_file_select_either_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_file_select_either_type_1 = (
                        FileSelectByExternalId.from_dict(data)
                    )

                    return componentsschemas_file_select_either_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_file_select_either_type_2 = (
                    FileSelectByInstanceId.from_dict(data)
                )

                return componentsschemas_file_select_either_type_2

            items_item = _parse_items_item(items_item_data)

            items.append(items_item)

        ignore_unknown_ids = d.pop("ignoreUnknownIds", UNSET)

        file_retrieve_request = cls(
            items=items,
            ignore_unknown_ids=ignore_unknown_ids,
        )

        return file_retrieve_request
