"""Months asked for through the API: recorded, queued, then published by the queue's function.

A month with a million records takes longer than an API request may, so the route answers
202 at once and the month is published from the queue; GET /publications/{month} tells how
far it got. Asking again while a request is still queued or running changes nothing and
answers with that request, unless it has gone quiet for longer than a run can take (its
function died), in which case it is asked for again.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from chalicelib import clock
from chalicelib.auth import Principal, require
from chalicelib.errors import NotFoundError
from chalicelib.observability import count, logger
from chalicelib.publishing import repository, service
from chalicelib.storage.queues import PUBLISH_TIMEOUT_SECONDS

STALE_AFTER = timedelta(seconds=2 * PUBLISH_TIMEOUT_SECONDS)


def request(principal: Principal, month: str) -> dict[str, Any]:
    require(principal, "publication.publish")
    service.checked(month)
    now = clock.utc_now()
    fields = {"state": "queued", "requested_at": clock.iso(now)}
    if repository.request(month, fields, actor_id=principal.user_id, actor_role=principal.role.value,
                          unless_since=clock.iso(now - STALE_AFTER)):
        repository.enqueue(month)
        count("PublicationRequested")
        return view(month, fields)
    return view(month, repository.status(month) or fields)


def status(principal: Principal, month: str) -> dict[str, Any]:
    require(principal, "publication.publish")
    service.checked(month)
    found = repository.status(month)
    if found is None:
        raise NotFoundError(f"{month} has not been published or asked for / 该月尚未发布或申请发布")
    return view(month, found)


def view(month: str, status: dict[str, Any]) -> dict[str, Any]:
    return {"month": month, **{k: v for k, v in status.items() if k in ("requested_at", *repository.RUN_FIELDS)}}


def run_message(body: str) -> dict[str, Any]:
    """Publish the month one queue message asks for. An exception leaves the message on the
    queue, to be tried again and, after the last try, kept in the dead-letter queue."""
    month = json.loads(body)["month"]
    written = service.publish(month)
    logger.info("requested month published", extra={"month": month, "files": len(written["files"])})
    count("MonthPublished")
    return {"month": month, "files": len(written["files"])}
