# Public API of cdf-client 0.1.0: cdf_client_api.models.geo_location_filter_relation. Written by scripts/check_api --write-baseline; never edited by hand.
GEO_LOCATION_FILTER_RELATION_VALUES: set[GeoLocationFilterRelation]
GeoLocationFilterRelation = Literal['DISJOINT', 'INTERSECTS', 'WITHIN']
def check_geo_location_filter_relation(value: str) -> GeoLocationFilterRelation: ...
