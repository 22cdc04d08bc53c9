from typing import Literal

MultiPointType = Literal["MultiPoint"]

MULTI_POINT_TYPE_VALUES: set[MultiPointType] = {
    "MultiPoint",
}


def check_multi_point_type(value: str) -> MultiPointType:
    if value in MULTI_POINT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MULTI_POINT_TYPE_VALUES!r}"
    )
