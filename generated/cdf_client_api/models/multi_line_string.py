from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.multi_line_string_type import (
    MultiLineStringType,
    check_multi_line_string_type,
)

T = TypeVar("T", bound="MultiLineString")


@_attrs_define
class MultiLineString:
    """
    Attributes:
        coordinates (list[list[list[float]]]): List of lines where each line (LineString) is defined as a list of two or
            more points.
            Each point is defined as a pair of two numbers in an array, representing coordinates of a point in 2D space.

            Example: `[[[30, 10], [10, 30]], [[35, 10], [10, 30], [40, 40]]]`
        type_ (MultiLineStringType):
    """

    coordinates: list[list[list[float]]]
    type_: MultiLineStringType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        coordinates = []
        for (
            componentsschemas_multi_line_string_coordinates_item_data
        ) in self.coordinates:
            componentsschemas_multi_line_string_coordinates_item = []
            for (
                componentsschemas_line_string_coordinates_item_data
            ) in componentsschemas_multi_line_string_coordinates_item_data:
                componentsschemas_line_string_coordinates_item = (
                    componentsschemas_line_string_coordinates_item_data
                )

                componentsschemas_multi_line_string_coordinates_item.append(
                    componentsschemas_line_string_coordinates_item
                )

            coordinates.append(componentsschemas_multi_line_string_coordinates_item)

        type_: str = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "coordinates": coordinates,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        coordinates = []
        _coordinates = d.pop("coordinates")
        for componentsschemas_multi_line_string_coordinates_item_data in _coordinates:
            componentsschemas_multi_line_string_coordinates_item = []
            _componentsschemas_multi_line_string_coordinates_item = (
                componentsschemas_multi_line_string_coordinates_item_data
            )
            for (
                componentsschemas_line_string_coordinates_item_data
            ) in _componentsschemas_multi_line_string_coordinates_item:
                componentsschemas_line_string_coordinates_item = cast(
                    list[float], componentsschemas_line_string_coordinates_item_data
                )

                componentsschemas_multi_line_string_coordinates_item.append(
                    componentsschemas_line_string_coordinates_item
                )

            coordinates.append(componentsschemas_multi_line_string_coordinates_item)

        type_ = check_multi_line_string_type(d.pop("type"))

        multi_line_string = cls(
            coordinates=coordinates,
            type_=type_,
        )

        multi_line_string.additional_properties = d
        return multi_line_string

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
