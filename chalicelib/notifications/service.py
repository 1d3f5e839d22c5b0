"""Reading one's own inbox."""

from __future__ import annotations

from chalicelib.auth import Principal, require
from chalicelib.notifications import repository
from chalicelib.notifications.models import NotificationPage
from chalicelib.storage.pagination import decode_cursor, encode_cursor
from chalicelib.suggestions.rules import submitter_key


def list_my_notifications(principal: Principal, limit: int, cursor: str | None) -> NotificationPage:
    require(principal, "notification.read_own")
    recipient = submitter_key(principal.phone, principal.user_id)
    scope = f"inbox:{recipient}"
    items, last = repository.list_inbox(recipient, limit, decode_cursor(cursor, scope))
    return NotificationPage(items=items, next_cursor=encode_cursor(last, scope))
