"""HTTP routes of the residents' inbox."""

from __future__ import annotations

from chalicelib.auth import Principal
from chalicelib.models import PageQuery
from chalicelib.notifications import service
from chalicelib.notifications.models import NotificationPage
from chalicelib.web.api import ApiBlueprint

notifications_api = ApiBlueprint(__name__)


@notifications_api.operation(
    "/notifications/mine", "GET", summary="My messages, newest first (residents: my cases' steps; officials: my digest)",
    tags=("notifications",),
    query=PageQuery, response=NotificationPage,
)
def mine(principal: Principal, query: PageQuery) -> NotificationPage:
    return service.list_my_notifications(principal, query.limit, query.cursor)
