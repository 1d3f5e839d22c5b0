"""Mulin: the typed client officials script against.

Every operation of the API is a generated module in mulin_client.api (one per operationId);
Mulin runs them over MulinTransport and turns each refused request into an ApiError that
carries the API's error shape (code, bilingual message, details, Retry-After).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Mapping
from types import ModuleType, TracebackType
from typing import Any

import httpx
from mulin_client import AuthenticatedClient

from mulin.transport import MulinTransport, retry_after


class ApiError(Exception):
    """A request the API (or the gateway in front of it) refused: the status and the error shape."""

    def __init__(self, status: int, message: str, details: list[dict[str, Any]] | None = None,
                 retry_after: float | None = None, code: str | None = None,
                 correlation_id: str | None = None) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message
        self.details = details or []
        self.retry_after = retry_after
        self.code = code
        self.correlation_id = correlation_id


class Conflict(ApiError):
    """409: the record changed since it was read, or its state does not accept the action.
    The API names what the record accepts now and its current version in the details."""

    def __init__(self, status: int, message: str, details: list[dict[str, Any]] | None = None,
                 retry_after: float | None = None, code: str | None = None,
                 correlation_id: str | None = None) -> None:
        super().__init__(status, message, details, retry_after, code, correlation_id)
        self.allowed_actions: list[str] | None = _first_fact(self.details, "allowed_actions")
        self.current_version: int | None = _first_fact(self.details, "current_version")


def _first_fact(details: list[dict[str, Any]], key: str) -> Any:
    return next((detail[key] for detail in details if detail.get(key) is not None), None)


def error_from(status: int, content: bytes, headers: Mapping[str, str]) -> ApiError:
    """The ApiError (Conflict for 409) an answer stands for; a body that is not the error shape
    (a proxy's HTML page, say) still gives an error with the status and the text."""
    try:
        body = json.loads(content)
    except ValueError:
        body = None
    if not isinstance(body, dict):
        body = {"message": content.decode("utf-8", "replace").strip()[:500] or f"HTTP {status}"}
    details = [detail for detail in body.get("details") or [] if isinstance(detail, dict)]
    kind = Conflict if status == 409 else ApiError
    return kind(status, str(body.get("message") or f"HTTP {status}"), details,
                retry_after(httpx.Response(status, headers=dict(headers))),
                body.get("code"), body.get("correlation_id"))


class Mulin:
    """The API at `api_url`; `token` (called before every request, so refreshed tokens are used)
    gives the ID token of the signed-in official, or None for public operations only."""

    def __init__(self, api_url: str, token: Callable[[], str] | None = None, *,
                 retries: int = 5, timeout: float = 30.0, sleep: Callable[[float], None] = time.sleep,
                 transport: httpx.BaseTransport | None = None) -> None:
        self._last: httpx.Response | None = None
        self.transport = MulinTransport(token, retries=retries, sleep=sleep, inner=transport)
        self.http = httpx.Client(base_url=api_url.rstrip("/"), transport=self.transport, timeout=timeout,
                                 event_hooks={"response": [self._remember]})
        # The transport sets Authorization; the generated client's own token is never sent.
        self.client = AuthenticatedClient(base_url=api_url, token="").set_httpx_client(self.http)

    def _remember(self, response: httpx.Response) -> None:
        self._last = response

    def call(self, operation: ModuleType, **kwargs: Any) -> Any:
        """Runs a generated operation (e.g. mulin_client.api.review.accept_suggestion) and returns its
        parsed 2xx answer (None for 204); anything else raises ApiError or Conflict."""
        self._last = None
        try:
            response = operation.sync_detailed(client=self.client, **kwargs)
        except (ValueError, KeyError, TypeError) as exc:
            # The generated parser met a body its documented shape does not describe.
            last = self._last
            if last is not None and not last.is_success:
                raise error_from(last.status_code, last.content, last.headers) from exc
            raise
        status = int(response.status_code)
        if 200 <= status < 300:
            return response.parsed
        raise error_from(status, response.content, response.headers)

    def pages(self, operation: ModuleType, **kwargs: Any) -> Iterator[Any]:
        """The items of every page of a listing, following next_cursor; pages are fetched as the
        iteration reaches them."""
        while True:
            page = self.call(operation, **kwargs)
            yield from page.items
            cursor = getattr(page, "next_cursor", None)
            if not isinstance(cursor, str) or not cursor:
                return
            kwargs["cursor"] = cursor

    def act(self, read: ModuleType, action: ModuleType, id: str, body_type: type, **fields: Any) -> Any:
        """Reads the record for its version, then sends the action conditional on it, so the action
        applies to what was read. A 409 (changed since, or not allowed in its state) raises Conflict
        and is never retried. A `version` among the fields is used as the one seen, without reading."""
        record = None
        if "version" not in fields:
            record = self.call(read, id=id)
            fields["version"] = record.version
        try:
            return self.call(action, id=id, body=body_type(**fields))
        except Conflict as conflict:
            if conflict.allowed_actions is None and isinstance(getattr(record, "allowed_actions", None), list):
                conflict.allowed_actions = list(record.allowed_actions)  # type: ignore[union-attr]
            raise

    def get(self, path: str, **params: Any) -> Any:
        """An untyped GET answered with JSON, for the rare read the typed operations do not cover."""
        response = self.http.get(path, params={key: value for key, value in params.items() if value is not None})
        if not response.is_success:
            raise error_from(response.status_code, response.content, response.headers)
        return response.json() if response.content else None

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> Mulin:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()
