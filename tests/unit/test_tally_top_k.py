"""A selection's rule, top_k: the k most approved, ties broken as greedy breaks them, and the
recount command that reads k and the rule from a published file."""

from __future__ import annotations

import json
import subprocess
import sys
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chalicelib.voting import tally
from chalicelib.voting.pabulib import Ballot, Election, PabulibError, Project, dump, parse


def election(approvals: dict[str, int], k: int | None = None, budget: int = 0) -> Election:
    ballots = [Ballot(f"v{pid}{n}", (pid,)) for pid, count in approvals.items() for n in range(count)]
    meta = {"rule": "top_k", "winners": str(k)} if k is not None else {}
    return Election.build(budget=budget, vote_type="approval", meta=meta,
                          projects=[Project(pid, Fraction(1000)) for pid in approvals], ballots=ballots)


def test_the_k_most_approved_are_selected_whatever_they_cost():
    outcome = tally.top_k(election({"a": 5, "b": 9, "c": 1, "d": 7}), 2)
    assert outcome.selected == ("b", "d")
    assert outcome.total_cost == 2000 and not outcome.tie_decided
    assert [(p.id, p.selected) for p in outcome.projects] == [("b", True), ("d", True), ("a", False), ("c", False)]
    assert outcome.projects[2].reason == "not among the 2 most approved"


def test_a_tie_at_the_edge_goes_to_the_id_that_sorts_first_and_is_reported():
    outcome = tally.top_k(election({"x9": 3, "x10": 3, "a": 5}), 2)
    assert outcome.selected == ("a", "x10")  # "x10" < "x9" as strings, as greedy breaks ties
    assert outcome.tie_decided


def test_a_tie_inside_the_k_decides_nothing():
    assert not tally.top_k(election({"a": 3, "b": 3, "c": 1}), 2).tie_decided


def test_nobody_approved_is_never_selected_so_fewer_than_k_may_win():
    outcome = tally.top_k(election({"a": 2, "b": 0, "c": 0}), 2)
    assert outcome.selected == ("a",)
    assert {p.id: p.reason for p in outcome.projects}["b"] == tally.NO_SUPPORT


def test_k_must_be_positive():
    with pytest.raises(PabulibError):
        tally.top_k(election({"a": 1}), 0)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from("abcdefgh"), st.integers(0, 6), min_size=1), st.integers(1, 10))
def test_every_selected_project_has_at_least_the_score_of_every_other(approvals, k):
    outcome = tally.top_k(election(approvals), k)
    chosen = set(outcome.selected)
    assert len(chosen) == min(k, sum(1 for n in approvals.values() if n > 0))
    if chosen and len(chosen) < len(approvals):
        assert min(approvals[p] for p in chosen) >= max(approvals[p] for p in approvals if p not in chosen)


def test_the_file_carries_k_and_the_rule_through_a_dump_and_a_parse():
    published = parse(dump(election({"a": 1, "b": 4, "c": 3}, k=2)))
    assert tally.winners_of(published) == 2
    assert tally.COMMAND_RULES["top_k"](published).selected == ("b", "c")


def test_the_recount_command_reads_the_rule_and_k_from_the_file(tmp_path):
    path = tmp_path / "selection.pb"
    path.write_text(dump(election({"a": 1, "b": 4, "c": 3}, k=2)), encoding="utf-8")
    for args in ([], ["--rule", "top_k"]):
        done = subprocess.run([sys.executable, "-m", "chalicelib.voting.tally", *args, str(path)],
                              capture_output=True, text=True, check=True)
        assert json.loads(done.stdout) == {"selected": ["b", "c"], "total_cost": 2000}


def test_the_recount_command_refuses_a_file_without_a_rule_it_knows(tmp_path):
    path = tmp_path / "unknown.pb"
    path.write_text(dump(election({"a": 1})), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "chalicelib.voting.tally", str(path)], capture_output=True, text=True)
    assert done.returncode == 2 and "--rule" in done.stderr
