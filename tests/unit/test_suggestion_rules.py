"""The suggestion state machine and its rules, exhaustively and without AWS."""

from __future__ import annotations

import itertools
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chalicelib.auth import Role
from chalicelib.suggestions import rules
from chalicelib.suggestions.models import Action, SuggestionStatus

EXPECTED_MOVES = {
    SuggestionStatus.submitted: {"accept", "decline", "transfer", "merge"},
    SuggestionStatus.accepted: {"assign", "transfer", "merge", "reply", "extend"},
    SuggestionStatus.assigned: {"assign", "transfer", "merge", "reply", "extend"},
    SuggestionStatus.transferred: {"accept", "return"},
    SuggestionStatus.replied: {"close", "reopen"},
    SuggestionStatus.reopened: {"assign", "transfer", "reply", "extend"},
    SuggestionStatus.closed: {"reopen"},
    SuggestionStatus.declined: set(),
    SuggestionStatus.merged: set(),
}


@pytest.mark.parametrize(("status", "action"), list(itertools.product(SuggestionStatus, Action)))
def test_every_status_and_action_pair_is_either_a_move_or_refused(status, action):
    target = rules.next_status(status, action, SuggestionStatus.assigned)
    assert (target is not None) == (action.value in EXPECTED_MOVES[status])
    assert (action.value in rules.allowed_actions(status)) == (target is not None)


def test_finished_cases_accept_nothing_but_a_closed_one_may_be_reopened():
    assert rules.allowed_actions(SuggestionStatus.declined) == rules.allowed_actions(SuggestionStatus.merged) == []
    assert rules.allowed_actions(SuggestionStatus.closed) == ["reopen"]


@pytest.mark.parametrize("before", [SuggestionStatus.submitted, SuggestionStatus.accepted, SuggestionStatus.assigned,
                                    SuggestionStatus.reopened])
def test_return_restores_the_status_before_the_transfer(before):
    assert rules.next_status(SuggestionStatus.transferred, Action.return_, before) is before


def test_an_extension_is_offered_only_once():
    assert "extend" in rules.allowed_actions(SuggestionStatus.accepted)
    assert "extend" not in rules.allowed_actions(SuggestionStatus.accepted, extended=True)


@pytest.mark.parametrize(
    ("action", "provided", "missing"),
    [
        (Action.decline, {}, ["reason"]),
        (Action.decline, {"reason": "x"}, []),
        (Action.transfer, {"to_street": "310110015"}, ["reason"]),
        (Action.assign, {}, ["committee|department"]),
        (Action.assign, {"committee": "310110012001", "department": "城建办"}, ["committee|department"]),
        (Action.assign, {"department": "城建办"}, []),
        (Action.reply, {"message": "m", "adoption": "adopted"}, []),
        (Action.reply, {"message": "m", "adoption": "not_adopted"}, ["reason"]),
        (Action.reply, {"message": "m", "adoption": "partly_adopted", "reason": "r"}, []),
        (Action.extend, {"days": 5}, ["reason"]),
        (Action.accept, {}, []),
        (Action.close, {}, []),
    ],
)
def test_each_action_names_what_it_cannot_do_without(action, provided, missing):
    assert rules.missing_fields(action, provided) == missing


def test_committee_staff_may_only_reply():
    assert [a for a in Action if Role.committee_staff in rules.ACTION_ROLES[a]] == [Action.reply]
    assert all(Role.resident not in roles for roles in rules.ACTION_ROLES.values())


def test_a_case_is_listed_in_its_division_and_every_division_above_it():
    assert rules.queue_scopes("310110012001") == ["31", "310110", "310110012", "310110012001"]
    assert rules.queue_scopes("310110015") == ["31", "310110", "310110015"]


def test_queue_buckets_keep_replied_cases_open_until_closed():
    done = {SuggestionStatus.closed, SuggestionStatus.declined, SuggestionStatus.merged}
    assert {s for s in SuggestionStatus if rules.bucket_of(s) == "done"} == done


def test_the_stage_deadline_is_acknowledgement_then_reply_and_none_once_answered():
    assert rules.stage_due(SuggestionStatus.submitted, False, "A", "R") == "A"
    assert rules.stage_due(SuggestionStatus.accepted, True, "A", "R") == "R"
    assert rules.stage_due(SuggestionStatus.transferred, True, "A", "R") == "R"
    assert all(rules.stage_due(s, True, "A", "R") is None
               for s in (SuggestionStatus.replied, SuggestionStatus.closed, SuggestionStatus.declined, SuggestionStatus.merged))


def test_overdue_means_past_the_deadline():
    assert rules.is_overdue("2026-10-16T15:59:59.999Z", "2026-10-16T16:00:00.000Z")
    assert not rules.is_overdue("2026-10-16T15:59:59.999Z", "2026-10-16T15:59:59.999Z")
    assert not rules.is_overdue(None, "2030-01-01T00:00:00.000Z")


def test_a_low_rating_reopens_only_once():
    assert rules.rating_reopens(1, False) and rules.rating_reopens(2, False)
    assert not rules.rating_reopens(3, False)
    assert not rules.rating_reopens(1, True)


@given(st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2099, 12, 31)))
def test_tracking_numbers_carry_the_shanghai_date_and_are_recognised(moment):
    number = rules.new_tracking_number(moment.replace(tzinfo=ZoneInfo("Asia/Shanghai")))
    assert rules.is_tracking_number(number)
    assert number.startswith(moment.strftime("%y%m%d") + "-")


@pytest.mark.parametrize("text", ["", "261123048175", "261123-04817", "26112a-048175", "２６１１２３-048175",
                                  "261123-0481755", "01JD0000000000000000000000"])
def test_other_text_is_not_a_tracking_number(text):
    assert not rules.is_tracking_number(text)


def test_a_person_is_their_account_and_a_number_counts_only_once_verified(monkeypatch):
    from chalicelib.auth import Principal, Role, pending_owner_key, person_key

    monkeypatch.setenv("MULIN_PII_KEY", "unit-test-key")
    own = Principal(user_id="user-a", role=Role.resident, phone="+8613912345678", phone_verified=True)
    # The same number on another account, unverified: it is not theirs.
    claimed = Principal(user_id="user-b", role=Role.resident, phone="+8613912345678", phone_verified=False)
    assert own.person == person_key("user-a") != claimed.person
    assert own.owner_keys == [own.person, pending_owner_key("+8613912345678")]
    assert claimed.owner_keys == [claimed.person]
    assert "13912345678" not in "".join(own.owner_keys)
    # Officials own no cases, whatever number they hold.
    staff = Principal(user_id="user-c", role=Role.committee_staff, jurisdiction="310110012001",
                      phone="+8613912345678", phone_verified=True)
    assert staff.owner_keys == [staff.person]
