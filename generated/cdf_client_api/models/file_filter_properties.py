from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.asset_external_id import AssetExternalId
    from ..models.asset_internal_id import AssetInternalId
    from ..models.data_set_external_id import DataSetExternalId
    from ..models.data_set_internal_id import DataSetInternalId
    from ..models.epoch_timestamp_range import EpochTimestampRange
    from ..models.files_metadata_field import FilesMetadataField
    from ..models.geo_location_filter import GeoLocationFilter
    from ..models.label_contains_all_filter import LabelContainsAllFilter
    from ..models.label_contains_any_filter import LabelContainsAnyFilter


T = TypeVar("T", bound="FileFilterProperties")


@_attrs_define
class FileFilterProperties:
    """
    Attributes:
        asset_external_ids (list[str] | Unset): Only include files that reference these specific asset external IDs.
            Example: ['externalId1', 'externalId2', 'externalId3'].
        asset_ids (list[int] | Unset): Only include files that reference these specific asset IDs. Example:
            [363848954441724, 793045462540095, 1261042166839739].
        asset_subtree_ids (list[AssetExternalId | AssetInternalId] | Unset): Only include files that have a related
            asset in a subtree rooted at any of these assetIds (including the roots given). If the total size of the given
            subtrees exceeds 100,000 assets, an error will be returned. Example: [{'id': 123456789}, {'externalId': 'system
            99 external Id 1234'}].
        created_time (EpochTimestampRange | Unset): Range between two timestamps (inclusive).
        data_set_ids (list[DataSetExternalId | DataSetInternalId] | Unset): Only include files that belong to these
            datasets.
        directory_prefix (str | Unset): Filter by this (case-sensitive) prefix for the directory. Example:
            /my/known/directory.
        external_id_prefix (str | Unset): Filter by this (case-sensitive) prefix for the external ID. Example:
            my.known.prefix.
        geo_location (GeoLocationFilter | Unset): Only include files matching the specified geographic relation.
        labels (LabelContainsAllFilter | LabelContainsAnyFilter | Unset): Return only the resource matching the
            specified label constraints.
        last_updated_time (EpochTimestampRange | Unset): Range between two timestamps (inclusive).
        metadata (FilesMetadataField | Unset): Custom, application specific metadata. String key -> String value.
            Limits: Maximum length of key is 128 bytes, value 10240 bytes, up to 256 key-value pairs, of total size at most
            10240.
        mime_type (str | Unset): File type. E.g. text/plain, application/pdf, .. Example: image/jpeg.
        name (str | Unset): Name of the file.
        root_asset_ids (list[AssetExternalId | AssetInternalId] | Unset): Only include files that have a related asset
            in a tree rooted at any of these root assetIds. Example: [{'id': 123456789}, {'externalId': 'system 99 external
            Id 1234'}].
        source (str | Unset): The source of this event.
        source_created_time (EpochTimestampRange | Unset): Range between two timestamps (inclusive).
        source_modified_time (EpochTimestampRange | Unset): Range between two timestamps (inclusive).
        uploaded (bool | Unset): Whether or not the actual file is uploaded. This field is returned only by the API, it
            has no effect in a post body. Example: True.
        uploaded_time (EpochTimestampRange | Unset): Range between two timestamps (inclusive).
    """

    asset_external_ids: list[str] | Unset = UNSET
    asset_ids: list[int] | Unset = UNSET
    asset_subtree_ids: list[AssetExternalId | AssetInternalId] | Unset = UNSET
    created_time: EpochTimestampRange | Unset = UNSET
    data_set_ids: list[DataSetExternalId | DataSetInternalId] | Unset = UNSET
    directory_prefix: str | Unset = UNSET
    external_id_prefix: str | Unset = UNSET
    geo_location: GeoLocationFilter | Unset = UNSET
    labels: LabelContainsAllFilter | LabelContainsAnyFilter | Unset = UNSET
    last_updated_time: EpochTimestampRange | Unset = UNSET
    metadata: FilesMetadataField | Unset = UNSET
    mime_type: str | Unset = UNSET
    name: str | Unset = UNSET
    root_asset_ids: list[AssetExternalId | AssetInternalId] | Unset = UNSET
    source: str | Unset = UNSET
    source_created_time: EpochTimestampRange | Unset = UNSET
    source_modified_time: EpochTimestampRange | Unset = UNSET
    uploaded: bool | Unset = UNSET
    uploaded_time: EpochTimestampRange | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.asset_internal_id import AssetInternalId  # noqa: PLC0415
        from ..models.data_set_internal_id import DataSetInternalId  # noqa: PLC0415
        from ..models.label_contains_any_filter import LabelContainsAnyFilter  # noqa: PLC0415

        asset_external_ids: list[str] | Unset = UNSET
        if not isinstance(self.asset_external_ids, Unset):
            asset_external_ids = self.asset_external_ids

        asset_ids: list[int] | Unset = UNSET
        if not isinstance(self.asset_ids, Unset):
            asset_ids = self.asset_ids

        asset_subtree_ids: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.asset_subtree_ids, Unset):
            asset_subtree_ids = []
            for componentsschemas_asset_subtree_ids_item_data in self.asset_subtree_ids:
                componentsschemas_asset_subtree_ids_item: dict[str, Any]
                if isinstance(
                    componentsschemas_asset_subtree_ids_item_data, AssetInternalId
                ):
                    componentsschemas_asset_subtree_ids_item = (
                        componentsschemas_asset_subtree_ids_item_data.to_dict()
                    )
                else:
                    componentsschemas_asset_subtree_ids_item = (
                        componentsschemas_asset_subtree_ids_item_data.to_dict()
                    )

                asset_subtree_ids.append(componentsschemas_asset_subtree_ids_item)

        created_time: dict[str, Any] | Unset = UNSET
        if not isinstance(self.created_time, Unset):
            created_time = self.created_time.to_dict()

        data_set_ids: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.data_set_ids, Unset):
            data_set_ids = []
            for data_set_ids_item_data in self.data_set_ids:
                data_set_ids_item: dict[str, Any]
                if isinstance(data_set_ids_item_data, DataSetInternalId):
                    data_set_ids_item = data_set_ids_item_data.to_dict()
                else:
                    data_set_ids_item = data_set_ids_item_data.to_dict()

                data_set_ids.append(data_set_ids_item)

        directory_prefix = self.directory_prefix

        external_id_prefix = self.external_id_prefix

        geo_location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.geo_location, Unset):
            geo_location = self.geo_location.to_dict()

        labels: dict[str, Any] | Unset
        if isinstance(self.labels, Unset):
            labels = UNSET
        elif isinstance(self.labels, LabelContainsAnyFilter):
            labels = self.labels.to_dict()
        else:
            labels = self.labels.to_dict()

        last_updated_time: dict[str, Any] | Unset = UNSET
        if not isinstance(self.last_updated_time, Unset):
            last_updated_time = self.last_updated_time.to_dict()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        mime_type = self.mime_type

        name = self.name

        root_asset_ids: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.root_asset_ids, Unset):
            root_asset_ids = []
            for componentsschemas_root_asset_ids_item_data in self.root_asset_ids:
                componentsschemas_root_asset_ids_item: dict[str, Any]
                if isinstance(
                    componentsschemas_root_asset_ids_item_data, AssetInternalId
                ):
                    componentsschemas_root_asset_ids_item = (
                        componentsschemas_root_asset_ids_item_data.to_dict()
                    )
                else:
                    componentsschemas_root_asset_ids_item = (
                        componentsschemas_root_asset_ids_item_data.to_dict()
                    )

                root_asset_ids.append(componentsschemas_root_asset_ids_item)

        source = self.source

        source_created_time: dict[str, Any] | Unset = UNSET
        if not isinstance(self.source_created_time, Unset):
            source_created_time = self.source_created_time.to_dict()

        source_modified_time: dict[str, Any] | Unset = UNSET
        if not isinstance(self.source_modified_time, Unset):
            source_modified_time = self.source_modified_time.to_dict()

        uploaded = self.uploaded

        uploaded_time: dict[str, Any] | Unset = UNSET
        if not isinstance(self.uploaded_time, Unset):
            uploaded_time = self.uploaded_time.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if asset_external_ids is not UNSET:
            field_dict["assetExternalIds"] = asset_external_ids
        if asset_ids is not UNSET:
            field_dict["assetIds"] = asset_ids
        if asset_subtree_ids is not UNSET:
            field_dict["assetSubtreeIds"] = asset_subtree_ids
        if created_time is not UNSET:
            field_dict["createdTime"] = created_time
        if data_set_ids is not UNSET:
            field_dict["dataSetIds"] = data_set_ids
        if directory_prefix is not UNSET:
            field_dict["directoryPrefix"] = directory_prefix
        if external_id_prefix is not UNSET:
            field_dict["externalIdPrefix"] = external_id_prefix
        if geo_location is not UNSET:
            field_dict["geoLocation"] = geo_location
        if labels is not UNSET:
            field_dict["labels"] = labels
        if last_updated_time is not UNSET:
            field_dict["lastUpdatedTime"] = last_updated_time
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if mime_type is not UNSET:
            field_dict["mimeType"] = mime_type
        if name is not UNSET:
            field_dict["name"] = name
        if root_asset_ids is not UNSET:
            field_dict["rootAssetIds"] = root_asset_ids
        if source is not UNSET:
            field_dict["source"] = source
        if source_created_time is not UNSET:
            field_dict["sourceCreatedTime"] = source_created_time
        if source_modified_time is not UNSET:
            field_dict["sourceModifiedTime"] = source_modified_time
        if uploaded is not UNSET:
            field_dict["uploaded"] = uploaded
        if uploaded_time is not UNSET:
            field_dict["uploadedTime"] = uploaded_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.asset_external_id import AssetExternalId  # noqa: PLC0415
        from ..models.asset_internal_id import AssetInternalId  # noqa: PLC0415
        from ..models.data_set_external_id import DataSetExternalId  # noqa: PLC0415
        from ..models.data_set_internal_id import DataSetInternalId  # noqa: PLC0415
        from ..models.epoch_timestamp_range import EpochTimestampRange  # noqa: PLC0415
        from ..models.files_metadata_field import FilesMetadataField  # noqa: PLC0415
        from ..models.geo_location_filter import GeoLocationFilter  # noqa: PLC0415
        from ..models.label_contains_all_filter import LabelContainsAllFilter  # noqa: PLC0415
        from ..models.label_contains_any_filter import LabelContainsAnyFilter  # noqa: PLC0415

        d = dict(src_dict)
        asset_external_ids = cast(list[str], d.pop("assetExternalIds", UNSET))

        asset_ids = cast(list[int], d.pop("assetIds", UNSET))

        _asset_subtree_ids = d.pop("assetSubtreeIds", UNSET)
        asset_subtree_ids: list[AssetExternalId | AssetInternalId] | Unset = UNSET
        if _asset_subtree_ids is not UNSET:
            asset_subtree_ids = []
            for componentsschemas_asset_subtree_ids_item_data in _asset_subtree_ids:

                def _parse_componentsschemas_asset_subtree_ids_item(
                    data: object,
                ) -> AssetExternalId | AssetInternalId:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_asset_id_either_type_0 = (
                            AssetInternalId.from_dict(data)
                        )

                        return componentsschemas_asset_id_either_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_asset_id_either_type_1 = (
                        AssetExternalId.from_dict(data)
                    )

                    return componentsschemas_asset_id_either_type_1

                componentsschemas_asset_subtree_ids_item = (
                    _parse_componentsschemas_asset_subtree_ids_item(
                        componentsschemas_asset_subtree_ids_item_data
                    )
                )

                asset_subtree_ids.append(componentsschemas_asset_subtree_ids_item)

        _created_time = d.pop("createdTime", UNSET)
        created_time: EpochTimestampRange | Unset
        if isinstance(_created_time, Unset):
            created_time = UNSET
        else:
            created_time = EpochTimestampRange.from_dict(_created_time)

        _data_set_ids = d.pop("dataSetIds", UNSET)
        data_set_ids: list[DataSetExternalId | DataSetInternalId] | Unset = UNSET
        if _data_set_ids is not UNSET:
            data_set_ids = []
            for data_set_ids_item_data in _data_set_ids:

                def _parse_data_set_ids_item(
                    data: object,
                ) -> DataSetExternalId | DataSetInternalId:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_data_set_id_either_type_0 = (
                            DataSetInternalId.from_dict(data)
                        )

                        return componentsschemas_data_set_id_either_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_data_set_id_either_type_1 = (
                        DataSetExternalId.from_dict(data)
                    )

                    return componentsschemas_data_set_id_either_type_1

                data_set_ids_item = _parse_data_set_ids_item(data_set_ids_item_data)

                data_set_ids.append(data_set_ids_item)

        directory_prefix = d.pop("directoryPrefix", UNSET)

        external_id_prefix = d.pop("externalIdPrefix", UNSET)

        _geo_location = d.pop("geoLocation", UNSET)
        geo_location: GeoLocationFilter | Unset
        if isinstance(_geo_location, Unset):
            geo_location = UNSET
        else:
            geo_location = GeoLocationFilter.from_dict(_geo_location)

        def _parse_labels(
            data: object,
        ) -> LabelContainsAllFilter | LabelContainsAnyFilter | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_label_filter_type_0 = (
                    LabelContainsAnyFilter.from_dict(data)
                )

                return componentsschemas_label_filter_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_label_filter_type_1 = LabelContainsAllFilter.from_dict(
                data
            )

            return componentsschemas_label_filter_type_1

        labels = _parse_labels(d.pop("labels", UNSET))

        _last_updated_time = d.pop("lastUpdatedTime", UNSET)
        last_updated_time: EpochTimestampRange | Unset
        if isinstance(_last_updated_time, Unset):
            last_updated_time = UNSET
        else:
            last_updated_time = EpochTimestampRange.from_dict(_last_updated_time)

        _metadata = d.pop("metadata", UNSET)
        metadata: FilesMetadataField | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = FilesMetadataField.from_dict(_metadata)

        mime_type = d.pop("mimeType", UNSET)

        name = d.pop("name", UNSET)

        _root_asset_ids = d.pop("rootAssetIds", UNSET)
        root_asset_ids: list[AssetExternalId | AssetInternalId] | Unset = UNSET
        if _root_asset_ids is not UNSET:
            root_asset_ids = []
            for componentsschemas_root_asset_ids_item_data in _root_asset_ids:

                def _parse_componentsschemas_root_asset_ids_item(
                    data: object,
                ) -> AssetExternalId | AssetInternalId:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_asset_id_either_type_0 = (
                            AssetInternalId.from_dict(data)
                        )

                        return componentsschemas_asset_id_either_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_asset_id_either_type_1 = (
                        AssetExternalId.from_dict(data)
                    )

                    return componentsschemas_asset_id_either_type_1

                componentsschemas_root_asset_ids_item = (
                    _parse_componentsschemas_root_asset_ids_item(
                        componentsschemas_root_asset_ids_item_data
                    )
                )

                root_asset_ids.append(componentsschemas_root_asset_ids_item)

        source = d.pop("source", UNSET)

        _source_created_time = d.pop("sourceCreatedTime", UNSET)
        source_created_time: EpochTimestampRange | Unset
        if isinstance(_source_created_time, Unset):
            source_created_time = UNSET
        else:
            source_created_time = EpochTimestampRange.from_dict(_source_created_time)

        _source_modified_time = d.pop("sourceModifiedTime", UNSET)
        source_modified_time: EpochTimestampRange | Unset
        if isinstance(_source_modified_time, Unset):
            source_modified_time = UNSET
        else:
            source_modified_time = EpochTimestampRange.from_dict(_source_modified_time)

        uploaded = d.pop("uploaded", UNSET)

        _uploaded_time = d.pop("uploadedTime", UNSET)
        uploaded_time: EpochTimestampRange | Unset
        if isinstance(_uploaded_time, Unset):
            uploaded_time = UNSET
        else:
            uploaded_time = EpochTimestampRange.from_dict(_uploaded_time)

        file_filter_properties = cls(
            asset_external_ids=asset_external_ids,
            asset_ids=asset_ids,
            asset_subtree_ids=asset_subtree_ids,
            created_time=created_time,
            data_set_ids=data_set_ids,
            directory_prefix=directory_prefix,
            external_id_prefix=external_id_prefix,
            geo_location=geo_location,
            labels=labels,
            last_updated_time=last_updated_time,
            metadata=metadata,
            mime_type=mime_type,
            name=name,
            root_asset_ids=root_asset_ids,
            source=source,
            source_created_time=source_created_time,
            source_modified_time=source_modified_time,
            uploaded=uploaded,
            uploaded_time=uploaded_time,
        )

        return file_filter_properties
