"""A round's count streams its ballots, yet publishes what `pabulib.dump` of the whole election writes."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from chalicelib.voting import pabulib, repository, tally, tallying
from chalicelib.voting.models import MethodKind, ProjectStatus, SelectionRule
from chalicelib.voting.records import StoredBallot
from chalicelib.voting.rules import BALLOT_SHARDS

# Titles the publication must scrub or neutralise, and one project the count leaves out.
PROJECTS = [
    SimpleNamespace(id="P10", title="=HYPERLINK(\"x\");花坛", status=ProjectStatus.feasible, final_cost_fen=300_000),
    SimpleNamespace(id="P2", title="路灯 call 13912345678", status=ProjectStatus.feasible, final_cost_fen=500_000),
    SimpleNamespace(id="P3", title="长椅, \"新\"", status=ProjectStatus.feasible, final_cost_fen=200_000),
    SimpleNamespace(id="P4", title="Gone", status=ProjectStatus.infeasible, final_cost_fen=100_000),
    SimpleNamespace(id="P5", title="健身角", status=ProjectStatus.feasible, final_cost_fen=450_000),
]


def _round(kind: MethodKind, rule: SelectionRule) -> SimpleNamespace:
    method = SimpleNamespace(kind=kind, points=10 if kind is MethodKind.cumulative else None, min_picks=1,
                             max_picks=3 if kind is MethodKind.approval else None)
    return SimpleNamespace(id="RTEST", title="2027 微更新; =SUM(A1)", scope="310110012", rule=rule, budget_fen=1_000_000,
                           method=method)


def _ballots(kind: MethodKind, n: int) -> list[StoredBallot]:
    rng = random.Random(7)
    feasible = ["P10", "P2", "P3", "P5"]
    ballots = []
    for _ in range(n):
        picks = rng.sample(feasible, rng.randint(1, 3))
        points = [rng.randint(1, 4) for _ in picks] if kind is MethodKind.cumulative else None
        ballots.append(StoredBallot(id=f"{rng.getrandbits(64):016x}", picks=picks, points=points))
    return ballots


def _store(monkeypatch: pytest.MonkeyPatch, ballots: list[StoredBallot], legacy: list[StoredBallot]) -> None:
    """The ballots table as the count reads it: each shard's pages in id order, the legacy ones in none."""
    shards: list[list[StoredBallot]] = [[] for _ in range(BALLOT_SHARDS)]
    for i, ballot in enumerate(ballots):
        shards[i % BALLOT_SHARDS].append(ballot)

    def pages(round_id: str, shard: int):
        ordered = sorted(shards[shard], key=lambda b: b.id)
        for start in range(0, max(len(ordered), 1), 7):
            yield ordered[start:start + 7]

    monkeypatch.setattr(repository, "ballot_pages", pages)
    monkeypatch.setattr(repository, "legacy_ballots", lambda round_id: list(legacy))


@pytest.mark.parametrize(("kind", "rule"), [(MethodKind.approval, SelectionRule.mes),
                                            (MethodKind.approval, SelectionRule.greedy),
                                            (MethodKind.cumulative, SelectionRule.greedy)])
def test_the_streamed_file_is_the_bytes_dump_writes_for_the_whole_election(monkeypatch, kind, rule):
    ballots = _ballots(kind, 230)
    legacy, ballots = ballots[:5], ballots[5:]
    _store(monkeypatch, ballots, legacy)
    record = _round(kind, rule)
    with tallying.counted(record, PROJECTS) as (profile, outcome, published):
        streamed = published.read()

    # The reference: every ballot held, sorted by id, in one Election that pabulib.dump writes.
    whole = [pabulib.Ballot(b.id, tuple(b.picks), tuple(b.points) if b.points else None)
             for b in sorted(ballots + legacy, key=lambda b: b.id)]

    def election(selected=None):
        return pabulib.Election.build(budget=record.budget_fen,
                                      vote_type="cumulative" if kind is MethodKind.cumulative else "approval",
                                      meta=tallying.round_meta(record), projects=tallying.round_projects(PROJECTS),
                                      ballots=whole, selected=selected)

    expected = tally.greedy(election()) if rule is SelectionRule.greedy else tally.mes(election())
    assert outcome == expected
    assert streamed == pabulib.dump(election(list(expected.selected))).encode("utf-8")
    assert profile.voters == 230 and "P4" not in streamed.decode()
    assert "13912345678" not in streamed.decode() and ";=" not in streamed.decode()


def test_a_cumulative_round_whose_ballots_hold_no_points_publishes_no_points_column(monkeypatch):
    ballots = [b.model_copy(update={"points": None}) for b in _ballots(MethodKind.cumulative, 40)]
    _store(monkeypatch, ballots, [])
    record = _round(MethodKind.cumulative, SelectionRule.greedy)
    with tallying.counted(record, PROJECTS) as (_, outcome, published):
        streamed = published.read()
    whole = [pabulib.Ballot(b.id, tuple(b.picks)) for b in sorted(ballots, key=lambda b: b.id)]
    election = pabulib.Election.build(budget=record.budget_fen, vote_type="cumulative", meta=tallying.round_meta(record),
                                      projects=tallying.round_projects(PROJECTS), ballots=whole,
                                      selected=list(outcome.selected))
    assert streamed == pabulib.dump(election).encode("utf-8")


def test_a_shard_out_of_id_order_is_refused_rather_than_published_out_of_order(monkeypatch):
    ballots = _ballots(MethodKind.approval, 3)
    monkeypatch.setattr(repository, "ballot_pages",
                        lambda round_id, shard: iter([sorted(ballots, key=lambda b: b.id, reverse=True)] if shard == 0 else []))
    monkeypatch.setattr(repository, "legacy_ballots", lambda round_id: [])
    with pytest.raises(RuntimeError, match="out of id order"):
        with tallying.counted(_round(MethodKind.approval, SelectionRule.greedy), PROJECTS):
            pass


def test_no_ballot_is_nothing_to_count(monkeypatch):
    _store(monkeypatch, [], [])
    with pytest.raises(tallying.CannotCount, match="No ballot"):
        with tallying.counted(_round(MethodKind.approval, SelectionRule.greedy), PROJECTS):
            pass
