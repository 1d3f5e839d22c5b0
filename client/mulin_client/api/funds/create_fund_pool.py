from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_response import ErrorResponse
from ...models.gateway_refusal import GatewayRefusal
from ...models.pool_allocation_report import PoolAllocationReport
from ...models.pool_create import PoolCreate
from typing import cast



def _get_kwargs(
    division: str,
    year: str,
    *,
    body: PoolCreate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/funds/pools/{division}/{year}".format(division=quote(str(division), safe=""),year=quote(str(year), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorResponse | ErrorResponse | GatewayRefusal | PoolAllocationReport | None:
    if response.status_code == 201:
        response_201 = PoolAllocationReport.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        def _parse_response_401(data: object) -> ErrorResponse | GatewayRefusal:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_401_type_0 = ErrorResponse.from_dict(data)



                return response_401_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_401_type_1 = GatewayRefusal.from_dict(data)



            return response_401_type_1

        response_401 = _parse_response_401(response.json())

        return response_401

    if response.status_code == 403:
        def _parse_response_403(data: object) -> ErrorResponse | GatewayRefusal:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_403_type_0 = ErrorResponse.from_dict(data)



                return response_403_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_403_type_1 = GatewayRefusal.from_dict(data)



            return response_403_type_1

        response_403 = _parse_response_403(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = ErrorResponse.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())



        return response_422

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorResponse | ErrorResponse | GatewayRefusal | PoolAllocationReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    division: str,
    year: str,
    *,
    client: AuthenticatedClient,
    body: PoolCreate,

) -> Response[ErrorResponse | ErrorResponse | GatewayRefusal | PoolAllocationReport]:
    """ Allocate a year's pool to a committee, or to every committee of a street by community type

    Args:
        division (str):
        year (str):
        body (PoolCreate): For a committee: `allocated_fen`. For a street: an amount per community
            type, and
            `default_fen` for committees whose type is not recorded (or they are skipped).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ErrorResponse | GatewayRefusal | PoolAllocationReport]
     """


    kwargs = _get_kwargs(
        division=division,
year=year,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    division: str,
    year: str,
    *,
    client: AuthenticatedClient,
    body: PoolCreate,

) -> ErrorResponse | ErrorResponse | GatewayRefusal | PoolAllocationReport | None:
    """ Allocate a year's pool to a committee, or to every committee of a street by community type

    Args:
        division (str):
        year (str):
        body (PoolCreate): For a committee: `allocated_fen`. For a street: an amount per community
            type, and
            `default_fen` for committees whose type is not recorded (or they are skipped).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ErrorResponse | GatewayRefusal | PoolAllocationReport
     """


    return sync_detailed(
        division=division,
year=year,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    division: str,
    year: str,
    *,
    client: AuthenticatedClient,
    body: PoolCreate,

) -> Response[ErrorResponse | ErrorResponse | GatewayRefusal | PoolAllocationReport]:
    """ Allocate a year's pool to a committee, or to every committee of a street by community type

    Args:
        division (str):
        year (str):
        body (PoolCreate): For a committee: `allocated_fen`. For a street: an amount per community
            type, and
            `default_fen` for committees whose type is not recorded (or they are skipped).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ErrorResponse | GatewayRefusal | PoolAllocationReport]
     """


    kwargs = _get_kwargs(
        division=division,
year=year,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    division: str,
    year: str,
    *,
    client: AuthenticatedClient,
    body: PoolCreate,

) -> ErrorResponse | ErrorResponse | GatewayRefusal | PoolAllocationReport | None:
    """ Allocate a year's pool to a committee, or to every committee of a street by community type

    Args:
        division (str):
        year (str):
        body (PoolCreate): For a committee: `allocated_fen`. For a street: an amount per community
            type, and
            `default_fen` for committees whose type is not recorded (or they are skipped).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ErrorResponse | GatewayRefusal | PoolAllocationReport
     """


    return (await asyncio_detailed(
        division=division,
year=year,
client=client,
body=body,

    )).parsed
