from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.label import Label


T = TypeVar("T", bound="LabelContainsAllFilter")


@_attrs_define
class LabelContainsAllFilter:
    """
    Attributes:
        contains_all (list[Label]): The resource item contains at least all the listed labels.
    """

    contains_all: list[Label]

    def to_dict(self) -> dict[str, Any]:
        contains_all = []
        for contains_all_item_data in self.contains_all:
            contains_all_item = contains_all_item_data.to_dict()
            contains_all.append(contains_all_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "containsAll": contains_all,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.label import Label  # noqa: PLC0415

        d = dict(src_dict)
        contains_all = []
        _contains_all = d.pop("containsAll")
        for contains_all_item_data in _contains_all:
            contains_all_item = Label.from_dict(contains_all_item_data)

            contains_all.append(contains_all_item)

        label_contains_all_filter = cls(
            contains_all=contains_all,
        )

        return label_contains_all_filter
