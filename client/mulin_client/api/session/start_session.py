from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_response import ErrorResponse
from ...models.session_start import SessionStart
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: SessionStart,
    origin: str | Unset = UNSET,
    sec_fetch_site: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(origin, Unset):
        headers["Origin"] = origin

    if not isinstance(sec_fetch_site, Unset):
        headers["Sec-Fetch-Site"] = sec_fetch_site



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/session",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorResponse | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())



        return response_403

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

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SessionStart,
    origin: str | Unset = UNSET,
    sec_fetch_site: str | Unset = UNSET,

) -> Response[Any | ErrorResponse]:
    """ Keep the refresh token from sign-in in an HttpOnly cookie (the pages then forget it)

     Cognito is asked once that it honours the token for the pool. The answer is empty; the cookie is
    HttpOnly, Secure, SameSite=Strict, scoped to the session routes and lasts as long as the token.
    Refused with 403 when the browser says the calling page is of another origin (`Sec-Fetch-Site`, or
    `Origin` against the host addressed).

    Args:
        origin (str | Unset):
        sec_fetch_site (str | Unset):
        body (SessionStart): The refresh token Cognito just gave the pages, and the pool they
            signed in through.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
     """


    kwargs = _get_kwargs(
        body=body,
origin=origin,
sec_fetch_site=sec_fetch_site,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SessionStart,
    origin: str | Unset = UNSET,
    sec_fetch_site: str | Unset = UNSET,

) -> Any | ErrorResponse | None:
    """ Keep the refresh token from sign-in in an HttpOnly cookie (the pages then forget it)

     Cognito is asked once that it honours the token for the pool. The answer is empty; the cookie is
    HttpOnly, Secure, SameSite=Strict, scoped to the session routes and lasts as long as the token.
    Refused with 403 when the browser says the calling page is of another origin (`Sec-Fetch-Site`, or
    `Origin` against the host addressed).

    Args:
        origin (str | Unset):
        sec_fetch_site (str | Unset):
        body (SessionStart): The refresh token Cognito just gave the pages, and the pool they
            signed in through.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
     """


    return sync_detailed(
        client=client,
body=body,
origin=origin,
sec_fetch_site=sec_fetch_site,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SessionStart,
    origin: str | Unset = UNSET,
    sec_fetch_site: str | Unset = UNSET,

) -> Response[Any | ErrorResponse]:
    """ Keep the refresh token from sign-in in an HttpOnly cookie (the pages then forget it)

     Cognito is asked once that it honours the token for the pool. The answer is empty; the cookie is
    HttpOnly, Secure, SameSite=Strict, scoped to the session routes and lasts as long as the token.
    Refused with 403 when the browser says the calling page is of another origin (`Sec-Fetch-Site`, or
    `Origin` against the host addressed).

    Args:
        origin (str | Unset):
        sec_fetch_site (str | Unset):
        body (SessionStart): The refresh token Cognito just gave the pages, and the pool they
            signed in through.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
     """


    kwargs = _get_kwargs(
        body=body,
origin=origin,
sec_fetch_site=sec_fetch_site,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SessionStart,
    origin: str | Unset = UNSET,
    sec_fetch_site: str | Unset = UNSET,

) -> Any | ErrorResponse | None:
    """ Keep the refresh token from sign-in in an HttpOnly cookie (the pages then forget it)

     Cognito is asked once that it honours the token for the pool. The answer is empty; the cookie is
    HttpOnly, Secure, SameSite=Strict, scoped to the session routes and lasts as long as the token.
    Refused with 403 when the browser says the calling page is of another origin (`Sec-Fetch-Site`, or
    `Origin` against the host addressed).

    Args:
        origin (str | Unset):
        sec_fetch_site (str | Unset):
        body (SessionStart): The refresh token Cognito just gave the pages, and the pool they
            signed in through.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
     """


    return (await asyncio_detailed(
        client=client,
body=body,
origin=origin,
sec_fetch_site=sec_fetch_site,

    )).parsed
