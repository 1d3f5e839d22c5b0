from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.convention_page import ConventionPage
from ...models.error_response import ErrorResponse
from typing import cast



def _get_kwargs(
    *,
    division: str,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["division"] = division


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/conventions",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ConventionPage | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = ConventionPage.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())



        return response_400

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ConventionPage | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    division: str,

) -> Response[ConventionPage | ErrorResponse]:
    """ Residents' conventions (居民公约) of a division

    Args:
        division (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConventionPage | ErrorResponse]
     """


    kwargs = _get_kwargs(
        division=division,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    division: str,

) -> ConventionPage | ErrorResponse | None:
    """ Residents' conventions (居民公约) of a division

    Args:
        division (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConventionPage | ErrorResponse
     """


    return sync_detailed(
        client=client,
division=division,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    division: str,

) -> Response[ConventionPage | ErrorResponse]:
    """ Residents' conventions (居民公约) of a division

    Args:
        division (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConventionPage | ErrorResponse]
     """


    kwargs = _get_kwargs(
        division=division,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    division: str,

) -> ConventionPage | ErrorResponse | None:
    """ Residents' conventions (居民公约) of a division

    Args:
        division (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConventionPage | ErrorResponse
     """


    return (await asyncio_detailed(
        client=client,
division=division,

    )).parsed
