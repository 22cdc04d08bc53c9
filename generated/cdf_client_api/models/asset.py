from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.aggregate_result_item import AggregateResultItem
    from ..models.asset_metadata import AssetMetadata
    from ..models.geo_location import GeoLocation
    from ..models.label import Label


T = TypeVar("T", bound="Asset")


@_attrs_define
class Asset:
    """A representation of a physical asset, for example a factory or a piece of equipment.

    Attributes:
        created_time (int): The number of milliseconds since 00:00:00 Thursday, 1 January 1970, Coordinated Universal
            Time (UTC), minus leap seconds. Example: 1730204346000.
        last_updated_time (int): The number of milliseconds since 00:00:00 Thursday, 1 January 1970, Coordinated
            Universal Time (UTC), minus leap seconds. Example: 1730204346000.
        root_id (int): A server-generated ID for the object.
        name (str): The name of the asset.
        id (int): A server-generated ID for the object.
        aggregates (AggregateResultItem | Unset): Aggregated metrics of the asset.
        parent_external_id (str | Unset): The external ID provided by the client. Must be unique for the resource type.
            Example: my.known.id.
        parent_id (int | Unset): A server-generated ID for the object.
        data_set_id (int | Unset): A server-generated ID for the object.
        description (str | Unset): The description of the asset.
        external_id (str | Unset): The external ID provided by the client. Must be unique for the resource type.
            Example: my.known.id.
        geo_location (GeoLocation | Unset): Geographic metadata.
        labels (list[Label] | Unset): A list of the labels associated with this resource item.
        metadata (AssetMetadata | Unset): Custom, application specific metadata. String key -> String value. Limits:
            Maximum length of key is 128 bytes, value 10240 bytes, up to 256 key-value pairs, of total size at most 10240.
        source (str | Unset): The source of the asset.
    """

    created_time: int
    last_updated_time: int
    root_id: int
    name: str
    id: int
    aggregates: AggregateResultItem | Unset = UNSET
    parent_external_id: str | Unset = UNSET
    parent_id: int | Unset = UNSET
    data_set_id: int | Unset = UNSET
    description: str | Unset = UNSET
    external_id: str | Unset = UNSET
    geo_location: GeoLocation | Unset = UNSET
    labels: list[Label] | Unset = UNSET
    metadata: AssetMetadata | Unset = UNSET
    source: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_time = self.created_time

        last_updated_time = self.last_updated_time

        root_id = self.root_id

        name = self.name

        id = self.id

        aggregates: dict[str, Any] | Unset = UNSET
        if not isinstance(self.aggregates, Unset):
            aggregates = self.aggregates.to_dict()

        parent_external_id = self.parent_external_id

        parent_id = self.parent_id

        data_set_id = self.data_set_id

        description = self.description

        external_id = self.external_id

        geo_location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.geo_location, Unset):
            geo_location = self.geo_location.to_dict()

        labels: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.labels, Unset):
            labels = []
            for componentsschemas_label_list_item_data in self.labels:
                componentsschemas_label_list_item = (
                    componentsschemas_label_list_item_data.to_dict()
                )
                labels.append(componentsschemas_label_list_item)

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        source = self.source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "createdTime": created_time,
                "lastUpdatedTime": last_updated_time,
                "rootId": root_id,
                "name": name,
                "id": id,
            }
        )
        if aggregates is not UNSET:
            field_dict["aggregates"] = aggregates
        if parent_external_id is not UNSET:
            field_dict["parentExternalId"] = parent_external_id
        if parent_id is not UNSET:
            field_dict["parentId"] = parent_id
        if data_set_id is not UNSET:
            field_dict["dataSetId"] = data_set_id
        if description is not UNSET:
            field_dict["description"] = description
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if geo_location is not UNSET:
            field_dict["geoLocation"] = geo_location
        if labels is not UNSET:
            field_dict["labels"] = labels
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aggregate_result_item import AggregateResultItem  # noqa: PLC0415
        from ..models.asset_metadata import AssetMetadata  # noqa: PLC0415
        from ..models.geo_location import GeoLocation  # noqa: PLC0415
        from ..models.label import Label  # noqa: PLC0415

        d = dict(src_dict)
        created_time = d.pop("createdTime")

        last_updated_time = d.pop("lastUpdatedTime")

        root_id = d.pop("rootId")

        name = d.pop("name")

        id = d.pop("id")

        _aggregates = d.pop("aggregates", UNSET)
        aggregates: AggregateResultItem | Unset
        if isinstance(_aggregates, Unset):
            aggregates = UNSET
        else:
            aggregates = AggregateResultItem.from_dict(_aggregates)

        parent_external_id = d.pop("parentExternalId", UNSET)

        parent_id = d.pop("parentId", UNSET)

        data_set_id = d.pop("dataSetId", UNSET)

        description = d.pop("description", UNSET)

        external_id = d.pop("externalId", UNSET)

        _geo_location = d.pop("geoLocation", UNSET)
        geo_location: GeoLocation | Unset
        if isinstance(_geo_location, Unset):
            geo_location = UNSET
        else:
            geo_location = GeoLocation.from_dict(_geo_location)

        _labels = d.pop("labels", UNSET)
        labels: list[Label] | Unset = UNSET
        if _labels is not UNSET:
            labels = []
            for componentsschemas_label_list_item_data in _labels:
                componentsschemas_label_list_item = Label.from_dict(
                    componentsschemas_label_list_item_data
                )

                labels.append(componentsschemas_label_list_item)

        _metadata = d.pop("metadata", UNSET)
        metadata: AssetMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = AssetMetadata.from_dict(_metadata)

        source = d.pop("source", UNSET)

        asset = cls(
            created_time=created_time,
            last_updated_time=last_updated_time,
            root_id=root_id,
            name=name,
            id=id,
            aggregates=aggregates,
            parent_external_id=parent_external_id,
            parent_id=parent_id,
            data_set_id=data_set_id,
            description=description,
            external_id=external_id,
            geo_location=geo_location,
            labels=labels,
            metadata=metadata,
            source=source,
        )

        asset.additional_properties = d
        return asset

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
