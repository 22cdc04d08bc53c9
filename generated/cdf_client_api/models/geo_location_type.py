from typing import Literal

GeoLocationType = Literal["Feature"]

GEO_LOCATION_TYPE_VALUES: set[GeoLocationType] = {
    "Feature",
}


def check_geo_location_type(value: str) -> GeoLocationType:
    if value in GEO_LOCATION_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GEO_LOCATION_TYPE_VALUES!r}"
    )
