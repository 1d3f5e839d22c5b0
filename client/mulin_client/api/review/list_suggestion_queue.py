from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_response import ErrorResponse
from ...models.gateway_refusal import GatewayRefusal
from ...models.queue_order import QueueOrder
from ...models.suggestion_category import SuggestionCategory
from ...models.suggestion_page import SuggestionPage
from ...models.suggestion_status import SuggestionStatus
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    status: None | SuggestionStatus | Unset = UNSET,
    category: None | SuggestionCategory | Unset = UNSET,
    division: None | str | Unset = UNSET,
    submitted_from: datetime.date | None | Unset = UNSET,
    submitted_to: datetime.date | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    sort: QueueOrder | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, SuggestionStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_category: None | str | Unset
    if isinstance(category, Unset):
        json_category = UNSET
    elif isinstance(category, SuggestionCategory):
        json_category = category.value
    else:
        json_category = category
    params["category"] = json_category

    json_division: None | str | Unset
    if isinstance(division, Unset):
        json_division = UNSET
    else:
        json_division = division
    params["division"] = json_division

    json_submitted_from: None | str | Unset
    if isinstance(submitted_from, Unset):
        json_submitted_from = UNSET
    elif isinstance(submitted_from, datetime.date):
        json_submitted_from = submitted_from.isoformat()
    else:
        json_submitted_from = submitted_from
    params["submitted_from"] = json_submitted_from

    json_submitted_to: None | str | Unset
    if isinstance(submitted_to, Unset):
        json_submitted_to = UNSET
    elif isinstance(submitted_to, datetime.date):
        json_submitted_to = submitted_to.isoformat()
    else:
        json_submitted_to = submitted_to
    params["submitted_to"] = json_submitted_to

    json_overdue: bool | None | Unset
    if isinstance(overdue, Unset):
        json_overdue = UNSET
    else:
        json_overdue = overdue
    params["overdue"] = json_overdue

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/review/suggestions",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorResponse | ErrorResponse | GatewayRefusal | SuggestionPage | None:
    if response.status_code == 200:
        response_200 = SuggestionPage.from_dict(response.json())



        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorResponse | ErrorResponse | GatewayRefusal | SuggestionPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: None | SuggestionStatus | Unset = UNSET,
    category: None | SuggestionCategory | Unset = UNSET,
    division: None | str | Unset = UNSET,
    submitted_from: datetime.date | None | Unset = UNSET,
    submitted_to: datetime.date | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    sort: QueueOrder | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[ErrorResponse | ErrorResponse | GatewayRefusal | SuggestionPage]:
    """ Officials' queue, scoped to their jurisdiction

    Args:
        status (None | SuggestionStatus | Unset):
        category (None | SuggestionCategory | Unset):
        division (None | str | Unset):
        submitted_from (datetime.date | None | Unset): Shanghai date, inclusive, in 2000–2100
        submitted_to (datetime.date | None | Unset): Shanghai date, inclusive, in 2000–2100
        overdue (bool | None | Unset):
        sort (QueueOrder | Unset):
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ErrorResponse | GatewayRefusal | SuggestionPage]
     """


    kwargs = _get_kwargs(
        status=status,
category=category,
division=division,
submitted_from=submitted_from,
submitted_to=submitted_to,
overdue=overdue,
sort=sort,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    status: None | SuggestionStatus | Unset = UNSET,
    category: None | SuggestionCategory | Unset = UNSET,
    division: None | str | Unset = UNSET,
    submitted_from: datetime.date | None | Unset = UNSET,
    submitted_to: datetime.date | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    sort: QueueOrder | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> ErrorResponse | ErrorResponse | GatewayRefusal | SuggestionPage | None:
    """ Officials' queue, scoped to their jurisdiction

    Args:
        status (None | SuggestionStatus | Unset):
        category (None | SuggestionCategory | Unset):
        division (None | str | Unset):
        submitted_from (datetime.date | None | Unset): Shanghai date, inclusive, in 2000–2100
        submitted_to (datetime.date | None | Unset): Shanghai date, inclusive, in 2000–2100
        overdue (bool | None | Unset):
        sort (QueueOrder | Unset):
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ErrorResponse | GatewayRefusal | SuggestionPage
     """


    return sync_detailed(
        client=client,
status=status,
category=category,
division=division,
submitted_from=submitted_from,
submitted_to=submitted_to,
overdue=overdue,
sort=sort,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: None | SuggestionStatus | Unset = UNSET,
    category: None | SuggestionCategory | Unset = UNSET,
    division: None | str | Unset = UNSET,
    submitted_from: datetime.date | None | Unset = UNSET,
    submitted_to: datetime.date | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    sort: QueueOrder | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[ErrorResponse | ErrorResponse | GatewayRefusal | SuggestionPage]:
    """ Officials' queue, scoped to their jurisdiction

    Args:
        status (None | SuggestionStatus | Unset):
        category (None | SuggestionCategory | Unset):
        division (None | str | Unset):
        submitted_from (datetime.date | None | Unset): Shanghai date, inclusive, in 2000–2100
        submitted_to (datetime.date | None | Unset): Shanghai date, inclusive, in 2000–2100
        overdue (bool | None | Unset):
        sort (QueueOrder | Unset):
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ErrorResponse | GatewayRefusal | SuggestionPage]
     """


    kwargs = _get_kwargs(
        status=status,
category=category,
division=division,
submitted_from=submitted_from,
submitted_to=submitted_to,
overdue=overdue,
sort=sort,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    status: None | SuggestionStatus | Unset = UNSET,
    category: None | SuggestionCategory | Unset = UNSET,
    division: None | str | Unset = UNSET,
    submitted_from: datetime.date | None | Unset = UNSET,
    submitted_to: datetime.date | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    sort: QueueOrder | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> ErrorResponse | ErrorResponse | GatewayRefusal | SuggestionPage | None:
    """ Officials' queue, scoped to their jurisdiction

    Args:
        status (None | SuggestionStatus | Unset):
        category (None | SuggestionCategory | Unset):
        division (None | str | Unset):
        submitted_from (datetime.date | None | Unset): Shanghai date, inclusive, in 2000–2100
        submitted_to (datetime.date | None | Unset): Shanghai date, inclusive, in 2000–2100
        overdue (bool | None | Unset):
        sort (QueueOrder | Unset):
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ErrorResponse | GatewayRefusal | SuggestionPage
     """


    return (await asyncio_detailed(
        client=client,
status=status,
category=category,
division=division,
submitted_from=submitted_from,
submitted_to=submitted_to,
overdue=overdue,
sort=sort,
limit=limit,
cursor=cursor,

    )).parsed
