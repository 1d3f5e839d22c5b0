"""Reading one's own inbox, and pushing new messages out through SNS."""

from __future__ import annotations

from typing import Any

from chalicelib.auth import Principal, require
from chalicelib.notifications import repository
from chalicelib.notifications.models import InboxState, MarkRead, NotificationPage
from chalicelib.storage.keys import inbox_partition
from chalicelib.storage.pagination import chained_page, decode_cursor, encode_cursor


def list_my_notifications(principal: Principal, limit: int, cursor: str | None) -> NotificationPage:
    require(principal, "notification.read_own")
    scope = f"inbox:{principal.person}"
    items, last = chained_page([inbox_partition(k) for k in principal.owner_keys], "PK", limit,
                               decode_cursor(cursor, scope), repository.inbox_page)
    return NotificationPage(items=items, next_cursor=encode_cursor(last, scope))


def inbox_state(principal: Principal) -> InboxState:
    """The bell: how many messages came after the newest one marked read."""
    from chalicelib.notifications import read_state

    require(principal, "notification.read_own")
    until = read_state.read_until(principal.person)
    unread = sum(read_state.count_unread(key, until) for key in principal.owner_keys)
    return InboxState(unread=min(unread, read_state.UNREAD_CAP), read_until=until)


def mark_read(principal: Principal, body: MarkRead) -> InboxState:
    from chalicelib.clock import iso, utc_now
    from chalicelib.notifications import read_state

    require(principal, "notification.read_own")
    # Never past now: a clock set ahead would otherwise hide tomorrow's messages.
    read_state.mark_read(principal.person, iso(min(body.read_until, utc_now())))
    return inbox_state(principal)


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


def announce_written(writes: list[dict[str, Any]]) -> None:
    """`announce` the inbox messages among a committed transaction's items."""
    from chalicelib.notifications.repository import NOTIFICATION_TYPE
    from chalicelib.storage.items import from_item

    messages = []
    for write in writes:
        item = from_item(write["Put"]["Item"]) if "Put" in write else None
        if item is not None and item.get("type") == NOTIFICATION_TYPE:
            messages.append((str(item["recipient"]), {k: v for k, v in item.items()
                                                      if k not in ("PK", "SK", "type", "recipient", "expires_at")}))
    announce(messages)
