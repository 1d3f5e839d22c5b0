"""Declaring an API operation once: route, authorizer, input models, response model.

`ApiBlueprint.operation` registers a Chalice route whose view parses the body and query
into their models, hands the verified principal to the handler, and serialises the
returned model. The same declaration feeds /openapi.json, so the contract cannot drift
from the code. Handlers stay thin: they call one service function.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from chalice.app import Blueprint, Response
from pydantic import BaseModel

from chalicelib import aws
from chalicelib.auth import Principal, from_authorizer_context
from chalicelib.errors import MulinError, ServiceUnavailableError, UnauthorizedError
from chalicelib.settings import get_settings
from chalicelib.web.authorizer import mulin_authorizer
from chalicelib.web.requests import check_path, parse_body, parse_query

JSON_CONTENT_TYPE = "application/json; charset=utf-8"


class UnexpectedError(MulinError):
    """Any exception a handler did not anticipate; the middleware logs it and answers 500."""


@dataclass(frozen=True)
class Answer:
    """A body an operation gives at an error status in place of the error shape (/health's
    report when it is degraded); the contract lists both, since any failure still gives that."""

    status: int
    model: type[BaseModel]
    description: str


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    summary: str
    tags: tuple[str, ...]
    response: type[BaseModel] | None
    body: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    status: int = 200
    authenticated: bool = True
    errors: tuple[int, ...] = ()
    description: str = ""
    # Request headers handed to the handler as keyword arguments (Idempotency-Key →
    # idempotency_key) and described in the contract.
    headers: tuple[str, ...] = ()
    answers: tuple[Answer, ...] = ()
    # Named for the use case (replyToSuggestion), since generated clients name their
    # functions after it; None falls back to one derived from the method and path.
    operation_id: str | None = None
    # Kept for existing clients while a newer operation does the same (the {action} routes).
    deprecated: bool = False


def header_argument(name: str) -> str:
    return name.lower().replace("-", "_")


def json_response(payload: Any, status: int = 200, headers: Mapping[str, str | list[str]] | None = None) -> Response:
    if isinstance(payload, BaseModel):
        body = payload.model_dump_json()
    else:
        import json

        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return Response(body=body, status_code=status, headers={"Content-Type": JSON_CONTENT_TYPE, **(headers or {})})


class ApiBlueprint(Blueprint):
    def operation(
        self,
        path: str,
        method: str,
        *,
        summary: str,
        tags: tuple[str, ...],
        response: type[BaseModel] | None,
        body: type[BaseModel] | None = None,
        query: type[BaseModel] | None = None,
        status: int = 200,
        authenticated: bool = True,
        errors: tuple[int, ...] = (),
        description: str = "",
        headers: tuple[str, ...] = (),
        answers: tuple[Answer, ...] = (),
        operation_id: str | None = None,
        deprecated: bool = False,
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        spec = Operation(
            method=method,
            path=path,
            summary=summary,
            tags=tags,
            response=response,
            body=body,
            query=query,
            status=status,
            authenticated=authenticated,
            errors=errors,
            description=description,
            headers=headers,
            answers=answers,
            operation_id=operation_id,
            deprecated=deprecated,
        )

        def register(handler: Callable[..., Any]) -> Callable[..., Any]:
            @functools.wraps(handler)
            def view(**path_params: str) -> Response:
                request = self.current_request
                kwargs: dict[str, Any] = dict(path_params)
                try:
                    if authenticated:
                        kwargs["principal"] = _principal(request.context)
                    check_path(path_params)
                    if body is not None:
                        kwargs["body"] = parse_body(
                            request.raw_body,
                            request.headers.get("content-type"),
                            body,
                            get_settings().max_body_bytes,
                        )
                    if query is not None:
                        kwargs["query"] = parse_query(request.query_params, query)
                    for header in headers:
                        kwargs[header_argument(header)] = request.headers.get(header)
                    result = handler(**kwargs)
                except MulinError:
                    raise
                except Exception as exc:
                    # Not every AWS call goes through a repository that translates its
                    # errors (the queue, a bucket, a batch of puts); throttling or a lost
                    # connection there is still the caller's cue to retry, not a 500.
                    if aws.is_transient(exc):
                        raise ServiceUnavailableError(headers={"Retry-After": "1"}) from exc
                    raise UnexpectedError() from exc
                if isinstance(result, Response):
                    return result
                return json_response(result, status)

            # Read back by openapi._operations. An attribute set on a function is one mypy
            # cannot declare, and setattr with a constant name is what ruff refuses instead.
            view.operation = spec  # type: ignore[attr-defined]
            self.route(
                path,
                methods=[method],
                authorizer=mulin_authorizer if authenticated else None,
                # parse_body checks the content type itself, so that a wrong one gets
                # the platform's error shape instead of Chalice's.
                content_types=["*/*"],
            )(view)
            return handler

        return register

    def action_operations(
        self,
        base: str,
        actions: tuple[ActionOperation, ...],
        *,
        general: type[BaseModel],
        act: Callable[[Principal, str, str, Any], Any],
        tags: tuple[str, ...],
        response: type[BaseModel] | None,
        errors: tuple[int, ...] = (),
        description: str = "",
    ) -> None:
        """One operation per action at `{base}/{action}`, each with its own request model, all
        handing the body, as the `general` model the `{action}` route takes, to the same use
        case `act(principal, id, action, body)`. Chalice's router, like API Gateway's, tries a
        literal segment before a variable one, so these and the `{action}` route coexist."""
        for declared in actions:
            self._action_operation(base, declared, general, act, tags, response, errors, description)

    def _action_operation(self, base: str, declared: ActionOperation, general: type[BaseModel],
                          act: Callable[[Principal, str, str, Any], Any], tags: tuple[str, ...],
                          response: type[BaseModel] | None, errors: tuple[int, ...], description: str) -> None:
        def handler(id: str, principal: Principal, body: BaseModel) -> Any:  # noqa: A002 - the contract names it id
            return act(principal, id, declared.action, general.model_validate(body.model_dump(exclude_unset=True)))

        # Chalice names a route's view after its function: one name per operation.
        handler.__name__ = handler.__qualname__ = declared.operation_id
        self.operation(f"{base}/{declared.action}", "POST", summary=declared.summary, tags=tags, body=declared.body,
                       response=response, errors=errors, description=description,
                       operation_id=declared.operation_id)(handler)


@dataclass(frozen=True)
class ActionOperation:
    """One action's own operation: `action` is the path segment the `{action}` route takes."""

    action: str
    operation_id: str
    body: type[BaseModel]
    summary: str


OfficialCheck = Callable[[Principal, dict[str, Any]], bool]
# Whether an official's token still stands is the staff package's to say (its account item).
# The wiring hands that check in (app.py), so that this plumbing, which every domain's routes
# are built with, imports no domain.
_official_checks: list[OfficialCheck] = []


def check_officials_with(check: OfficialCheck) -> None:
    _official_checks[:] = [check]


def _official_check() -> OfficialCheck:
    if not _official_checks:
        # Refused rather than let an official's token through unchecked.
        raise RuntimeError("officials' accounts are checked by nothing: the wiring must call check_officials_with")
    return _official_checks[0]


def _principal(context: dict[str, Any] | None) -> Principal:
    authorizer = (context or {}).get("authorizer") or {}
    if "principalId" not in authorizer or "role" not in authorizer:
        # The gateway only forwards requests its authorizer accepted; reaching here
        # without a principal means the route was wired without one.
        raise UnauthorizedError()
    principal = from_authorizer_context(authorizer)
    if principal.is_official:
        # One consistent read per official's request, so that a disabled or moved account is
        # shut out at once; a failed read is a retryable 503 like any other.
        if not _official_check()(principal, {"iat": principal.issued_at}):
            raise UnauthorizedError("This account is disabled, or was changed since you signed in: sign in again. / "
                                    "账号已停用或已变更，请重新登录。")
    return principal
