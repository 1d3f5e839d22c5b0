"""What every API test file needs, whatever the domain: calls through the test client and
the check that a refusal has the platform's error shape."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from chalicelib.clock import SHANGHAI
from chalicelib.web.openapi import ErrorResponse

JSON = {"Content-Type": "application/json"}
ERROR_KEYS = {"code", "message", "details", "correlation_id"}


def _raw(body: Any) -> bytes:
    return body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()


def post(client, path: str, account, body: Any, headers: dict[str, str] | None = None):
    return client.http.post(path, body=_raw(body), headers={**JSON, **account.headers, **(headers or {})})


def put(client, path: str, account, body: Any):
    return client.http.put(path, body=_raw(body), headers={**JSON, **account.headers})


def get(client, path: str, account=None):
    return client.http.get(path, headers=account.headers if account else {})


def assert_error(response, status: int, code: str | None = None) -> dict:
    """The refusal's body, once it has the status, the code and the contract's error shape:
    the four keys, every detail with its field, type and message in both languages, no trace."""
    assert response.status_code == status, (response.status_code, response.body)
    body = json.loads(response.body)
    assert set(body) == ERROR_KEYS, body
    ErrorResponse.model_validate(body)
    assert body["message"] and body["correlation_id"]
    assert b"Traceback" not in (response.body if isinstance(response.body, bytes) else response.body.encode())
    if code:
        assert body["code"] == code, body
    return body


def shanghai_date(iso: str) -> str:
    """The Shanghai calendar day of a stored UTC time."""
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(SHANGHAI).date().isoformat()
