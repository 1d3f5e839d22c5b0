"""Use cases of a meeting: schedule it for topics, show and list it, and its actions
(register, unregister, attend, minutes, decide, cancel; carry is carrying.py's).

Every step a topic takes here is written on its path (deliberation.record_path_step) in the
same transaction as the step itself."""

from __future__ import annotations

from typing import Any

from chalicelib import clock, idempotency
from chalicelib.auth import Principal, require
from chalicelib.deliberation.messages import cancelled_notice
from chalicelib.deliberation.models import PathStep
from chalicelib.deliberation.service import (
    load_topic,
    mark_scheduled_items,
    record_path_step,
    require_schedulable,
    schedule_conflict,
)
from chalicelib.divisions.rules import is_within
from chalicelib.errors import (
    ConflictError,
    ErrorDetail,
    ForbiddenError,
    NotFoundError,
    ServiceUnavailableError,
    ValidationFailedError,
    rule_error,
)
from chalicelib.ids import new_id
from chalicelib.meetings import repository, rules
from chalicelib.meetings.models import (
    ConventionListQuery,
    ConventionPage,
    ConventionView,
    MeetingAction,
    MeetingActionRequest,
    MeetingCreate,
    MeetingDetail,
    MeetingListQuery,
    MeetingPage,
    MeetingStatus,
    MeetingWhen,
)
from chalicelib.meetings.records import DecisionRecord, MeetingContents, MeetingRecord, RegistrationRecord
from chalicelib.meetings.views import convention_view, detail_of, summary_of
from chalicelib.models import action_named
from chalicelib.notifications.service import announce_written
from chalicelib.privacy import mask_phone
from chalicelib.scrub import scrub
from chalicelib.storage import traces
from chalicelib.storage.dynamo import ConditionFailedError

NOT_FOUND = "No such meeting. / 没有这个会议。"
# Positions in the create transaction.
MEETING_ITEM, CLAIM_ITEM = 0, 1


def now_iso() -> str:
    return clock.iso(clock.utc_now())


def is_meeting_id(meeting_id: str) -> bool:
    return len(meeting_id) == 26 and meeting_id.isalnum()


def load_contents(meeting_id: str) -> MeetingContents:
    contents = repository.get_contents(meeting_id) if is_meeting_id(meeting_id) else MeetingContents()
    if contents.meeting is None:
        raise NotFoundError(NOT_FOUND)
    return contents


def managed_meeting(principal: Principal, meeting_id: str) -> MeetingContents:
    """The meeting, for an official whose jurisdiction holds it; a wrong role is 403, elsewhere 404."""
    require(principal, "meeting.manage")
    contents = load_contents(meeting_id)
    assert contents.meeting is not None
    require(principal, "meeting.manage", contents.meeting.division)
    return contents


def _detail(principal: Principal, meeting_id: str) -> MeetingDetail:
    return detail_from(principal, load_contents(meeting_id))


def detail_from(principal: Principal, contents: MeetingContents) -> MeetingDetail:
    """The caller's view of contents already read (or just written)."""
    meeting = contents.meeting
    assert meeting is not None
    official = principal.is_official
    if official and not is_within(meeting.division, principal.jurisdiction or ""):
        raise NotFoundError(NOT_FOUND)
    from chalicelib.uploads.service import photo_links

    return detail_of(contents, now_iso(), official, None if official else principal.person, photo_links)


def _missing(fields: list[str]) -> ValidationFailedError:
    return ValidationFailedError(details=[ErrorDetail(field=f, type="missing", message="required for this action",
                                                      message_zh="此操作必须填写") for f in fields])


def _stale(body_version: int | None, meeting: MeetingRecord) -> None:
    if body_version is not None and body_version != meeting.version:
        raise ConflictError("The meeting changed since you read it. / 会议信息已变更，请刷新后重试。")


def _in_state(action: MeetingAction, meeting: MeetingRecord) -> None:
    if not rules.may_act(action, meeting, now_iso()):
        allowed = [a.value for a in rules.allowed_actions(meeting, now_iso(), True, False)]
        raise ConflictError(details=[ErrorDetail(
            field="status", type="wrong_state", message=f"a {meeting.status.value} meeting does not take {action.value} now",
            message_zh="会议当前状态或时间不允许此操作", status=meeting.status.value, allowed_actions=allowed)])


def _path_steps(meeting: MeetingRecord, step: PathStep, ref_kind: str, ref_id: str, at: str,
                principal: Principal) -> list[dict[str, Any]]:
    return [item for topic in meeting.topic_ids for item in record_path_step(topic, step, ref_kind, ref_id, at, principal)]


# --- schedule, show, list ----------------------------------------------------------------


def create_meeting(principal: Principal, body: MeetingCreate, idempotency_key: str | None) -> MeetingDetail:
    require(principal, "meeting.manage", body.division)
    key = idempotency.checked_key(idempotency_key)
    if body.ends_at <= body.starts_at:
        raise ValidationFailedError(details=[ErrorDetail(field="ends_at", type="value_error",
                                                         message="must be after starts_at", message_zh="结束时间应晚于开始时间")])
    for index, topic_id in enumerate(body.topic_ids):
        topic = load_topic(topic_id)
        require(principal, "meeting.manage", topic.division)
        if not is_within(topic.division, body.division):
            raise rule_error("The topic belongs to another division than the meeting's.", "该议题不属于本会议所在的区划。",
                             f"topic_ids.{index}", "topic_elsewhere")
        require_schedulable(principal, topic, f"topic_ids.{index}")
    if key is None:
        return _create(principal, body)
    claim = idempotency.Claim(principal.user_id, key, body.model_dump(mode="json"))

    def created_already() -> dict[str, Any] | None:
        meeting_id = claim.holder()
        return _detail(principal, meeting_id).model_dump(mode="json") if meeting_id else None

    def create(request: dict[str, Any]) -> dict[str, Any]:
        return _create(principal, body, claim).model_dump(mode="json")

    result = idempotency.once(create, key=key, caller=principal.user_id, payload=claim.payload, recover=created_already)
    return MeetingDetail.model_validate(result)


def _create(principal: Principal, body: MeetingCreate, claim: idempotency.Claim | None = None) -> MeetingDetail:
    at = now_iso()
    meeting = MeetingRecord(
        id=new_id(), kind=body.kind, division=body.division, title=body.title, topic_ids=tuple(body.topic_ids),
        starts_at=clock.iso(body.starts_at), ends_at=clock.iso(body.ends_at), place=body.place, agenda=body.agenda,
        status=MeetingStatus.scheduled, version=1, created_by=principal.user_id, created_at=at, capacity=body.capacity)
    items = [repository.meeting_new_put(meeting), *([claim.put(meeting.id)] if claim else [])]
    topic_positions = []
    for topic_id in meeting.topic_ids:
        topic_positions.append(len(items))
        items += mark_scheduled_items(topic_id, meeting.id)
        items += record_path_step(topic_id, PathStep.meeting_scheduled, "meeting", meeting.id, at, principal)
    items.append(repository.audit(meeting.id, "schedule", principal.user_id, principal.role.value,
                                  after={"division": meeting.division, "topics": list(meeting.topic_ids)}, at=at))
    try:
        repository.write(items)
    except ConditionFailedError as exc:
        if claim is not None and CLAIM_ITEM in exc.failed:
            earlier = claim.holder()
            if earlier:
                return _detail(principal, earlier)
            raise ServiceUnavailableError(headers={"Retry-After": "1"}) from exc
        for index, position in enumerate(topic_positions):
            if position in exc.failed and position in exc.items:
                raise schedule_conflict(principal, exc.items[position], f"topic_ids.{index}") from exc
        if any(p in exc.failed for p in topic_positions):
            raise ConflictError("A topic was hidden or removed meanwhile. / 议题已被隐藏或删除。") from exc
        raise
    announce_written(items)
    return _detail(principal, meeting.id)


def get_meeting(principal: Principal, meeting_id: str) -> MeetingDetail:
    return _detail(principal, meeting_id)


def list_meetings(query: MeetingListQuery) -> MeetingPage:
    found = repository.list_meetings(query.division, now_iso(), query.when is MeetingWhen.upcoming, query.limit)
    return MeetingPage(items=[summary_of(m) for m in found])


def list_conventions(query: ConventionListQuery) -> ConventionPage:
    return ConventionPage(items=[convention_view(c) for c in repository.list_conventions(query.division)])


def get_convention(convention_id: str) -> ConventionView:
    found = repository.get_convention(convention_id) if is_meeting_id(convention_id) else None
    if found is None:
        raise NotFoundError("No such convention. / 没有这份公约。")
    return convention_view(found)


# --- actions -----------------------------------------------------------------------------


def act(principal: Principal, meeting_id: str, action_name: str, body: MeetingActionRequest) -> MeetingDetail:
    action = action_named(MeetingAction, action_name)
    sent = body.model_fields_set
    unexpected = sorted(sent - rules.ACCEPTED_FIELDS[action])
    if unexpected:
        raise ValidationFailedError(details=[ErrorDetail(field=f, type="extra_forbidden", message="not taken by this action",
                                                         message_zh="此操作不接受该字段") for f in unexpected])
    missing = [f for f in rules.REQUIRED_FIELDS[action] if getattr(body, f) is None]
    if missing:
        raise _missing(missing)
    if action is MeetingAction.carry:
        from chalicelib.meetings.carrying import carry

        return carry(principal, meeting_id, body)
    handler = HANDLERS[action]
    handler(principal, meeting_id, body)
    return _detail(principal, meeting_id)


def _registrable(principal: Principal, meeting_id: str) -> MeetingRecord:
    """The meeting, for a resident verified in its committee (or street): others are refused."""
    require(principal, "meeting.register")
    meeting = load_contents(meeting_id).meeting
    assert meeting is not None
    if not principal.residence or not is_within(principal.residence, meeting.division):
        raise ForbiddenError("Residents verified in the meeting's committee register. / 仅限本社区已核验的居民报名。")
    return meeting


def _register(principal: Principal, meeting_id: str, body: MeetingActionRequest) -> None:
    meeting = _registrable(principal, meeting_id)
    _in_state(MeetingAction.register, meeting)
    if repository.get_registration(meeting.id, principal.person) is not None:
        raise ConflictError("You have registered already. / 您已报名。")
    if rules.is_full(meeting):
        raise rule_error("The meeting is full.", "报名人数已满。", "capacity", "meeting_full")
    phone = principal.verified_phone
    registration = RegistrationRecord(id=new_id(), person=principal.person, registered_at=now_iso(), name=body.name,
                                      phone=mask_phone(phone) if phone else None)
    try:
        repository.write([repository.registration_put(meeting.id, registration),
                          repository.count_registration(meeting, 1, now_iso()),
                          traces.trace_put(principal.person, traces.MEETING, meeting.id)])
    except ConditionFailedError as exc:
        if 0 in exc.failed:
            raise ConflictError("You have registered already. / 您已报名。") from exc
        now = repository.get_meeting(meeting.id)
        if now is not None:
            _in_state(MeetingAction.register, now)  # started or cancelled meanwhile: 409
        raise rule_error("The meeting is full or no longer takes registrations.", "报名人数已满或报名已截止。",
                         "capacity", "meeting_full") from exc


def _unregister(principal: Principal, meeting_id: str, body: MeetingActionRequest) -> None:
    meeting = _registrable(principal, meeting_id)
    _in_state(MeetingAction.unregister, meeting)
    try:
        repository.write([repository.registration_delete(meeting.id, principal.person),
                          repository.count_registration(meeting, -1, now_iso())])
    except ConditionFailedError as exc:
        if 0 not in exc.failed:
            _in_state(MeetingAction.unregister, repository.get_meeting(meeting.id) or meeting)
        raise ConflictError("You have not registered. / 您尚未报名。") from exc


def _versioned_write(before: MeetingRecord, after: MeetingRecord, extra: list[dict[str, Any]]) -> None:
    try:
        repository.write([repository.meeting_versioned_put(after, before), *extra])
    except ConditionFailedError as exc:
        raise ConflictError("The meeting changed since you read it. / 会议信息已变更，请刷新后重试。") from exc
    announce_written(extra)


def _attend(principal: Principal, meeting_id: str, body: MeetingActionRequest) -> None:
    contents = managed_meeting(principal, meeting_id)
    meeting = contents.meeting
    assert meeting is not None and body.count is not None
    _stale(body.version, meeting)
    _in_state(MeetingAction.attend, meeting)
    present = list(dict.fromkeys(body.present or []))
    known = {r.id for r in contents.registrations}
    unknown = [i for i, r in enumerate(present) if r not in known]
    if unknown:
        raise rule_error("Not a registration of this meeting.", "不是本会议的报名记录。", f"present.{unknown[0]}",
                         "unknown_registration")
    if body.count < len(present):
        raise rule_error("The room held fewer people than the registrations marked present.",
                         "到会人数少于登记到场的报名人数。", "count", "count_below_present")
    at = now_iso()
    after = _replace(meeting, status=MeetingStatus.held, attendance=body.count, present=tuple(present), held_at=at)
    _versioned_write(meeting, after, [
        repository.audit(meeting.id, "attend", principal.user_id, principal.role.value,
                         after={"count": body.count, "present": len(present)}, at=at,
                         fact={"event": "meeting_held", "division": meeting.division, "kind": meeting.kind.value}),
        *_path_steps(meeting, PathStep.meeting_held, "meeting", meeting.id, at, principal),
    ])


def _minutes(principal: Principal, meeting_id: str, body: MeetingActionRequest) -> None:
    meeting = managed_meeting(principal, meeting_id).meeting
    assert meeting is not None and body.text is not None
    _stale(body.version, meeting)
    _in_state(MeetingAction.minutes, meeting)
    photos: list[str] = []
    if body.photos:
        from chalicelib.uploads.service import keep_photos, verify_photos

        photos = keep_photos(verify_photos(principal.user_id, list(body.photos)), f"meetings/{meeting.id}/minutes")
    at = now_iso()
    after = _replace(meeting, minutes_text=body.text, minutes_photos=tuple(photos) or meeting.minutes_photos,
                     minutes_at=at)
    _versioned_write(meeting, after, [repository.audit(meeting.id, "minutes", principal.user_id, principal.role.value,
                                                       after={"photos": len(photos)}, at=at)])


def _decide(principal: Principal, meeting_id: str, body: MeetingActionRequest) -> None:
    meeting = managed_meeting(principal, meeting_id).meeting
    assert meeting is not None and body.text is not None
    assert body.votes_for is not None and body.votes_against is not None and body.votes_abstain is not None
    _in_state(MeetingAction.decide, meeting)
    problem = rules.vote_problem(body.votes_for, body.votes_against, body.votes_abstain, meeting.attendance)
    if problem:
        raise rule_error(problem, "表决票数之和超过到会人数。", "votes_for", "votes_exceed_attendance")
    at = now_iso()
    decision = DecisionRecord(id=new_id(), meeting_id=meeting.id, text=body.text, votes_for=body.votes_for,
                              votes_against=body.votes_against, votes_abstain=body.votes_abstain, decided_at=at,
                              decided_by=principal.user_id)
    _versioned_write(meeting, _replace(meeting), [
        repository.decision_put(decision),
        repository.audit(meeting.id, "decide", principal.user_id, principal.role.value,
                         after={"decision": decision.id, "for": decision.votes_for, "against": decision.votes_against,
                                "abstain": decision.votes_abstain}, at=at,
                         fact={"event": "decision", "division": meeting.division}),
        *_path_steps(meeting, PathStep.decided, "decision", f"{meeting.id}/{decision.id}", at, principal),
    ])


# A transaction takes 100 items: the meeting, its audit event and this many registrants' messages.
CANCEL_NOTICES_IN_TRANSACTION = 90


def _cancel(principal: Principal, meeting_id: str, body: MeetingActionRequest) -> None:
    contents = managed_meeting(principal, meeting_id)
    meeting = contents.meeting
    assert meeting is not None and body.reason is not None
    _stale(body.version, meeting)
    _in_state(MeetingAction.cancel, meeting)
    at = now_iso()
    title = scrub(meeting.title)
    notices = [item for r in contents.registrations
               for item in cancelled_notice(r.person, meeting.id, title, body.reason, at)]
    first, rest = notices[:CANCEL_NOTICES_IN_TRANSACTION], notices[CANCEL_NOTICES_IN_TRANSACTION:]
    _versioned_write(meeting, _replace(meeting, status=MeetingStatus.cancelled, cancelled_reason=body.reason), [
        repository.audit(meeting.id, "cancel", principal.user_id, principal.role.value, reason=body.reason, at=at),
        *first])
    # Registrants past the first transaction's room are told right after it, in batches; the
    # cancellation stands whatever happens to them, and a failure is logged, not the official's error.
    for start in range(0, len(rest), CANCEL_NOTICES_IN_TRANSACTION):
        batch = rest[start:start + CANCEL_NOTICES_IN_TRANSACTION]
        try:
            repository.write(batch)
        except Exception as exc:  # the meeting is cancelled; only these messages are lost
            from chalicelib.observability import logger

            logger.warning("cancel notices lost", extra={"error": type(exc).__name__, "messages": len(batch)})
            continue
        announce_written(batch)


def _replace(meeting: MeetingRecord, **changes: Any) -> MeetingRecord:
    """The meeting with `changes` and its next version."""
    from dataclasses import replace

    return replace(meeting, version=meeting.version + 1, **changes)


HANDLERS = {
    MeetingAction.register: _register,
    MeetingAction.unregister: _unregister,
    MeetingAction.attend: _attend,
    MeetingAction.minutes: _minutes,
    MeetingAction.decide: _decide,
    MeetingAction.cancel: _cancel,
}
