"""Use cases of topics (议题): raise, list, read, support, and what meetings need of a topic.

`load_topic`, `require_schedulable`, `record_path_step` and `mark_scheduled_items` are what the
meetings domain builds on: the last two return transaction items, so that a meeting's own
transaction carries the topic's step with it. Comments, reports and appeals are in
`comments.py`, the staff's queue and moderation in `moderation.py`.
"""

from __future__ import annotations

from typing import Any

from chalicelib import clock, idempotency, ratelimit
from chalicelib.auth import Principal, can, require
from chalicelib.deliberation import repository, rules
from chalicelib.deliberation.messages import NOTIFIED_STEPS, topic_notice
from chalicelib.deliberation.models import (
    DeliberationSettings,
    DeliberationSettingsUpdate,
    PathRecord,
    PathStep,
    SupportReceipt,
    TopicDetail,
    TopicListQuery,
    TopicPage,
    TopicRecord,
    TopicStatus,
    TopicSubmission,
    TopicWhole,
)
from chalicelib.deliberation.views import is_author, member_of, topic_detail, topic_summary
from chalicelib.division_codes import is_within
from chalicelib.errors import ConflictError, ErrorDetail, ForbiddenError, NotFoundError, ServiceUnavailableError
from chalicelib.ids import new_id
from chalicelib.notifications.service import announce_written
from chalicelib.scrub import scrub
from chalicelib.storage import dynamo, traces
from chalicelib.storage.audit import audit_put
from chalicelib.storage.dynamo import ConditionFailedError
from chalicelib.storage.pagination import decode_cursor, encode_cursor
from chalicelib.workdays import rules as workdays
from chalicelib.workdays.models import DayCounting
from chalicelib.workdays.service import load_calendar

# 附议 is neighbours seconding a topic, so its author's own would inflate the count.
OWN_TOPIC = ("You raised this topic: supports come from your neighbours. / 这是您提出的议题，附议需由其他居民提出。")
NOT_MEMBER = ("Only verified residents of this committee may do this. / 仅经核实的本居委会居民可以参与。")


# --- what meetings build on ----------------------------------------------------------------


def load_topic(topic_id: str) -> TopicRecord:
    """The topic as stored now (a consistent read); NotFoundError when there is none."""
    return repository.get_topic(topic_id)


def topic_division(topic_id: str) -> str:
    return load_topic(topic_id).division


def record_path_step(topic_id: str, step: PathStep, ref_kind: str, ref_id: str, at_iso: str,
                     actor: Principal) -> list[dict[str, Any]]:
    """The Put of one step of the topic's path, for the caller's own transaction, with the inbox
    Put telling the topic's author when the step is one they are told of (scheduled, decided,
    carried into a project). It leaves the TOPIC item alone, so it may ride with
    `mark_scheduled_items` or other steps of the topic."""
    value = PathStep(step).value
    items = [repository.path_put(topic_id, value, ref_kind, ref_id, at_iso, actor.role.value)]
    if value in NOTIFIED_STEPS:
        topic = repository.get_topic(topic_id)
        items += topic_notice(topic.author, topic.id, scrub(topic.title), value, None, at_iso)
    return items


def mark_scheduled_items(topic_id: str, meeting_id: str) -> list[dict[str, Any]]:
    """The Update that links a meeting: the topic leaves the staff's queue (scheduled), on the
    condition that it exists, is not hidden and is in a status a meeting is scheduled from
    (rules.SCHEDULABLE). Its refusal hands back the topic, for `schedule_conflict`."""
    return [repository.scheduled_update(topic_id, meeting_id, rules.SCHEDULABLE)]


def require_schedulable(principal: Principal, topic: TopicRecord, field: str) -> None:
    """409 naming `field` unless a meeting may be scheduled for the topic now."""
    if not rules.schedulable(topic):
        raise schedule_conflict(principal, topic, field)


def schedule_conflict(principal: Principal, stored: TopicRecord | dict[str, Any], field: str) -> ConflictError:
    """409 for a topic no meeting is scheduled for now (answered, or hidden), with what it allows;
    `stored` may be the item a refused `mark_scheduled_items` handed back."""
    topic = stored if isinstance(stored, TopicRecord) else repository.topic_of(stored)
    state = "hidden" if topic.is_hidden else topic.status
    allowed = [a.value for a in rules.allowed_actions(topic, can(principal, "topic.decide_appeal", topic.division))]
    return ConflictError(details=[ErrorDetail(
        field=field, type="wrong_state", message=f"no meeting is scheduled for a topic that is {state}",
        message_zh="该议题已办结或已被隐藏，不能安排议事会", status=topic.status, allowed_actions=allowed)])


# --- helpers -------------------------------------------------------------------------------


def audit_item(principal: Principal, topic_id: str, action: str, at: str, *, before: Any = None, after: Any = None,
               reason: str | None = None) -> dict[str, Any]:
    return audit_put(dynamo.table_name(), subject=f"topic#{topic_id}", action=action, actor_id=principal.user_id,
                     actor_role=principal.role.value, before=before, after=after, reason=reason, at=at)


def working_deadline(days: int) -> str:
    return clock.iso(workdays.deadline(clock.utc_now(), days, DayCounting.working, load_calendar()))


def street_of(division: str) -> str:
    return division[:9]


def readable_topic(principal: Principal, topic_id: str) -> TopicRecord:
    """Residents read every committee's topics; officials those of their jurisdiction (404 outside)."""
    require(principal, "topic.read")
    topic = repository.get_topic(topic_id, consistent=False)
    require(principal, "topic.read", topic.division)
    return topic


def require_member(principal: Principal, topic: TopicRecord) -> None:
    if not member_of(principal, topic.division):
        raise ForbiddenError(NOT_MEMBER)


def require_open(topic: TopicRecord) -> None:
    if topic.is_hidden or topic.status == TopicStatus.answered.value:
        raise ConflictError(TOPIC_CLOSED)


TOPIC_CLOSED = "This topic is hidden or closed. / 该议题已被隐藏或已办结。"


def require_takes_comments(topic: TopicRecord) -> None:
    """Comments are written and edited only where rules.takes_comments allows it."""
    if not rules.takes_comments(topic):
        raise ConflictError(TOPIC_CLOSED)


# --- raise ---------------------------------------------------------------------------------


def settings_of(division: str) -> DeliberationSettings:
    from chalicelib.divisions.repository import get_division

    stored = repository.get_settings_item(division)
    threshold = int(stored["support_threshold"]) if stored else rules.DEFAULT_SUPPORT_THRESHOLD
    percent = (int(stored["household_percent"]) if stored.get("household_percent") is not None else None) \
        if stored else rules.DEFAULT_HOUSEHOLD_PERCENT
    found = get_division(division)
    households = found.households if found else None
    return DeliberationSettings(division=division, support_threshold=threshold, household_percent=percent,
                                households=households,
                                effective_threshold=rules.effective_threshold(threshold, percent, households))


def _settings_division(principal: Principal, division: str) -> str:
    from chalicelib.divisions.service import require_division

    if require_division(division).level not in ("committee", "street"):
        raise NotFoundError("Thresholds are set per committee or street. / 附议门槛按居委会或街道设置。")
    require(principal, "deliberation.settings", division)
    return division


def get_settings(principal: Principal, division: str) -> DeliberationSettings:
    return settings_of(_settings_division(principal, division))


def put_settings(principal: Principal, division: str, body: DeliberationSettingsUpdate) -> DeliberationSettings:
    _settings_division(principal, division)
    before = settings_of(division)
    at = clock.iso(clock.utc_now())
    repository.put_settings(division, body.support_threshold, body.household_percent, audit_put(
        dynamo.table_name(), subject=f"deliberation-settings#{division}", action="set_threshold",
        actor_id=principal.user_id, actor_role=principal.role.value, at=at,
        before={"support_threshold": before.support_threshold, "household_percent": before.household_percent},
        after=body.model_dump(mode="json")))
    return settings_of(division)


def raise_topic(principal: Principal, body: TopicSubmission, idempotency_key: str | None) -> TopicDetail:
    require(principal, "topic.raise")
    key = idempotency.checked_key(idempotency_key)
    if principal.residence is None or not is_within(principal.residence, body.division):
        raise ForbiddenError("Topics are raised in one's own verified committee or its street. / "
                             "请在经核实的本居委会或所在街道发起议题。")
    photos: list[Any] = []
    if body.photos:
        from chalicelib.uploads.service import verify_photos

        photos = verify_photos(principal.user_id, list(body.photos))
    if key is None:
        return _create(principal, body, photos, None)
    claim = idempotency.Claim(principal.user_id, key, body.model_dump(mode="json"))

    def created_already() -> dict[str, Any] | None:
        topic_id = claim.holder()
        return get_topic(principal, topic_id).model_dump(mode="json") if topic_id else None

    result = idempotency.once(lambda request: _create(principal, body, photos, claim).model_dump(mode="json"),
                              key=key, caller=principal.user_id, payload=claim.payload, recover=created_already)
    return TopicDetail.model_validate(result)


RATE_ITEM, CLAIM_ITEM = 2, 3


def _create(principal: Principal, body: TopicSubmission, photos: list[Any],
            claim: idempotency.Claim | None) -> TopicDetail:
    now = clock.utc_now()
    at = clock.iso(now)
    topic_id = new_id()
    kept: list[str] = []
    if photos:
        from chalicelib.uploads.service import keep_photos

        kept = keep_photos(photos, f"topics/{topic_id}")
    topic = TopicRecord(id=topic_id, division=body.division, street=street_of(body.division), title=body.title,
                        background=body.background, proposal=body.proposal, author=principal.person, created_at=at,
                        status=TopicStatus.open.value, supports=0,
                        threshold=settings_of(body.division).effective_threshold, version=1, photos=tuple(kept))
    try:
        dynamo.transact_write([
            dynamo.put_op(repository.topic_item(topic), "attribute_not_exists(PK)"),
            repository.path_put(topic_id, PathStep.raised.value, "topic", topic_id, at, principal.role.value,
                                division=topic.division),
            ratelimit.counter_update(ratelimit.TOPICS, principal.user_id),
            *([claim.put(topic_id)] if claim else []),
            traces.trace_put(principal.person, traces.TOPIC, topic_id),
        ])
    except Exception as exc:
        if kept:
            from chalicelib.uploads.service import discard_kept

            discard_kept(kept)
        if isinstance(exc, ConditionFailedError):
            if RATE_ITEM in exc.failed:
                raise ratelimit.refused(ratelimit.TOPICS) from exc
            if claim is not None and CLAIM_ITEM in exc.failed:
                holder = claim.holder()
                if holder:
                    return get_topic(principal, holder)
                raise ServiceUnavailableError(headers={"Retry-After": "1"}) from exc
        raise
    # Shown from what was written, not read back: a read failing after the commit must not
    # answer 503 for a topic that exists (a retry without a key would raise it twice).
    from chalicelib.uploads.service import photo_links

    raised = PathRecord(step=PathStep.raised.value, at=at, ref_kind="topic", ref_id=topic_id,
                        actor_role=principal.role.value)
    return topic_detail(TopicWhole(topic=topic, path=[raised]), principal, now, photo_links)


# --- read ----------------------------------------------------------------------------------


def get_topic(principal: Principal, topic_id: str) -> TopicDetail:
    readable_topic(principal, topic_id)
    from chalicelib.deliberation.evaluations import with_evaluations
    from chalicelib.uploads.service import photo_links

    return topic_detail(with_evaluations(repository.read_whole(topic_id)), principal, clock.utc_now(), photo_links)


def list_topics(principal: Principal, query: TopicListQuery) -> TopicPage:
    require(principal, "topic.read", query.division)
    scope = f"topics:{query.division}"
    topics, last = repository.list_of_division(query.division, query.limit, decode_cursor(query.cursor, scope))
    return TopicPage(items=[topic_summary(t, principal) for t in topics], next_cursor=encode_cursor(last, scope))


# --- support -------------------------------------------------------------------------------

SUPPORT_ITEM, COUNT_ITEM, SUPPORT_RATE_ITEM = 0, 1, 2
# Writes of one support whose topic's count moved between its read and its write. Each failed
# try means another support was counted or the topic left `open`, so a few suffice.
SUPPORT_TRIES = 5


def support_topic(principal: Principal, topic_id: str) -> SupportReceipt:
    """A support and, when it is the one that brings the topic to its threshold, the topic's
    entry into the staff's queue, in one transaction: no second step for a fault to lose. Which
    of the two it is depends on the count, so the write is conditional on what was read, and
    tried again on the count the refusal hands back."""
    require(principal, "topic.support")
    topic = readable_topic(principal, topic_id)
    require_member(principal, topic)
    if is_author(principal, topic.author):
        raise ForbiddenError(OWN_TOPIC)
    require_open(topic)
    for _ in range(SUPPORT_TRIES):
        at = clock.iso(clock.utc_now())
        crossing = rules.crossed_by_next(topic)
        count = (repository.crossing_update(topic, at, working_deadline(rules.SCHEDULE_DAYS)) if crossing
                 else repository.support_count_update(topic))
        writes = [
            repository.support_put(topic_id, principal.person, at, division=topic.division),
            count,
            ratelimit.counter_update(ratelimit.SUPPORTS, principal.user_id),
            traces.trace_put(principal.person, traces.TOPIC, topic_id),
            *(_queued_items(topic, topic.supports + 1, at, principal) if crossing else []),
        ]
        try:
            dynamo.transact_write(writes)
        except ConditionFailedError as exc:
            if SUPPORT_ITEM in exc.failed:
                raise ConflictError("You have supported this topic already. / 您已附议过该议题。") from exc
            if SUPPORT_RATE_ITEM in exc.failed:
                raise ratelimit.refused(ratelimit.SUPPORTS) from exc
            if COUNT_ITEM in exc.failed and COUNT_ITEM in exc.items:
                topic = repository.topic_of(exc.items[COUNT_ITEM])
                require_open(topic)
                continue
            if COUNT_ITEM in exc.failed:
                raise NotFoundError(repository.NOT_FOUND) from exc
            raise
        if crossing:
            announce_written(writes)
        return SupportReceipt(topic_id=topic_id, supports=topic.supports + 1,
                              queued=crossing or topic.status != TopicStatus.open.value)
    raise ServiceUnavailableError(headers={"Retry-After": "1"})


def _queued_items(topic: TopicRecord, supports: int, at: str, principal: Principal) -> list[dict[str, Any]]:
    """The path's `supported` and `queued` steps and the author's notice: beside the Update that queues."""
    return [
        repository.path_put(topic.id, PathStep.supported.value, "supports", str(supports), at, principal.role.value),
        repository.path_put(topic.id, PathStep.queued.value, "division", topic.division, at, "system"),
        *topic_notice(topic.author, topic.id, scrub(topic.title), PathStep.queued.value, TopicStatus.queued.value, at),
    ]


def enqueue(topic: TopicRecord, principal: Principal) -> bool:
    """Moves a topic at or over its threshold into the staff's queue, once: the Update is
    conditional on the topic still being open. For a topic shown again after being hidden
    (moderation.py); a support queues the topic in its own transaction (support_topic)."""
    at = clock.iso(clock.utc_now())
    due = working_deadline(rules.SCHEDULE_DAYS)
    writes = [repository.enqueue_update(topic, at, due), *_queued_items(topic, topic.supports, at, principal)]
    try:
        dynamo.transact_write(writes)
    except ConditionFailedError:
        return False
    announce_written(writes)
    return True
