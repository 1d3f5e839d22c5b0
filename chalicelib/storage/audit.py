"""Audit events: who changed what, when, from which state to which, and why.

Each event is written in the same transaction as the change it records, under the
subject's audit partition, and is never edited: the put is conditional on the key not
existing yet.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from chalicelib import clock
from chalicelib.ids import new_id
from chalicelib.storage.items import to_item
from chalicelib.storage.keys import audit_key


def utc_now_iso() -> str:
    return clock.iso(clock.utc_now())


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
    key_for: Callable[[str, str], dict[str, str]] | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The Put of one audit event. `key_for(at, event_id)` places it elsewhere than the subject's audit
    partition (a suggestion keeps its events beside the case, so that one Query returns
    the case with its timeline); `extra` carries what the timeline shows besides."""
    at = at or utc_now_iso()
    event_id = new_id()
    record = {
        **(extra or {}),
        **(key_for or partial(audit_key, subject))(at, event_id),
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
