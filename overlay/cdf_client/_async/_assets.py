"""`client.assets`: list (GET /assets)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cdf_client._async._listing import AsyncListing
from cdf_client._filters import external_id_list, id_list, json_array
from cdf_client._models import Asset
from cdf_client._resources._common import ResumeFrom, make_spec
from cdf_client._validation import Timestamp, check_bool, check_str, time_bounds
from cdf_client_api import rules

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cdf_client._async._core import AsyncCore
    from cdf_client_api.wire.typed_dicts import Asset as AssetWire

_LIST = rules.ListAssetsParameters


class AsyncAssetsAPI:
    """Assets: `client.assets` of an `AsyncCDFClient`."""

    def __init__(self, core: AsyncCore) -> None:
        self._core = core

    def list(  # noqa: C901 (one keyword and one branch per query parameter)
        self,
        *,
        include_metadata: bool | None = None,
        name: str | None = None,
        parent_ids: Sequence[int] | None = None,
        parent_external_ids: Sequence[str] | None = None,
        root_ids: Sequence[int] | None = None,
        asset_subtree_ids: Sequence[int] | None = None,
        asset_subtree_external_ids: Sequence[str] | None = None,
        source: str | None = None,
        root: bool | None = None,
        min_created_time: Timestamp | None = None,
        max_created_time: Timestamp | None = None,
        min_last_updated_time: Timestamp | None = None,
        max_last_updated_time: Timestamp | None = None,
        external_id_prefix: str | None = None,
        limit: int | None = None,
        page_size: int = _LIST.limit.maximum,
        partitions: int | None = None,
        resume_from: ResumeFrom | None = None,
    ) -> AsyncListing[Asset, AssetWire]:
        """Assets matching every given query parameter (GET /assets), as a lazy listing.

        `root=True` lists only root assets; `include_metadata=False` leaves metadata out (faster).
        `root_ids` is deprecated by CDF in favour of `asset_subtree_ids`.

        Example: `for a in client.assets.list(root=True, include_metadata=False): print(a.name)`
        """
        query: dict[str, Any] = {}
        for argument, flag in (("include_metadata", include_metadata), ("root", root)):
            if flag is not None:
                query[argument] = check_bool(flag, argument)
        if name is not None:
            query["name"] = check_str(name, "name", _LIST.name)
        if source is not None:
            query["source"] = check_str(source, "source", _LIST.source)
        if external_id_prefix is not None:
            query["external_id_prefix"] = check_str(
                external_id_prefix, "external_id_prefix", _LIST.external_id_prefix
            )
        # JSON-array parameters: the spec gives no item count; the fake checks them as AssetIds or
        # AssetExternalIds lists.
        for argument, ids in (
            ("parent_ids", parent_ids),
            ("root_ids", root_ids),
            ("asset_subtree_ids", asset_subtree_ids),
        ):
            if ids is not None:
                query[argument] = json_array(id_list(ids, argument, rules.AssetIds))
        for argument, external_ids in (
            ("parent_external_ids", parent_external_ids),
            ("asset_subtree_external_ids", asset_subtree_external_ids),
        ):
            if external_ids is not None:
                query[argument] = json_array(external_id_list(external_ids, argument, rules.AssetExternalIds))
        query |= time_bounds(
            (
                ("min_created_time", min_created_time, (_LIST.min_created_time,)),
                ("max_created_time", max_created_time, (_LIST.max_created_time,)),
                ("min_last_updated_time", min_last_updated_time, (_LIST.min_last_updated_time,)),
                ("max_last_updated_time", max_last_updated_time, (_LIST.max_last_updated_time,)),
            )
        )
        # Generated defaults (includeMetadata=true, root=false) would always go out: send only what was given.
        query.setdefault("include_metadata", None)
        query.setdefault("root", None)
        # The generated layer loads with the core, not with `import cdf_client` (see files.py).
        from cdf_client._response import ASSETS  # noqa: PLC0415
        from cdf_client_api.api.assets import list_assets  # noqa: PLC0415
        from cdf_client_api.types import UNSET  # noqa: PLC0415

        core = self._core

        async def fetch(
            cursor: str | None, limit: int, partition: str | None
        ) -> tuple[list[Any], str | None]:
            kwargs = list_assets.request_kwargs(
                limit=limit,
                cursor=UNSET if cursor is None else cursor,
                partition=UNSET if partition is None else partition,
                **query,
            )
            return await core.page(kwargs, limit, "assets.list", ASSETS)

        return AsyncListing(
            make_spec(
                operation="assets.list",
                query=list_assets.request_kwargs(limit=UNSET, **query)["params"],
                fetch=fetch,
                convert=Asset,
                limit=limit,
                page_size=page_size,
                partitions=partitions,
                resume_from=resume_from,
                wire_limit=_LIST.limit,
                max_partitions=_LIST.partition.max_partitions,
            )
        )
