from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.label import Label


T = TypeVar("T", bound="LabelContainsAnyFilter")


@_attrs_define
class LabelContainsAnyFilter:
    """
    Attributes:
        contains_any (list[Label]): The resource item contains at least one of the listed labels.
    """

    contains_any: list[Label]

    def to_dict(self) -> dict[str, Any]:
        contains_any = []
        for contains_any_item_data in self.contains_any:
            contains_any_item = contains_any_item_data.to_dict()
            contains_any.append(contains_any_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "containsAny": contains_any,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.label import Label  # noqa: PLC0415

        d = dict(src_dict)
        contains_any = []
        _contains_any = d.pop("containsAny")
        for contains_any_item_data in _contains_any:
            contains_any_item = Label.from_dict(contains_any_item_data)

            contains_any.append(contains_any_item)

        label_contains_any_filter = cls(
            contains_any=contains_any,
        )

        return label_contains_any_filter
