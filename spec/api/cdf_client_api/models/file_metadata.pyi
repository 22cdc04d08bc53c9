# Public API of cdf-client 0.1.0: cdf_client_api.models.file_metadata. Written by scripts/check_api --write-baseline; never edited by hand.
class FileMetadata:
    def __init__(self, name: str, created_time: int, id: int, last_updated_time: int, uploaded: bool, asset_ids: list[int] | Unset = UNSET, data_set_id: int | Unset = UNSET, directory: str | Unset = UNSET, external_id: str | Unset = UNSET, geo_location: GeoLocation | Unset = UNSET, labels: list[Label] | Unset = UNSET, metadata: FilesMetadataField | Unset = UNSET, mime_type: str | Unset = UNSET, security_categories: list[int] | Unset = UNSET, source: str | Unset = UNSET, source_created_time: int | Unset = UNSET, source_modified_time: int | Unset = UNSET, instance_id: InstanceId | Unset = UNSET, uploaded_time: int | Unset = UNSET) -> None: ...
    def __contains__(self, key: str) -> bool: ...
    def __getitem__(self, key: str) -> Any: ...
    additional_keys: list[str]
    additional_properties: dict[str, Any]
    asset_ids: list[int] | Unset
    created_time: int
    data_set_id: int | Unset
    directory: str | Unset
    external_id: str | Unset
    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T: ...
    geo_location: GeoLocation | Unset
    id: int
    instance_id: InstanceId | Unset
    labels: list[Label] | Unset
    last_updated_time: int
    metadata: FilesMetadataField | Unset
    mime_type: str | Unset
    name: str
    security_categories: list[int] | Unset
    source: str | Unset
    source_created_time: int | Unset
    source_modified_time: int | Unset
    def to_dict(self) -> dict[str, Any]: ...
    uploaded: bool
    uploaded_time: int | Unset
