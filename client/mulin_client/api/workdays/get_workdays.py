from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_response import ErrorResponse
from ...models.year_schedule_view import YearScheduleView
from typing import cast



def _get_kwargs(
    year: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/workdays/{year}".format(year=quote(str(year), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorResponse | YearScheduleView | None:
    if response.status_code == 200:
        response_200 = YearScheduleView.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorResponse | YearScheduleView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    year: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[ErrorResponse | YearScheduleView]:
    """ A year's statutory holidays and make-up workdays (法定节假日与调休安排)

    Args:
        year (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | YearScheduleView]
     """


    kwargs = _get_kwargs(
        year=year,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    year: str,
    *,
    client: AuthenticatedClient | Client,

) -> ErrorResponse | YearScheduleView | None:
    """ A year's statutory holidays and make-up workdays (法定节假日与调休安排)

    Args:
        year (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | YearScheduleView
     """


    return sync_detailed(
        year=year,
client=client,

    ).parsed

async def asyncio_detailed(
    year: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[ErrorResponse | YearScheduleView]:
    """ A year's statutory holidays and make-up workdays (法定节假日与调休安排)

    Args:
        year (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | YearScheduleView]
     """


    kwargs = _get_kwargs(
        year=year,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    year: str,
    *,
    client: AuthenticatedClient | Client,

) -> ErrorResponse | YearScheduleView | None:
    """ A year's statutory holidays and make-up workdays (法定节假日与调休安排)

    Args:
        year (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | YearScheduleView
     """


    return (await asyncio_detailed(
        year=year,
client=client,

    )).parsed
