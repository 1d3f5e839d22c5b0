from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_response import ErrorResponse
from ...models.gateway_refusal import GatewayRefusal
from ...models.receipt_upload_form import ReceiptUploadForm
from ...models.receipt_upload_request import ReceiptUploadRequest
from typing import cast



def _get_kwargs(
    id: str,
    *,
    body: ReceiptUploadRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/review/funds/applications/{id}/receipts".format(id=quote(str(id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorResponse | ErrorResponse | GatewayRefusal | ReceiptUploadForm | None:
    if response.status_code == 201:
        response_201 = ReceiptUploadForm.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorResponse | ErrorResponse | GatewayRefusal | ReceiptUploadForm]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: ReceiptUploadRequest,

) -> Response[ErrorResponse | ErrorResponse | GatewayRefusal | ReceiptUploadForm]:
    """ A presigned form to upload one receipt of a paper team's completion report (工作人员代传票据)

     For an application entered from paper or a meeting, by the officials who take the team's steps
    (committee staff or their street); a web application's receipts are its lead's (POST
    /uploads/receipts). Then file the report with reportFundCompletion, citing the returned key.

    Args:
        id (str):
        body (ReceiptUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ErrorResponse | GatewayRefusal | ReceiptUploadForm]
     """


    kwargs = _get_kwargs(
        id=id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: ReceiptUploadRequest,

) -> ErrorResponse | ErrorResponse | GatewayRefusal | ReceiptUploadForm | None:
    """ A presigned form to upload one receipt of a paper team's completion report (工作人员代传票据)

     For an application entered from paper or a meeting, by the officials who take the team's steps
    (committee staff or their street); a web application's receipts are its lead's (POST
    /uploads/receipts). Then file the report with reportFundCompletion, citing the returned key.

    Args:
        id (str):
        body (ReceiptUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ErrorResponse | GatewayRefusal | ReceiptUploadForm
     """


    return sync_detailed(
        id=id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: ReceiptUploadRequest,

) -> Response[ErrorResponse | ErrorResponse | GatewayRefusal | ReceiptUploadForm]:
    """ A presigned form to upload one receipt of a paper team's completion report (工作人员代传票据)

     For an application entered from paper or a meeting, by the officials who take the team's steps
    (committee staff or their street); a web application's receipts are its lead's (POST
    /uploads/receipts). Then file the report with reportFundCompletion, citing the returned key.

    Args:
        id (str):
        body (ReceiptUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ErrorResponse | GatewayRefusal | ReceiptUploadForm]
     """


    kwargs = _get_kwargs(
        id=id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: ReceiptUploadRequest,

) -> ErrorResponse | ErrorResponse | GatewayRefusal | ReceiptUploadForm | None:
    """ A presigned form to upload one receipt of a paper team's completion report (工作人员代传票据)

     For an application entered from paper or a meeting, by the officials who take the team's steps
    (committee staff or their street); a web application's receipts are its lead's (POST
    /uploads/receipts). Then file the report with reportFundCompletion, citing the returned key.

    Args:
        id (str):
        body (ReceiptUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ErrorResponse | GatewayRefusal | ReceiptUploadForm
     """


    return (await asyncio_detailed(
        id=id,
client=client,
body=body,

    )).parsed
