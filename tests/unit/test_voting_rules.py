"""Ballot rules, phases and codes of a round, without AWS."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from chalicelib.voting import rules
from chalicelib.voting.models import Phase, Schedule, Window

COSTS = {"a": 400, "b": 300, "c": 200}
APPROVAL = {"kind": "approval", "min_picks": 1, "max_picks": 2}
KNAPSACK = {"kind": "knapsack", "min_picks": 1, "min_budget_share_percent": 50}
CUMULATIVE = {"kind": "cumulative", "min_picks": 1, "points": 10, "max_points_per_project": 6}


@pytest.mark.parametrize(
    ("method", "picks", "points", "broken"),
    [
        (APPROVAL, ["a"], None, set()),
        (APPROVAL, ["a", "b", "c"], None, {"max_picks"}),
        (APPROVAL, ["a", "a"], None, {"duplicate_pick"}),
        (APPROVAL, ["zz"], None, {"unknown_project"}),
        (APPROVAL, ["a"], [1], {"points_not_used"}),
        (KNAPSACK, ["a", "b"], None, set()),
        (KNAPSACK, ["a", "b", "c"], None, {"over_budget"}),
        (KNAPSACK, ["c"], None, {"under_min_share"}),
        (CUMULATIVE, ["a", "b"], [6, 4], set()),
        (CUMULATIVE, ["a", "b"], [7, 3], {"points_per_project"}),
        (CUMULATIVE, ["a", "b"], [0, 3], {"points_per_project"}),
        (CUMULATIVE, ["a", "b", "c"], [6, 3, 2], {"points_total"}),
        (CUMULATIVE, ["a", "b"], None, {"points_mismatch"}),
    ],
)
def test_each_broken_rule_is_named(method, picks, points, broken):
    assert {rule for rule, _ in rules.ballot_problems(method, 800, COSTS, picks, points)} == broken


@given(st.lists(st.sampled_from(sorted(COSTS)), min_size=1, max_size=3, unique=True))
def test_a_knapsack_ballot_is_valid_exactly_when_it_fits_and_spends_half(picks):
    total = sum(COSTS[p] for p in picks)
    valid = not rules.ballot_problems(KNAPSACK, 800, COSTS, picks, None)
    assert valid == (total <= 800 and total * 2 >= 800)


WINDOWS = {
    "proposals": ("2027-03-01T01:00:00.000Z", "2027-03-10T10:00:00.000Z"),
    "review": ("2027-03-11T01:00:00.000Z", "2027-03-20T10:00:00.000Z"),
    "voting": ("2027-03-21T01:00:00.000Z", "2027-03-28T12:00:00.000Z"),
    "results": ("2027-03-30T01:00:00.000Z", "2027-04-06T10:00:00.000Z"),
    "implementation": ("2027-04-07T01:00:00.000Z", "2027-06-30T10:00:00.000Z"),
    "evaluation": ("2027-07-01T01:00:00.000Z", "2027-07-15T10:00:00.000Z"),
}


@pytest.mark.parametrize(
    ("now", "status", "phase"),
    [
        ("2027-02-01T00:00:00.000Z", "open", Phase.upcoming),
        ("2027-03-21T00:59:59.999Z", "open", Phase.review),
        ("2027-03-21T01:00:00.000Z", "open", Phase.voting),
        ("2027-03-28T11:59:59.999Z", "open", Phase.voting),
        ("2027-03-28T12:00:00.000Z", "open", Phase.tallying),
        ("2027-04-20T00:00:00.000Z", "open", Phase.tallying),  # not counted yet, whatever the date
        ("2027-03-29T00:00:00.000Z", "tallied", Phase.voting),  # counted, public notice not begun
        ("2027-03-31T00:00:00.000Z", "tallied", Phase.results),
        ("2027-07-20T00:00:00.000Z", "tallied", Phase.evaluation),
        ("2027-07-20T00:00:00.000Z", "closed", Phase.closed),
    ],
)
def test_the_phase_follows_the_schedule_and_the_tally(now, status, phase):
    assert rules.current_phase(WINDOWS, status, now) is phase


def test_the_voting_window_is_half_open():
    assert rules.in_window(WINDOWS["voting"], "2027-03-21T01:00:00.000Z")
    assert not rules.in_window(WINDOWS["voting"], "2027-03-28T12:00:00.000Z")
    assert not rules.in_window(WINDOWS["voting"], "2027-03-28T12:00:01.000Z")


def test_naive_times_are_shanghai_times():
    assert rules.to_utc(datetime(2027, 3, 21, 9, 0)).isoformat() == "2027-03-21T01:00:00+00:00"


def test_a_window_mixing_naive_and_aware_times_compares_them_as_shanghai_times():
    window = Window.model_validate({"starts": "2027-03-21T09:00:00", "ends": "2027-03-21T01:00:01Z"})
    assert rules.to_utc(window.starts) < rules.to_utc(window.ends)
    with pytest.raises(ValidationError, match="after starts"):
        Window.model_validate({"starts": "2027-03-21T09:00:00", "ends": "2027-03-21T01:00:00Z"})


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00", "0001-01-01T00:30:00+01:00", "9999-12-31T23:00:00-05:00"])
def test_a_time_whose_utc_is_beyond_python_is_refused_as_input(moment):
    with pytest.raises(ValidationError, match="between the years"):
        Window.model_validate({"starts": moment, "ends": moment.replace("00:", "01:", 1)})


def test_overlapping_phases_are_named():
    window = {"starts": "2027-03-01T09:00:00", "ends": "2027-03-10T18:00:00"}
    schedule = Schedule(**{name: window for name in rules.WINDOWED_PHASES})
    assert rules.schedule_problems(schedule)[0].startswith("schedule.review")


def test_codes_forgive_what_people_mistype():
    code = rules.new_code()
    assert len(code) == 14 and code.count("-") == 2
    assert rules.normalise_code(code.lower().replace("-", " ")) == code
    assert rules.normalise_code("k7mq-3xpd-9toi") == "K7MQ-3XPD-9T01"


@given(st.text(alphabet="0123456789abcdef", min_size=8, max_size=40))
def test_every_digest_lands_on_one_of_the_shards(digest):
    assert 0 <= rules.shard_of(digest) < rules.BALLOT_SHARDS


def test_drawn_shards_cover_every_partition_and_ballot_ids_are_not_receipts():
    # 2,000 draws from 16 miss a partition with probability below 1e-50.
    assert {rules.random_shard() for _ in range(2000)} == set(range(rules.BALLOT_SHARDS))
    ids = {rules.new_ballot_id() for _ in range(500)}
    assert len(ids) == 500
    assert all(len(i) == 16 and "-" not in i and set(i) <= set(rules.CODE_ALPHABET) for i in ids)
    assert all(len(rules.new_receipt()) == 11 for _ in range(10))
