from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.multi_point_type import MultiPointType, check_multi_point_type

T = TypeVar("T", bound="MultiPoint")


@_attrs_define
class MultiPoint:
    """
    Attributes:
        coordinates (list[list[float]]): List of Points. Each Point is defined as an array of 2 numbers, representing
            coordinates of a point in 2D space.

            Example: `[[35, 10], [45, 45]]`
        type_ (MultiPointType):
    """

    coordinates: list[list[float]]
    type_: MultiPointType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        coordinates = []
        for componentsschemas_multi_point_coordinates_item_data in self.coordinates:
            componentsschemas_multi_point_coordinates_item = (
                componentsschemas_multi_point_coordinates_item_data
            )

            coordinates.append(componentsschemas_multi_point_coordinates_item)

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
        for componentsschemas_multi_point_coordinates_item_data in _coordinates:
            componentsschemas_multi_point_coordinates_item = cast(
                list[float], componentsschemas_multi_point_coordinates_item_data
            )

            coordinates.append(componentsschemas_multi_point_coordinates_item)

        type_ = check_multi_point_type(d.pop("type"))

        multi_point = cls(
            coordinates=coordinates,
            type_=type_,
        )

        multi_point.additional_properties = d
        return multi_point

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
