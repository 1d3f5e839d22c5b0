from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_response import ErrorResponse
from ...models.live_index import LiveIndex
from typing import cast



def _get_kwargs(
    division: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/index/{division}".format(division=quote(str(division), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorResponse | LiveIndex | None:
    if response.status_code == 200:
        response_200 = LiveIndex.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())



        return response_400

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())



        return response_404

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorResponse | LiveIndex]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    division: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[ErrorResponse | LiveIndex]:
    """ A division's live Mulin index (v2): its score, dimensions, indicators and 12-week trend (public)

     Committee, street, district or the city (31). Computed from the live counters when asked: the four
    weeks ending today, and the same figure at the end of each of the last 12 ISO weeks. Each indicator
    says how it is obtained (measured from the platform, or entered quarterly by the street), its
    formula, source, target and weight; one resting on fewer people than the disclosure threshold is
    withheld (suppressed) and left out of the score.

    Args:
        division (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LiveIndex]
     """


    kwargs = _get_kwargs(
        division=division,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    division: str,
    *,
    client: AuthenticatedClient | Client,

) -> ErrorResponse | LiveIndex | None:
    """ A division's live Mulin index (v2): its score, dimensions, indicators and 12-week trend (public)

     Committee, street, district or the city (31). Computed from the live counters when asked: the four
    weeks ending today, and the same figure at the end of each of the last 12 ISO weeks. Each indicator
    says how it is obtained (measured from the platform, or entered quarterly by the street), its
    formula, source, target and weight; one resting on fewer people than the disclosure threshold is
    withheld (suppressed) and left out of the score.

    Args:
        division (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LiveIndex
     """


    return sync_detailed(
        division=division,
client=client,

    ).parsed

async def asyncio_detailed(
    division: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[ErrorResponse | LiveIndex]:
    """ A division's live Mulin index (v2): its score, dimensions, indicators and 12-week trend (public)

     Committee, street, district or the city (31). Computed from the live counters when asked: the four
    weeks ending today, and the same figure at the end of each of the last 12 ISO weeks. Each indicator
    says how it is obtained (measured from the platform, or entered quarterly by the street), its
    formula, source, target and weight; one resting on fewer people than the disclosure threshold is
    withheld (suppressed) and left out of the score.

    Args:
        division (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LiveIndex]
     """


    kwargs = _get_kwargs(
        division=division,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    division: str,
    *,
    client: AuthenticatedClient | Client,

) -> ErrorResponse | LiveIndex | None:
    """ A division's live Mulin index (v2): its score, dimensions, indicators and 12-week trend (public)

     Committee, street, district or the city (31). Computed from the live counters when asked: the four
    weeks ending today, and the same figure at the end of each of the last 12 ISO weeks. Each indicator
    says how it is obtained (measured from the platform, or entered quarterly by the street), its
    formula, source, target and weight; one resting on fewer people than the disclosure threshold is
    withheld (suppressed) and left out of the score.

    Args:
        division (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LiveIndex
     """


    return (await asyncio_detailed(
        division=division,
client=client,

    )).parsed
