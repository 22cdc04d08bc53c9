from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.file_filter_properties import FileFilterProperties


T = TypeVar("T", bound="FileFilterRequest")


@_attrs_define
class FileFilterRequest:
    """Filter on files with exact match

    Attributes:
        filter_ (FileFilterProperties | Unset):
        partition (str | Unset): Splits the data set into `N` partitions.
            The attribute is specified as a "M/N" string, where `M` is a natural number in the interval of `[1, N]`.
            You need to follow the cursors within each partition in order to receive all the data.

            The maximum number of allowed partitions (`N`) is 10.

            Cognite rejects requests if you specify more than 10 partitions.
            When Cognite enforces this behavior, the requests result in a 400 Bad Request status.
             Example: 1/3.
        limit (int | Unset): <- Maximum number of items that the client want to get back. Default: 100.
        cursor (str | Unset):  Example: 4zj0Vy2fo0NtNMb229mI9r1V3YG5NBL752kQz1cKtwo.
    """

    filter_: FileFilterProperties | Unset = UNSET
    partition: str | Unset = UNSET
    limit: int | Unset = 100
    cursor: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        filter_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.filter_, Unset):
            filter_ = self.filter_.to_dict()

        partition = self.partition

        limit = self.limit

        cursor = self.cursor

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if filter_ is not UNSET:
            field_dict["filter"] = filter_
        if partition is not UNSET:
            field_dict["partition"] = partition
        if limit is not UNSET:
            field_dict["limit"] = limit
        if cursor is not UNSET:
            field_dict["cursor"] = cursor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.file_filter_properties import FileFilterProperties  # noqa: PLC0415

        d = dict(src_dict)
        _filter_ = d.pop("filter", UNSET)
        filter_: FileFilterProperties | Unset
        if isinstance(_filter_, Unset):
            filter_ = UNSET
        else:
            filter_ = FileFilterProperties.from_dict(_filter_)

        partition = d.pop("partition", UNSET)

        limit = d.pop("limit", UNSET)

        cursor = d.pop("cursor", UNSET)

        file_filter_request = cls(
            filter_=filter_,
            partition=partition,
            limit=limit,
            cursor=cursor,
        )

        return file_filter_request
