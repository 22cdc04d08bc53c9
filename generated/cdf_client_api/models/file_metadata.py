from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.files_metadata_field import FilesMetadataField
    from ..models.geo_location import GeoLocation
    from ..models.instance_id import InstanceId
    from ..models.label import Label


T = TypeVar("T", bound="FileMetadata")


@_attrs_define
class FileMetadata:
    """
    Attributes:
        name (str): Name of the file.
        created_time (int): The number of milliseconds since 00:00:00 Thursday, 1 January 1970, Coordinated Universal
            Time (UTC), minus leap seconds. Example: 1730204346000.
        id (int): A server-generated ID for the object.
        last_updated_time (int): The number of milliseconds since 00:00:00 Thursday, 1 January 1970, Coordinated
            Universal Time (UTC), minus leap seconds. Example: 1730204346000.
        uploaded (bool): Whether or not the actual file is uploaded. This field is returned only by the API, it has no
            effect in a post body. Example: True.
        asset_ids (list[int] | Unset):
        data_set_id (int | Unset): The dataSet Id for the item.
        directory (str | Unset): Directory containing the file. Must be an absolute, unix-style path.
        external_id (str | Unset): The external ID provided by the client. Must be unique for the resource type.
            Example: my.known.id.
        geo_location (GeoLocation | Unset): Geographic metadata.
        labels (list[Label] | Unset): A list of the labels associated with this resource item.
        metadata (FilesMetadataField | Unset): Custom, application specific metadata. String key -> String value.
            Limits: Maximum length of key is 128 bytes, value 10240 bytes, up to 256 key-value pairs, of total size at most
            10240.
        mime_type (str | Unset): File type. E.g. text/plain, application/pdf, .. Example: image/jpeg.
        security_categories (list[int] | Unset): The security category IDs required to access this file.
        source (str | Unset): The source of the file.
        source_created_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1 January 1970,
            Coordinated Universal Time (UTC), minus leap seconds. Example: 1730204346000.
        source_modified_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1 January 1970,
            Coordinated Universal Time (UTC), minus leap seconds. Example: 1730204346000.
        instance_id (InstanceId | Unset):
        uploaded_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1 January 1970, Coordinated
            Universal Time (UTC), minus leap seconds. Example: 1730204346000.
    """

    name: str
    created_time: int
    id: int
    last_updated_time: int
    uploaded: bool
    asset_ids: list[int] | Unset = UNSET
    data_set_id: int | Unset = UNSET
    directory: str | Unset = UNSET
    external_id: str | Unset = UNSET
    geo_location: GeoLocation | Unset = UNSET
    labels: list[Label] | Unset = UNSET
    metadata: FilesMetadataField | Unset = UNSET
    mime_type: str | Unset = UNSET
    security_categories: list[int] | Unset = UNSET
    source: str | Unset = UNSET
    source_created_time: int | Unset = UNSET
    source_modified_time: int | Unset = UNSET
    instance_id: InstanceId | Unset = UNSET
    uploaded_time: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        created_time = self.created_time

        id = self.id

        last_updated_time = self.last_updated_time

        uploaded = self.uploaded

        asset_ids: list[int] | Unset = UNSET
        if not isinstance(self.asset_ids, Unset):
            asset_ids = self.asset_ids

        data_set_id = self.data_set_id

        directory = self.directory

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

        mime_type = self.mime_type

        security_categories: list[int] | Unset = UNSET
        if not isinstance(self.security_categories, Unset):
            security_categories = self.security_categories

        source = self.source

        source_created_time = self.source_created_time

        source_modified_time = self.source_modified_time

        instance_id: dict[str, Any] | Unset = UNSET
        if not isinstance(self.instance_id, Unset):
            instance_id = self.instance_id.to_dict()

        uploaded_time = self.uploaded_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "createdTime": created_time,
                "id": id,
                "lastUpdatedTime": last_updated_time,
                "uploaded": uploaded,
            }
        )
        if asset_ids is not UNSET:
            field_dict["assetIds"] = asset_ids
        if data_set_id is not UNSET:
            field_dict["dataSetId"] = data_set_id
        if directory is not UNSET:
            field_dict["directory"] = directory
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if geo_location is not UNSET:
            field_dict["geoLocation"] = geo_location
        if labels is not UNSET:
            field_dict["labels"] = labels
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if mime_type is not UNSET:
            field_dict["mimeType"] = mime_type
        if security_categories is not UNSET:
            field_dict["securityCategories"] = security_categories
        if source is not UNSET:
            field_dict["source"] = source
        if source_created_time is not UNSET:
            field_dict["sourceCreatedTime"] = source_created_time
        if source_modified_time is not UNSET:
            field_dict["sourceModifiedTime"] = source_modified_time
        if instance_id is not UNSET:
            field_dict["instanceId"] = instance_id
        if uploaded_time is not UNSET:
            field_dict["uploadedTime"] = uploaded_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.files_metadata_field import FilesMetadataField  # noqa: PLC0415
        from ..models.geo_location import GeoLocation  # noqa: PLC0415
        from ..models.instance_id import InstanceId  # noqa: PLC0415
        from ..models.label import Label  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        created_time = d.pop("createdTime")

        id = d.pop("id")

        last_updated_time = d.pop("lastUpdatedTime")

        uploaded = d.pop("uploaded")

        asset_ids = cast(list[int], d.pop("assetIds", UNSET))

        data_set_id = d.pop("dataSetId", UNSET)

        directory = d.pop("directory", UNSET)

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
        metadata: FilesMetadataField | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = FilesMetadataField.from_dict(_metadata)

        mime_type = d.pop("mimeType", UNSET)

        security_categories = cast(list[int], d.pop("securityCategories", UNSET))

        source = d.pop("source", UNSET)

        source_created_time = d.pop("sourceCreatedTime", UNSET)

        source_modified_time = d.pop("sourceModifiedTime", UNSET)

        _instance_id = d.pop("instanceId", UNSET)
        instance_id: InstanceId | Unset
        if isinstance(_instance_id, Unset):
            instance_id = UNSET
        else:
            instance_id = InstanceId.from_dict(_instance_id)

        uploaded_time = d.pop("uploadedTime", UNSET)

        file_metadata = cls(
            name=name,
            created_time=created_time,
            id=id,
            last_updated_time=last_updated_time,
            uploaded=uploaded,
            asset_ids=asset_ids,
            data_set_id=data_set_id,
            directory=directory,
            external_id=external_id,
            geo_location=geo_location,
            labels=labels,
            metadata=metadata,
            mime_type=mime_type,
            security_categories=security_categories,
            source=source,
            source_created_time=source_created_time,
            source_modified_time=source_modified_time,
            instance_id=instance_id,
            uploaded_time=uploaded_time,
        )

        file_metadata.additional_properties = d
        return file_metadata

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
