# Public API of cdf-client 0.1.0: cdf_client_api.models.multi_polygon_type. Written by scripts/check_api --write-baseline; never edited by hand.
MULTI_POLYGON_TYPE_VALUES: set[MultiPolygonType]
MultiPolygonType = Literal['MultiPolygon']
def check_multi_polygon_type(value: str) -> MultiPolygonType: ...
