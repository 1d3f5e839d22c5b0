"""Reading one's own inbox, and pushing new messages out through SNS."""

from __future__ import annotations

from typing import Any

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


def announce(messages: list[tuple[str, dict[str, Any]]]) -> None:
    """Publish messages already delivered to inboxes. The inbox, written in the change's own
    transaction, is the record a resident can always read; a publish that fails is logged
    and counted, never turned into an error for the official whose action succeeded."""
    from chalicelib.observability import count, logger
    from chalicelib.settings import get_settings

    topic = get_settings().notifications_topic_arn
    if not topic or not messages:
        return
    try:
        failed = repository.publish(topic, [{"recipient": recipient, **message} for recipient, message in messages])
    except Exception as exc:  # the change is committed; only the push is lost
        logger.warning("notification publish failed", extra={"error": type(exc).__name__, "messages": len(messages)})
        failed = len(messages)
    if failed:
        count("NotificationPublishFailed", failed)
