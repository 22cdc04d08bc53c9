from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_duplicated_item import ErrorDuplicatedItem
    from ..models.error_missing_item import ErrorMissingItem


T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """Cognite API error.

    Attributes:
        code (int): HTTP status code. Example: 401.
        message (str): Error message. Example: Could not authenticate..
        duplicated (list[ErrorDuplicatedItem] | Unset): List of objects that are not unique.
        missing (list[ErrorMissingItem] | Unset): List of lookup objects that do not match any results.
        is_auto_retryable (bool | Unset): Sent by some services when the request can safely be retried.
    """

    code: int
    message: str
    duplicated: list[ErrorDuplicatedItem] | Unset = UNSET
    missing: list[ErrorMissingItem] | Unset = UNSET
    is_auto_retryable: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        duplicated: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.duplicated, Unset):
            duplicated = []
            for duplicated_item_data in self.duplicated:
                duplicated_item = duplicated_item_data.to_dict()
                duplicated.append(duplicated_item)

        missing: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.missing, Unset):
            missing = []
            for missing_item_data in self.missing:
                missing_item = missing_item_data.to_dict()
                missing.append(missing_item)

        is_auto_retryable = self.is_auto_retryable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
            }
        )
        if duplicated is not UNSET:
            field_dict["duplicated"] = duplicated
        if missing is not UNSET:
            field_dict["missing"] = missing
        if is_auto_retryable is not UNSET:
            field_dict["isAutoRetryable"] = is_auto_retryable

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_duplicated_item import ErrorDuplicatedItem  # noqa: PLC0415
        from ..models.error_missing_item import ErrorMissingItem  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        _duplicated = d.pop("duplicated", UNSET)
        duplicated: list[ErrorDuplicatedItem] | Unset = UNSET
        if _duplicated is not UNSET:
            duplicated = []
            for duplicated_item_data in _duplicated:
                duplicated_item = ErrorDuplicatedItem.from_dict(duplicated_item_data)

                duplicated.append(duplicated_item)

        _missing = d.pop("missing", UNSET)
        missing: list[ErrorMissingItem] | Unset = UNSET
        if _missing is not UNSET:
            missing = []
            for missing_item_data in _missing:
                missing_item = ErrorMissingItem.from_dict(missing_item_data)

                missing.append(missing_item)

        is_auto_retryable = d.pop("isAutoRetryable", UNSET)

        error = cls(
            code=code,
            message=message,
            duplicated=duplicated,
            missing=missing,
            is_auto_retryable=is_auto_retryable,
        )

        error.additional_properties = d
        return error

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
