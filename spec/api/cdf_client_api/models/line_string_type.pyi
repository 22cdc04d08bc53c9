# Public API of cdf-client 0.1.0: cdf_client_api.models.line_string_type. Written by scripts/check_api --write-baseline; never edited by hand.
LINE_STRING_TYPE_VALUES: set[LineStringType]
LineStringType = Literal['LineString']
def check_line_string_type(value: str) -> LineStringType: ...
