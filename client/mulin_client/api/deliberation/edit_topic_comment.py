from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.comment_edit import CommentEdit
from ...models.comment_view import CommentView
from ...models.error_response import ErrorResponse
from ...models.gateway_refusal import GatewayRefusal
from typing import cast



def _get_kwargs(
    id: str,
    comment_id: str,
    *,
    body: CommentEdit,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/topics/{id}/comments/{comment_id}".format(id=quote(str(id), safe=""),comment_id=quote(str(comment_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CommentView | ErrorResponse | ErrorResponse | GatewayRefusal | None:
    if response.status_code == 200:
        response_200 = CommentView.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CommentView | ErrorResponse | ErrorResponse | GatewayRefusal]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    comment_id: str,
    *,
    client: AuthenticatedClient,
    body: CommentEdit,

) -> Response[CommentView | ErrorResponse | ErrorResponse | GatewayRefusal]:
    """ Edit one's comment within 15 minutes of posting

    Args:
        id (str):
        comment_id (str):
        body (CommentEdit):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommentView | ErrorResponse | ErrorResponse | GatewayRefusal]
     """


    kwargs = _get_kwargs(
        id=id,
comment_id=comment_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: str,
    comment_id: str,
    *,
    client: AuthenticatedClient,
    body: CommentEdit,

) -> CommentView | ErrorResponse | ErrorResponse | GatewayRefusal | None:
    """ Edit one's comment within 15 minutes of posting

    Args:
        id (str):
        comment_id (str):
        body (CommentEdit):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommentView | ErrorResponse | ErrorResponse | GatewayRefusal
     """


    return sync_detailed(
        id=id,
comment_id=comment_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    id: str,
    comment_id: str,
    *,
    client: AuthenticatedClient,
    body: CommentEdit,

) -> Response[CommentView | ErrorResponse | ErrorResponse | GatewayRefusal]:
    """ Edit one's comment within 15 minutes of posting

    Args:
        id (str):
        comment_id (str):
        body (CommentEdit):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommentView | ErrorResponse | ErrorResponse | GatewayRefusal]
     """


    kwargs = _get_kwargs(
        id=id,
comment_id=comment_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: str,
    comment_id: str,
    *,
    client: AuthenticatedClient,
    body: CommentEdit,

) -> CommentView | ErrorResponse | ErrorResponse | GatewayRefusal | None:
    """ Edit one's comment within 15 minutes of posting

    Args:
        id (str):
        comment_id (str):
        body (CommentEdit):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommentView | ErrorResponse | ErrorResponse | GatewayRefusal
     """


    return (await asyncio_detailed(
        id=id,
comment_id=comment_id,
client=client,
body=body,

    )).parsed
