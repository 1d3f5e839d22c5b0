"""Use cases of residence verification (居住核验): a resident asks their committee, follows the
request, staff work their queue and decide, a roster pre-verifies the residents it names.

The table is the record of who lives where. The resident's Cognito attribute `custom:division`
is a copy of it that their next ID token carries, and it is what voting and funds trust. The
two cannot be written in one transaction, so each decision orders its steps to fail closed:
whatever takes a residence away from the account (a revocation, a move out of a committee)
goes to Cognito before the commit, and whatever grants one goes after it. A failure in between
leaves the account with less than the record says, never more, and `sync_directory` copies the
record to the account again: right after the commit (the client retries throttling and lost
connections itself), after a commit that failed, and, while the copy is not confirmed, whenever
the resident opens their residence page.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from chalicelib import aws, clock, directory, idempotency
from chalicelib.auth import Principal, person_key, require
from chalicelib.divisions.rules import is_within
from chalicelib.errors import (
    ConflictError,
    ErrorDetail,
    NotFoundError,
    RuleViolationError,
    ServiceUnavailableError,
    ValidationFailedError,
)
from chalicelib.ids import new_id
from chalicelib.models import action_named
from chalicelib.notifications.service import announce
from chalicelib.privacy import mask_phone
from chalicelib.residence import repository, rules
from chalicelib.residence.models import (
    Action,
    Basis,
    CurrentRecord,
    CurrentResidence,
    MyResidence,
    RequestRecord,
    ResidenceRequest,
    ResidenceRequestCreate,
    ResidenceStatus,
    ResidenceTimelineEvent,
    ReviewActionRequest,
    ReviewActionResult,
    ReviewItem,
    ReviewPage,
    ReviewQuery,
    VerifiedBy,
)
from chalicelib.residence.repository import Event, Notice, Plan
from chalicelib.storage.dynamo import ConditionFailedError
from chalicelib.storage.pagination import decode_cursor, encode_cursor

ULID_PATTERN = re.compile(r"[0-9A-HJKMNP-TV-Z]{26}")
NOT_FOUND = "No such residence request. / 没有这条居住核验申请。"
# Positions in a new request's transaction (repository.write keeps `writes` first).
PENDING_ITEM, CLAIM_ITEM = 1, 2
SYNC_ATTEMPTS = 3


def _field_error(field: str, message: str, message_zh: str, kind: str = "value_error", **extra: Any) -> ErrorDetail:
    return ErrorDetail(field=field, type=kind, message=message, message_zh=message_zh, **extra)


def _now() -> tuple[datetime, str]:
    now = clock.utc_now()
    return now, clock.iso(now)


def _committee_name(code: str) -> str:
    from chalicelib.divisions.repository import get_division

    division = get_division(code)
    if division is None or division.level != "committee":
        raise RuleViolationError("No such committee. / 没有这个居委会。",
                                 details=[_field_error("committee", "unknown committee", "居委会不存在")])
    return division.name


class PendingRequestError(ConflictError):
    code = "residence_request_pending"


def _pending_conflict(request_id: str | None) -> PendingRequestError:
    return PendingRequestError(
        f"Your request {request_id} is still waiting for its committee; one request at a time. / "
        f"您的申请（{request_id}）仍在核验中，同一时间只能有一条申请。",
        details=[_field_error("committee", f"request {request_id} is pending", "已有待核验的申请", "pending_request",
                              pending_request_id=request_id)],
    )


# --- ask ------------------------------------------------------------------------------------


def request_residence(principal: Principal, body: ResidenceRequestCreate, idempotency_key: str | None) -> ResidenceRequest:
    require(principal, "residence.request")
    key = idempotency.checked_key(idempotency_key)
    committee_name = _committee_name(body.committee)
    photos: list[Any] = []
    if body.proof_photos:
        from chalicelib.uploads.service import verify_photos

        photos = verify_photos(principal.user_id, list(body.proof_photos), field="proof_photos")
    if key is None:
        return _create(principal, body, committee_name, photos)
    claim = idempotency.Claim(principal.person, key, body.model_dump(mode="json"))

    def create(request: dict[str, Any]) -> dict[str, Any]:
        return _create(principal, body, committee_name, photos, claim).model_dump(mode="json")

    def created_already() -> dict[str, Any] | None:
        found = _claimed(claim)
        return found.model_dump(mode="json") if found else None

    result = idempotency.once(create, key=key, caller=principal.person, payload=claim.payload, recover=created_already)
    return ResidenceRequest.model_validate(result)


class _ClaimedAlready(Exception):
    """The key has created a request already: an earlier try committed but its answer was lost."""


def _claimed(claim: idempotency.Claim) -> ResidenceRequest | None:
    request_id = claim.holder()
    record = repository.get_request(request_id) if request_id else None
    if record is None:
        return None
    return _resident_view(record, repository.events_of(record.id))


def _create(principal: Principal, body: ResidenceRequestCreate, committee_name: str, photos: list[Any],
            claim: idempotency.Claim | None = None) -> ResidenceRequest:
    # Read first to refuse early (a retry under a used key never gets here: its answer is stored);
    # the PENDING item's condition is what holds the rule under a race.
    pending = repository.get_pending_id(principal.person)
    if pending is not None:
        raise _pending_conflict(pending)
    now, at = _now()
    request_id = new_id()
    kept: list[str] = []
    if photos:
        from chalicelib.uploads.service import keep_photos

        # Copied before the request is written, so a request never cites a photo that is not kept.
        kept = keep_photos(photos, repository.proof_subject(request_id))
    record = RequestRecord(
        id=request_id, person=principal.person, user_id=principal.user_id, committee=body.committee,
        committee_name=committee_name, building=body.building, room=body.room, basis=body.basis, note=body.note,
        proof_photos=kept, phone_masked=mask_phone(principal.phone) if principal.phone else None,
        status=ResidenceStatus.pending, version=1, requested_at=at, updated_at=at,
    )
    event = Event(record, "request", principal.user_id, principal.role.value, None, ResidenceStatus.pending.value)
    notices = [Notice(record.person, rules.notice(record.id, committee_name, "request", ResidenceStatus.pending.value))]
    plan = Plan(writes=[repository.new_request_put(record), repository.pending_put(record),
                        *([claim.put(record.id)] if claim else [])], events=[event], notices=notices)
    try:
        repository.write(plan, at, int(now.timestamp()))
    except Exception as exc:
        if kept:
            from chalicelib.uploads.service import discard_kept

            discard_kept(kept)
        if isinstance(exc, ConditionFailedError):
            if claim is not None and CLAIM_ITEM in exc.failed:
                found = _claimed(claim)
                if found is None:
                    raise ServiceUnavailableError(headers={"Retry-After": "1"}) from exc
                return found
            if PENDING_ITEM in exc.failed:
                raise _pending_conflict(repository.get_pending_id(principal.person)) from exc
        raise
    announce([(n.recipient, n.message) for n in notices])
    return _resident_view(record, [_event_view(event, at)])


# --- follow ---------------------------------------------------------------------------------


def _event_view(event: Event, at: str) -> dict[str, Any]:
    return {"at": at, "action": event.action, "after": event.status_to, "actor_role": event.actor_role,
            "reason": event.reason, "seq": 0}


def _timeline(events: list[dict[str, Any]]) -> list[ResidenceTimelineEvent]:
    ordered = sorted(events, key=lambda e: (e["at"], e.get("seq", 0)))
    return [ResidenceTimelineEvent(at=e["at"], action=e["action"], status=ResidenceStatus(e["after"]), actor_role=e["actor_role"],
                          reason=e.get("reason")) for e in ordered]


def _resident_view(record: RequestRecord, events: list[dict[str, Any]]) -> ResidenceRequest:
    return ResidenceRequest.model_validate({
        **{k: v for k, v in record.model_dump().items() if k in ResidenceRequest.model_fields},
        "timeline": _timeline(events),
    })


def my_residence(principal: Principal) -> MyResidence:
    require(principal, "residence.read_own")
    current = repository.get_current(principal.person)
    if current is not None and not current.directory_synced:
        # A decision whose copy to the account failed is repaired by the resident's own visit.
        sync_directory(principal.user_id, principal.person)
    requests, events = repository.history(principal.person)
    by_request: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        by_request.setdefault(str(event.get("request_id")), []).append(event)
    return MyResidence(current=_current_view(principal, current),
                       requests=[_resident_view(r, by_request.get(r.id, [])) for r in requests])


def _current_view(principal: Principal, current: CurrentRecord | None) -> CurrentResidence | None:
    if current is not None:
        return CurrentResidence(committee=current.committee, committee_name=current.committee_name, since=current.since,
                                basis=current.basis, request_id=current.request_id,
                                in_token=principal.residence == current.committee)
    if principal.residence:
        # Verified by an administrator before requests were recorded: the account says so, no request does.
        from chalicelib.divisions.repository import get_division

        division = get_division(principal.residence)
        return CurrentResidence(committee=principal.residence, committee_name=division.name if division else None,
                                in_token=True)
    return None


# --- the staff queue ------------------------------------------------------------------------


def review_queue(principal: Principal, query: ReviewQuery) -> ReviewPage:
    require(principal, "residence.review")
    scope = query.division or principal.jurisdiction or ""
    require(principal, "residence.review", scope)
    if len(scope) < 6:
        # Requests are kept by district (repository.py), so a page is one Query inside one district.
        raise RuleViolationError(
            "Choose a district, street or committee. / 请选择一个区、街道或居委会。",
            details=[_field_error("division", "name a district, street or committee", "请指定区、街道或居委会", "missing")],
        )
    cursor_scope = f"residence-queue:{scope}:{query.status.value}"
    records, last = repository.queue_page(rules.district_of(scope), query.status.value, rules.queue_prefix(scope),
                                          query.limit, decode_cursor(query.cursor, cursor_scope))
    return ReviewPage(items=[_review_item(r) for r in records], next_cursor=encode_cursor(last, cursor_scope))


def _review_item(record: RequestRecord) -> ReviewItem:
    from chalicelib.uploads.service import photo_links

    return ReviewItem.model_validate({
        **{k: v for k, v in record.model_dump().items() if k in ReviewItem.model_fields},
        # The bucket stays private: staff check a tenancy contract through a link that lapses.
        "proof_photo_urls": photo_links(record.proof_photos),
        "allowed_actions": rules.allowed_actions(record.status.value),
    })


# --- decisions ------------------------------------------------------------------------------


def _action(name: str) -> Action:
    return action_named(Action, name)


def _load_for_official(principal: Principal, request_id: str) -> RequestRecord:
    record = repository.get_request(request_id) if ULID_PATTERN.fullmatch(request_id) else None
    if record is None or record.erased_at or not is_within(record.committee, principal.jurisdiction or ""):
        raise NotFoundError(NOT_FOUND)
    return record


def _conflict(record: RequestRecord, message: str, kind: str) -> ConflictError:
    allowed = rules.allowed_actions(record.status.value)
    return ConflictError(message, details=[_field_error(
        "version" if kind == "stale_version" else "action", f"now {record.status.value}, version {record.version}; "
        f"allowed: {', '.join(allowed) or 'none'}", "当前允许的操作见 allowed_actions", kind,
        status=record.status.value, current_version=record.version, allowed_actions=allowed)])


def act(principal: Principal, request_id: str, action_name: str, body: ReviewActionRequest) -> ReviewActionResult:
    require(principal, "residence.review")
    action = _action(action_name)
    if action.value in rules.REASON_REQUIRED and not body.reason:
        raise ValidationFailedError(details=[_field_error("reason", f"required to {action.value}",
                                                          "此操作必须填写原因", "missing")])
    record = _load_for_official(principal, request_id)
    if body.version != record.version:
        raise _conflict(record, f"The request changed (now version {record.version}); reload it. / "
                                "申请已被他人处理，请刷新后重试。", "stale_version")
    target = rules.next_status(record.status.value, action.value)
    if target is None:
        raise _conflict(record, f"A request that is {record.status.value} does not accept {action.value}. / "
                                "当前状态不允许此操作。", "invalid_transition")
    now, at = _now()
    decided = VerifiedBy(user_id=principal.user_id, role=principal.role.value)
    after = record.model_copy(update={"status": ResidenceStatus(target), "version": record.version + 1, "updated_at": at,
                                      "decided_at": at, "decided_by": decided, "reason": body.reason})
    plan = Plan(writes=[repository.changed_request_put(record, after)],
                events=[Event(after, action.value, principal.user_id, principal.role.value, record.status.value, target,
                              body.reason)],
                notices=[Notice(record.person, rules.notice(record.id, record.committee_name, action.value, target))])
    withdraw_first = False
    if action is Action.decline:
        plan.writes.append(repository.pending_delete(record))
    elif action is Action.revoke:
        plan.writes.append(repository.current_delete(record))
        withdraw_first = True
    else:
        withdraw_first = _plan_approval(record, after, plan, principal, at)
    if withdraw_first:
        _withdraw_from_directory(record.user_id)
    try:
        repository.write(plan, at, int(now.timestamp()))
    except Exception as exc:
        if withdraw_first:
            sync_directory(record.user_id, record.person)  # give back what the record still says
        if isinstance(exc, ConditionFailedError):
            fresh = repository.get_request(record.id) or record
            raise _conflict(fresh, "The request changed meanwhile; reload it. / 申请已被他人处理，请刷新后重试。",
                            "stale_version") from exc
        raise
    synced = sync_directory(record.user_id, record.person) if action is not Action.decline else True
    announce([(n.recipient, n.message) for n in plan.notices])
    return ReviewActionResult(id=after.id, status=after.status, version=after.version, decided_at=at,
                              decided_by=decided, allowed_actions=rules.allowed_actions(target),
                              directory_synced=synced)


def _plan_approval(record: RequestRecord, after: RequestRecord, plan: Plan, principal: Principal, at: str) -> bool:
    """Add the approval's writes to `plan`; True when the account must lose its old residence first."""
    current = repository.get_current(record.person)
    if current is not None and current.request_id == record.id:
        # Another official approved it between the two reads.
        raise _conflict(repository.get_request(record.id) or record,
                        "The request changed meanwhile; reload it. / 申请已被他人处理，请刷新后重试。", "stale_version")
    plan.writes.append(repository.pending_delete(record))
    plan.writes.append(repository.current_put(_current_of(after, at), current.request_id if current else None))
    if current is None:
        return False
    previous = repository.get_request(current.request_id)
    if previous is not None and previous.status is ResidenceStatus.approved:
        # Moving house: the residence this approval replaces ends with it.
        ended = previous.model_copy(update={"status": ResidenceStatus.ended, "version": previous.version + 1,
                                            "updated_at": at, "ended_by": record.id})
        plan.writes.append(repository.changed_request_put(previous, ended))
        plan.events.append(Event(ended, "end", principal.user_id, principal.role.value, ResidenceStatus.approved.value,
                                 ResidenceStatus.ended.value))
        plan.notices.append(Notice(record.person, rules.notice(previous.id, previous.committee_name, "end",
                                                               ResidenceStatus.ended.value)))
    return current.committee != record.committee


def _current_of(record: RequestRecord, at: str) -> CurrentRecord:
    assert record.decided_by is not None
    return CurrentRecord(person=record.person, user_id=record.user_id, committee=record.committee,
                         committee_name=record.committee_name, basis=record.basis, since=at, request_id=record.id,
                         verified_by=record.decided_by)


# --- the account's copy ---------------------------------------------------------------------


def _withdraw_from_directory(user_id: str) -> None:
    """Take the residence off the account before a commit that takes it away from the record."""
    try:
        directory.set_residence(user_id, None)
    except aws.failures() as exc:
        raise ServiceUnavailableError(headers={"Retry-After": "1"}) from exc


def sync_directory(user_id: str, person: str) -> bool:
    """Make the account's residence what the record says now; True once it does.

    The record is read again after each write to the account, so that a decision committed
    meanwhile (a revocation just after an approval) is copied too, instead of being overwritten
    by what was read before it.
    """
    from chalicelib.observability import count, logger

    for _ in range(SYNC_ATTEMPTS):
        current = repository.get_current(person)
        try:
            directory.set_residence(user_id, current.committee if current else None)
        except aws.failures() as exc:
            logger.warning("residence not copied to the account", extra={"error": aws.error_code(exc) or type(exc).__name__})
            count("ResidenceDirectorySyncFailed")
            return False
        if current is None:
            if repository.get_current(person) is None:
                return True
        elif repository.mark_synced(person, current.request_id):
            return True
    count("ResidenceDirectorySyncFailed")
    return False


# --- pre-verification from a voting roster --------------------------------------------------


def preverify_from_roster(principal: Principal, committee: str, phones: list[str]) -> int:
    """Verify the residence in `committee` of every resident account that holds a number of the
    committee's roster as its verified number and has no residence yet; return how many.

    A roster is the committee's own list of who lives there, so the uploader is who verified
    them (reason "roster"). Only a verified number identifies anyone: an unverified one may be
    typed by whoever wants to be counted in the committee.
    """
    require(principal, "residence.review", committee)
    committee_name = _committee_name(committee)
    verified = 0
    for phone in dict.fromkeys(phones):
        user = directory.find_by_verified_phone(directory.residents_pool_id(), phone)
        sub = directory.attributes_of(user).get("sub") if user else None
        if not sub or directory.residence_of(user or {}):
            continue
        if _record_roster_residence(principal, committee, committee_name, sub, phone):
            verified += 1
    return verified


def _record_roster_residence(principal: Principal, committee: str, committee_name: str, sub: str, phone: str) -> bool:
    person = person_key(sub)
    if repository.get_current(person) is not None:
        return False
    now, at = _now()
    record = RequestRecord(
        id=new_id(), person=person, user_id=sub, committee=committee, committee_name=committee_name,
        basis=Basis.resident, phone_masked=mask_phone(phone), source="roster", status=ResidenceStatus.approved, version=1,
        requested_at=at, updated_at=at, decided_at=at,
        decided_by=VerifiedBy(user_id=principal.user_id, role=principal.role.value), reason=rules.ROSTER_REASON,
    )
    plan = Plan(
        writes=[repository.new_request_put(record), repository.current_put(_current_of(record, at), None)],
        events=[Event(record, "approve", principal.user_id, principal.role.value, None, ResidenceStatus.approved.value,
                      rules.ROSTER_REASON)],
        notices=[Notice(person, rules.notice(record.id, committee_name, "approve", ResidenceStatus.approved.value))],
    )
    try:
        repository.write(plan, at, int(now.timestamp()))
    except ConditionFailedError:
        return False  # verified meanwhile by their committee: that residence stands
    sync_directory(sub, person)
    announce([(n.recipient, n.message) for n in plan.notices])
    return True
