"""Months asked for through the API: sent to the queue, recorded, then published by the queue's function.

A month with a million records takes longer than an API request may, so the route answers
202 at once and the month is published from the queue; GET /publications/{month} tells how
far it got. Asking again while a request is still queued or running changes nothing and
answers with that request, unless it has gone quiet for longer than a run can take (its
function died), in which case it is asked for again.

The message is sent before the month is recorded as queued. A send that fails leaves nothing
behind; a record that fails leaves a message no request stands behind, which the queue's
function recognises by its requested_at and drops. The other order could leave a month
recorded as queued with no message coming, blocking every request until it went quiet.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from chalicelib import clock
from chalicelib.auth import Principal, require
from chalicelib.errors import NotFoundError
from chalicelib.observability import count, logger
from chalicelib.publishing import months, repository
from chalicelib.storage.queues import MESSAGE_DELAY_SECONDS, PUBLISH_TIMEOUT_SECONDS

STALE_AFTER = timedelta(seconds=2 * PUBLISH_TIMEOUT_SECONDS)


def request(principal: Principal, month: str) -> dict[str, Any]:
    require(principal, "publication.publish")
    months.requested(month)
    now = clock.utc_now()
    since = clock.iso(now - STALE_AFTER)
    found = repository.status(month)
    if found is not None and in_progress(found, since):
        # Answered without a message: asking twice must not leave one on the queue for nothing.
        return view(month, found)
    fields = {"state": "queued", "requested_at": clock.iso(now)}
    repository.enqueue({"month": month, "requested_at": fields["requested_at"]}, MESSAGE_DELAY_SECONDS)
    if repository.request(month, fields, actor_id=principal.user_id, actor_role=principal.role.value,
                          unless_since=since):
        count("PublicationRequested")
        return view(month, fields)
    # Another request was recorded since the read; the message just sent is left for the
    # queue's function to drop.
    return view(month, repository.status(month) or fields)


def in_progress(found: dict[str, Any] | None, since: str) -> bool:
    """Whether a run is queued or running and has not gone quiet: what the condition in
    repository.request refuses to replace, read ahead of it."""
    return (found is not None and found.get("state") in ("queued", "running")
            and str(found.get("updated_at", "")) >= since)


def status(principal: Principal, month: str) -> dict[str, Any]:
    require(principal, "publication.publish")
    months.requested(month)
    found = repository.status(month)
    if found is None:
        raise NotFoundError(f"{month} has not been published or asked for / 该月尚未发布或申请发布")
    return view(month, found)


def view(month: str, status: dict[str, Any]) -> dict[str, Any]:
    return {"month": month, **{k: v for k, v in status.items() if k in ("requested_at", *repository.RUN_FIELDS)}}


def run_message(body: str) -> dict[str, Any]:
    """Publish the month one queue message asks for. An exception leaves the message on the
    queue, to be tried again and, after the last try, kept in the dead-letter queue."""
    message = json.loads(body)
    month = message["month"]
    # A message from before requests were stamped, or from another sender, is published as asked.
    if "requested_at" in message and not wanted(repository.status(month), message["requested_at"]):
        logger.info("publication message dropped: its request was never recorded or is already served",
                    extra={"month": month})
        count("PublicationMessageDropped")
        return {"month": month, "dropped": True}
    # The renderer (Jinja2, the aggregation, the scrubber) is loaded here, by the queue's
    # function, not at import: the API's cold start never needs it.
    from chalicelib.publishing import service

    written = service.publish(month)
    logger.info("requested month published", extra={"month": month, "files": len(written["files"])})
    count("MonthPublished")
    return {"month": month, "files": len(written["files"])}


def wanted(found: dict[str, Any] | None, requested_at: str) -> bool:
    """Whether the month's record still stands for the request that sent the message. It does
    not when that request was never recorded (its write failed, or a request already queued
    answered it) or once a run after it has published the month. A run of it that failed
    or died is still wanted: that is how the queue's retries and dead-letter queue work."""
    return (found is not None and found.get("requested_at") == requested_at
            and found.get("state") != "published")
