"""The workflow of an application, from submission to closing, one transaction per step.

Each step writes the application under a condition on the status and version the caller
saw, its timeline event, the applicant's inbox message and, where money moves, the pool's
figures with their ledger entries and the team's yearly total, all or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from chalicelib import clock
from chalicelib.auth import Principal, is_someone
from chalicelib.errors import ConflictError, ForbiddenError, NotFoundError
from chalicelib.funds import applications, pools, repository, rules
from chalicelib.funds.models import Action, ApplicationDetail, FundActionRequest, MovementKind, Status
from chalicelib.funds.rules import Movement
from chalicelib.funds.views import message_for, objection_message
from chalicelib.notifications.repository import inbox_put
from chalicelib.notifications.service import announce
from chalicelib.storage.dynamo import ConditionFailedError


@dataclass
class Step:
    """What one action writes besides the application and its event."""

    update: dict[str, Any] = field(default_factory=dict)
    movements: list[Movement] = field(default_factory=list)
    team_change: int = 0
    extra: list[dict[str, Any]] = field(default_factory=list)
    announcements: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    amount_fen: int | None = None


def _conflict(message: str, application: dict[str, Any], allowed: list[str]) -> ConflictError:
    return ConflictError(message, details=[{**applications.wrong_state(application["status"]), "allowed_actions": allowed}])


def _no_open_objection() -> ConflictError:
    return ConflictError("No such unanswered objection. / 该异议不存在或已答复。",
                         details=[{"field": "objection_id", "type": "not_open", "message": "not open",
                                   "message_zh": "该异议不存在或已答复"}])


def _authorise(principal: Principal, application: dict[str, Any], action: Action) -> bool:
    applicant = applications.is_applicant(principal, application)
    if not applicant and not applications.is_official_over(principal, application):
        raise NotFoundError(applications.NOT_FOUND)
    if not rules.may_act(principal.role, applicant, action):
        raise ForbiddenError()
    return applicant


def _checked(principal: Principal, application_id: str, action_name: str, body: FundActionRequest
             ) -> tuple[applications.Record, Action, Status]:
    try:
        action = Action(action_name)
    except ValueError:
        raise NotFoundError("No such action. / 没有这个操作。") from None
    record = applications.load_record(application_id)
    application = record.application
    applicant = _authorise(principal, application, action)
    status = Status(application["status"])
    allowed = rules.allowed_actions(status, principal.role, applicant)
    target = rules.TRANSITIONS.get((status, action))
    if target is None:
        raise _conflict(f"'{action.value}' is not possible while the application is {status.value}. / 当前状态不能执行此操作。",
                        application, allowed)
    if body.version != application["version"]:
        raise _conflict("The application changed meanwhile; reload it. / 申报已被更新，请刷新。", application, allowed)
    present = {name for name in rules.REQUIRED_FIELDS.get(action, ()) if getattr(body, name) is not None}
    for name in rules.missing_fields(action, present):
        raise pools.rule_error(f"'{action.value}' needs {name}. / 缺少必填项。", name, "missing")
    return record, action, target


def _notice_over(application: dict[str, Any], now_iso: str) -> None:
    if rules.notice_running(application.get("notice_ends_at"), now_iso):
        raise pools.rule_error(f"The public notice runs until {application['notice_ends_at']} (UTC). / 公示期尚未结束。",
                               "notice_ends_at", "notice_running")
    if application.get("open_objections", 0):
        raise pools.rule_error("Answer every objection first. / 请先答复全部异议。", "objections", "objections_open")


def _step(principal: Principal, record: applications.Record, action: Action, body: FundActionRequest,
          now_iso: str) -> Step:
    application = record.application
    step = Step()
    if action is Action.submit:
        draft = {k: application[k] for k in ("committee", "year", "requested_fen")}
        pool = pools.load_pool(draft["committee"], draft["year"])
        granted = repository.team_granted(draft["committee"], draft["year"], application["team_digest"])
        if rules.cap_problems(draft["requested_fen"], granted, pool["per_application_cap_fen"], pool["per_team_cap_fen"]):
            raise pools.rule_error("The request is over the pool's caps. / 申请金额超过上限。", "requested_fen", "over_cap")
        step.update["submitted_at"] = application.get("submitted_at") or now_iso
    elif action in (Action.return_for_changes, Action.return_, Action.reject, Action.cancel):
        step.update["last_comment"] = body.reason
    if action is Action.recommend:
        pool = pools.load_pool(application["committee"], application["year"])
        ends = rules.notice_ends(clock.utc_now(), int(pool["notice_days"]))
        # A notice that outlasts the year would leave nothing to approve from: pools close on 31 December.
        if not rules.pool_is_open(application["year"], ends - timedelta(milliseconds=1)):
            raise pools.rule_error(f"A {pool['notice_days']}-day notice would end after the pool's year. / "
                                   "公示期将跨越年度，资金池届时已关闭。", "notice_ends_at", "notice_past_year_end")
        step.update.update(notice_starts_at=now_iso, notice_ends_at=clock.iso(ends))
    elif action is Action.answer_objection:
        objection = next((o for o in record.objections if o["id"] == body.objection_id), None)
        if objection is None or objection.get("answer"):
            raise _no_open_objection()
        step.extra.append(repository.objection_answer(application["id"], objection["id"], body.answer or "", now_iso))
        step.update["open_objections"] = application.get("open_objections", 0) - 1
        if is_someone(objection.get("objector_key")):
            step.extra.append(inbox_put(objection["objector_key"], objection_message(application, body.answer or ""),
                                        now_iso, int(clock.utc_now().timestamp())))
            step.announcements.append((objection["objector_key"], objection_message(application, body.answer or "")))
    elif action in (Action.approve, Action.reject):
        _notice_over(application, now_iso)
        # An objection filed in the notice's last second must still stop a decision.
        if action is Action.approve:
            if not rules.pool_is_open(application["year"], clock.utc_now()):
                raise pools.rule_error("The pool's year is over. / 该年度资金池已结束。", "year", "year_closed")
            amount = application["requested_fen"]
            step.movements = [(MovementKind.commit, amount)]
            step.team_change = amount
            step.update["approved_fen"] = step.amount_fen = amount
    elif action is Action.fund:
        advance = body.advance_fen or 0
        if advance > application["approved_fen"]:
            raise pools.rule_error("The advance cannot exceed the approved amount. / 预拨金额不能超过批准金额。",
                                   "advance_fen", "over_approved")
        step.movements = [(MovementKind.disburse, advance)] if advance else []
        step.update.update(advance_fen=advance, disbursed_fen=advance)
        step.amount_fen = advance
    elif action is Action.report:
        from chalicelib.funds.reports import completion_report

        step.update["report"] = completion_report(principal, application, body, now_iso)
    elif action is Action.accept:
        actual = sum(e["actual_fen"] for e in application["report"]["expenses"])
        approved, advance = application["approved_fen"], application.get("advance_fen", 0)
        step.movements = rules.settlement(approved, advance, actual)
        paid = min(actual, approved)
        step.team_change = paid - approved
        step.update["disbursed_fen"] = step.amount_fen = paid
    elif action is Action.cancel:
        step.movements = [(MovementKind.release, application["approved_fen"])]
        step.team_change = -application["approved_fen"]
    return step


def act(principal: Principal, application_id: str, action_name: str, body: FundActionRequest) -> ApplicationDetail:
    record, action, target = _checked(principal, application_id, action_name, body)
    application = record.application
    at = clock.iso(clock.utc_now())
    step = _step(principal, record, action, body, at)
    updated = {**application, **step.update, "status": target.value, "version": application["version"] + 1,
               "updated_at": at}
    committee, year = application["committee"], application["year"]
    # Objections are counted by an ADD that leaves the version alone (residents do not race
    # officials for it); the count the step read must still hold, or it would be overwritten.
    seen = {":objections": application.get("open_objections", 0)}
    event = repository.event_put(application_id, action.value, principal.user_id, principal.role.value, at,
                                 target.value, reason=body.reason or body.answer, amount_fen=step.amount_fen,
                                 counted_for=updated)
    writes = [
        repository.application_versioned_put(updated, body.version, application["status"],
                                             "open_objections = :objections", seen),
        event,
    ]
    pool_index = team_index = None
    if step.movements:
        pool_index = len(writes)
        writes.append(repository.pool_movement(committee, year, step.movements))
        writes += repository.ledger_puts(committee, year, step.movements, at, principal.role.value,
                                         application_id=application_id, reason=action.value)
    if step.team_change:
        # Only a grant that grows is held to the cap; giving money back needs no read.
        cap = int(pools.load_pool(committee, year)["per_team_cap_fen"]) if step.team_change > 0 else 0
        team_index = len(writes)
        writes.append(repository.team_grant_change(committee, year, application["team_digest"], step.team_change, cap))
    extra_index = len(writes)
    writes += step.extra
    # A lead who erased their account is told nothing: nobody would read it.
    message = message_for(updated, action.value) if is_someone(application.get("applicant_key")) else None
    if message:
        writes.append(inbox_put(application["applicant_key"], message, at, int(clock.utc_now().timestamp())))
    try:
        repository.write(writes)
    except ConditionFailedError as exc:
        # repository.write tries again when an answer is lost, and its own committed first
        # try then stands in the way of the second: the event it wrote says so.
        if not (0 in exc.failed and repository.written_already(event)):
            raise _refusal(exc.failed, application, action, pool_index, team_index, extra_index) from exc
    announce(step.announcements + ([(application["applicant_key"], message)] if message else []))
    answered = record.written(updated, event)
    if action is Action.answer_objection:
        answered.objections = [{**o, "answer": body.answer or "", "answered_at": at} if o["id"] == body.objection_id else o
                               for o in answered.objections]
    return applications.view_for(principal, answered)


def _refusal(failed: list[int], application: dict[str, Any], action: Action, pool_index: int | None,
             team_index: int | None, extra_index: int) -> Exception:
    # The application itself first: if someone else moved it, that is the news, whatever
    # else the transaction would also have run into.
    if 0 in failed:
        now = repository.get_application(application["id"]) or {}
        if now.get("version") == application["version"]:
            return pools.rule_error("An objection arrived meanwhile; answer it first. / 有新的异议，请先答复。",
                                    "objections", "objections_open")
        return ConflictError("The application changed meanwhile; reload it. / 申报已被更新，请刷新。")
    if pool_index is not None and pool_index in failed:
        pool = repository.get_pool(application["committee"], application["year"]) or {}
        return pools.rule_error(
            f"The pool has {pool.get('available_fen', 0)} fen available; this needs {application['requested_fen']} fen. / "
            "资金池可用余额不足。", "requested_fen", "insufficient_funds")
    if team_index is not None and team_index in failed:
        return pools.rule_error("This team is over its yearly cap. / 该团队本年度获批总额超过上限。", "requested_fen",
                                "over_team_cap")
    if action is Action.answer_objection and extra_index in failed:
        return _no_open_objection()
    return ConflictError("The record changed meanwhile; reload it. / 记录已被更新，请刷新。")
