from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.file_filter_request import FileFilterRequest
from ...models.file_list import FileList
from ...models.rate_limit_error_response import RateLimitErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: FileFilterRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/files/list",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    body: FileFilterRequest,
) -> Response[ErrorResponse | FileList | RateLimitErrorResponse]:
    """Filter files



    > **Required capabilities:** `filesAcl:READ`

    Retrieves a list of all files in a project. Criteria can be supplied to
    select a subset of files. This operation supports pagination with cursors.

    ### Request throttling
    This endpoint is intended for data analytics and exploration purposes. It is not designed to support
    high-throughput data retrieval.
    Please note that this endpoint is subject to the new throttling policy, which imposes limits on both
    request rate and concurrency.
    For more details, please refer to the [Files resource documentation](../../).

    Args:
        body (FileFilterRequest): Filter on files with exact match

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileList | RateLimitErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: FileFilterRequest,
) -> ErrorResponse | FileList | RateLimitErrorResponse | None:
    """Filter files



    > **Required capabilities:** `filesAcl:READ`

    Retrieves a list of all files in a project. Criteria can be supplied to
    select a subset of files. This operation supports pagination with cursors.

    ### Request throttling
    This endpoint is intended for data analytics and exploration purposes. It is not designed to support
    high-throughput data retrieval.
    Please note that this endpoint is subject to the new throttling policy, which imposes limits on both
    request rate and concurrency.
    For more details, please refer to the [Files resource documentation](../../).

    Args:
        body (FileFilterRequest): Filter on files with exact match

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileList | RateLimitErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FileFilterRequest,
) -> Response[ErrorResponse | FileList | RateLimitErrorResponse]:
    """Filter files



    > **Required capabilities:** `filesAcl:READ`

    Retrieves a list of all files in a project. Criteria can be supplied to
    select a subset of files. This operation supports pagination with cursors.

    ### Request throttling
    This endpoint is intended for data analytics and exploration purposes. It is not designed to support
    high-throughput data retrieval.
    Please note that this endpoint is subject to the new throttling policy, which imposes limits on both
    request rate and concurrency.
    For more details, please refer to the [Files resource documentation](../../).

    Args:
        body (FileFilterRequest): Filter on files with exact match

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileList | RateLimitErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: FileFilterRequest,
) -> ErrorResponse | FileList | RateLimitErrorResponse | None:
    """Filter files



    > **Required capabilities:** `filesAcl:READ`

    Retrieves a list of all files in a project. Criteria can be supplied to
    select a subset of files. This operation supports pagination with cursors.

    ### Request throttling
    This endpoint is intended for data analytics and exploration purposes. It is not designed to support
    high-throughput data retrieval.
    Please note that this endpoint is subject to the new throttling policy, which imposes limits on both
    request rate and concurrency.
    For more details, please refer to the [Files resource documentation](../../).

    Args:
        body (FileFilterRequest): Filter on files with exact match

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileList | RateLimitErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
