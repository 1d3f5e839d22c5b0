"""What each review action and each rating does to a case, as a plan of writes.

A plan is the cases as they are to be written, the timeline events, the messages to
residents and the conditions on other items; the service writes a plan as one
transaction. The status moves themselves come from rules.TRANSITIONS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from chalicelib import clock
from chalicelib.auth import Principal, is_someone
from chalicelib.divisions.rules import is_within
from chalicelib.errors import ConflictError, ErrorDetail, NotFoundError, rule_error
from chalicelib.suggestions import repository, rules
from chalicelib.suggestions.messages import notice_for
from chalicelib.suggestions.models import Action, ActionRequest, Case, RatingRequest, Reply, SuggestionStatus
from chalicelib.suggestions.repository import Change, Event, Notice

DeadlineFn = Callable[[datetime, int, str], datetime]


@dataclass
class Plan:
    changes: list[Change] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    checks: list[dict[str, Any]] = field(default_factory=list)


def _notify_all(case: Case, event: str) -> list[Notice]:
    # A submitter who erased their account is told nothing: nobody would read it.
    return [Notice(recipient, notice_for(case, event)) for recipient in case.submitters() if is_someone(recipient)]


def apply_action(case: Case, action: Action, target: SuggestionStatus, body: ActionRequest, principal: Principal,
                 now: datetime, deadline: DeadlineFn) -> Plan:
    at = clock.iso(now)
    update: dict[str, Any] = {"status": target, "version": case.version + 1, "updated_at": at}
    details: dict[str, Any] = {}
    plan = Plan()
    street = case.jurisdiction[:9]

    if action is Action.accept:
        update["acknowledged_at"] = case.acknowledged_at or at
        update["transferred_from"] = None
        update["status_before_transfer"] = None
    elif action is Action.assign:
        if body.committee:
            if not is_within(body.committee, street):
                raise rule_error("Assign to a committee of the street handling the case.", "只能交办给本街道的居委会。",
                            "committee")
            update.update(jurisdiction=body.committee, assigned_department=None)
            plan.checks.append(repository.division_exists_check(body.committee))
            details["committee"] = body.committee
        else:
            update.update(jurisdiction=street, assigned_department=body.department)
            details["department"] = body.department or ""
    elif action is Action.transfer:
        to_street = body.to_street or ""
        if to_street == street:
            raise rule_error("The case is already with that street.", "案件已在该街道办理。", "to_street")
        update.update(jurisdiction=to_street, transferred_from=case.jurisdiction, status_before_transfer=case.status,
                      assigned_department=None)
        plan.checks.append(repository.division_exists_check(to_street))
        details.update(from_division=case.jurisdiction, to_street=to_street)
    elif action is Action.return_:
        update.update(jurisdiction=case.transferred_from or street, transferred_from=None, status_before_transfer=None)
        details["to_division"] = case.transferred_from or street
    elif action is Action.reply:
        round_no = case.reply_round + 1
        assert body.adoption is not None  # rules.REQUIRED_FIELDS made sure
        update["reply"] = Reply(
            message=body.message or "",
            adoption=body.adoption,
            reason=body.reason,
            replied_at=at,
            round=round_no,
            rate_by=clock.iso(rules.rating_deadline(now)),
        )
        update["reply_round"] = round_no
        update["acknowledged_at"] = case.acknowledged_at or at
        details.update(adoption=body.adoption.value if body.adoption else "", round=round_no)
    elif action is Action.extend:
        extended = deadline(datetime.fromisoformat(case.reply_by), body.days or 0, case.category.value)
        update.update(reply_by=clock.iso(extended), extended=True)
        details.update(days=body.days or 0, reply_by=clock.iso(extended))
    elif action is Action.reopen:
        update["reply_by"] = clock.iso(deadline(now, rules.REOPENED_REPLY_DAYS, case.category.value))
    elif action is Action.merge:
        return _merge(case, body, principal, now, update)

    after = case.model_copy(update=update)
    plan.changes.append(Change(case, after))
    plan.events.append(Event(case.id, action.value, principal.user_id, principal.role.value, principal.jurisdiction,
                             case.status.value, target.value, message=body.message, reason=body.reason, details=details))
    plan.notices += _notify_all(after, action.value)
    return plan


def _merge(case: Case, body: ActionRequest, principal: Principal, now: datetime, update: dict[str, Any]) -> Plan:
    into = body.into or ""
    if into == case.id:
        raise rule_error("A case cannot be merged into itself.", "不能与自身并案。", "into")
    primary = repository.get_case(into)
    if primary is None or not is_within(primary.jurisdiction, principal.jurisdiction or ""):
        raise NotFoundError("No such case to merge into. / 没有可并入的案件。",
                            details=[ErrorDetail(field="into", type="not_found", message="not found", message_zh="不存在")])
    if primary.status not in rules.MERGEABLE_STATUSES:
        raise ConflictError("The case to merge into is no longer open. / 被并入的案件已不在办理中。",
                            details=[ErrorDetail(field="into", type="invalid_transition", status=primary.status.value,
                                                 message="not open", message_zh="不在办理中")])
    joining = [s for s in case.submitters() if s != primary.submitter and s not in primary.co_submitters]
    if len(primary.co_submitters) + len(joining) > rules.MAX_CO_SUBMITTERS:
        raise rule_error("That case has as many co-submitters as one reply can reach.", "该案件并案人数已达上限。", "into")
    at = clock.iso(now)
    merged = case.model_copy(update={**update, "merged_into": primary.id})
    grown = primary.model_copy(update={
        "co_submitters": [*primary.co_submitters, *joining],
        "merged_cases": [*primary.merged_cases, case.id, *case.merged_cases],
        "version": primary.version + 1,
        "updated_at": at,
    })
    actor = (principal.user_id, principal.role.value, principal.jurisdiction)
    return Plan(
        changes=[Change(case, merged), Change(primary, grown)],
        events=[
            Event(case.id, "merge", *actor, case.status.value, SuggestionStatus.merged.value, reason=body.reason,
                  details={"into": primary.id, "into_tracking_no": primary.tracking_no}),
            Event(primary.id, "absorb", *actor, primary.status.value, primary.status.value, reason=body.reason,
                  details={"merged": case.id, "merged_tracking_no": case.tracking_no}),
        ],
        notices=[Notice(r, notice_for(merged, "merge")) for r in case.submitters() if is_someone(r)],
    )


def plan_rating(case: Case, submitter: str, body: RatingRequest, principal: Principal, now: datetime,
                deadline: DeadlineFn) -> Plan:
    if case.status not in rules.RATEABLE_STATUSES or case.reply is None:
        raise ConflictError("There is no reply to rate yet. / 尚无可评价的答复。",
                            details=[ErrorDetail(field="status", type="invalid_transition", status=case.status.value,
                                                 message="no reply to rate", message_zh="尚无答复")])
    at = clock.iso(now)
    if at > case.reply.rate_by:
        raise rule_error("The 30 days for rating this reply have passed.", "评价期限（30 天）已过。", "score")
    rating = repository.rating_put(case.id, case.reply_round, submitter, body.score, body.comment, at)
    actor = (principal.user_id, principal.role.value, None)
    rate_event = Event(case.id, "rate", *actor, case.status.value, case.status.value, message=body.comment,
                       details={"score": body.score, "round": case.reply_round})
    if not rules.rating_reopens(body.score, case.reopened_by_rating):
        return Plan(checks=[rating, repository.rating_tally_update(case, body.score, at)], events=[rate_event])
    reopened = case.model_copy(update={
        "status": SuggestionStatus.reopened,
        "reopened_by_rating": True,
        "reply_by": clock.iso(deadline(now, rules.REOPENED_REPLY_DAYS, case.category.value)),
        "rating_count": case.rating_count + 1,
        "rating_sum": case.rating_sum + body.score,
        "version": case.version + 1,
        "updated_at": at,
    })
    reopen_event = Event(case.id, "reopen", *actor, case.status.value, SuggestionStatus.reopened.value,
                         reason="rating", details={"score": body.score})
    return Plan(changes=[Change(case, reopened)], events=[rate_event, reopen_event], checks=[rating],
                notices=_notify_all(reopened, "reopen"))
