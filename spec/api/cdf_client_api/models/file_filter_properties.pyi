# Public API of cdf-client 0.1.0: cdf_client_api.models.file_filter_properties. Written by scripts/check_api --write-baseline; never edited by hand.
class FileFilterProperties:
    def __init__(self, asset_external_ids: list[str] | Unset = UNSET, asset_ids: list[int] | Unset = UNSET, asset_subtree_ids: list[AssetExternalId | AssetInternalId] | Unset = UNSET, created_time: EpochTimestampRange | Unset = UNSET, data_set_ids: list[DataSetExternalId | DataSetInternalId] | Unset = UNSET, directory_prefix: str | Unset = UNSET, external_id_prefix: str | Unset = UNSET, geo_location: GeoLocationFilter | Unset = UNSET, labels: LabelContainsAllFilter | LabelContainsAnyFilter | Unset = UNSET, last_updated_time: EpochTimestampRange | Unset = UNSET, metadata: FilesMetadataField | Unset = UNSET, mime_type: str | Unset = UNSET, name: str | Unset = UNSET, root_asset_ids: list[AssetExternalId | AssetInternalId] | Unset = UNSET, source: str | Unset = UNSET, source_created_time: EpochTimestampRange | Unset = UNSET, source_modified_time: EpochTimestampRange | Unset = UNSET, uploaded: bool | Unset = UNSET, uploaded_time: EpochTimestampRange | Unset = UNSET) -> None: ...
    asset_external_ids: list[str] | Unset
    asset_ids: list[int] | Unset
    asset_subtree_ids: list[AssetExternalId | AssetInternalId] | Unset
    created_time: EpochTimestampRange | Unset
    data_set_ids: list[DataSetExternalId | DataSetInternalId] | Unset
    directory_prefix: str | Unset
    external_id_prefix: str | Unset
    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T: ...
    geo_location: GeoLocationFilter | Unset
    labels: LabelContainsAllFilter | LabelContainsAnyFilter | Unset
    last_updated_time: EpochTimestampRange | Unset
    metadata: FilesMetadataField | Unset
    mime_type: str | Unset
    name: str | Unset
    root_asset_ids: list[AssetExternalId | AssetInternalId] | Unset
    source: str | Unset
    source_created_time: EpochTimestampRange | Unset
    source_modified_time: EpochTimestampRange | Unset
    def to_dict(self) -> dict[str, Any]: ...
    uploaded: bool | Unset
    uploaded_time: EpochTimestampRange | Unset
