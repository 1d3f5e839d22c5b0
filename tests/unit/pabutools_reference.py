"""pabutools 1.2.3, called as expected.json's `definition` strings call it: the reference our tally is checked against.

pabutools is GPL-licensed and a dev-only dependency: the tests and the benchmark call it, the
product never does. Cumulative and ordinal ballots use cost utilities weighted by points
(`Points_Cost_Sat` below; ordinal points are len(ballot) − rank + 1), as expected.json does.
"""

from __future__ import annotations

from fractions import Fraction

from pabutools.election import (
    ApprovalBallot,
    ApprovalProfile,
    CumulativeBallot,
    CumulativeProfile,
    Instance,
)
from pabutools.election import Project as ReferenceProject
from pabutools.election.satisfaction import Cost_Sat
from pabutools.election.satisfaction.additivesatisfaction import AdditiveSatisfaction
from pabutools.fractions import frac
from pabutools.rules import greedy_utilitarian_welfare, method_of_equal_shares
from pabutools.tiebreaking import TieBreakingRule, lexico_tie_breaking

from chalicelib.voting.pabulib import Election
from chalicelib.voting.tally import weighted_picks


class Points_Cost_Sat(AdditiveSatisfaction):  # noqa: N801 - the name expected.json uses
    """Utility = points × cost, the cost utility of cumulative and ordinal ballots."""

    def __init__(self, instance, profile, ballot):
        super().__init__(instance, profile, ballot, lambda inst, prof, b, p, pre: frac(b[p]) * p.cost if p in b else 0)


def _descending(name: str) -> tuple[int, ...]:
    # Reverse string order, a prefix after its extensions ("10" before "1"), as a sort key.
    return (*(-ord(c) for c in name), 0)


REVERSE_LEXICO = TieBreakingRule(lambda instance, profile, project: _descending(project.name))


def _money(amount: Fraction):
    return frac(amount.numerator, amount.denominator)


def instance_and_profile(election: Election):
    projects = {pid: ReferenceProject(pid, _money(p.cost)) for pid, p in election.projects.items()}
    instance = Instance(projects.values(), budget_limit=_money(election.budget))
    if election.vote_type in ("approval", "choose-1"):
        ballots = [ApprovalBallot([projects[pid] for pid in b.picks]) for b in election.ballots]
        return instance, ApprovalProfile(ballots, instance=instance), Cost_Sat
    cumulative = [CumulativeBallot({projects[pid]: frac(points) for pid, points in weighted_picks(election.vote_type, b)})
                  for b in election.ballots]
    return instance, CumulativeProfile(cumulative, instance=instance), Points_Cost_Sat


def greedy(election: Election, tie_breaking=lexico_tie_breaking) -> list[str]:
    instance, profile, sat = instance_and_profile(election)
    return sorted(p.name for p in greedy_utilitarian_welfare(instance, profile, sat_class=sat, tie_breaking=tie_breaking))


def mes_cost_add1_greedy(election: Election, tie_breaking=lexico_tie_breaking) -> list[str]:
    instance, profile, sat = instance_and_profile(election)
    funded = method_of_equal_shares(instance, profile.as_multiprofile(), sat_class=sat, voter_budget_increment=1,
                                    tie_breaking=tie_breaking)
    completed = greedy_utilitarian_welfare(instance, profile, sat_class=sat, initial_budget_allocation=funded,
                                           tie_breaking=tie_breaking)
    return sorted(p.name for p in completed)


def outcomes(election: Election) -> dict[str, list[str]]:
    """Selections (ids sorted as strings) of both rules, with ties broken as usual and the other way round."""
    return {
        "greedy": greedy(election),
        "greedy_reversed": greedy(election, REVERSE_LEXICO),
        "mes": mes_cost_add1_greedy(election),
        "mes_reversed": mes_cost_add1_greedy(election, REVERSE_LEXICO),
    }
