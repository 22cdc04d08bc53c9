from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.geo_location_type import GeoLocationType, check_geo_location_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.geo_location_properties import GeoLocationProperties
    from ..models.line_string import LineString
    from ..models.multi_line_string import MultiLineString
    from ..models.multi_point import MultiPoint
    from ..models.multi_polygon import MultiPolygon
    from ..models.point import Point
    from ..models.polygon import Polygon


T = TypeVar("T", bound="GeoLocation")


@_attrs_define
class GeoLocation:
    """Geographic metadata.

    Attributes:
        geometry (LineString | MultiLineString | MultiPoint | MultiPolygon | Point | Polygon): Represents the points,
            curves and surfaces in the coordinate space.
        type_ (GeoLocationType): One of the GeoJSON types. Currently only the 'Feature' type is supported.
        properties (GeoLocationProperties | Unset): Additional properties in a String key -> Object value format.
    """

    geometry: LineString | MultiLineString | MultiPoint | MultiPolygon | Point | Polygon
    type_: GeoLocationType
    properties: GeoLocationProperties | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.line_string import LineString  # noqa: PLC0415
        from ..models.multi_line_string import MultiLineString  # noqa: PLC0415
        from ..models.multi_point import MultiPoint  # noqa: PLC0415
        from ..models.point import Point  # noqa: PLC0415
        from ..models.polygon import Polygon  # noqa: PLC0415

        geometry: dict[str, Any]
        if isinstance(self.geometry, Point):
            geometry = self.geometry.to_dict()
        elif isinstance(self.geometry, LineString):
            geometry = self.geometry.to_dict()
        elif isinstance(self.geometry, Polygon):
            geometry = self.geometry.to_dict()
        elif isinstance(self.geometry, MultiPoint):
            geometry = self.geometry.to_dict()
        elif isinstance(self.geometry, MultiLineString):
            geometry = self.geometry.to_dict()
        else:
            geometry = self.geometry.to_dict()

        type_: str = self.type_

        properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = self.properties.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "geometry": geometry,
                "type": type_,
            }
        )
        if properties is not UNSET:
            field_dict["properties"] = properties

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.geo_location_properties import GeoLocationProperties  # noqa: PLC0415
        from ..models.line_string import LineString  # noqa: PLC0415
        from ..models.multi_line_string import MultiLineString  # noqa: PLC0415
        from ..models.multi_point import MultiPoint  # noqa: PLC0415
        from ..models.multi_polygon import MultiPolygon  # noqa: PLC0415
        from ..models.point import Point  # noqa: PLC0415
        from ..models.polygon import Polygon  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_geometry(
            data: object,
        ) -> LineString | MultiLineString | MultiPoint | MultiPolygon | Point | Polygon:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_geo_location_geometry_type_0 = Point.from_dict(data)

                return componentsschemas_geo_location_geometry_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_geo_location_geometry_type_1 = LineString.from_dict(
                    data
                )

                return componentsschemas_geo_location_geometry_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_geo_location_geometry_type_2 = Polygon.from_dict(data)

                return componentsschemas_geo_location_geometry_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_geo_location_geometry_type_3 = MultiPoint.from_dict(
                    data
                )

                return componentsschemas_geo_location_geometry_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_geo_location_geometry_type_4 = (
                    MultiLineString.from_dict(data)
                )

                return componentsschemas_geo_location_geometry_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_geo_location_geometry_type_5 = MultiPolygon.from_dict(
                data
            )

            return componentsschemas_geo_location_geometry_type_5

        geometry = _parse_geometry(d.pop("geometry"))

        type_ = check_geo_location_type(d.pop("type"))

        _properties = d.pop("properties", UNSET)
        properties: GeoLocationProperties | Unset
        if isinstance(_properties, Unset):
            properties = UNSET
        else:
            properties = GeoLocationProperties.from_dict(_properties)

        geo_location = cls(
            geometry=geometry,
            type_=type_,
            properties=properties,
        )

        geo_location.additional_properties = d
        return geo_location

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
