# Public API of cdf-client 0.1.0: cdf_client_api.models.polygon_type. Written by scripts/check_api --write-baseline; never edited by hand.
POLYGON_TYPE_VALUES: set[PolygonType]
PolygonType = Literal['Polygon']
def check_polygon_type(value: str) -> PolygonType: ...
