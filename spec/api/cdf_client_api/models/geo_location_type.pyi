# Public API of cdf-client 0.1.0: cdf_client_api.models.geo_location_type. Written by scripts/check_api --write-baseline; never edited by hand.
GEO_LOCATION_TYPE_VALUES: set[GeoLocationType]
GeoLocationType = Literal['Feature']
def check_geo_location_type(value: str) -> GeoLocationType: ...
