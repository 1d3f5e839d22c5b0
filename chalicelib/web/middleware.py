"""The one place where errors become HTTP responses.

Domain errors (chalicelib.errors) carry their status and code; Chalice's own refusals
(unknown method, unsupported media type) are reshaped into the same form; anything
unexpected is logged with the correlation id and answered with a 500 that holds that id
and nothing else. Every response carries the correlation id and no-store caching.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from chalice.app import Request, Response

from chalicelib.errors import ErrorDetail, MulinError
from chalicelib.ids import new_id
from chalicelib.observability import count, logger

CHALICE_CODES = {
    405: "method_not_allowed",
    415: "unsupported_media_type",
    400: "bad_request",
    500: "internal_error",
}
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"}


def correlation_id_of(request: Request | None) -> str:
    context = getattr(request, "context", None) or {}
    lambda_context = getattr(request, "lambda_context", None)
    return (
        context.get("requestId")
        or getattr(lambda_context, "aws_request_id", None)
        or new_id()
    )


def error_body(code: str, message: str, details: Sequence[ErrorDetail], correlation_id: str) -> str:
    return json.dumps(
        {"code": code, "message": message, "details": [d.as_json() for d in details], "correlation_id": correlation_id},
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _from_domain_error(exc: MulinError, correlation_id: str) -> Response:
    return Response(
        body=error_body(exc.code, exc.message, exc.details, correlation_id),
        status_code=exc.status,
        headers={"Content-Type": "application/json; charset=utf-8", **exc.headers},
    )


def _reshape_chalice_error(response: Response, correlation_id: str) -> Response:
    body = response.body
    if response.status_code < 400 or not (isinstance(body, dict) and "Code" in body):
        return response
    status = response.status_code
    message = str(body.get("Message", "")) if status < 500 else MulinError.default_message
    return Response(
        body=error_body(CHALICE_CODES.get(status, "error"), message, [], correlation_id),
        status_code=status,
        headers={**response.headers, "Content-Type": "application/json; charset=utf-8"},
    )


def handle_errors(request: Request, get_response: Callable[[Request], Response]) -> Response:
    correlation_id = correlation_id_of(request)
    logger.set_correlation_id(correlation_id)
    try:
        response = get_response(request)
    except MulinError as exc:
        if exc.status >= 500:
            logger.exception("request failed", extra={"error_code": exc.code, "path": getattr(request, "path", "")})
        response = _from_domain_error(exc, correlation_id)
    else:
        response = _reshape_chalice_error(response, correlation_id)
    if response.status_code >= 500:
        count("ServerErrors")
    elif response.status_code >= 400:
        count("ClientErrors")
    response.headers.update(SECURITY_HEADERS)
    response.headers["X-Correlation-Id"] = correlation_id
    return response
