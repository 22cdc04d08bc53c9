from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.asset_list import AssetList
from ...models.error_response import ErrorResponse
from ...models.rate_limit_error_response import RateLimitErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
    include_metadata: bool | Unset = True,
    name: str | Unset = UNSET,
    parent_ids: str | Unset = UNSET,
    parent_external_ids: str | Unset = UNSET,
    root_ids: str | Unset = UNSET,
    asset_subtree_ids: str | Unset = UNSET,
    asset_subtree_external_ids: str | Unset = UNSET,
    source: str | Unset = UNSET,
    root: bool | Unset = False,
    min_created_time: int | Unset = UNSET,
    max_created_time: int | Unset = UNSET,
    min_last_updated_time: int | Unset = UNSET,
    max_last_updated_time: int | Unset = UNSET,
    external_id_prefix: str | Unset = UNSET,
    partition: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params["includeMetadata"] = include_metadata

    params["name"] = name

    params["parentIds"] = parent_ids

    params["parentExternalIds"] = parent_external_ids

    params["rootIds"] = root_ids

    params["assetSubtreeIds"] = asset_subtree_ids

    params["assetSubtreeExternalIds"] = asset_subtree_external_ids

    params["source"] = source

    params["root"] = root

    params["minCreatedTime"] = min_created_time

    params["maxCreatedTime"] = max_created_time

    params["minLastUpdatedTime"] = min_last_updated_time

    params["maxLastUpdatedTime"] = max_last_updated_time

    params["externalIdPrefix"] = external_id_prefix

    params["partition"] = partition

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/assets",
        "params": params,
    }

    return _kwargs


# cdf-client: the request this operation sends (method, url, params, json), for callers that
# send it with their own httpx client and decode the body themselves (bulk listing).
request_kwargs = _get_kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssetList | ErrorResponse | RateLimitErrorResponse | None:
    if response.status_code == 200:
        response_200 = AssetList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = RateLimitErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AssetList | ErrorResponse | RateLimitErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
    include_metadata: bool | Unset = True,
    name: str | Unset = UNSET,
    parent_ids: str | Unset = UNSET,
    parent_external_ids: str | Unset = UNSET,
    root_ids: str | Unset = UNSET,
    asset_subtree_ids: str | Unset = UNSET,
    asset_subtree_external_ids: str | Unset = UNSET,
    source: str | Unset = UNSET,
    root: bool | Unset = False,
    min_created_time: int | Unset = UNSET,
    max_created_time: int | Unset = UNSET,
    min_last_updated_time: int | Unset = UNSET,
    max_last_updated_time: int | Unset = UNSET,
    external_id_prefix: str | Unset = UNSET,
    partition: str | Unset = UNSET,
) -> Response[AssetList | ErrorResponse | RateLimitErrorResponse]:
    """List assets



    > **Required capabilities:** `assetsAcl:READ`

    List all assets, or only the assets matching the specified query.

    ### Request throttling
    This endpoint is meant for data analytics/exploration usage and is not suitable for high load data
    retrieval usage.
    It is a subject of the new throttling schema (limited request rate and concurrency).
    Please check [Assets resource description](../../) for more information.

    Args:
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):  Example: 4zj0Vy2fo0NtNMb229mI9r1V3YG5NBL752kQz1cKtwo.
        include_metadata (bool | Unset):  Default: True.
        name (str | Unset): The name of the asset.
        parent_ids (str | Unset):  Example: [1238712837, 238712361376, 23786237623].
        parent_external_ids (str | Unset):
        root_ids (str | Unset):  Example: [1238712837, 238712361376, 23786237623].
        asset_subtree_ids (str | Unset):  Example: [1238712837, 238712361376, 23786237623].
        asset_subtree_external_ids (str | Unset):
        source (str | Unset): The source of the asset, for example which database it's from.
        root (bool | Unset): Whether the filtered assets are root assets, or not. Set to True to
            only list root assets. Default: False.
        min_created_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        max_created_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        min_last_updated_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        max_last_updated_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        external_id_prefix (str | Unset): Filter by this (case-sensitive) prefix for the external
            ID. Example: my.known.prefix.
        partition (str | Unset): Splits the data set into `N` partitions.
            The attribute is specified as a "M/N" string, where `M` is a natural number in the
            interval of `[1, N]`.
            You need to follow the cursors within each partition in order to receive all the data.

            The maximum number of allowed partitions (`N`) is 10.

            Cognite rejects requests if you specify more than 10 partitions.
            When Cognite enforces this behavior, the requests result in a 400 Bad Request status.
             Example: 1/3.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetList | ErrorResponse | RateLimitErrorResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        include_metadata=include_metadata,
        name=name,
        parent_ids=parent_ids,
        parent_external_ids=parent_external_ids,
        root_ids=root_ids,
        asset_subtree_ids=asset_subtree_ids,
        asset_subtree_external_ids=asset_subtree_external_ids,
        source=source,
        root=root,
        min_created_time=min_created_time,
        max_created_time=max_created_time,
        min_last_updated_time=min_last_updated_time,
        max_last_updated_time=max_last_updated_time,
        external_id_prefix=external_id_prefix,
        partition=partition,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
    include_metadata: bool | Unset = True,
    name: str | Unset = UNSET,
    parent_ids: str | Unset = UNSET,
    parent_external_ids: str | Unset = UNSET,
    root_ids: str | Unset = UNSET,
    asset_subtree_ids: str | Unset = UNSET,
    asset_subtree_external_ids: str | Unset = UNSET,
    source: str | Unset = UNSET,
    root: bool | Unset = False,
    min_created_time: int | Unset = UNSET,
    max_created_time: int | Unset = UNSET,
    min_last_updated_time: int | Unset = UNSET,
    max_last_updated_time: int | Unset = UNSET,
    external_id_prefix: str | Unset = UNSET,
    partition: str | Unset = UNSET,
) -> AssetList | ErrorResponse | RateLimitErrorResponse | None:
    """List assets



    > **Required capabilities:** `assetsAcl:READ`

    List all assets, or only the assets matching the specified query.

    ### Request throttling
    This endpoint is meant for data analytics/exploration usage and is not suitable for high load data
    retrieval usage.
    It is a subject of the new throttling schema (limited request rate and concurrency).
    Please check [Assets resource description](../../) for more information.

    Args:
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):  Example: 4zj0Vy2fo0NtNMb229mI9r1V3YG5NBL752kQz1cKtwo.
        include_metadata (bool | Unset):  Default: True.
        name (str | Unset): The name of the asset.
        parent_ids (str | Unset):  Example: [1238712837, 238712361376, 23786237623].
        parent_external_ids (str | Unset):
        root_ids (str | Unset):  Example: [1238712837, 238712361376, 23786237623].
        asset_subtree_ids (str | Unset):  Example: [1238712837, 238712361376, 23786237623].
        asset_subtree_external_ids (str | Unset):
        source (str | Unset): The source of the asset, for example which database it's from.
        root (bool | Unset): Whether the filtered assets are root assets, or not. Set to True to
            only list root assets. Default: False.
        min_created_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        max_created_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        min_last_updated_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        max_last_updated_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        external_id_prefix (str | Unset): Filter by this (case-sensitive) prefix for the external
            ID. Example: my.known.prefix.
        partition (str | Unset): Splits the data set into `N` partitions.
            The attribute is specified as a "M/N" string, where `M` is a natural number in the
            interval of `[1, N]`.
            You need to follow the cursors within each partition in order to receive all the data.

            The maximum number of allowed partitions (`N`) is 10.

            Cognite rejects requests if you specify more than 10 partitions.
            When Cognite enforces this behavior, the requests result in a 400 Bad Request status.
             Example: 1/3.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetList | ErrorResponse | RateLimitErrorResponse
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        include_metadata=include_metadata,
        name=name,
        parent_ids=parent_ids,
        parent_external_ids=parent_external_ids,
        root_ids=root_ids,
        asset_subtree_ids=asset_subtree_ids,
        asset_subtree_external_ids=asset_subtree_external_ids,
        source=source,
        root=root,
        min_created_time=min_created_time,
        max_created_time=max_created_time,
        min_last_updated_time=min_last_updated_time,
        max_last_updated_time=max_last_updated_time,
        external_id_prefix=external_id_prefix,
        partition=partition,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
    include_metadata: bool | Unset = True,
    name: str | Unset = UNSET,
    parent_ids: str | Unset = UNSET,
    parent_external_ids: str | Unset = UNSET,
    root_ids: str | Unset = UNSET,
    asset_subtree_ids: str | Unset = UNSET,
    asset_subtree_external_ids: str | Unset = UNSET,
    source: str | Unset = UNSET,
    root: bool | Unset = False,
    min_created_time: int | Unset = UNSET,
    max_created_time: int | Unset = UNSET,
    min_last_updated_time: int | Unset = UNSET,
    max_last_updated_time: int | Unset = UNSET,
    external_id_prefix: str | Unset = UNSET,
    partition: str | Unset = UNSET,
) -> Response[AssetList | ErrorResponse | RateLimitErrorResponse]:
    """List assets



    > **Required capabilities:** `assetsAcl:READ`

    List all assets, or only the assets matching the specified query.

    ### Request throttling
    This endpoint is meant for data analytics/exploration usage and is not suitable for high load data
    retrieval usage.
    It is a subject of the new throttling schema (limited request rate and concurrency).
    Please check [Assets resource description](../../) for more information.

    Args:
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):  Example: 4zj0Vy2fo0NtNMb229mI9r1V3YG5NBL752kQz1cKtwo.
        include_metadata (bool | Unset):  Default: True.
        name (str | Unset): The name of the asset.
        parent_ids (str | Unset):  Example: [1238712837, 238712361376, 23786237623].
        parent_external_ids (str | Unset):
        root_ids (str | Unset):  Example: [1238712837, 238712361376, 23786237623].
        asset_subtree_ids (str | Unset):  Example: [1238712837, 238712361376, 23786237623].
        asset_subtree_external_ids (str | Unset):
        source (str | Unset): The source of the asset, for example which database it's from.
        root (bool | Unset): Whether the filtered assets are root assets, or not. Set to True to
            only list root assets. Default: False.
        min_created_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        max_created_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        min_last_updated_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        max_last_updated_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        external_id_prefix (str | Unset): Filter by this (case-sensitive) prefix for the external
            ID. Example: my.known.prefix.
        partition (str | Unset): Splits the data set into `N` partitions.
            The attribute is specified as a "M/N" string, where `M` is a natural number in the
            interval of `[1, N]`.
            You need to follow the cursors within each partition in order to receive all the data.

            The maximum number of allowed partitions (`N`) is 10.

            Cognite rejects requests if you specify more than 10 partitions.
            When Cognite enforces this behavior, the requests result in a 400 Bad Request status.
             Example: 1/3.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetList | ErrorResponse | RateLimitErrorResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        include_metadata=include_metadata,
        name=name,
        parent_ids=parent_ids,
        parent_external_ids=parent_external_ids,
        root_ids=root_ids,
        asset_subtree_ids=asset_subtree_ids,
        asset_subtree_external_ids=asset_subtree_external_ids,
        source=source,
        root=root,
        min_created_time=min_created_time,
        max_created_time=max_created_time,
        min_last_updated_time=min_last_updated_time,
        max_last_updated_time=max_last_updated_time,
        external_id_prefix=external_id_prefix,
        partition=partition,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
    include_metadata: bool | Unset = True,
    name: str | Unset = UNSET,
    parent_ids: str | Unset = UNSET,
    parent_external_ids: str | Unset = UNSET,
    root_ids: str | Unset = UNSET,
    asset_subtree_ids: str | Unset = UNSET,
    asset_subtree_external_ids: str | Unset = UNSET,
    source: str | Unset = UNSET,
    root: bool | Unset = False,
    min_created_time: int | Unset = UNSET,
    max_created_time: int | Unset = UNSET,
    min_last_updated_time: int | Unset = UNSET,
    max_last_updated_time: int | Unset = UNSET,
    external_id_prefix: str | Unset = UNSET,
    partition: str | Unset = UNSET,
) -> AssetList | ErrorResponse | RateLimitErrorResponse | None:
    """List assets



    > **Required capabilities:** `assetsAcl:READ`

    List all assets, or only the assets matching the specified query.

    ### Request throttling
    This endpoint is meant for data analytics/exploration usage and is not suitable for high load data
    retrieval usage.
    It is a subject of the new throttling schema (limited request rate and concurrency).
    Please check [Assets resource description](../../) for more information.

    Args:
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):  Example: 4zj0Vy2fo0NtNMb229mI9r1V3YG5NBL752kQz1cKtwo.
        include_metadata (bool | Unset):  Default: True.
        name (str | Unset): The name of the asset.
        parent_ids (str | Unset):  Example: [1238712837, 238712361376, 23786237623].
        parent_external_ids (str | Unset):
        root_ids (str | Unset):  Example: [1238712837, 238712361376, 23786237623].
        asset_subtree_ids (str | Unset):  Example: [1238712837, 238712361376, 23786237623].
        asset_subtree_external_ids (str | Unset):
        source (str | Unset): The source of the asset, for example which database it's from.
        root (bool | Unset): Whether the filtered assets are root assets, or not. Set to True to
            only list root assets. Default: False.
        min_created_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        max_created_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        min_last_updated_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        max_last_updated_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        external_id_prefix (str | Unset): Filter by this (case-sensitive) prefix for the external
            ID. Example: my.known.prefix.
        partition (str | Unset): Splits the data set into `N` partitions.
            The attribute is specified as a "M/N" string, where `M` is a natural number in the
            interval of `[1, N]`.
            You need to follow the cursors within each partition in order to receive all the data.

            The maximum number of allowed partitions (`N`) is 10.

            Cognite rejects requests if you specify more than 10 partitions.
            When Cognite enforces this behavior, the requests result in a 400 Bad Request status.
             Example: 1/3.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetList | ErrorResponse | RateLimitErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            include_metadata=include_metadata,
            name=name,
            parent_ids=parent_ids,
            parent_external_ids=parent_external_ids,
            root_ids=root_ids,
            asset_subtree_ids=asset_subtree_ids,
            asset_subtree_external_ids=asset_subtree_external_ids,
            source=source,
            root=root,
            min_created_time=min_created_time,
            max_created_time=max_created_time,
            min_last_updated_time=min_last_updated_time,
            max_last_updated_time=max_last_updated_time,
            external_id_prefix=external_id_prefix,
            partition=partition,
        )
    ).parsed
