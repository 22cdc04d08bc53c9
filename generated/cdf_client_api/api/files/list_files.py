import json
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.data_set_external_id import DataSetExternalId
from ...models.data_set_internal_id import DataSetInternalId
from ...models.error_response import ErrorResponse
from ...models.file_list import FileList
from ...models.rate_limit_error_response import RateLimitErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
    name: str | Unset = UNSET,
    mime_type: str | Unset = UNSET,
    source: str | Unset = UNSET,
    asset_ids: list[int] | Unset = UNSET,
    asset_external_ids: str | Unset = UNSET,
    data_set_ids: list[DataSetExternalId | DataSetInternalId] | Unset = UNSET,
    root_asset_ids: str | Unset = UNSET,
    asset_subtree_ids: str | Unset = UNSET,
    asset_subtree_external_ids: str | Unset = UNSET,
    min_created_time: int | Unset = UNSET,
    max_created_time: int | Unset = UNSET,
    min_last_updated_time: int | Unset = UNSET,
    max_last_updated_time: int | Unset = UNSET,
    min_uploaded_time: int | Unset = UNSET,
    max_uploaded_time: int | Unset = UNSET,
    min_source_created_time: int | Unset = UNSET,
    max_source_created_time: int | Unset = UNSET,
    min_source_modified_time: int | Unset = UNSET,
    max_source_modified_time: int | Unset = UNSET,
    external_id_prefix: str | Unset = UNSET,
    uploaded: bool | Unset = UNSET,
    partition: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params["name"] = name

    params["mimeType"] = mime_type

    params["source"] = source

    json_asset_ids: list[int] | Unset = UNSET
    if not isinstance(asset_ids, Unset):
        json_asset_ids = asset_ids

    params["assetIds"] = json_asset_ids

    params["assetExternalIds"] = asset_external_ids

    json_data_set_ids: list[dict[str, Any]] | Unset = UNSET
    if not isinstance(data_set_ids, Unset):
        json_data_set_ids = []
        for componentsschemas_data_set_id_eithers_item_data in data_set_ids:
            componentsschemas_data_set_id_eithers_item: dict[str, Any]
            if isinstance(
                componentsschemas_data_set_id_eithers_item_data, DataSetInternalId
            ):
                componentsschemas_data_set_id_eithers_item = (
                    componentsschemas_data_set_id_eithers_item_data.to_dict()
                )
            else:
                componentsschemas_data_set_id_eithers_item = (
                    componentsschemas_data_set_id_eithers_item_data.to_dict()
                )

            json_data_set_ids.append(componentsschemas_data_set_id_eithers_item)

    if not isinstance(json_data_set_ids, Unset):
        params["dataSetIds"] = json.dumps(json_data_set_ids, separators=(",", ":"))
    params["rootAssetIds"] = root_asset_ids

    params["assetSubtreeIds"] = asset_subtree_ids

    params["assetSubtreeExternalIds"] = asset_subtree_external_ids

    params["minCreatedTime"] = min_created_time

    params["maxCreatedTime"] = max_created_time

    params["minLastUpdatedTime"] = min_last_updated_time

    params["maxLastUpdatedTime"] = max_last_updated_time

    params["minUploadedTime"] = min_uploaded_time

    params["maxUploadedTime"] = max_uploaded_time

    params["minSourceCreatedTime"] = min_source_created_time

    params["maxSourceCreatedTime"] = max_source_created_time

    params["minSourceModifiedTime"] = min_source_modified_time

    params["maxSourceModifiedTime"] = max_source_modified_time

    params["externalIdPrefix"] = external_id_prefix

    params["uploaded"] = uploaded

    params["partition"] = partition

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/files",
        "params": params,
    }

    return _kwargs


# cdf-client: the request this operation sends (method, url, params, json), for callers that
# send it with their own httpx client and decode the body themselves (bulk listing).
request_kwargs = _get_kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | FileList | RateLimitErrorResponse | None:
    if response.status_code == 200:
        response_200 = FileList.from_dict(response.json())

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
) -> Response[ErrorResponse | FileList | RateLimitErrorResponse]:
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
    name: str | Unset = UNSET,
    mime_type: str | Unset = UNSET,
    source: str | Unset = UNSET,
    asset_ids: list[int] | Unset = UNSET,
    asset_external_ids: str | Unset = UNSET,
    data_set_ids: list[DataSetExternalId | DataSetInternalId] | Unset = UNSET,
    root_asset_ids: str | Unset = UNSET,
    asset_subtree_ids: str | Unset = UNSET,
    asset_subtree_external_ids: str | Unset = UNSET,
    min_created_time: int | Unset = UNSET,
    max_created_time: int | Unset = UNSET,
    min_last_updated_time: int | Unset = UNSET,
    max_last_updated_time: int | Unset = UNSET,
    min_uploaded_time: int | Unset = UNSET,
    max_uploaded_time: int | Unset = UNSET,
    min_source_created_time: int | Unset = UNSET,
    max_source_created_time: int | Unset = UNSET,
    min_source_modified_time: int | Unset = UNSET,
    max_source_modified_time: int | Unset = UNSET,
    external_id_prefix: str | Unset = UNSET,
    uploaded: bool | Unset = UNSET,
    partition: str | Unset = UNSET,
) -> Response[ErrorResponse | FileList | RateLimitErrorResponse]:
    """List files



    > **Required capabilities:** `filesAcl:READ`

    The GET /files operation can be used to return information for all files in a project.

    Optionally you can add one or more of the following query parameters.
    The filter query parameters will filter the results to only include files that match all filter
    parameters.

    ### Request throttling
    This endpoint is intended for data analytics and exploration purposes. It is not designed to support
    high-throughput data retrieval.
    Please note that this endpoint is subject to the new throttling policy, which imposes limits on both
    request rate and concurrency.
    For more details, please refer to the [Files resource documentation](../../).

    Args:
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):  Example: 4zj0Vy2fo0NtNMb229mI9r1V3YG5NBL752kQz1cKtwo.
        name (str | Unset): Name of the file.
        mime_type (str | Unset): File type. E.g. text/plain, application/pdf, .. Example:
            image/jpeg.
        source (str | Unset): The source of the file.
        asset_ids (list[int] | Unset): Only include files that reference these specific asset IDs.
            Example: [363848954441724, 793045462540095, 1261042166839739].
        asset_external_ids (str | Unset):
        data_set_ids (list[DataSetExternalId | DataSetInternalId] | Unset):
        root_asset_ids (str | Unset):  Example: [1238712837, 238712361376, 23786237623].
        asset_subtree_ids (str | Unset):  Example: [1238712837, 238712361376, 23786237623].
        asset_subtree_external_ids (str | Unset):
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
        min_uploaded_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        max_uploaded_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        min_source_created_time (int | Unset): The number of milliseconds since 00:00:00 Thursday,
            1 January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        max_source_created_time (int | Unset): The number of milliseconds since 00:00:00 Thursday,
            1 January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        min_source_modified_time (int | Unset): The number of milliseconds since 00:00:00
            Thursday, 1 January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        max_source_modified_time (int | Unset): The number of milliseconds since 00:00:00
            Thursday, 1 January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        external_id_prefix (str | Unset): Filter by this (case-sensitive) prefix for the external
            ID. Example: my.known.prefix.
        uploaded (bool | Unset):
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
        Response[ErrorResponse | FileList | RateLimitErrorResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        name=name,
        mime_type=mime_type,
        source=source,
        asset_ids=asset_ids,
        asset_external_ids=asset_external_ids,
        data_set_ids=data_set_ids,
        root_asset_ids=root_asset_ids,
        asset_subtree_ids=asset_subtree_ids,
        asset_subtree_external_ids=asset_subtree_external_ids,
        min_created_time=min_created_time,
        max_created_time=max_created_time,
        min_last_updated_time=min_last_updated_time,
        max_last_updated_time=max_last_updated_time,
        min_uploaded_time=min_uploaded_time,
        max_uploaded_time=max_uploaded_time,
        min_source_created_time=min_source_created_time,
        max_source_created_time=max_source_created_time,
        min_source_modified_time=min_source_modified_time,
        max_source_modified_time=max_source_modified_time,
        external_id_prefix=external_id_prefix,
        uploaded=uploaded,
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
    name: str | Unset = UNSET,
    mime_type: str | Unset = UNSET,
    source: str | Unset = UNSET,
    asset_ids: list[int] | Unset = UNSET,
    asset_external_ids: str | Unset = UNSET,
    data_set_ids: list[DataSetExternalId | DataSetInternalId] | Unset = UNSET,
    root_asset_ids: str | Unset = UNSET,
    asset_subtree_ids: str | Unset = UNSET,
    asset_subtree_external_ids: str | Unset = UNSET,
    min_created_time: int | Unset = UNSET,
    max_created_time: int | Unset = UNSET,
    min_last_updated_time: int | Unset = UNSET,
    max_last_updated_time: int | Unset = UNSET,
    min_uploaded_time: int | Unset = UNSET,
    max_uploaded_time: int | Unset = UNSET,
    min_source_created_time: int | Unset = UNSET,
    max_source_created_time: int | Unset = UNSET,
    min_source_modified_time: int | Unset = UNSET,
    max_source_modified_time: int | Unset = UNSET,
    external_id_prefix: str | Unset = UNSET,
    uploaded: bool | Unset = UNSET,
    partition: str | Unset = UNSET,
) -> ErrorResponse | FileList | RateLimitErrorResponse | None:
    """List files



    > **Required capabilities:** `filesAcl:READ`

    The GET /files operation can be used to return information for all files in a project.

    Optionally you can add one or more of the following query parameters.
    The filter query parameters will filter the results to only include files that match all filter
    parameters.

    ### Request throttling
    This endpoint is intended for data analytics and exploration purposes. It is not designed to support
    high-throughput data retrieval.
    Please note that this endpoint is subject to the new throttling policy, which imposes limits on both
    request rate and concurrency.
    For more details, please refer to the [Files resource documentation](../../).

    Args:
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):  Example: 4zj0Vy2fo0NtNMb229mI9r1V3YG5NBL752kQz1cKtwo.
        name (str | Unset): Name of the file.
        mime_type (str | Unset): File type. E.g. text/plain, application/pdf, .. Example:
            image/jpeg.
        source (str | Unset): The source of the file.
        asset_ids (list[int] | Unset): Only include files that reference these specific asset IDs.
            Example: [363848954441724, 793045462540095, 1261042166839739].
        asset_external_ids (str | Unset):
        data_set_ids (list[DataSetExternalId | DataSetInternalId] | Unset):
        root_asset_ids (str | Unset):  Example: [1238712837, 238712361376, 23786237623].
        asset_subtree_ids (str | Unset):  Example: [1238712837, 238712361376, 23786237623].
        asset_subtree_external_ids (str | Unset):
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
        min_uploaded_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        max_uploaded_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        min_source_created_time (int | Unset): The number of milliseconds since 00:00:00 Thursday,
            1 January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        max_source_created_time (int | Unset): The number of milliseconds since 00:00:00 Thursday,
            1 January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        min_source_modified_time (int | Unset): The number of milliseconds since 00:00:00
            Thursday, 1 January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        max_source_modified_time (int | Unset): The number of milliseconds since 00:00:00
            Thursday, 1 January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        external_id_prefix (str | Unset): Filter by this (case-sensitive) prefix for the external
            ID. Example: my.known.prefix.
        uploaded (bool | Unset):
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
        ErrorResponse | FileList | RateLimitErrorResponse
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        name=name,
        mime_type=mime_type,
        source=source,
        asset_ids=asset_ids,
        asset_external_ids=asset_external_ids,
        data_set_ids=data_set_ids,
        root_asset_ids=root_asset_ids,
        asset_subtree_ids=asset_subtree_ids,
        asset_subtree_external_ids=asset_subtree_external_ids,
        min_created_time=min_created_time,
        max_created_time=max_created_time,
        min_last_updated_time=min_last_updated_time,
        max_last_updated_time=max_last_updated_time,
        min_uploaded_time=min_uploaded_time,
        max_uploaded_time=max_uploaded_time,
        min_source_created_time=min_source_created_time,
        max_source_created_time=max_source_created_time,
        min_source_modified_time=min_source_modified_time,
        max_source_modified_time=max_source_modified_time,
        external_id_prefix=external_id_prefix,
        uploaded=uploaded,
        partition=partition,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
    name: str | Unset = UNSET,
    mime_type: str | Unset = UNSET,
    source: str | Unset = UNSET,
    asset_ids: list[int] | Unset = UNSET,
    asset_external_ids: str | Unset = UNSET,
    data_set_ids: list[DataSetExternalId | DataSetInternalId] | Unset = UNSET,
    root_asset_ids: str | Unset = UNSET,
    asset_subtree_ids: str | Unset = UNSET,
    asset_subtree_external_ids: str | Unset = UNSET,
    min_created_time: int | Unset = UNSET,
    max_created_time: int | Unset = UNSET,
    min_last_updated_time: int | Unset = UNSET,
    max_last_updated_time: int | Unset = UNSET,
    min_uploaded_time: int | Unset = UNSET,
    max_uploaded_time: int | Unset = UNSET,
    min_source_created_time: int | Unset = UNSET,
    max_source_created_time: int | Unset = UNSET,
    min_source_modified_time: int | Unset = UNSET,
    max_source_modified_time: int | Unset = UNSET,
    external_id_prefix: str | Unset = UNSET,
    uploaded: bool | Unset = UNSET,
    partition: str | Unset = UNSET,
) -> Response[ErrorResponse | FileList | RateLimitErrorResponse]:
    """List files



    > **Required capabilities:** `filesAcl:READ`

    The GET /files operation can be used to return information for all files in a project.

    Optionally you can add one or more of the following query parameters.
    The filter query parameters will filter the results to only include files that match all filter
    parameters.

    ### Request throttling
    This endpoint is intended for data analytics and exploration purposes. It is not designed to support
    high-throughput data retrieval.
    Please note that this endpoint is subject to the new throttling policy, which imposes limits on both
    request rate and concurrency.
    For more details, please refer to the [Files resource documentation](../../).

    Args:
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):  Example: 4zj0Vy2fo0NtNMb229mI9r1V3YG5NBL752kQz1cKtwo.
        name (str | Unset): Name of the file.
        mime_type (str | Unset): File type. E.g. text/plain, application/pdf, .. Example:
            image/jpeg.
        source (str | Unset): The source of the file.
        asset_ids (list[int] | Unset): Only include files that reference these specific asset IDs.
            Example: [363848954441724, 793045462540095, 1261042166839739].
        asset_external_ids (str | Unset):
        data_set_ids (list[DataSetExternalId | DataSetInternalId] | Unset):
        root_asset_ids (str | Unset):  Example: [1238712837, 238712361376, 23786237623].
        asset_subtree_ids (str | Unset):  Example: [1238712837, 238712361376, 23786237623].
        asset_subtree_external_ids (str | Unset):
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
        min_uploaded_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        max_uploaded_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        min_source_created_time (int | Unset): The number of milliseconds since 00:00:00 Thursday,
            1 January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        max_source_created_time (int | Unset): The number of milliseconds since 00:00:00 Thursday,
            1 January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        min_source_modified_time (int | Unset): The number of milliseconds since 00:00:00
            Thursday, 1 January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        max_source_modified_time (int | Unset): The number of milliseconds since 00:00:00
            Thursday, 1 January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        external_id_prefix (str | Unset): Filter by this (case-sensitive) prefix for the external
            ID. Example: my.known.prefix.
        uploaded (bool | Unset):
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
        Response[ErrorResponse | FileList | RateLimitErrorResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        name=name,
        mime_type=mime_type,
        source=source,
        asset_ids=asset_ids,
        asset_external_ids=asset_external_ids,
        data_set_ids=data_set_ids,
        root_asset_ids=root_asset_ids,
        asset_subtree_ids=asset_subtree_ids,
        asset_subtree_external_ids=asset_subtree_external_ids,
        min_created_time=min_created_time,
        max_created_time=max_created_time,
        min_last_updated_time=min_last_updated_time,
        max_last_updated_time=max_last_updated_time,
        min_uploaded_time=min_uploaded_time,
        max_uploaded_time=max_uploaded_time,
        min_source_created_time=min_source_created_time,
        max_source_created_time=max_source_created_time,
        min_source_modified_time=min_source_modified_time,
        max_source_modified_time=max_source_modified_time,
        external_id_prefix=external_id_prefix,
        uploaded=uploaded,
        partition=partition,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
    name: str | Unset = UNSET,
    mime_type: str | Unset = UNSET,
    source: str | Unset = UNSET,
    asset_ids: list[int] | Unset = UNSET,
    asset_external_ids: str | Unset = UNSET,
    data_set_ids: list[DataSetExternalId | DataSetInternalId] | Unset = UNSET,
    root_asset_ids: str | Unset = UNSET,
    asset_subtree_ids: str | Unset = UNSET,
    asset_subtree_external_ids: str | Unset = UNSET,
    min_created_time: int | Unset = UNSET,
    max_created_time: int | Unset = UNSET,
    min_last_updated_time: int | Unset = UNSET,
    max_last_updated_time: int | Unset = UNSET,
    min_uploaded_time: int | Unset = UNSET,
    max_uploaded_time: int | Unset = UNSET,
    min_source_created_time: int | Unset = UNSET,
    max_source_created_time: int | Unset = UNSET,
    min_source_modified_time: int | Unset = UNSET,
    max_source_modified_time: int | Unset = UNSET,
    external_id_prefix: str | Unset = UNSET,
    uploaded: bool | Unset = UNSET,
    partition: str | Unset = UNSET,
) -> ErrorResponse | FileList | RateLimitErrorResponse | None:
    """List files



    > **Required capabilities:** `filesAcl:READ`

    The GET /files operation can be used to return information for all files in a project.

    Optionally you can add one or more of the following query parameters.
    The filter query parameters will filter the results to only include files that match all filter
    parameters.

    ### Request throttling
    This endpoint is intended for data analytics and exploration purposes. It is not designed to support
    high-throughput data retrieval.
    Please note that this endpoint is subject to the new throttling policy, which imposes limits on both
    request rate and concurrency.
    For more details, please refer to the [Files resource documentation](../../).

    Args:
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):  Example: 4zj0Vy2fo0NtNMb229mI9r1V3YG5NBL752kQz1cKtwo.
        name (str | Unset): Name of the file.
        mime_type (str | Unset): File type. E.g. text/plain, application/pdf, .. Example:
            image/jpeg.
        source (str | Unset): The source of the file.
        asset_ids (list[int] | Unset): Only include files that reference these specific asset IDs.
            Example: [363848954441724, 793045462540095, 1261042166839739].
        asset_external_ids (str | Unset):
        data_set_ids (list[DataSetExternalId | DataSetInternalId] | Unset):
        root_asset_ids (str | Unset):  Example: [1238712837, 238712361376, 23786237623].
        asset_subtree_ids (str | Unset):  Example: [1238712837, 238712361376, 23786237623].
        asset_subtree_external_ids (str | Unset):
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
        min_uploaded_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        max_uploaded_time (int | Unset): The number of milliseconds since 00:00:00 Thursday, 1
            January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        min_source_created_time (int | Unset): The number of milliseconds since 00:00:00 Thursday,
            1 January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        max_source_created_time (int | Unset): The number of milliseconds since 00:00:00 Thursday,
            1 January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        min_source_modified_time (int | Unset): The number of milliseconds since 00:00:00
            Thursday, 1 January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        max_source_modified_time (int | Unset): The number of milliseconds since 00:00:00
            Thursday, 1 January 1970, Coordinated Universal Time (UTC), minus leap seconds. Example:
            1730204346000.
        external_id_prefix (str | Unset): Filter by this (case-sensitive) prefix for the external
            ID. Example: my.known.prefix.
        uploaded (bool | Unset):
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
        ErrorResponse | FileList | RateLimitErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            name=name,
            mime_type=mime_type,
            source=source,
            asset_ids=asset_ids,
            asset_external_ids=asset_external_ids,
            data_set_ids=data_set_ids,
            root_asset_ids=root_asset_ids,
            asset_subtree_ids=asset_subtree_ids,
            asset_subtree_external_ids=asset_subtree_external_ids,
            min_created_time=min_created_time,
            max_created_time=max_created_time,
            min_last_updated_time=min_last_updated_time,
            max_last_updated_time=max_last_updated_time,
            min_uploaded_time=min_uploaded_time,
            max_uploaded_time=max_uploaded_time,
            min_source_created_time=min_source_created_time,
            max_source_created_time=max_source_created_time,
            min_source_modified_time=min_source_modified_time,
            max_source_modified_time=max_source_modified_time,
            external_id_prefix=external_id_prefix,
            uploaded=uploaded,
            partition=partition,
        )
    ).parsed
