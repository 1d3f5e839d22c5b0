from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_response import ErrorResponse
from ...models.meeting_page import MeetingPage
from ...models.meeting_when import MeetingWhen
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    division: str,
    when: MeetingWhen | Unset = UNSET,
    limit: int | Unset = 20,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["division"] = division

    json_when: str | Unset = UNSET
    if not isinstance(when, Unset):
        json_when = when.value

    params["when"] = json_when

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/meetings",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorResponse | MeetingPage | None:
    if response.status_code == 200:
        response_200 = MeetingPage.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorResponse | MeetingPage]:
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
    when: MeetingWhen | Unset = UNSET,
    limit: int | Unset = 20,

) -> Response[ErrorResponse | MeetingPage]:
    """ Meetings of a division, upcoming (soonest first) or past

    Args:
        division (str):
        when (MeetingWhen | Unset):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MeetingPage]
     """


    kwargs = _get_kwargs(
        division=division,
when=when,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    division: str,
    when: MeetingWhen | Unset = UNSET,
    limit: int | Unset = 20,

) -> ErrorResponse | MeetingPage | None:
    """ Meetings of a division, upcoming (soonest first) or past

    Args:
        division (str):
        when (MeetingWhen | Unset):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MeetingPage
     """


    return sync_detailed(
        client=client,
division=division,
when=when,
limit=limit,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    division: str,
    when: MeetingWhen | Unset = UNSET,
    limit: int | Unset = 20,

) -> Response[ErrorResponse | MeetingPage]:
    """ Meetings of a division, upcoming (soonest first) or past

    Args:
        division (str):
        when (MeetingWhen | Unset):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MeetingPage]
     """


    kwargs = _get_kwargs(
        division=division,
when=when,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    division: str,
    when: MeetingWhen | Unset = UNSET,
    limit: int | Unset = 20,

) -> ErrorResponse | MeetingPage | None:
    """ Meetings of a division, upcoming (soonest first) or past

    Args:
        division (str):
        when (MeetingWhen | Unset):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MeetingPage
     """


    return (await asyncio_detailed(
        client=client,
division=division,
when=when,
limit=limit,

    )).parsed
