"""Opaque, tamper-evident pagination cursors.

A cursor carries DynamoDB's LastEvaluatedKey, signed with HMAC-SHA256 together with the
scope of the query that produced it (for example the queue and filter it belongs to), so
a client can neither edit a cursor to read past its jurisdiction nor reuse one cursor
with another query.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

from chalicelib.errors import InvalidCursorError
from chalicelib.settings import get_settings

MAX_CURSOR_LENGTH = 2048
_MAC_BYTES = 16


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(payload: bytes, scope: str) -> bytes:
    key = get_settings().cursor_secret
    return hmac.new(key, scope.encode() + b"\x00" + payload, hashlib.sha256).digest()[:_MAC_BYTES]


def encode_cursor(last_evaluated_key: dict[str, Any] | None, scope: str) -> str | None:
    if not last_evaluated_key:
        return None
    payload = json.dumps(last_evaluated_key, separators=(",", ":"), sort_keys=True).encode()
    return f"{_b64(payload)}.{_b64(_mac(payload, scope))}"


def decode_cursor(cursor: str | None, scope: str) -> dict[str, Any] | None:
    if not cursor:
        return None
    try:
        if len(cursor) > MAX_CURSOR_LENGTH:
            raise ValueError("too long")
        payload_text, mac_text = cursor.split(".")
        payload = _unb64(payload_text)
        if not hmac.compare_digest(_unb64(mac_text), _mac(payload, scope)):
            raise ValueError("signature mismatch")
        key = json.loads(payload)
        if not isinstance(key, dict):
            raise ValueError("not a key")
        return key
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidCursorError() from exc
