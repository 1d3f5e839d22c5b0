"""What each workflow action does to an application, as a plan of writes.

The status moves come from rules.TRANSITIONS; this module says what else each action
changes, one function per action (PLANNERS). A plan is made from what the service read
beforehand (`Reading`: the application, its objections and, for the actions listed in
NEEDS_POOL and NEEDS_TEAM_GRANT, the pool and the team's grants of the year), without
any call to AWS; the service then writes it as one transaction (workflow.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from chalicelib import clock
from chalicelib.errors import ConflictError, ErrorDetail, RuleViolationError, rule_error
from chalicelib.funds import rules
from chalicelib.funds.models import Action, FundActionRequest, FundStatus, MovementKind
from chalicelib.funds.records import Application, Objection, Pool, Report
from chalicelib.funds.rules import Movement

# What an action reads before it is planned, besides the application and its objections.
NEEDS_POOL = frozenset({Action.submit, Action.recommend, Action.approve})
NEEDS_TEAM_GRANT = frozenset({Action.submit})


@dataclass(frozen=True)
class Reading:
    """Everything an action is planned from, read before planning."""

    application: Application
    objections: list[Objection]
    body: FundActionRequest
    now: datetime
    pool: Pool | None = None
    team_granted_fen: int = 0
    report: Report | None = None  # the completion report, its files kept already (reports.py)

    @property
    def at(self) -> str:
        return clock.iso(self.now)

    def the_pool(self) -> Pool:
        assert self.pool is not None, "NEEDS_POOL lists the action"
        return self.pool


@dataclass(frozen=True)
class Change:
    """What one action changes besides the status and the version."""

    update: dict[str, Any] = field(default_factory=dict)
    movements: list[Movement] = field(default_factory=list)
    team_change: int = 0  # added to (or, negative, taken from) the team's grants of the year
    amount_fen: int | None = None  # the money the timeline event names
    answered: Objection | None = None  # the objection the action answers, as answered


@dataclass(frozen=True)
class Plan:
    application: Application  # as it is to be written
    movements: list[Movement]
    team_change: int
    # The team cap a growing grant is held to; giving money back needs none.
    team_cap_fen: int
    amount_fen: int | None
    answered: Objection | None


def no_open_objection() -> ConflictError:
    return ConflictError("No such unanswered objection. / 该异议不存在或已答复。",
                         details=[ErrorDetail(field="objection_id", type="not_open", message="not open",
                                              message_zh="该异议不存在或已答复")])


def _nothing(reading: Reading) -> Change:
    return Change()


def _comment(reading: Reading) -> Change:
    return Change(update={"last_comment": reading.body.reason})


def _submit(reading: Reading) -> Change:
    application, pool = reading.application, reading.the_pool()
    if rules.cap_problems(application.requested_fen, reading.team_granted_fen, pool.per_application_cap_fen,
                          pool.per_team_cap_fen):
        raise rule_error("The request is over the pool's caps.", "申请金额超过上限。", "requested_fen", "over_cap")
    return Change(update={"submitted_at": application.submitted_at or reading.at})


def _recommend(reading: Reading) -> Change:
    pool = reading.the_pool()
    ends = rules.notice_ends(reading.now, pool.notice_days)
    # A notice that outlasts the year would leave nothing to approve from: pools close on 31 December.
    if not rules.pool_is_open(reading.application.year, ends - timedelta(milliseconds=1)):
        raise rule_error(f"A {pool.notice_days}-day notice would end after the pool's year.",
                         "公示期将跨越年度，资金池届时已关闭。", "notice_ends_at", "notice_past_year_end")
    return Change(update={"notice_starts_at": reading.at, "notice_ends_at": clock.iso(ends)})


def _answer_objection(reading: Reading) -> Change:
    body = reading.body
    objection = next((o for o in reading.objections if o.id == body.objection_id), None)
    if objection is None or objection.answer:
        raise no_open_objection()
    answered = objection.model_copy(update={"answer": body.answer or "", "answered_at": reading.at})
    return Change(update={"open_objections": reading.application.open_objections - 1}, answered=answered)


def _notice_over(application: Application, now_iso: str) -> RuleViolationError | None:
    """Why a decision must wait, if it must: an objection filed in the notice's last second still stops it."""
    if rules.notice_running(application.notice_ends_at, now_iso):
        return rule_error(f"The public notice runs until {application.notice_ends_at} (UTC).", "公示期尚未结束。",
                          "notice_ends_at", "notice_running")
    if application.open_objections:
        return rule_error("Answer every objection first.", "请先答复全部异议。", "objections", "objections_open")
    return None


def _approve(reading: Reading) -> Change:
    application = reading.application
    waiting = _notice_over(application, reading.at)
    if waiting:
        raise waiting
    if not rules.pool_is_open(application.year, reading.now):
        raise rule_error("The pool's year is over.", "该年度资金池已结束。", "year", "year_closed")
    amount = application.requested_fen
    return Change(update={"approved_fen": amount}, movements=[(MovementKind.commit, amount)], team_change=amount,
                  amount_fen=amount)


def _reject(reading: Reading) -> Change:
    waiting = _notice_over(reading.application, reading.at)
    if waiting:
        raise waiting
    return _comment(reading)


def _fund(reading: Reading) -> Change:
    advance = reading.body.advance_fen or 0
    if advance > (reading.application.approved_fen or 0):
        raise rule_error("The advance cannot exceed the approved amount.", "预拨金额不能超过批准金额。",
                         "advance_fen", "over_approved")
    return Change(update={"advance_fen": advance, "disbursed_fen": advance},
                  movements=[(MovementKind.disburse, advance)] if advance else [], amount_fen=advance)


def _report(reading: Reading) -> Change:
    assert reading.report is not None, "the service keeps the report's files before planning"
    return Change(update={"report": reading.report})


def _accept(reading: Reading) -> Change:
    application = reading.application
    assert application.report is not None, "only a reported application is accepted"
    approved, advance, actual = application.approved_fen or 0, application.advance_fen, application.report.actual_fen
    paid = min(actual, approved)
    return Change(update={"disbursed_fen": paid}, movements=rules.settlement(approved, advance, actual),
                  team_change=paid - approved, amount_fen=paid)


def _cancel(reading: Reading) -> Change:
    approved = reading.application.approved_fen or 0
    return Change(update={"last_comment": reading.body.reason}, movements=[(MovementKind.release, approved)],
                  team_change=-approved)


PLANNERS: dict[Action, Callable[[Reading], Change]] = {
    Action.submit: _submit,
    Action.withdraw: _nothing,
    Action.return_for_changes: _comment,
    Action.recommend: _recommend,
    Action.answer_objection: _answer_objection,
    Action.approve: _approve,
    Action.reject: _reject,
    Action.fund: _fund,
    Action.start: _nothing,
    Action.report: _report,
    Action.return_: _comment,
    Action.accept: _accept,
    Action.close: _nothing,
    Action.cancel: _cancel,
}


def plan(action: Action, target: FundStatus, reading: Reading) -> Plan:
    """The application as the action leaves it, and the money it moves."""
    change = PLANNERS[action](reading)
    before = reading.application
    after = before.model_copy(update={**change.update, "status": target, "version": before.version + 1,
                                      "updated_at": reading.at})
    cap = reading.the_pool().per_team_cap_fen if change.team_change > 0 else 0
    return Plan(application=after, movements=change.movements, team_change=change.team_change, team_cap_fen=cap,
                amount_fen=change.amount_fen, answered=change.answered)
