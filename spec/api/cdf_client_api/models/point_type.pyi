# Public API of cdf-client 0.1.0: cdf_client_api.models.point_type. Written by scripts/check_api --write-baseline; never edited by hand.
POINT_TYPE_VALUES: set[PointType]
PointType = Literal['Point']
def check_point_type(value: str) -> PointType: ...
