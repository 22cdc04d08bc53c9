"""`client.files`: filter (POST /files/list), list (GET /files), get (GET /files/{id}), retrieve (byids).

The generated layer (attrs and all its models, ~40 ms) loads with the core when a client is built
(`_async/_core.py`), not with `import cdf_client` (scripts/bench, scenario 5): hence the methods'
imports from it, which are lookups by the time they run.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from cdf_client._async._listing import AsyncListing
from cdf_client._errors import InvalidArgumentError, NotFoundError
from cdf_client._filters import (
    GeoLocationFilter,
    LabelFilter,
    either_list,
    external_id_list,
    id_list,
    json_array,
    metadata_filter,
)
from cdf_client._identifiers import Identifier, InstanceId, check_id, check_identifier
from cdf_client._models import File, FileList
from cdf_client._resources._common import ResumeFrom, make_spec
from cdf_client._validation import (
    TimeBounds,
    Timestamp,
    check_bool,
    check_str,
    time_bounds,
    to_time_range,
)
from cdf_client_api import rules

if TYPE_CHECKING:
    import builtins
    from collections.abc import Awaitable, Callable

    from cdf_client._async._core import AsyncCore
    from cdf_client_api.models import FileSelectByExternalId, FileSelectById, FileSelectByInstanceId
    from cdf_client_api.wire.typed_dicts import FilesMetadata

# Limits of the wire fields each method fills (the fake serves GET /files through the POST filter, so
# a GET parameter also meets the limits of the filter field it stands for).
_FILTER = rules.FileFilterProperties
_LIST = rules.ListFilesParameters
RETRIEVE_CHUNK = rules.FileDataIdsWithIgnoreUnknownIds.items.max_items


def _strings(
    target: dict[str, Any], *fields: tuple[str, str, object, tuple[type[rules.String], ...]]
) -> None:
    for key, argument, value, limits in fields:
        if value is not None:
            target[key] = check_str(value, argument, *limits)


class AsyncFilesAPI:
    """File metadata: `client.files` of an `AsyncCDFClient` (methods are awaited or async-iterated)."""

    def __init__(self, core: AsyncCore) -> None:
        self._core = core

    def filter(  # noqa: C901, PLR0912 (one keyword and one branch per filter field)
        self,
        *,
        name: str | None = None,
        directory_prefix: str | None = None,
        mime_type: str | None = None,
        metadata: Mapping[str, str] | None = None,
        asset_ids: Sequence[int] | None = None,
        asset_external_ids: Sequence[str] | None = None,
        root_asset_ids: Sequence[int | str] | None = None,
        data_set_ids: Sequence[int | str] | None = None,
        asset_subtree_ids: Sequence[int | str] | None = None,
        source: str | None = None,
        created_time: TimeBounds | None = None,
        last_updated_time: TimeBounds | None = None,
        uploaded_time: TimeBounds | None = None,
        source_created_time: TimeBounds | None = None,
        source_modified_time: TimeBounds | None = None,
        external_id_prefix: str | None = None,
        uploaded: bool | None = None,
        labels: LabelFilter | None = None,
        geo_location: GeoLocationFilter | None = None,
        limit: int | None = None,
        page_size: int = rules.FileFilterRequest.limit.maximum,
        partitions: int | None = None,
        resume_from: ResumeFrom | None = None,
    ) -> AsyncListing[File, FilesMetadata]:
        """Files matching every given filter (POST /files/list), as a lazy listing.

        Ids in `root_asset_ids`, `data_set_ids` and `asset_subtree_ids` may be ints (ids) or strs
        (external ids); time bounds are `(min, max)` or `TimeRange`, inclusive, epoch ms or aware datetimes.

        Example: `for f in client.files.filter(mime_type="application/pdf", uploaded=True, partitions=4): ...`
        """
        wire: dict[str, Any] = {}
        _strings(
            wire,
            ("name", "name", name, (_FILTER.name,)),
            ("directoryPrefix", "directory_prefix", directory_prefix, (_FILTER.directory_prefix,)),
            ("mimeType", "mime_type", mime_type, (_FILTER.mime_type,)),
            ("source", "source", source, (_FILTER.source,)),
            ("externalIdPrefix", "external_id_prefix", external_id_prefix, (_FILTER.external_id_prefix,)),
        )
        if metadata is not None:
            wire["metadata"] = metadata_filter(metadata)
        if asset_ids is not None:
            wire["assetIds"] = id_list(asset_ids, "asset_ids", _FILTER.asset_ids)
        if asset_external_ids is not None:
            wire["assetExternalIds"] = external_id_list(
                asset_external_ids, "asset_external_ids", _FILTER.asset_external_ids
            )
        if root_asset_ids is not None:
            wire["rootAssetIds"] = either_list(root_asset_ids, "root_asset_ids", _FILTER.root_asset_ids)
        if data_set_ids is not None:
            wire["dataSetIds"] = either_list(data_set_ids, "data_set_ids", _FILTER.data_set_ids)
        if asset_subtree_ids is not None:
            wire["assetSubtreeIds"] = either_list(
                asset_subtree_ids, "asset_subtree_ids", _FILTER.asset_subtree_ids
            )
        for key, argument, bounds in (
            ("createdTime", "created_time", created_time),
            ("lastUpdatedTime", "last_updated_time", last_updated_time),
            ("uploadedTime", "uploaded_time", uploaded_time),
            ("sourceCreatedTime", "source_created_time", source_created_time),
            ("sourceModifiedTime", "source_modified_time", source_modified_time),
        ):
            if bounds is not None:
                wire[key] = to_time_range(bounds, argument, rules.EpochTimestampRange)
        if uploaded is not None:
            wire["uploaded"] = check_bool(uploaded, "uploaded")
        if labels is not None:
            if not isinstance(labels, LabelFilter):
                msg = "labels"
                raise InvalidArgumentError(msg, "must be a LabelFilter")
            wire["labels"] = labels.to_wire()
        if geo_location is not None:
            if not isinstance(geo_location, GeoLocationFilter):
                msg = "geo_location"
                raise InvalidArgumentError(msg, "must be a GeoLocationFilter")
            wire["geoLocation"] = geo_location.to_wire()
        from cdf_client._response import FILES  # noqa: PLC0415 (see the module docstring)
        from cdf_client_api.api.files import filter_files  # noqa: PLC0415
        from cdf_client_api.models import FileFilterProperties, FileFilterRequest  # noqa: PLC0415
        from cdf_client_api.types import UNSET  # noqa: PLC0415

        properties = FileFilterProperties.from_dict(wire) if wire else UNSET
        core = self._core

        async def fetch(
            cursor: str | None, limit: int, partition: str | None
        ) -> tuple[list[Any], str | None]:
            body = FileFilterRequest(
                filter_=properties,
                limit=limit,
                cursor=UNSET if cursor is None else cursor,
                partition=UNSET if partition is None else partition,
            )
            return await core.page(filter_files.request_kwargs(body=body), limit, "files.filter", FILES)

        return AsyncListing(
            make_spec(
                operation="files.filter",
                query=wire,
                fetch=fetch,
                convert=File,
                limit=limit,
                page_size=page_size,
                partitions=partitions,
                resume_from=resume_from,
                wire_limit=rules.FileFilterRequest.limit,
                max_partitions=rules.FileFilterRequest.partition.max_partitions,
            )
        )

    def list(
        self,
        *,
        name: str | None = None,
        mime_type: str | None = None,
        source: str | None = None,
        asset_ids: Sequence[int] | None = None,
        asset_external_ids: Sequence[str] | None = None,
        data_set_ids: Sequence[int | str] | None = None,
        root_asset_ids: Sequence[int] | None = None,
        asset_subtree_ids: Sequence[int] | None = None,
        asset_subtree_external_ids: Sequence[str] | None = None,
        min_created_time: Timestamp | None = None,
        max_created_time: Timestamp | None = None,
        min_last_updated_time: Timestamp | None = None,
        max_last_updated_time: Timestamp | None = None,
        min_uploaded_time: Timestamp | None = None,
        max_uploaded_time: Timestamp | None = None,
        min_source_created_time: Timestamp | None = None,
        max_source_created_time: Timestamp | None = None,
        min_source_modified_time: Timestamp | None = None,
        max_source_modified_time: Timestamp | None = None,
        external_id_prefix: str | None = None,
        uploaded: bool | None = None,
        limit: int | None = None,
        page_size: int = rules.ListFilesParameters.limit.maximum,
        partitions: int | None = None,
        resume_from: ResumeFrom | None = None,
    ) -> AsyncListing[File, FilesMetadata]:
        """Files matching every given query parameter (GET /files), as a lazy listing.

        Example: `client.files.list(asset_external_ids=["pump-1"], min_created_time=1_700_000_000_000)`
        """
        query: dict[str, Any] = {}
        _strings(
            query,
            ("name", "name", name, (_LIST.name, _FILTER.name)),
            ("mime_type", "mime_type", mime_type, (_LIST.mime_type, _FILTER.mime_type)),
            ("source", "source", source, (_LIST.source, _FILTER.source)),
            (
                "external_id_prefix",
                "external_id_prefix",
                external_id_prefix,
                (_LIST.external_id_prefix, _FILTER.external_id_prefix),
            ),
        )
        if asset_ids is not None:
            query["asset_ids"] = id_list(asset_ids, "asset_ids", _LIST.asset_ids, _FILTER.asset_ids)
        # JSON-array parameters: the spec gives no item count, the fake checks them as AssetIds or
        # AssetExternalIds lists, then as the filter field they stand for.
        for argument, values, field in (
            ("asset_external_ids", asset_external_ids, _FILTER.asset_external_ids),
            ("asset_subtree_external_ids", asset_subtree_external_ids, _FILTER.asset_subtree_ids),
        ):
            if values is not None:
                query[argument] = json_array(
                    external_id_list(values, argument, rules.AssetExternalIds, field)
                )
        for argument, ids, ids_field in (
            ("root_asset_ids", root_asset_ids, _FILTER.root_asset_ids),
            ("asset_subtree_ids", asset_subtree_ids, _FILTER.asset_subtree_ids),
        ):
            if ids is not None:
                query[argument] = json_array(id_list(ids, argument, rules.AssetIds, ids_field))
        from cdf_client._response import FILES  # noqa: PLC0415 (see the module docstring)
        from cdf_client_api.api.files import list_files  # noqa: PLC0415
        from cdf_client_api.models import DataSetExternalId, DataSetInternalId  # noqa: PLC0415
        from cdf_client_api.types import UNSET  # noqa: PLC0415

        if data_set_ids is not None:
            query["data_set_ids"] = [
                DataSetInternalId(id=item["id"])
                if "id" in item
                else DataSetExternalId(external_id=item["externalId"])
                for item in either_list(
                    data_set_ids, "data_set_ids", _LIST.data_set_ids, _FILTER.data_set_ids
                )
            ]
        low, high = rules.EpochTimestampRange.min, rules.EpochTimestampRange.max
        query |= time_bounds(
            (
                ("min_created_time", min_created_time, (_LIST.min_created_time, low)),
                ("max_created_time", max_created_time, (_LIST.max_created_time, high)),
                ("min_last_updated_time", min_last_updated_time, (_LIST.min_last_updated_time, low)),
                ("max_last_updated_time", max_last_updated_time, (_LIST.max_last_updated_time, high)),
                ("min_uploaded_time", min_uploaded_time, (_LIST.min_uploaded_time, low)),
                ("max_uploaded_time", max_uploaded_time, (_LIST.max_uploaded_time, high)),
                ("min_source_created_time", min_source_created_time, (_LIST.min_source_created_time, low)),
                ("max_source_created_time", max_source_created_time, (_LIST.max_source_created_time, high)),
                ("min_source_modified_time", min_source_modified_time, (_LIST.min_source_modified_time, low)),
                (
                    "max_source_modified_time",
                    max_source_modified_time,
                    (_LIST.max_source_modified_time, high),
                ),
            )
        )
        if uploaded is not None:
            query["uploaded"] = check_bool(uploaded, "uploaded")
        core = self._core

        async def fetch(
            cursor: str | None, limit: int, partition: str | None
        ) -> tuple[list[Any], str | None]:
            kwargs = list_files.request_kwargs(
                limit=limit,
                cursor=UNSET if cursor is None else cursor,
                partition=UNSET if partition is None else partition,
                **query,
            )
            return await core.page(kwargs, limit, "files.list", FILES)

        return AsyncListing(
            make_spec(
                operation="files.list",
                query=list_files.request_kwargs(limit=UNSET, **query)["params"],
                fetch=fetch,
                convert=File,
                limit=limit,
                page_size=page_size,
                partitions=partitions,
                resume_from=resume_from,
                wire_limit=_LIST.limit,
                max_partitions=_LIST.partition.max_partitions,
            )
        )

    async def get(self, id: int) -> File:  # noqa: A002 (the wire's name for it)
        """Return the file with this id (GET /files/{id}); `NotFoundError` if there is none.

        Example: `f = client.files.get(123)`.
        """
        file_id = check_id(id, "id", rules.GetFileParameters.id)
        from cdf_client._response import FILES  # noqa: PLC0415 (see the module docstring)
        from cdf_client_api.api.files import get_file  # noqa: PLC0415

        return File(await self._core.call(get_file.request_kwargs(file_id), "files.get", FILES))

    async def retrieve(
        self, identifiers: Iterable[Identifier], *, ignore_unknown_ids: bool = False
    ) -> FileList:
        """Return the files with these ids, external ids or instance ids (POST /files/byids), in order.

        Duplicates are collapsed; more than 1000 identifiers go out as concurrent chunks. Unknown ones raise
        one `NotFoundError` naming all of them, unless `ignore_unknown_ids=True` (then they are left out).

        Example: `client.files.retrieve([123, "my.external.id", InstanceId("space", "xid")])`.
        """
        if isinstance(identifiers, str | bytes | InstanceId) or not isinstance(identifiers, Iterable):
            msg = "identifiers"
            raise InvalidArgumentError(msg, "must be a list of ids, external ids or InstanceIds")
        ignore = check_bool(ignore_unknown_ids, "ignore_unknown_ids")
        unique = list(
            dict.fromkeys(
                check_identifier(item, f"identifiers[{index}]") for index, item in enumerate(identifiers)
            )
        )
        chunks = [unique[start : start + RETRIEVE_CHUNK] for start in range(0, len(unique), RETRIEVE_CHUNK)]
        if len(chunks) == 1:
            return FileList(await self._retrieve_chunk(chunks[0], ignore))
        from cdf_client._async_primitives import AsyncWorkers  # noqa: PLC0415 (loads with the first use)

        results: builtins.list[Any] = [None] * len(chunks)
        async with AsyncWorkers[tuple[int, Any]](buffer=len(chunks)) as workers:
            for index, chunk in enumerate(chunks):
                workers.start(partial(self._retrieve_into, chunk, ignore, index))
            async for index, outcome in workers:
                results[index] = outcome
        failures = [result for result in results if isinstance(result, NotFoundError)]
        if failures:
            raise _merge_not_found(failures)
        return FileList([item for result in results for item in result])

    async def _retrieve_into(
        self,
        chunk: builtins.list[Identifier],
        ignore: bool,  # noqa: FBT001
        index: int,
        emit: Callable[[tuple[int, Any]], Awaitable[None]],
    ) -> None:
        # Unknown identifiers of every chunk are reported together; any other failure ends them all.
        try:
            outcome: Any = await self._retrieve_chunk(chunk, ignore)
        except NotFoundError as error:
            outcome = error
        await emit((index, outcome))

    async def _retrieve_chunk(self, chunk: builtins.list[Identifier], ignore: bool) -> builtins.list[Any]:  # noqa: FBT001
        from cdf_client_api.api.files import retrieve_files  # noqa: PLC0415 (see the module docstring)
        from cdf_client_api.models import FileRetrieveRequest  # noqa: PLC0415

        body = FileRetrieveRequest(items=_selects(chunk), ignore_unknown_ids=ignore)
        kwargs = retrieve_files.request_kwargs(body=body)
        return await self._core.byids(kwargs, chunk, "files.retrieve", ignore_unknown_ids=ignore)


def _selects(
    identifiers: list[Identifier],
) -> list[FileSelectById | FileSelectByExternalId | FileSelectByInstanceId]:
    # One import per chunk: a `from ... import` per identifier cost more than building the models.
    from cdf_client_api.models import (  # noqa: PLC0415 (see the module docstring)
        FileSelectByExternalId,
        FileSelectById,
        FileSelectByInstanceId,
    )
    from cdf_client_api.models import InstanceId as InstanceIdModel  # noqa: PLC0415

    selects: list[FileSelectById | FileSelectByExternalId | FileSelectByInstanceId] = []
    for identifier in identifiers:
        if isinstance(identifier, InstanceId):
            model = InstanceIdModel(external_id=identifier.external_id, space=identifier.space)
            selects.append(FileSelectByInstanceId(instance_id=model))
        elif isinstance(identifier, str):
            selects.append(FileSelectByExternalId(external_id=identifier))
        else:
            selects.append(FileSelectById(id=identifier))
    return selects


def _merge_not_found(errors: list[NotFoundError]) -> NotFoundError:
    first = errors[0]
    if len(errors) == 1:
        return first
    missing = [item for error in errors for item in error.missing]
    message = f"{len(missing)} identifiers not found across {len(errors)} requests"
    merged = NotFoundError(
        message,
        status=first.status,
        code=first.code,
        request_id=first.request_id,
        missing=missing,
        extra=first.extra,
    )
    merged.__cause__ = first
    return merged
