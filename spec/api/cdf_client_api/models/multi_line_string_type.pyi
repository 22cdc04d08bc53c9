# Public API of cdf-client 0.1.0: cdf_client_api.models.multi_line_string_type. Written by scripts/check_api --write-baseline; never edited by hand.
MULTI_LINE_STRING_TYPE_VALUES: set[MultiLineStringType]
MultiLineStringType = Literal['MultiLineString']
def check_multi_line_string_type(value: str) -> MultiLineStringType: ...
