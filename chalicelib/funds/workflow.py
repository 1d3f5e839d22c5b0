"""The workflow of an application, from submission to closing, one transaction per step.

Each step writes the application under a condition on the status and version the caller
saw, its timeline event, the applicant's inbox message and, where money moves, the pool's
figures with their ledger entries and the team's yearly total, all or nothing.

An action is checked (who, which status, which version), then everything it needs is read
(the pool, the team's grants, the completion report's files), then transitions.plan says
what it changes without any call to AWS, and only then is the plan written.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from chalicelib import clock
from chalicelib.auth import Principal, is_someone
from chalicelib.errors import ConflictError, ForbiddenError, NotFoundError, rule_error
from chalicelib.funds import applications, pools, repository, rules, transitions
from chalicelib.funds.models import Action, ApplicationDetail, FundActionRequest, FundChannel, FundStatus
from chalicelib.funds.records import Application, ApplicationRecord
from chalicelib.funds.transitions import Plan, Reading
from chalicelib.funds.views import message_for, objection_message
from chalicelib.notifications.repository import inbox_put
from chalicelib.notifications.service import announce
from chalicelib.storage.dynamo import ConditionFailedError


def _conflict(message: str, application: Application, allowed: list[str]) -> ConflictError:
    return ConflictError(message, details=[applications.wrong_state(application.status.value, allowed)])


FOUR_EYES = ("Another official must review this: you took the team's steps on it. / "
             "您代团队办理过此申报（录入、修改、提交或报告），须由另一位工作人员审核。")


def _authorise(principal: Principal, record: ApplicationRecord, action: Action) -> tuple[bool, bool]:
    """(applicant, team hand): whether the caller acts for the team, and took a team's step on it."""
    application = record.application
    applicant = applications.is_applicant(principal, application)
    if not applicant and not applications.is_official_over(principal, application):
        raise NotFoundError(applications.NOT_FOUND)
    if not rules.may_act(principal.role, applicant, action):
        raise ForbiddenError()
    hand = applications.is_team_hand(principal, record)
    if hand and action in rules.ANOTHER_OFFICIALS:
        raise ForbiddenError(FOUR_EYES)
    return applicant, hand


def _checked(principal: Principal, application_id: str, action_name: str, body: FundActionRequest
             ) -> tuple[ApplicationRecord, Action, FundStatus]:
    try:
        action = Action(action_name)
    except ValueError:
        raise NotFoundError("No such action. / 没有这个操作。") from None
    record = applications.load_record(application_id)
    application = record.application
    applicant, hand = _authorise(principal, record, action)
    status = application.status
    allowed = rules.allowed_actions(status, principal.role, applicant, hand)
    target = rules.TRANSITIONS.get((status, action))
    if target is None:
        raise _conflict(f"'{action.value}' is not possible while the application is {status.value}. / 当前状态不能执行此操作。",
                        application, allowed)
    if body.version != application.version:
        raise _conflict("The application changed meanwhile; reload it. / 申报已被更新，请刷新。", application, allowed)
    present = {name for name in rules.REQUIRED_FIELDS.get(action, ()) if getattr(body, name) is not None}
    for name in rules.missing_fields(action, present):
        raise rule_error(f"'{action.value}' needs {name}.", "缺少必填项。", name, "missing")
    return record, action, target


def _read(principal: Principal, record: ApplicationRecord, action: Action, body: FundActionRequest,
          now: datetime) -> Reading:
    """Everything the action is planned from (transitions.NEEDS_POOL, NEEDS_TEAM_GRANT); a
    completion report's files are verified and kept here, before anything is planned."""
    application = record.application
    pool = pools.load_pool(application.committee, application.year) if action in transitions.NEEDS_POOL else None
    granted = (repository.team_granted(application.committee, application.year, application.team_digest)
               if action in transitions.NEEDS_TEAM_GRANT else 0)
    report = None
    if action is Action.report:
        from chalicelib.funds.reports import completion_report

        report = completion_report(principal, application, body, clock.iso(now))
    return Reading(application=application, objections=record.objections, body=body, now=now, pool=pool,
                   team_granted_fen=granted, report=report)


def act(principal: Principal, application_id: str, action_name: str, body: FundActionRequest) -> ApplicationDetail:
    record, action, target = _checked(principal, application_id, action_name, body)
    now = clock.utc_now()
    at = clock.iso(now)
    plan = transitions.plan(action, target, _read(principal, record, action, body, now))
    before, after = record.application, plan.application
    committee, year = before.committee, before.year
    # Objections are counted by an ADD that leaves the version alone (residents do not race
    # officials for it); the count the plan read must still hold, or it would be overwritten.
    seen = {":objections": before.open_objections}
    # A team's step taken by staff for a paper or meeting application says so on the timeline.
    for_team = before.channel is not FundChannel.web and rules.ACTORS[action] == rules.APPLICANT
    event = repository.event_put(application_id, action.value, principal.user_id, principal.role.value, at,
                                 target.value, reason=body.reason or body.answer, amount_fen=plan.amount_fen,
                                 counted_for=after, channel=before.channel.value if for_team else None)
    writes = [
        repository.application_versioned_put(after, body.version, before.status, "open_objections = :objections",
                                             seen),
        event,
        applications.review_entry(after, at, applications.team_hands_of(record, (action.value, principal.user_id))),
    ]
    pool_index = team_index = None
    if plan.movements:
        pool_index = len(writes)
        writes.append(repository.pool_movement(committee, year, plan.movements))
        writes += repository.ledger_puts(committee, year, plan.movements, at, principal.role.value,
                                         application_id=application_id, reason=action.value)
    if plan.team_change:
        team_index = len(writes)
        writes.append(repository.team_grant_change(committee, year, before.team_digest, plan.team_change,
                                                   plan.team_cap_fen))
    extra_index = len(writes)
    notices = _notices(plan, before, action)
    if plan.answered:
        writes.append(repository.objection_answer(application_id, plan.answered.id, plan.answered.answer or "", at))
    writes += [inbox_put(recipient, message, at, int(now.timestamp())) for recipient, message in notices]
    try:
        repository.write(writes)
    except ConditionFailedError as exc:
        # repository.write tries again when an answer is lost, and its own committed first
        # try then stands in the way of the second: the event it wrote says so.
        if not (0 in exc.failed and repository.written_already(event)):
            raise _refusal(exc.failed, before, action, pool_index, team_index, extra_index) from exc
    announce(notices)
    objections = [plan.answered if plan.answered and o.id == plan.answered.id else o for o in record.objections]
    return applications.view_for(principal, record.written(after, repository.written_event(event), objections))


def _notices(plan: Plan, before: Application, action: Action) -> list[tuple[str, dict[str, Any]]]:
    """Who is told what: the objector of an answered objection, then the team's lead. Someone
    who erased their account is told nothing: nobody would read it."""
    notices = []
    answered = plan.answered
    if answered and answered.objector_key and is_someone(answered.objector_key):
        notices.append((answered.objector_key, objection_message(before, answered.answer or "")))
    message = message_for(plan.application, action.value)
    if message and is_someone(before.applicant_key):
        notices.append((before.applicant_key, message))
    return notices


def _refusal(failed: list[int], application: Application, action: Action, pool_index: int | None,
             team_index: int | None, extra_index: int) -> Exception:
    # The application itself first: if someone else moved it, that is the news, whatever
    # else the transaction would also have run into.
    if 0 in failed:
        now = repository.get_application(application.id)
        if now is not None and now.version == application.version:
            return rule_error("An objection arrived meanwhile; answer it first.", "有新的异议，请先答复。",
                                    "objections", "objections_open")
        return ConflictError("The application changed meanwhile; reload it. / 申报已被更新，请刷新。")
    if pool_index is not None and pool_index in failed:
        pool = repository.get_pool(application.committee, application.year)
        return rule_error(
            f"The pool has {pool.available_fen if pool else 0} fen available; this needs {application.requested_fen} fen.",
            "资金池可用余额不足。", "requested_fen", "insufficient_funds")
    if team_index is not None and team_index in failed:
        return rule_error("This team is over its yearly cap.", "该团队本年度获批总额超过上限。", "requested_fen",
                                "over_team_cap")
    if action is Action.answer_objection and extra_index in failed:
        return transitions.no_open_objection()
    return ConflictError("The record changed meanwhile; reload it. / 记录已被更新，请刷新。")
