# Public API of cdf-client 0.1.0: cdf_client_api.models.multi_point_type. Written by scripts/check_api --write-baseline; never edited by hand.
MULTI_POINT_TYPE_VALUES: set[MultiPointType]
MultiPointType = Literal['MultiPoint']
def check_multi_point_type(value: str) -> MultiPointType: ...
