"""HTTP routes of the residents' inbox."""

from __future__ import annotations

from chalicelib.auth import Principal
from chalicelib.models import PageQuery
from chalicelib.notifications import service
from chalicelib.notifications.models import InboxState, MarkRead, NotificationPage
from chalicelib.web.api import ApiBlueprint

notifications_api = ApiBlueprint(__name__)


@notifications_api.operation(
    "/notifications/mine", "GET", operation_id="listMyNotifications",
    summary="My messages, newest first (residents: my cases' steps; officials: my digest)",
    tags=("notifications",),
    query=PageQuery, response=NotificationPage,
)
def mine(principal: Principal, query: PageQuery) -> NotificationPage:
    return service.list_my_notifications(principal, query.limit, query.cursor)


@notifications_api.operation(
    "/notifications/read", "GET", operation_id="getMyInboxState",
    summary="How many of my messages are unread, and up to when I have read", tags=("notifications",),
    response=InboxState,
)
def read_state(principal: Principal) -> InboxState:
    return service.inbox_state(principal)


@notifications_api.operation(
    "/notifications/read", "POST", operation_id="markMyNotificationsRead",
    summary="Mark my messages read up to a time (the mark only moves forward)", tags=("notifications",),
    body=MarkRead, response=InboxState,
)
def mark_read(principal: Principal, body: MarkRead) -> InboxState:
    return service.mark_read(principal, body)
