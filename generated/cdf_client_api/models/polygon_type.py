from typing import Literal

PolygonType = Literal["Polygon"]

POLYGON_TYPE_VALUES: set[PolygonType] = {
    "Polygon",
}


def check_polygon_type(value: str) -> PolygonType:
    if value in POLYGON_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {POLYGON_TYPE_VALUES!r}"
    )
