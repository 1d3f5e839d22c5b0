"""Use cases of the suggestion loop: submit, follow, work the queue, act, rate."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time, timedelta
from typing import Any

from chalicelib import clock, idempotency, ratelimit
from chalicelib.auth import Principal, Role, pending_owner_key, person_key, require
from chalicelib.divisions.rules import is_within
from chalicelib.errors import (
    ConflictError,
    ErrorDetail,
    ForbiddenError,
    NotFoundError,
    RuleViolationError,
    ServiceUnavailableError,
    ValidationFailedError,
)
from chalicelib.ids import new_id
from chalicelib.models import PageQuery, action_named
from chalicelib.notifications.service import announce
from chalicelib.settings import get_settings
from chalicelib.storage.dynamo import ConditionFailedError
from chalicelib.storage.keys import submitter_partition
from chalicelib.storage.pagination import chained_page, decode_cursor, encode_cursor
from chalicelib.suggestions import repository, rules
from chalicelib.suggestions.messages import notice_for
from chalicelib.suggestions.models import (
    Action,
    ActionRequest,
    Case,
    EnteredBy,
    QueueOrder,
    RatingReceipt,
    RatingRequest,
    ReviewQueueQuery,
    SubmissionReceipt,
    SuggestionDetail,
    SuggestionPage,
    SuggestionStatus,
    SuggestionSubmission,
)
from chalicelib.suggestions.repository import Change, Event, Notice
from chalicelib.suggestions.views import ActionResult, action_result, detail_view, merged_into_view, receipt_of
from chalicelib.workdays import rules as workdays
from chalicelib.workdays.models import DayCounting
from chalicelib.workdays.service import load_calendar

ULID_PATTERN = re.compile(r"[0-9A-HJKMNP-TV-Z]{26}")
TRACKING_ATTEMPTS = 4
# Positions of the leading items in a submission's transaction (see repository.write).
TRACKING_ITEM, DIVISION_ITEM, RATE_ITEM, CLAIM_ITEM = 0, 1, 2, 3

NOT_FOUND = "No such suggestion. / 没有这条建议。"


def _field_error(field: str, message: str, message_zh: str, kind: str = "value_error") -> ErrorDetail:
    return ErrorDetail(field=field, type=kind, message=message, message_zh=message_zh)


def _counting(category: str) -> DayCounting:
    return DayCounting.working if category in get_settings().working_day_categories else DayCounting.calendar


def _deadline(start: datetime, days: int, category: str) -> datetime:
    return workdays.deadline(start, days, _counting(category), load_calendar())


def _owner_in(principal: Principal, case: Case) -> str | None:
    """The caller's key among the case's submitters, if any."""
    return next((key for key in principal.owner_keys if key in case.submitters()), None)


def _owner_of_entered_case(phone: str) -> str:
    """Whose case staff are entering: the resident who holds that number as verified, by
    account; nobody's yet, if no account has proven it (the case waits for whoever does)."""
    from chalicelib import directory

    holder = directory.find_by_verified_phone(directory.residents_pool_id(), phone)
    return person_key(directory.attributes_of(holder)["sub"]) if holder else pending_owner_key(phone)


# --- submit -----------------------------------------------------------------------------


def _submission_limit(principal: Principal) -> ratelimit.Limit:
    return ratelimit.RESIDENT_SUGGESTIONS if principal.role is Role.resident else ratelimit.STAFF_SUGGESTIONS


def submit_suggestion(principal: Principal, body: SuggestionSubmission, idempotency_key: str | None) -> SubmissionReceipt:
    require(principal, "suggestion.submit")
    key = idempotency.checked_key(idempotency_key)
    if principal.role is Role.resident:
        for field in ("submitter_phone", "sms_consent"):
            if getattr(body, field) is not None:
                raise ValidationFailedError(details=[_field_error(
                    field, "residents submit for themselves", "居民本人提交时不填写此项", "extra_forbidden")])
        if body.channel not in rules.RESIDENT_CHANNELS:
            raise ValidationFailedError(details=[_field_error(
                "channel", "residents submit through web or mobile", "居民本人提交的渠道只能是网页或手机")])
        phone, entered_by, owner = principal.verified_phone, None, principal.person
    else:
        # Staff enter what a resident said on the phone, on paper or at a meeting, for a
        # place inside their own jurisdiction.
        require(principal, "suggestion.submit", body.division)
        problems = []
        if body.submitter_phone is None:
            problems.append(_field_error("submitter_phone", "the resident's mobile number is required",
                                         "请填写居民的手机号码", "missing"))
        if body.channel not in rules.STAFF_CHANNELS:
            problems.append(_field_error("channel", "staff enter hotline, paper or meeting suggestions",
                                         "工作人员代录的渠道应为 12345 热线、纸质或会议"))
        # A missing number is among the problems already.
        if problems or body.submitter_phone is None:
            raise ValidationFailedError(details=problems)
        phone = body.submitter_phone
        owner = _owner_of_entered_case(phone)
        entered_by = EnteredBy(user_id=principal.user_id, role=principal.role.value, division=principal.jurisdiction)
    photos = []
    if body.photos:
        from chalicelib.uploads.service import verify_photos

        photos = verify_photos(principal.user_id, list(body.photos))

    if key is None:
        return _create(body, phone, owner, principal, entered_by, photos)
    claim = idempotency.Claim(principal.user_id, key, body.model_dump(mode="json"))

    def create_suggestion(request: dict[str, Any]) -> dict[str, Any]:
        return _create(body, phone, owner, principal, entered_by, photos, claim).model_dump(mode="json")

    def created_already() -> dict[str, Any] | None:
        receipt = _claimed_receipt(claim)
        return receipt.model_dump(mode="json") if receipt else None

    result = idempotency.once(create_suggestion, key=key, caller=principal.user_id, payload=claim.payload,
                              recover=created_already)
    return SubmissionReceipt.model_validate(result)


class _ClaimedAlready(Exception):
    """The key has created a case already: an earlier try committed but its answer was lost."""


def _claimed_receipt(claim: idempotency.Claim) -> SubmissionReceipt | None:
    case_id = claim.holder()
    record = repository.get_case_record(case_id) if case_id else None
    return receipt_of(record.case) if record else None


def _create(body: SuggestionSubmission, phone: str | None, owner: str, principal: Principal,
            entered_by: EnteredBy | None, photos: list[Any], claim: idempotency.Claim | None = None) -> SubmissionReceipt:
    now = clock.utc_now()
    case_id = new_id()
    kept_photos: list[str] = []
    if photos:
        from chalicelib.uploads.service import keep_photos

        # Copied before the case is written, so a case never cites a photo that is not kept.
        kept_photos = keep_photos(photos, f"suggestions/{case_id}")
    try:
        case = _write_new_case(_new_case(case_id, body, phone, owner, entered_by, kept_photos, now), now,
                               principal, claim)
    except Exception as exc:
        if kept_photos:
            from chalicelib.uploads.service import discard_kept

            discard_kept(kept_photos)
        if isinstance(exc, _ClaimedAlready) and claim is not None:
            # The first try's inbox notice was written with its case. No push from here:
            # whoever reads this answer has the receipt in hand.
            receipt = _claimed_receipt(claim)
            if receipt is not None:
                return receipt
            raise ServiceUnavailableError(headers={"Retry-After": "1"}) from exc
        raise
    announce([(case.submitter, notice_for(case, "submit"))])
    return receipt_of(case)


def _new_case(case_id: str, body: SuggestionSubmission, phone: str | None, owner: str,
              entered_by: EnteredBy | None, kept_photos: list[str], now: datetime) -> Case:
    at = clock.iso(now)
    acknowledge_by = _deadline(now, rules.ACKNOWLEDGE_DAYS, body.category.value)
    reply_by = _deadline(now, rules.REPLY_DAYS, body.category.value)
    return Case(
        id=case_id,
        tracking_no="",
        title=body.title,
        content=body.content,
        category=body.category,
        division=body.division,
        jurisdiction=body.division,
        location=body.location,
        photos=kept_photos,
        publish_consent=body.publish_consent,
        channel=body.channel,
        submitter=owner,
        submitter_phone=phone,
        sms_consent=entered_by is not None and rules.texts_entered_case(body.channel, body.sms_consent),
        entered_by=entered_by,
        submitted_at=at,
        acknowledge_by=clock.iso(acknowledge_by),
        reply_by=clock.iso(reply_by),
        deadlines_provisional=workdays.deadline_is_provisional(now, reply_by, load_calendar()),
        status=SuggestionStatus.submitted,
        version=1,
        updated_at=at,
    )


def _write_new_case(case: Case, now: datetime, principal: Principal, claim: idempotency.Claim | None) -> Case:
    at = clock.iso(now)
    for _ in range(TRACKING_ATTEMPTS):
        case = case.model_copy(update={"tracking_no": rules.new_tracking_number(now.astimezone(clock.SHANGHAI))})
        event = Event(case.id, "submit", principal.user_id, principal.role.value, principal.jurisdiction,
                      None, SuggestionStatus.submitted.value, details={"channel": case.channel.value})
        try:
            repository.write(
                [Change(None, case)], [event], [Notice(case.submitter, notice_for(case, "submit"))],
                at, int(now.timestamp()),
                leading=[repository.tracking_number_put(case.tracking_no, case.id),
                         repository.division_exists_check(case.division),
                         ratelimit.counter_update(_submission_limit(principal), principal.user_id),
                         *([claim.put(case.id)] if claim else [])],
            )
            return case
        except ConditionFailedError as exc:
            if claim and CLAIM_ITEM in exc.failed:
                raise _ClaimedAlready() from exc
            if DIVISION_ITEM in exc.failed:
                raise RuleViolationError(
                    "No such street or committee. / 没有这个街道或居委会。",
                    details=[_field_error("division", "unknown division", "区划不存在")],
                ) from exc
            if RATE_ITEM in exc.failed:
                raise ratelimit.refused(_submission_limit(principal)) from exc
            if TRACKING_ITEM not in exc.failed:
                raise
    raise ServiceUnavailableError(headers={"Retry-After": "1"})


# --- follow -----------------------------------------------------------------------------


def _case_id(reference: str) -> str:
    if ULID_PATTERN.fullmatch(reference):
        return reference
    if rules.is_tracking_number(reference):
        found = repository.find_case_id(reference)
        if found:
            return found
    raise NotFoundError(NOT_FOUND)


def _may_see(principal: Principal, case: Case) -> bool:
    if principal.role is Role.resident:
        return _owner_in(principal, case) is not None
    return is_within(case.jurisdiction, principal.jurisdiction or "")


def _own_merged_record(principal: Principal, primary: Case) -> Any:
    """The caller's own case among those merged into `primary`: what a co-submitter is shown
    when they open the case they joined by a merge (a reply notice names it)."""
    keys = set(principal.owner_keys)
    for case_id in primary.merged_cases:
        case = repository.get_case(case_id)
        if case is not None and case.submitter in keys:
            return repository.get_case_record(case_id)
    return None


def get_suggestion(principal: Principal, reference: str) -> SuggestionDetail:
    record = repository.get_case_record(_case_id(reference))
    if record is None or not _may_see(principal, record.case):
        raise NotFoundError(NOT_FOUND)
    if principal.role is Role.resident and record.case.submitter not in principal.owner_keys:
        # A co-submitter joined by a merge: the case is another resident's words.
        record = _own_merged_record(principal, record.case)
        if record is None:
            raise NotFoundError(NOT_FOUND)
    now = clock.iso(clock.utc_now())
    submitter = _owner_in(principal, record.case)
    primary = None
    if record.case.merged_into:
        primary_record = repository.get_case_record(record.case.merged_into)
        # Everyone who may see a merged case is owed its answer; officials see it only
        # where the primary case is theirs too.
        if primary_record and (principal.role is Role.resident or _may_see(principal, primary_record.case)):
            primary = merged_into_view(primary_record, principal, submitter, now)
    return detail_view(record, principal, submitter, now, primary)


def list_my_suggestions(principal: Principal, query: PageQuery) -> SuggestionPage:
    require(principal, "suggestion.read_own")
    keys = principal.owner_keys
    scope = f"suggestions-mine:{principal.person}"
    cases, last = chained_page([submitter_partition(k) for k in keys], "GSI1PK", query.limit,
                               decode_cursor(query.cursor, scope), repository.page_by_submitter)
    now = clock.iso(clock.utc_now())
    from chalicelib.suggestions.models import SuggestionSummary

    items = [
        SuggestionSummary.model_validate({**repository.summary_of(c), "overdue": rules.is_overdue(
            rules.stage_due(c.status, c.acknowledged_at is not None, c.acknowledge_by, c.reply_by), now)})
        for c in cases
    ]
    return SuggestionPage(items=items, next_cursor=encode_cursor(last, scope))


# --- review queue -----------------------------------------------------------------------


def _shanghai_day_bounds(day: date) -> tuple[str, str]:
    start = datetime.combine(day, time.min, clock.SHANGHAI)
    return clock.iso(start), clock.iso(start + timedelta(days=1) - timedelta(milliseconds=1))


def review_queue(principal: Principal, query: ReviewQueueQuery) -> SuggestionPage:
    require(principal, "suggestion.review")
    scope = query.division or principal.jurisdiction or ""
    require(principal, "suggestion.review", scope)
    by_deadline = query.sort is QueueOrder.deadline
    if by_deadline and query.status is not None and rules.stage_due(query.status, False, "x", "x") is None:
        raise RuleViolationError(
            "Deadline order lists cases that are still due; drop the status or sort oldest first. / "
            "按期限排序只列出仍在办理期限内的案件。",
            details=[_field_error("status", "no deadline in this status", "该状态没有办理期限")],
        )
    if query.submitted_from and query.submitted_to and query.submitted_from > query.submitted_to:
        raise ValidationFailedError(details=[_field_error("submitted_to", "must not be before submitted_from",
                                                          "结束日期不能早于开始日期")])
    cursor_scope = "suggestions-queue:" + json.dumps(
        {"scope": scope, **query.model_dump(mode="json", exclude={"cursor", "limit"})}, sort_keys=True
    )
    request = repository.QueueRequest(
        scope=scope,
        by_deadline=by_deadline,
        bucket=rules.bucket_of(query.status) if query.status else "open",
        submitted_from=_shanghai_day_bounds(query.submitted_from)[0] if query.submitted_from else None,
        submitted_to=_shanghai_day_bounds(query.submitted_to)[1] if query.submitted_to else None,
        overdue=query.overdue,
        now=clock.iso(clock.utc_now()),
        status=query.status.value if query.status else None,
        category=query.category.value if query.category else None,
        limit=query.limit,
        start_key=decode_cursor(query.cursor, cursor_scope),
    )
    items, last = repository.queue_page(request)
    return SuggestionPage(items=items, next_cursor=encode_cursor(last, cursor_scope))


# --- actions ----------------------------------------------------------------------------


def _action(name: str) -> Action:
    return action_named(Action, name)


def _load_for_official(principal: Principal, case_id: str) -> Case:
    case = repository.get_case(case_id) if ULID_PATTERN.fullmatch(case_id) else None
    if case is None or not is_within(case.jurisdiction, principal.jurisdiction or ""):
        raise NotFoundError(NOT_FOUND)
    return case


def _not_now(case: Case, action: Action) -> ConflictError:
    allowed = rules.allowed_actions(case.status, case.extended)
    return ConflictError(
        f"A case in status {case.status.value} does not accept {action.value}. / 当前状态不允许此操作。",
        details=[ErrorDetail(field="action", type="invalid_transition", status=case.status.value,
                             allowed_actions=allowed, message=f"allowed now: {', '.join(allowed) or 'none'}",
                             message_zh="当前允许的操作见 allowed_actions")],
    )


def act_on_suggestion(principal: Principal, case_id: str, action_name: str, body: ActionRequest) -> ActionResult:
    require(principal, "suggestion.review")
    action = _action(action_name)
    if principal.role not in rules.ACTION_ROLES[action]:
        raise ForbiddenError()
    missing = rules.missing_fields(action, body.model_dump(mode="json"))
    if missing:
        raise ValidationFailedError(details=[
            _field_error(name, f"required for {action.value}", "此操作必须填写", "missing") for name in missing
        ])
    case = _load_for_official(principal, case_id)
    if body.version is not None and body.version != case.version:
        raise ConflictError(
            f"The case changed (now version {case.version}); reload it. / 案件已被他人更新，请刷新后重试。",
            details=[ErrorDetail(field="version", type="stale_version", current_version=case.version,
                                 message="stale version", message_zh="版本已过期")],
        )
    target = rules.next_status(case.status, action, case.status_before_transfer)
    if target is None or (action is Action.extend and case.extended):
        raise _not_now(case, action)
    from chalicelib.suggestions.transitions import apply_action

    now = clock.utc_now()
    plan = apply_action(case, action, target, body, principal, now, _deadline)
    try:
        repository.write(plan.changes, plan.events, plan.notices, clock.iso(now), int(now.timestamp()),
                         leading=plan.checks)
    except ConditionFailedError as exc:
        if any(i < len(plan.checks) for i in exc.failed):
            field = "committee" if action is Action.assign else "to_street"
            raise RuleViolationError("No such division. / 没有这个区划。",
                                     details=[_field_error(field, "unknown division", "区划不存在")]) from exc
        raise ConflictError("The case changed meanwhile; reload it. / 案件已被他人更新，请刷新后重试。") from exc
    announce([(n.recipient, n.message) for n in plan.notices])
    return action_result(plan.changes[0].after, clock.iso(now))


# --- rating -----------------------------------------------------------------------------


def rate_suggestion(principal: Principal, reference: str, body: RatingRequest) -> RatingReceipt:
    require(principal, "suggestion.rate")
    case = repository.get_case(_case_id(reference))
    submitter = _owner_in(principal, case) if case is not None else None
    if case is None or submitter is None:
        raise NotFoundError(NOT_FOUND)
    if case.merged_into:
        # A merged case is answered, and so rated, through the case it was merged into.
        primary = repository.get_case(case.merged_into)
        if primary is None:
            raise NotFoundError(NOT_FOUND)
        case = primary
    from chalicelib.suggestions.transitions import plan_rating

    now = clock.utc_now()
    plan = plan_rating(case, submitter, body, principal, now, _deadline)
    try:
        repository.write(plan.changes, plan.events, plan.notices, clock.iso(now), int(now.timestamp()),
                         leading=plan.checks, unchanged=[case])
    except ConditionFailedError as exc:
        if 0 in exc.failed:
            raise AlreadyRatedError() from exc
        raise ConflictError("The case changed meanwhile; reload it. / 案件已更新，请刷新后重试。") from exc
    announce([(n.recipient, n.message) for n in plan.notices])
    return RatingReceipt(suggestion_id=case.id, score=body.score, reopened=bool(plan.changes))


class AlreadyRatedError(ConflictError):
    code = "already_rated"
    default_message = "You have already rated this reply. / 您已评价过这次答复。"
