# Public API of cdf-client 0.1.0: cdf_client_api.models.asset. Written by scripts/check_api --write-baseline; never edited by hand.
class Asset:
    def __init__(self, created_time: int, last_updated_time: int, root_id: int, name: str, id: int, aggregates: AggregateResultItem | Unset = UNSET, parent_external_id: str | Unset = UNSET, parent_id: int | Unset = UNSET, data_set_id: int | Unset = UNSET, description: str | Unset = UNSET, external_id: str | Unset = UNSET, geo_location: GeoLocation | Unset = UNSET, labels: list[Label] | Unset = UNSET, metadata: AssetMetadata | Unset = UNSET, source: str | Unset = UNSET) -> None: ...
    def __contains__(self, key: str) -> bool: ...
    def __getitem__(self, key: str) -> Any: ...
    additional_keys: list[str]
    additional_properties: dict[str, Any]
    aggregates: AggregateResultItem | Unset
    created_time: int
    data_set_id: int | Unset
    description: str | Unset
    external_id: str | Unset
    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T: ...
    geo_location: GeoLocation | Unset
    id: int
    labels: list[Label] | Unset
    last_updated_time: int
    metadata: AssetMetadata | Unset
    name: str
    parent_external_id: str | Unset
    parent_id: int | Unset
    root_id: int
    source: str | Unset
    def to_dict(self) -> dict[str, Any]: ...
