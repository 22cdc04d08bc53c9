# Public API of cdf-client 0.1.0: cdf_client_api.models.file_filter_request. Written by scripts/check_api --write-baseline; never edited by hand.
class FileFilterRequest:
    def __init__(self, filter_: FileFilterProperties | Unset = UNSET, partition: str | Unset = UNSET, limit: int | Unset = 100, cursor: str | Unset = UNSET) -> None: ...
    cursor: str | Unset
    filter_: FileFilterProperties | Unset
    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T: ...
    limit: int | Unset
    partition: str | Unset
    def to_dict(self) -> dict[str, Any]: ...
