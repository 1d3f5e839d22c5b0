"""What each workflow action plans, without AWS: every action of the state machine has its
planner, and the plan is the application as it is to be written with the money it moves."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from chalicelib.errors import ConflictError, RuleViolationError
from chalicelib.funds import rules, transitions
from chalicelib.funds.models import Action, FundActionRequest, FundCategory, FundStatus, MovementKind
from chalicelib.funds.records import Application, Line, Objection, Pool, Report, Spending, Team
from chalicelib.funds.transitions import Reading

NOW = datetime(2031, 3, 20, 2, 0, tzinfo=UTC)
POOL = Pool(committee="310110012001", year=2031, allocated_fen=1_000_000, available_fen=1_000_000, committed_fen=0,
            disbursed_fen=0, per_application_cap_fen=200_000, per_team_cap_fen=300_000, notice_days=7)


def application(status: FundStatus, **fields: object) -> Application:
    return Application.model_validate({
        "id": "01JD0000000000000000000000", "committee": "310110012001", "year": 2031,
        "team": Team(name="银发志愿队", lead_name="王阿姨", member_count=12), "team_digest": "t", "title": "周末课堂",
        "category": FundCategory.old_and_young, "purpose": "一老一小", "beneficiaries": 200, "starts_on": "2031-04-01",
        "ends_on": "2031-12-31", "lines": [Line(item="材料", unit_price_fen=50_000, quantity=2)],
        "requested_fen": 100_000, "applicant_id": "lead", "applicant_key": "lead-key", "status": status, "version": 3,
        "created_at": "2031-03-01T02:00:00.000Z", **fields})


def reading(app: Application, body: dict[str, object] | None = None, **fields: object) -> Reading:
    request = FundActionRequest.model_validate({"version": app.version, **(body or {})})
    return Reading(application=app, objections=[], body=request, now=NOW, **fields)  # type: ignore[arg-type]


def test_every_move_of_the_state_machine_has_its_planner():
    assert {action for (_, action) in rules.TRANSITIONS} == set(transitions.PLANNERS) == set(Action)


def test_a_plan_moves_the_status_and_the_version_and_nothing_else_unasked():
    before = application(FundStatus.funded)
    plan = transitions.plan(Action.start, FundStatus.in_progress, reading(before))
    assert plan.application.status is FundStatus.in_progress and plan.application.version == 4
    assert plan.application.model_dump(exclude={"status", "version", "updated_at"}) == before.model_dump(
        exclude={"status", "version", "updated_at"})
    assert (plan.movements, plan.team_change, plan.answered) == ([], 0, None)


def test_an_approval_commits_the_request_and_holds_the_team_to_its_cap():
    plan = transitions.plan(Action.approve, FundStatus.approved,
                            reading(application(FundStatus.in_notice, notice_ends_at="2031-03-10T16:00:00.000Z"), pool=POOL))
    assert plan.movements == [(MovementKind.commit, 100_000)]
    assert (plan.team_change, plan.team_cap_fen, plan.application.approved_fen) == (100_000, 300_000, 100_000)


def test_a_decision_waits_for_the_notice_and_its_objections():
    running = application(FundStatus.in_notice, notice_ends_at="2031-03-30T16:00:00.000Z")
    with pytest.raises(RuleViolationError):
        transitions.plan(Action.reject, FundStatus.rejected, reading(running, {"reason": "不符合"}))
    objected = application(FundStatus.in_notice, notice_ends_at="2031-03-10T16:00:00.000Z", open_objections=1)
    with pytest.raises(RuleViolationError):
        transitions.plan(Action.approve, FundStatus.approved, reading(objected, pool=POOL))


def test_acceptance_settles_what_was_spent():
    report = Report(expenses=[Spending(line=0, actual_fen=70_000, receipts=["r"])], participants=30, outcome="好",
                    reported_at="2031-09-01T02:00:00.000Z")
    reported = application(FundStatus.reported, approved_fen=100_000, advance_fen=40_000, disbursed_fen=40_000,
                           report=report)
    plan = transitions.plan(Action.accept, FundStatus.accepted, reading(reported))
    assert plan.movements == rules.settlement(100_000, 40_000, 70_000)
    assert (plan.team_change, plan.amount_fen, plan.application.disbursed_fen) == (-30_000, 70_000, 70_000)


def test_an_answer_goes_to_an_open_objection_only():
    in_notice = application(FundStatus.in_notice, open_objections=1)
    objection = Objection(application_id=in_notice.id, id="01JD0000000000000000000001", reason="太吵",
                          filed_at="2031-03-05T02:00:00.000Z", objector_key="neighbour")
    body = {"objection_id": objection.id, "answer": "改在白天。"}
    plan = transitions.plan(Action.answer_objection, FundStatus.in_notice,
                            Reading(application=in_notice, objections=[objection], now=NOW,
                                    body=FundActionRequest.model_validate({"version": 3, **body})))
    assert plan.application.open_objections == 0
    assert plan.answered is not None and plan.answered.answer == "改在白天。"
    answered = plan.answered
    with pytest.raises(ConflictError):
        transitions.plan(Action.answer_objection, FundStatus.in_notice,
                         Reading(application=in_notice, objections=[answered], now=NOW,
                                 body=FundActionRequest.model_validate({"version": 3, **body})))
