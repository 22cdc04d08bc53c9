from typing import Literal

GeoLocationFilterRelation = Literal["DISJOINT", "INTERSECTS", "WITHIN"]

GEO_LOCATION_FILTER_RELATION_VALUES: set[GeoLocationFilterRelation] = {
    "DISJOINT",
    "INTERSECTS",
    "WITHIN",
}


def check_geo_location_filter_relation(value: str) -> GeoLocationFilterRelation:
    if value in GEO_LOCATION_FILTER_RELATION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GEO_LOCATION_FILTER_RELATION_VALUES!r}"
    )
