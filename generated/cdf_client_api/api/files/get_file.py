from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.file_metadata import FileMetadata
from ...models.rate_limit_error_response import RateLimitErrorResponse
from ...types import Response


def _get_kwargs(
    id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/files/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


# cdf-client: the request this operation sends (method, url, params, json), for callers that
# send it with their own httpx client and decode the body themselves (bulk listing).
request_kwargs = _get_kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | FileMetadata | RateLimitErrorResponse | None:
    if response.status_code == 200:
        response_200 = FileMetadata.from_dict(response.json())

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
) -> Response[ErrorResponse | FileMetadata | RateLimitErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | FileMetadata | RateLimitErrorResponse]:
    """Retrieve a file by its ID



    > **Required capabilities:** `filesAcl:READ`
    >
    > Or `dataModelsAcl:READ` (scope spaceId: `cdf_cdm`) and `dataModelInstancesAcl:READ`

    Returns file info for the file ID

    ### Request throttling
    Please note that this endpoint is subject to the new throttling policy, which imposes limits on both
    request rate and concurrency.
    For more details, please refer to the [Files resource documentation](../../).

    Args:
        id (int): A server-generated ID for the object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileMetadata | RateLimitErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | FileMetadata | RateLimitErrorResponse | None:
    """Retrieve a file by its ID



    > **Required capabilities:** `filesAcl:READ`
    >
    > Or `dataModelsAcl:READ` (scope spaceId: `cdf_cdm`) and `dataModelInstancesAcl:READ`

    Returns file info for the file ID

    ### Request throttling
    Please note that this endpoint is subject to the new throttling policy, which imposes limits on both
    request rate and concurrency.
    For more details, please refer to the [Files resource documentation](../../).

    Args:
        id (int): A server-generated ID for the object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileMetadata | RateLimitErrorResponse
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | FileMetadata | RateLimitErrorResponse]:
    """Retrieve a file by its ID



    > **Required capabilities:** `filesAcl:READ`
    >
    > Or `dataModelsAcl:READ` (scope spaceId: `cdf_cdm`) and `dataModelInstancesAcl:READ`

    Returns file info for the file ID

    ### Request throttling
    Please note that this endpoint is subject to the new throttling policy, which imposes limits on both
    request rate and concurrency.
    For more details, please refer to the [Files resource documentation](../../).

    Args:
        id (int): A server-generated ID for the object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileMetadata | RateLimitErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | FileMetadata | RateLimitErrorResponse | None:
    """Retrieve a file by its ID



    > **Required capabilities:** `filesAcl:READ`
    >
    > Or `dataModelsAcl:READ` (scope spaceId: `cdf_cdm`) and `dataModelInstancesAcl:READ`

    Returns file info for the file ID

    ### Request throttling
    Please note that this endpoint is subject to the new throttling policy, which imposes limits on both
    request rate and concurrency.
    For more details, please refer to the [Files resource documentation](../../).

    Args:
        id (int): A server-generated ID for the object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileMetadata | RateLimitErrorResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
