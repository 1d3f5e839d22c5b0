"""Audit events: who changed what, when, from which state to which, and why.

Each event is written in the same transaction as the change it records, under the
subject's audit partition, and is never edited: the put is conditional on the key not
existing yet.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ulid import ULID

from chalicelib.storage.items import to_item
from chalicelib.storage.keys import audit_key


def utc_now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def audit_put(
    table_name: str,
    *,
    subject: str,
    action: str,
    actor_id: str,
    actor_role: str,
    before: Any = None,
    after: Any = None,
    reason: str | None = None,
    at: str | None = None,
) -> dict[str, Any]:
    at = at or utc_now_iso()
    event_id = str(ULID())
    record = {
        **audit_key(subject, at, event_id),
        "type": "audit",
        "event_id": event_id,
        "subject": subject,
        "action": action,
        "actor_id": actor_id,
        "actor_role": actor_role,
        "at": at,
        "before": before,
        "after": after,
        "reason": reason,
    }
    return {
        "Put": {
            "TableName": table_name,
            "Item": to_item(record),
            # An audit event is written once and never replaced.
            "ConditionExpression": "attribute_not_exists(PK)",
        }
    }
