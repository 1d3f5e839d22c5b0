"""The pool in the table moves as rules.apply_movements says, refuses what it refuses,
and its ledger always adds up to its figures."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chalicelib.funds import repository, rules
from chalicelib.funds.models import MovementKind
from chalicelib.funds.records import LedgerEntry, Pool
from chalicelib.funds.rules import Figures, InsufficientFunds
from chalicelib.storage.dynamo import ConditionFailedError

YEAR = 2031
AT = "2031-05-01T02:00:00.000Z"
# moto keeps its table across hypothesis examples; each example gets its own committee.
committees = (f"31011001{n:04d}" for n in itertools.count(1))

movement = st.tuples(st.sampled_from(list(MovementKind)), st.integers(1, 5_000))
# Most writes carry one movement; a settlement carries up to three.
step = st.lists(movement, min_size=1, max_size=3)


def create_pool(committee: str, allocated: int) -> None:
    pool = Pool(committee=committee, year=YEAR, allocated_fen=allocated, available_fen=allocated, committed_fen=0,
                disbursed_fen=0, per_application_cap_fen=5_000, per_team_cap_fen=10_000, notice_days=7)
    writes = [repository.pool_create(pool)]
    if allocated:
        writes += repository.ledger_puts(committee, YEAR, [(MovementKind.allocate, allocated)], AT, "street_official")
    repository.write(writes)


def stored_figures(committee: str) -> Figures:
    pool = repository.get_pool(committee, YEAR)
    assert pool is not None
    return Figures(**{figure: getattr(pool, figure) for figure in rules.FIGURES})


def ledger_figures(entries: list[LedgerEntry]) -> Figures:
    totals = Counter()
    for entry in entries:
        for figure, sign in rules.MOVEMENTS[entry.kind].items():
            totals[figure] += sign * entry.amount_fen
    return Figures(**{figure: totals[figure] for figure in rules.FIGURES})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(allocated=st.integers(0, 20_000), steps=st.lists(step, max_size=12))
def test_the_stored_pool_follows_the_rules_and_its_ledger_adds_up(aws, allocated, steps):
    committee = next(committees)
    create_pool(committee, allocated)
    model = Figures(allocated_fen=allocated, available_fen=allocated)
    assert stored_figures(committee) == model

    for movements in steps:
        ledger_before = repository.whole_ledger(committee, YEAR)
        pool_before = repository.get_pool(committee, YEAR)
        try:
            expected = rules.apply_movements(model, movements)
        except InsufficientFunds:
            expected = None
        try:
            repository.write([repository.pool_movement(committee, YEAR, movements),
                              *repository.ledger_puts(committee, YEAR, movements, AT, "street_official")])
        except ConditionFailedError as exc:
            assert expected is None, f"{movements} refused on {model}"
            # The pool's condition, and only it, stopped the transaction.
            assert exc.failed == [0]
            assert repository.get_pool(committee, YEAR) == pool_before
            assert repository.whole_ledger(committee, YEAR) == ledger_before
        else:
            assert expected is not None, f"{movements} went through on {model}"
            model = expected
            assert len(repository.whole_ledger(committee, YEAR)) == len(ledger_before) + len(movements)

        assert stored_figures(committee) == model
        assert model.balanced()
        assert ledger_figures(repository.whole_ledger(committee, YEAR)) == model


def test_money_does_not_move_in_a_pool_that_does_not_exist(aws):
    committee = next(committees)
    with pytest.raises(ConditionFailedError):
        repository.write([repository.pool_movement(committee, YEAR, [(MovementKind.allocate, 100)]),
                          *repository.ledger_puts(committee, YEAR, [(MovementKind.allocate, 100)], AT, "street_official")])
    assert repository.get_pool(committee, YEAR) is None
    assert repository.whole_ledger(committee, YEAR) == []


def test_a_pool_is_created_once(aws):
    committee = next(committees)
    create_pool(committee, 1_000)
    with pytest.raises(ConditionFailedError):
        create_pool(committee, 0)
    assert stored_figures(committee) == Figures(1_000, 1_000)
    assert len(repository.whole_ledger(committee, YEAR)) == 1


def test_the_last_fen_can_be_committed_and_not_one_more(aws):
    committee = next(committees)
    create_pool(committee, 1_000)
    repository.write([repository.pool_movement(committee, YEAR, [(MovementKind.commit, 999)])])
    with pytest.raises(ConditionFailedError):
        repository.write([repository.pool_movement(committee, YEAR, [(MovementKind.commit, 2)])])
    repository.write([repository.pool_movement(committee, YEAR, [(MovementKind.commit, 1)])])
    assert stored_figures(committee) == Figures(allocated_fen=1_000, committed_fen=1_000)
