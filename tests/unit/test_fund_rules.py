"""Autonomy-fund rules without AWS: the pool's arithmetic, the public notice's calendar,
the year's boundary, the workflow tables and the request models."""

from __future__ import annotations

from dataclasses import astuple
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from pydantic import ValidationError

from chalicelib.auth import Role
from chalicelib.clock import SHANGHAI, iso
from chalicelib.funds import rules
from chalicelib.funds.models import (
    Action,
    ApplicationDraft,
    CompletionReport,
    FundActionRequest,
    FundStatus,
    MovementKind,
    PoolCreate,
)
from chalicelib.funds.rules import Figures, InsufficientFunds

amounts = st.integers(min_value=1, max_value=10_000)
# "reject" stands for every decision that moves no money: the pool must not notice it.
steps = st.tuples(st.sampled_from([*MovementKind, "reject"]), amounts)


def naive_after(figures: Figures, movements: list[tuple[MovementKind, int]]) -> dict[str, int]:
    """Each figure after the movements, by plain bookkeeping with no floor."""
    after = {name: getattr(figures, name) for name in rules.FIGURES}
    for kind, amount in movements:
        if kind is MovementKind.allocate:
            after["allocated_fen"] += amount
            after["available_fen"] += amount
        elif kind is MovementKind.commit:
            after["available_fen"] -= amount
            after["committed_fen"] += amount
        elif kind is MovementKind.disburse:
            after["committed_fen"] -= amount
            after["disbursed_fen"] += amount
        elif kind is MovementKind.release:
            after["committed_fen"] -= amount
            after["available_fen"] += amount
        elif kind is MovementKind.refund:
            after["disbursed_fen"] -= amount
            after["available_fen"] += amount
    return after


# --- the pool's arithmetic ------------------------------------------------------------------


@given(st.lists(steps, max_size=60))
def test_any_sequence_of_movements_keeps_the_pool_balanced_and_non_negative(sequence):
    figures = Figures()
    refused = 0
    for kind, amount in sequence:
        if kind == "reject":
            continue
        before = figures
        snapshot = astuple(before)
        expected = naive_after(before, [(kind, amount)])
        try:
            figures = rules.apply_movements(before, [(kind, amount)])
        except InsufficientFunds as exc:
            refused += 1
            assert astuple(figures) == snapshot
            assert min(expected.values()) < 0
            assert expected[exc.figure] < 0 and exc.held == getattr(before, exc.figure) < exc.needed == amount
            continue
        assert min(expected.values()) >= 0, f"{kind} {amount} went through on {before}"
        assert {name: getattr(figures, name) for name in rules.FIGURES} == expected
        assert figures.balanced(), figures
    assert figures.balanced()


@given(st.builds(Figures, *[st.integers(0, 500)] * 4), st.lists(st.tuples(st.sampled_from(list(MovementKind)), amounts),
                                                                 min_size=1, max_size=4))
def test_a_combination_is_refused_exactly_when_its_net_change_takes_a_figure_below_zero(figures, movements):
    # One transaction moves the net of its movements (ADD in DynamoDB), so the floor is
    # on the result, not on each movement in turn.
    expected = naive_after(figures, movements)
    try:
        after = rules.apply_movements(figures, movements)
    except InsufficientFunds:
        assert min(expected.values()) < 0
    else:
        assert min(expected.values()) >= 0
        assert {name: getattr(after, name) for name in rules.FIGURES} == expected


@pytest.mark.parametrize("amount", [0, -5, 1.5, True, "10"])
def test_a_movement_of_no_positive_whole_fen_is_an_error_not_a_movement(amount):
    with pytest.raises(ValueError):
        rules.apply_movements(Figures(100, 100), [(MovementKind.allocate, amount)])


def test_requirements_name_the_figures_a_movement_draws_on():
    assert rules.requirements([(MovementKind.allocate, 5)]) == {}
    assert rules.requirements([(MovementKind.commit, 5)]) == {"available_fen": 5}
    assert rules.requirements([(MovementKind.disburse, 3), (MovementKind.release, 4)]) == {"committed_fen": 7}
    assert rules.requirements([(MovementKind.refund, 2)]) == {"disbursed_fen": 2}


def test_balanced_needs_both_the_identity_and_no_negative_figure():
    assert Figures(10, 4, 3, 3).balanced()
    assert not Figures(10, 4, 3, 2).balanced()
    assert not Figures(0, 1, -1, 0).balanced()


class ApplicationsOnAPool(RuleBasedStateMachine):
    """An application's life as the workflow moves money: approval commits, funding pays
    an advance, acceptance settles against actual spending, cancellation releases an
    unfunded approval; a rejection moves nothing."""

    def __init__(self):
        super().__init__()
        self.figures = Figures()
        self.apps: list[dict] = []

    def _in(self, state: str) -> list[dict]:
        return [app for app in self.apps if app["state"] == state]

    @rule(amount=st.integers(1, 50_000))
    def allocate(self, amount):
        self.figures = rules.apply_movements(self.figures, [(MovementKind.allocate, amount)])

    @rule(amount=amounts)
    def approve(self, amount):
        try:
            self.figures = rules.apply_movements(self.figures, [(MovementKind.commit, amount)])
        except InsufficientFunds:
            assert self.figures.available_fen < amount
            return
        self.apps.append({"approved": amount, "advance": 0, "state": "approved", "paid": 0})

    @rule()
    def reject(self):
        self.apps.append({"approved": 0, "advance": 0, "state": "rejected", "paid": 0})

    @precondition(lambda self: self._in("approved"))
    @rule(data=st.data(), share=st.floats(0, 1))
    def fund(self, data, share):
        app = data.draw(st.sampled_from(self._in("approved")))
        advance = int(app["approved"] * share)
        if advance:
            self.figures = rules.apply_movements(self.figures, [(MovementKind.disburse, advance)])
        app.update(advance=advance, state="funded")

    # Spending as a share of the approval, so that under-, exact and over-spending all
    # occur; "advance" spends exactly the advance.
    @precondition(lambda self: self._in("funded"))
    @rule(data=st.data(), share=st.one_of(st.floats(0, 1.5), st.sampled_from([0.0, 1.0, "advance"])))
    def accept(self, data, share):
        app = data.draw(st.sampled_from(self._in("funded")))
        actual = app["advance"] if share == "advance" else int(app["approved"] * share)
        # Settling never lacks money: the promise is still held in committed.
        self.figures = rules.apply_movements(self.figures, rules.settlement(app["approved"], app["advance"], actual))
        app.update(state="accepted", paid=min(actual, app["approved"]))

    @precondition(lambda self: self._in("approved"))
    @rule(data=st.data())
    def cancel(self, data):
        app = data.draw(st.sampled_from(self._in("approved")))
        self.figures = rules.apply_movements(self.figures, [(MovementKind.release, app["approved"])])
        app["state"] = "cancelled"

    @invariant()
    def balanced(self):
        assert self.figures.balanced(), self.figures

    @invariant()
    def disbursed_is_what_was_paid(self):
        assert self.figures.disbursed_fen == (sum(app["paid"] for app in self._in("accepted"))
                                              + sum(app["advance"] for app in self._in("funded")))

    @invariant()
    def committed_is_what_is_still_promised(self):
        assert self.figures.committed_fen == (sum(app["approved"] for app in self._in("approved"))
                                              + sum(app["approved"] - app["advance"] for app in self._in("funded")))


TestApplicationsOnAPool = ApplicationsOnAPool.TestCase


@pytest.mark.parametrize(
    ("approved", "advance", "actual", "movements"),
    [
        # Spent less than the advance: the rest of the promise goes back, the team repays.
        (1000, 600, 400, [(MovementKind.release, 400), (MovementKind.refund, 200)]),
        # Spent more than approved: paid up to the approved amount and no further.
        (1000, 600, 1500, [(MovementKind.disburse, 400)]),
        (1000, 0, 1001, [(MovementKind.disburse, 1000)]),
        # Spent exactly the approved amount: nothing is left to release.
        (1000, 600, 1000, [(MovementKind.disburse, 400)]),
        (1000, 1000, 1000, []),
        # Between the advance and the approval: pay the difference, release the rest.
        (1000, 300, 700, [(MovementKind.disburse, 400), (MovementKind.release, 300)]),
        (1000, 0, 0, [(MovementKind.release, 1000)]),
        (1000, 1000, 0, [(MovementKind.refund, 1000)]),
    ],
)
def test_settlement(approved, advance, actual, movements):
    assert rules.settlement(approved, advance, actual) == movements


@given(st.integers(1, 10**6), st.data())
def test_settlement_pays_what_was_spent_up_to_the_approval_and_clears_the_promise(approved, data):
    advance = data.draw(st.integers(0, approved))
    actual = data.draw(st.integers(0, 2 * approved))
    before = Figures(allocated_fen=approved, committed_fen=approved - advance, disbursed_fen=advance)
    after = rules.apply_movements(before, rules.settlement(approved, advance, actual))
    assert after == Figures(allocated_fen=approved, available_fen=approved - min(actual, approved),
                            disbursed_fen=min(actual, approved))


# --- the public notice -------------------------------------------------------------------


def shanghai(*args: int) -> datetime:
    return datetime(*args, tzinfo=SHANGHAI)


def test_a_seven_day_notice_from_23_november_runs_to_the_end_of_30_november():
    ends = rules.notice_ends(shanghai(2026, 11, 23, 10, 0), 7)
    assert ends == datetime(2026, 11, 30, 16, 0, tzinfo=UTC)
    assert ends.astimezone(SHANGHAI) == shanghai(2026, 12, 1)


@pytest.mark.parametrize(
    "recommended",
    [
        shanghai(2026, 11, 23, 0, 0, 0),  # 2026-11-22T16:00Z: the UTC date is the day before
        datetime(2026, 11, 22, 16, 0, 0, tzinfo=UTC),
        shanghai(2026, 11, 23, 7, 59, 59),  # still 22 November in UTC
        shanghai(2026, 11, 23, 23, 59, 59),
        datetime(2026, 11, 23, 15, 59, 59, 999_000, tzinfo=UTC),
    ],
)
def test_the_notice_counts_shanghai_days_whatever_the_utc_date(recommended):
    assert rules.notice_ends(recommended, 7) == datetime(2026, 11, 30, 16, 0, tzinfo=UTC)


def test_a_notice_recommended_just_after_shanghai_midnight_counts_from_the_next_day():
    assert rules.notice_ends(datetime(2026, 11, 23, 16, 0, tzinfo=UTC), 7) == datetime(2026, 12, 1, 16, 0, tzinfo=UTC)


@given(st.integers(5, 10),
       st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)))
def test_a_notice_ends_at_shanghai_midnight_more_than_its_days_after_it_starts(days, start):
    ends = rules.notice_ends(start, days)
    local = ends.astimezone(SHANGHAI)
    assert local.time() == time(0) and ends.tzinfo is not None
    assert timedelta(days=days) < ends - start <= timedelta(days=days + 1)
    assert local.date() == rules.shanghai_date(start) + timedelta(days=days + 1)


ENDS = "2026-11-30T16:00:00.000Z"


@pytest.mark.parametrize(
    ("now", "running", "phase"),
    [
        ("2026-11-30T15:59:59.999Z", True, "in_notice"),
        (ENDS, False, "notice_ended"),
        ("2026-11-30T16:00:00.001Z", False, "notice_ended"),
    ],
)
def test_the_notice_ends_at_its_instant_to_the_millisecond(now, running, phase):
    assert iso(rules.notice_ends(shanghai(2026, 11, 23, 10), 7)) == ENDS
    assert rules.notice_running(ENDS, now) is running
    assert rules.phase(FundStatus.in_notice, ENDS, now) == phase


def test_phase_is_the_status_outside_a_notice():
    assert rules.phase(FundStatus.approved, ENDS, "2027-01-01T00:00:00.000Z") == "approved"
    assert rules.phase(FundStatus.submitted, None, "2027-01-01T00:00:00.000Z") == "submitted"
    assert rules.notice_running(None, "2000-01-01T00:00:00.000Z") is False


# --- the year ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "open_2031", "open_2032"),
    [
        (datetime(2031, 12, 31, 15, 59, 59, tzinfo=UTC), True, True),
        (datetime(2031, 12, 31, 15, 59, 59, 999_999, tzinfo=UTC), True, True),
        (datetime(2031, 12, 31, 16, 0, 0, tzinfo=UTC), False, True),  # 1 January 2032 in Shanghai
        (datetime(2032, 1, 1, 0, 0, tzinfo=SHANGHAI) - timedelta(microseconds=1), True, True),
    ],
)
def test_a_pool_closes_when_31_december_ends_in_shanghai(now, open_2031, open_2032):
    assert rules.pool_is_open(2031, now) is open_2031
    assert rules.pool_is_open(2032, now) is open_2032
    assert rules.pool_is_open(2030, now) is False


@pytest.mark.parametrize(
    ("now", "years"),
    [
        (datetime(2031, 6, 1, tzinfo=UTC), {2031, 2032}),
        (datetime(2031, 12, 31, 15, 59, 59, tzinfo=UTC), {2031, 2032}),
        (datetime(2031, 12, 31, 16, 0, 0, tzinfo=UTC), {2032, 2033}),
    ],
)
def test_pools_may_be_created_for_this_year_and_the_next(now, years):
    assert {year for year in range(2025, 2040) if rules.may_create_pool(year, now)} == years


# --- the workflow tables ------------------------------------------------------------------


APPLICANT_ACTIONS = {Action.submit, Action.withdraw, Action.start, Action.report}
OFFICIALS = [Role.committee_staff, Role.street_official, Role.district_admin, Role.platform_admin]


def test_every_action_has_actors_and_every_transition_an_action_with_actors():
    assert set(rules.ACTORS) == set(Action)
    assert {action for _, action in rules.TRANSITIONS} == set(Action)
    assert all(rules.ACTORS[action] for action in Action)


def test_the_applicants_actions_are_theirs_alone():
    assert {action for action, actors in rules.ACTORS.items() if actors == rules.APPLICANT} == APPLICANT_ACTIONS
    for action in APPLICANT_ACTIONS:
        for role in OFFICIALS:
            assert not rules.may_act(role, False, action), (role, action)
        assert rules.may_act(Role.resident, True, action)
        assert not rules.may_act(Role.resident, False, action)


@pytest.mark.parametrize("action", sorted(set(Action) - APPLICANT_ACTIONS, key=lambda a: a.value))
def test_a_resident_applicant_takes_no_official_action(action):
    assert not rules.may_act(Role.resident, True, action)


def test_the_money_is_the_streets_and_the_review_the_committees():
    for action in (Action.approve, Action.reject, Action.fund, Action.accept, Action.cancel):
        assert not rules.may_act(Role.committee_staff, False, action)
        assert rules.may_act(Role.street_official, False, action)
    for action in (Action.recommend, Action.return_for_changes, Action.answer_objection, Action.return_, Action.close):
        assert rules.may_act(Role.committee_staff, False, action)


@pytest.mark.parametrize(
    ("status", "role", "is_applicant", "actions"),
    [
        (FundStatus.draft, Role.resident, True, ["submit", "withdraw"]),
        (FundStatus.draft, Role.platform_admin, False, []),
        (FundStatus.draft, Role.resident, False, []),
        (FundStatus.changes_requested, Role.resident, True, ["submit", "withdraw"]),
        (FundStatus.submitted, Role.committee_staff, False, ["return_for_changes", "recommend"]),
        (FundStatus.submitted, Role.resident, True, ["withdraw"]),
        (FundStatus.in_notice, Role.committee_staff, False, ["answer_objection"]),
        (FundStatus.in_notice, Role.street_official, False, ["answer_objection", "approve", "reject"]),
        (FundStatus.in_notice, Role.resident, True, ["withdraw"]),
        (FundStatus.approved, Role.street_official, False, ["fund", "cancel"]),
        (FundStatus.approved, Role.resident, True, []),
        (FundStatus.funded, Role.resident, True, ["start"]),
        (FundStatus.in_progress, Role.resident, True, ["report"]),
        (FundStatus.reported, Role.committee_staff, False, ["return"]),
        (FundStatus.reported, Role.district_admin, False, ["return", "accept"]),
        (FundStatus.accepted, Role.committee_staff, False, ["close"]),
    ],
)
def test_allowed_actions(status, role, is_applicant, actions):
    assert rules.allowed_actions(status, role, is_applicant) == actions


@pytest.mark.parametrize("status", [FundStatus.rejected, FundStatus.withdrawn, FundStatus.cancelled, FundStatus.closed])
def test_finished_applications_accept_no_action(status):
    for role in [Role.resident, *OFFICIALS]:
        assert rules.allowed_actions(status, role, True) == []


def test_required_fields_are_fields_of_the_request_and_are_checked():
    assert set(rules.REQUIRED_FIELDS) == {Action.return_for_changes, Action.answer_objection, Action.reject,
                                          Action.fund, Action.report, Action.return_, Action.cancel}
    for names in rules.REQUIRED_FIELDS.values():
        assert set(names) <= set(FundActionRequest.model_fields)
    assert rules.missing_fields(Action.reject, set()) == ["reason"]
    assert rules.missing_fields(Action.answer_objection, {"answer"}) == ["objection_id"]
    assert rules.missing_fields(Action.fund, {"advance_fen"}) == []
    assert rules.missing_fields(Action.approve, set()) == []


# --- caps and teams -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("requested", "granted", "problems"),
    [
        (5000, 0, []),
        (5001, 0, ["per_application_cap"]),
        (5000, 5000, []),  # exactly up to the team's cap
        (3000, 7001, ["per_team_cap"]),
        (6000, 5000, ["per_application_cap", "per_team_cap"]),
    ],
)
def test_cap_problems(requested, granted, problems):
    assert rules.cap_problems(requested, granted, 5000, 10_000) == problems


@pytest.mark.parametrize("name", ["阳光 合唱团", "阳光合唱团", "阳光\u3000合唱团", " 阳光  合唱团\u3000", "阳光\t合唱团"])
def test_a_team_is_one_team_however_its_name_is_spaced(name):
    assert rules.team_key(name) == rules.team_key("阳光合唱团") == "阳光合唱团"


@pytest.mark.parametrize("disguise", ["ＡＢＣ舞蹈队", "ABC\u200b舞蹈队", "abc\ufeff舞蹈队", "ＡＢＣ\u2060舞蹈队"])
def test_a_team_cannot_rename_itself_out_of_its_cap_with_wide_or_invisible_characters(disguise):
    assert rules.team_key(disguise) == rules.team_key("ABC舞蹈队") == "abc舞蹈队"


def test_a_team_name_ignores_case_but_not_its_words():
    assert rules.team_key("Sunshine Choir") == rules.team_key("SUNSHINE\u3000choir") == "sunshinechoir"
    assert rules.team_key("阳光合唱团") != rules.team_key("阳光舞蹈队")


# --- request models -----------------------------------------------------------------------


def draft(**changes) -> dict:
    body = {
        "committee": "310110012001", "year": 2027,
        "team": {"name": "阳光合唱团", "lead_name": "王阿姨", "member_count": 12},
        "title": "楼道合唱角", "category": "culture", "purpose": "每周排练，服务楼组老人。", "beneficiaries": 80,
        "starts_on": "2027-03-01", "ends_on": "2027-06-30",
        "lines": [{"item": "乐谱架", "unit_price_fen": 4500, "quantity": 4},
                  {"item": "音箱", "unit_price_fen": 32000, "quantity": 1}],
        "requested_fen": 50000,
    }
    body.update(changes)
    return body


def test_a_consistent_draft_is_taken():
    model = ApplicationDraft.model_validate(draft())
    assert model.requested_fen == sum(line.total_fen for line in model.lines) == 50000
    assert model.starts_on == date(2027, 3, 1)


@pytest.mark.parametrize(
    "changes",
    [
        {"requested_fen": 50001},
        {"requested_fen": 49999},
        {"lines": [{"item": "音箱", "unit_price_fen": 0, "quantity": 1}], "requested_fen": 1},
        {"lines": [{"item": "音箱", "unit_price_fen": -100, "quantity": 1}], "requested_fen": 1},
        {"lines": [{"item": "音箱", "unit_price_fen": 100, "quantity": 0}], "requested_fen": 1},
        {"lines": [{"item": "音箱", "unit_price_fen": 100, "quantity": -2}], "requested_fen": 1},
        {"lines": [{"item": "音箱", "unit_price_fen": "100", "quantity": 1}], "requested_fen": 100},
        {"lines": [{"item": "音箱", "unit_price_fen": 1.5, "quantity": 2}], "requested_fen": 3},
        {"lines": [{"item": "音箱", "unit_price_fen": 100.0, "quantity": 1}], "requested_fen": 100},
        {"lines": [{"item": "音箱", "unit_price_fen": 100, "quantity": 1.5}], "requested_fen": 150},
        {"lines": [{"item": "音箱", "unit_price_fen": 100, "quantity": 1}], "requested_fen": "100"},
        {"lines": [{"item": "音箱", "unit_price_fen": 100, "quantity": 1}], "requested_fen": 100.5},
        {"lines": []},
        {"starts_on": "2026-12-31"},
        {"ends_on": "2028-01-01"},
        {"starts_on": "2027-06-30", "ends_on": "2027-03-01"},
        {"title": "   "},
        {"title": "\u3000\u3000"},
        {"title": ""},
        {"year": "2027"},
        {"unexpected": True},
    ],
)
def test_an_inconsistent_draft_is_refused(changes):
    with pytest.raises(ValidationError):
        ApplicationDraft.model_validate(draft(**changes))


def test_a_draft_may_start_and_end_on_one_day():
    assert ApplicationDraft.model_validate(draft(starts_on="2027-12-31", ends_on="2027-12-31")).ends_on == date(2027, 12, 31)


POOL = {"per_application_cap_fen": 500_000, "per_team_cap_fen": 1_000_000}


@pytest.mark.parametrize(
    "body",
    [
        {**POOL, "allocated_fen": 3_000_000},
        {**POOL, "amounts_by_type": {"old_neighbourhood": 4_000_000, "mixed": 0}, "default_fen": 2_000_000},
        {**POOL, "allocated_fen": 3_000_000, "notice_days": 5},
        {**POOL, "allocated_fen": 3_000_000, "notice_days": 10},
        {"allocated_fen": 3_000_000, "per_application_cap_fen": 500_000, "per_team_cap_fen": 500_000},
    ],
)
def test_a_pool_body_is_taken(body):
    assert PoolCreate.model_validate(body).notice_days == body.get("notice_days", 7)


@pytest.mark.parametrize(
    "body",
    [
        POOL,
        {**POOL, "allocated_fen": 3_000_000, "amounts_by_type": {"mixed": 1}},
        {**POOL, "allocated_fen": 3_000_000, "default_fen": 5},
        {**POOL, "allocated_fen": 0},
        {**POOL, "allocated_fen": 3_000_000, "notice_days": 4},
        {**POOL, "allocated_fen": 3_000_000, "notice_days": 11},
        {**POOL, "allocated_fen": 3_000_000, "notice_days": "7"},
        {"allocated_fen": 3_000_000, "per_application_cap_fen": 500_000, "per_team_cap_fen": 499_999},
        {**POOL, "amounts_by_type": {"moon_base": 1}},
        {**POOL, "amounts_by_type": {"mixed": -1}},
    ],
)
def test_a_pool_body_is_refused(body):
    with pytest.raises(ValidationError):
        PoolCreate.model_validate(body)


@pytest.mark.parametrize("version", ["3", 3.0, 1.5, True, 0, None])
def test_an_action_names_its_version_as_a_whole_number(version):
    with pytest.raises(ValidationError):
        FundActionRequest.model_validate({"version": version})
    assert FundActionRequest.model_validate({"version": 3}).version == 3


def test_a_blank_reason_is_refused():
    with pytest.raises(ValidationError):
        FundActionRequest.model_validate({"version": 1, "reason": "\u3000 "})


def report(lines: list[int]) -> dict:
    return {"expenses": [{"line": line, "actual_fen": 100, "receipts": ["r/1.jpg"]} for line in lines],
            "participants": 30, "outcome": "排练十二次，演出一场。"}


def test_a_completion_report_reports_each_line_once():
    assert len(CompletionReport.model_validate(report([0, 1])).expenses) == 2
    with pytest.raises(ValidationError, match="once"):
        CompletionReport.model_validate(report([0, 1, 0]))
