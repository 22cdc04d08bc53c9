from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.geo_location_filter_relation import (
    GeoLocationFilterRelation,
    check_geo_location_filter_relation,
)

if TYPE_CHECKING:
    from ..models.line_string import LineString
    from ..models.multi_line_string import MultiLineString
    from ..models.multi_polygon import MultiPolygon
    from ..models.point import Point
    from ..models.polygon import Polygon


T = TypeVar("T", bound="GeoLocationFilter")


@_attrs_define
class GeoLocationFilter:
    """Only include files matching the specified geographic relation.

    Attributes:
        relation (GeoLocationFilterRelation): One of the supported queries.
        shape (LineString | MultiLineString | MultiPolygon | Point | Polygon): Represents the points, curves and
            surfaces in the coordinate space.
    """

    relation: GeoLocationFilterRelation
    shape: LineString | MultiLineString | MultiPolygon | Point | Polygon

    def to_dict(self) -> dict[str, Any]:
        from ..models.line_string import LineString  # noqa: PLC0415
        from ..models.multi_line_string import MultiLineString  # noqa: PLC0415
        from ..models.point import Point  # noqa: PLC0415
        from ..models.polygon import Polygon  # noqa: PLC0415

        relation: str = self.relation

        shape: dict[str, Any]
        if isinstance(self.shape, Point):
            shape = self.shape.to_dict()
        elif isinstance(self.shape, LineString):
            shape = self.shape.to_dict()
        elif isinstance(self.shape, Polygon):
            shape = self.shape.to_dict()
        elif isinstance(self.shape, MultiLineString):
            shape = self.shape.to_dict()
        else:
            shape = self.shape.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "relation": relation,
                "shape": shape,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.line_string import LineString  # noqa: PLC0415
        from ..models.multi_line_string import MultiLineString  # noqa: PLC0415
        from ..models.multi_polygon import MultiPolygon  # noqa: PLC0415
        from ..models.point import Point  # noqa: PLC0415
        from ..models.polygon import Polygon  # noqa: PLC0415

        d = dict(src_dict)
        relation = check_geo_location_filter_relation(d.pop("relation"))

        def _parse_shape(
            data: object,
        ) -> LineString | MultiLineString | MultiPolygon | Point | Polygon:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                shape_type_0 = Point.from_dict(data)

                return shape_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                shape_type_1 = LineString.from_dict(data)

                return shape_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                shape_type_2 = Polygon.from_dict(data)

                return shape_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                shape_type_3 = MultiLineString.from_dict(data)

                return shape_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            shape_type_4 = MultiPolygon.from_dict(data)

            return shape_type_4

        shape = _parse_shape(d.pop("shape"))

        geo_location_filter = cls(
            relation=relation,
            shape=shape,
        )

        return geo_location_filter
