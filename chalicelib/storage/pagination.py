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
from chalicelib.secrets import cursor_secret

MAX_CURSOR_LENGTH = 2048
_MAC_BYTES = 16


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(payload: bytes, scope: str) -> bytes:
    key = cursor_secret()
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


# A cursor that points at the start of a partition rather than into one.
_PARTITION_START = "partition_start"


def chained_page(partitions: list[str], key_attribute: str, limit: int, start_key: dict[str, Any] | None,
                 fetch: Any) -> tuple[list[Any], dict[str, Any] | None]:
    """One page over several partitions read one after the other, newest first within each.

    `fetch(partition, limit, start_key) -> (items, last_key)` reads one. A resident's cases
    and messages may sit under two keys (their account and a number staff entered before
    they had one); a page fills from the first and goes on into the next, and its cursor
    says where it stopped by the partition named in DynamoDB's own LastEvaluatedKey.
    """
    position = 0
    if start_key:
        named = start_key.get(_PARTITION_START) or start_key.get(key_attribute)
        if isinstance(named, dict):  # DynamoDB's own LastEvaluatedKey: {"S": "INBOX#…"}
            named = named.get("S")
        if named not in partitions:
            return [], None  # the cursor's partition no longer belongs to the caller
        position = partitions.index(named)
        if _PARTITION_START in start_key:
            start_key = None
    items: list[Any] = []
    while position < len(partitions):
        page, last = fetch(partitions[position], limit - len(items), start_key)
        items += page
        if last:
            return items, last
        position += 1
        start_key = None
        if len(items) >= limit:
            return items, ({_PARTITION_START: partitions[position]} if position < len(partitions) else None)
    return items, None
