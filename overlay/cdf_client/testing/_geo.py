"""Planar geometry for the `geoLocation` filter: INTERSECTS, DISJOINT and WITHIN over GeoJSON shapes.

Points, line strings and polygons (with holes) and their multi forms are supported, treated as flat
2D shapes: enough to make filter semantics testable, not a GIS.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

Point = tuple[float, float]
Segment = tuple[Point, Point]
Rings = list[list[Point]]


class Shape:
    """A geometry split into its points, segments and polygons (each a list of rings)."""

    def __init__(self, geometry: dict[str, Any]) -> None:
        kind, coordinates = geometry["type"], geometry["coordinates"]
        self.points: list[Point] = []
        self.segments: list[Segment] = []
        self.polygons: list[Rings] = []
        if kind == "Point":
            self.points.append(_pt(coordinates))
        elif kind == "MultiPoint":
            self.points.extend(_pt(c) for c in coordinates)
        elif kind in {"LineString", "MultiLineString"}:
            for line in [coordinates] if kind == "LineString" else coordinates:
                self._add_line([_pt(c) for c in line])
        else:
            for polygon in [coordinates] if kind == "Polygon" else coordinates:
                rings = [[_pt(c) for c in ring] for ring in polygon]
                self.polygons.append(rings)
                for ring in rings:
                    self._add_line(ring)

    def _add_line(self, line: list[Point]) -> None:
        self.points.extend(line)
        self.segments.extend(pairwise(line))

    def covers(self, point: Point) -> bool:
        """Whether the point lies inside or on this shape."""
        return (
            any(_in_polygon(point, rings) for rings in self.polygons)
            or any(_on_segment(point, segment) for segment in self.segments)
            or point in self.points
        )

    def intersects(self, other: Shape) -> bool:
        """Whether the two shapes share at least one point."""
        return (
            any(_segments_cross(a, b) for a in self.segments for b in other.segments)
            or any(other.covers(p) for p in self.points)
            or any(self.covers(p) for p in other.points)
        )

    def within(self, other: Shape) -> bool:
        """Whether every point of this shape lies in the other (boundary crossings excluded)."""
        if not all(other.covers(p) for p in self.points):
            return False
        # A segment whose ends are both inside may still leave a concave polygon or cross a hole.
        return not any(_properly_cross(a, b) for a in self.segments for b in other.segments)


def relation_holds(relation: str, data: dict[str, Any], shape: dict[str, Any]) -> bool:
    """Whether a stored geometry stands in `relation` (case-insensitive, as CDF accepts) to the shape."""
    stored, query = Shape(data), Shape(shape)
    relation = relation.upper()
    if relation == "WITHIN":
        return stored.within(query)
    intersects = stored.intersects(query)
    return intersects if relation == "INTERSECTS" else not intersects


def _pt(coordinates: list[float]) -> Point:
    return (float(coordinates[0]), float(coordinates[1]))


def _cross(o: Point, a: Point, b: Point) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _on_segment(p: Point, segment: Segment) -> bool:
    a, b = segment
    return (
        _cross(a, b, p) == 0
        and min(a[0], b[0]) <= p[0] <= max(a[0], b[0])
        and min(a[1], b[1]) <= p[1] <= max(a[1], b[1])
    )


def _properly_cross(s: Segment, t: Segment) -> bool:
    """Whether the segments cross at a single interior point of both (touching does not count)."""
    d1, d2 = _cross(t[0], t[1], s[0]), _cross(t[0], t[1], s[1])
    d3, d4 = _cross(s[0], s[1], t[0]), _cross(s[0], s[1], t[1])
    return d1 * d2 < 0 and d3 * d4 < 0


def _segments_cross(s: Segment, t: Segment) -> bool:
    return (
        _properly_cross(s, t)
        or _on_segment(s[0], t)
        or _on_segment(s[1], t)
        or _on_segment(t[0], s)
        or _on_segment(t[1], s)
    )


def _in_ring(p: Point, ring: list[Point]) -> bool:
    """Even-odd ray casting; points on the boundary count as inside."""
    inside = False
    for a, b in pairwise(ring):
        if _on_segment(p, (a, b)):
            return True
        if (a[1] > p[1]) != (b[1] > p[1]) and p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]:
            inside = not inside
    return inside


def _in_polygon(p: Point, rings: Rings) -> bool:
    if not rings or not _in_ring(p, rings[0]):
        return False
    # Inside a hole means outside the polygon, except on the hole's boundary.
    return not any(_in_ring(p, hole) and not _on_ring(p, hole) for hole in rings[1:])


def _on_ring(p: Point, ring: list[Point]) -> bool:
    return any(_on_segment(p, segment) for segment in pairwise(ring))
