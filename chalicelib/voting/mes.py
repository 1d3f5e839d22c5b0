"""The Method of Equal Shares with cost utilities and the "add1" completion, computed exactly and fast.

This module owns the arithmetic of equal shares; `tally.py` turns an election into its input and
its output into a published outcome. Every voter starts with an equal share of the budget (the
endowment). A voter's utility for a project is its cost times the voter's points for it (one
point per approved project). Step by step, the project that its supporters can pay for at the
lowest price per unit of utility is funded, each supporter paying that price times their utility,
or all they have left if that is less; ties go to the project ranked first by the caller's order.
"add1" reruns the whole method with the endowment raised by one currency unit at a time, until an
outcome leaves no supported project unfunded that would still fit the real budget, or goes over
it (then the previous outcome stands).

Why it is fast and still exact. Voters with identical ballots pay identically, so each distinct
ballot is one weighted group. A project's price only rises as budgets fall, so the last price
computed is a lower bound and only the cheapest few are recomputed each step (lazy evaluation).
Budgets are floats, but a decision is taken in floats only when no rounding error could change
it: prices within a relative 1e-9 of each other (rounding errors here stay below 1e-12), and
budget sums within 1e-9 of a cost, send that run to `Fraction` arithmetic, which decides exactly
and also reports genuine ties. Projects whose supporters all still have enough left have the exact
price 1/(their total points) without any rounding, so the common ties are settled without a rerun.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import compress
from operator import itemgetter, mul, truediv

# Rounding error of a price computed in floats stays far below this relative margin (≈1e-12 for
# thousands of voters); anything closer is decided again with fractions.
MARGIN = 1e-9
# Relative rounding error of 1/n in floats, with room to spare.
EXACT_ERROR = 1e-15
# Rounds of "who falls short of the price" before sorting instead; a handful suffice in real elections.
ITERATION_LIMIT = 12


@dataclass(frozen=True)
class Problem:
    """One election as equal shares sees it: projects by index, voters merged into weighted groups."""

    costs: tuple[Fraction, ...]
    budget: Fraction
    voters: int
    # (multiplicity, ((project, points), ...)) per distinct ballot; points > 0.
    groups: tuple[tuple[int, tuple[tuple[int, int], ...]], ...]
    # Tie-break rank per project: lower wins.
    rank: tuple[int, ...]


@dataclass(frozen=True)
class EqualSharesResult:
    selected: tuple[int, ...]  # project indices in the order they were funded
    endowment: Fraction  # per-voter budget of the run that produced `selected`
    tie_broken: bool  # some step had two or more projects at exactly the same price
    runs: int  # how many endowments were tried
    exact_runs: int  # how many of those needed fractions to decide


class _Ambiguous(Exception):
    """A float decision fell inside the rounding margin; the run is redone in fractions."""


@dataclass
class _Supporters:
    groups: list[int]
    multiplicity: list[int]
    points: list[int]
    total_points: int  # Σ multiplicity × points over `groups`


class _Prepared:
    """What every run of one problem shares: supporters per project, exact and as float lists."""

    def __init__(self, problem: Problem):
        self.supporters = _supporters(problem)
        self.live = [None if s is None else _LiveSupporters.of(s) for s in self.supporters]
        self.float_costs = [float(c) for c in problem.costs]


def _supporters(problem: Problem) -> list[_Supporters | None]:
    """Per project, its supporting groups; None for projects equal shares never funds (no support or no cost)."""
    supporters: list[_Supporters | None] = [None] * len(problem.costs)
    for g, (multiplicity, picks) in enumerate(problem.groups):
        for j, points in picks:
            if points <= 0:
                continue
            s = supporters[j]
            if s is None:
                s = supporters[j] = _Supporters([], [], [], 0)
            s.groups.append(g)
            s.multiplicity.append(multiplicity)
            s.points.append(points)
            s.total_points += multiplicity * points
    return [s if s is not None and problem.costs[j] > 0 else None for j, s in enumerate(supporters)]


def equal_shares(problem: Problem, endowment: Fraction, prepared: _Prepared | None = None) -> tuple[list[int], bool, bool]:
    """One run at a given per-voter endowment: (funded projects in order, tie broken, needed fractions)."""
    prepared = prepared or _Prepared(problem)
    try:
        selected, tie = _run_float(problem, prepared, endowment)
        return selected, tie, False
    except _Ambiguous:
        selected, tie = _run_exact(problem, prepared.supporters, endowment)
        return selected, tie, True


def equal_shares_add1(problem: Problem) -> EqualSharesResult:
    """Equal shares completed by add1, exactly as defined in the module docstring."""
    prepared = _Prepared(problem)
    fundable = [j for j, s in enumerate(prepared.supporters) if s is not None]
    if problem.voters == 0:
        return EqualSharesResult((), Fraction(0), False, 0, 0)
    endowment = problem.budget / problem.voters
    previous: tuple[list[int], Fraction] | None = None
    runs = exact_runs = 0
    tie_any = False
    while True:
        selected, tie, exact = equal_shares(problem, endowment, prepared)
        runs += 1
        exact_runs += exact
        tie_any = tie_any or tie
        spent = sum((problem.costs[j] for j in selected), Fraction(0))
        if spent > problem.budget:
            # The first run spends at most the budget, so a previous run exists here.
            assert previous is not None
            selected, endowment = previous
            break
        chosen = set(selected)
        if all(j in chosen or spent + problem.costs[j] > problem.budget for j in fundable):
            break
        previous = (selected, endowment)
        endowment += 1
    return EqualSharesResult(tuple(selected), endowment, tie_any, runs, exact_runs)


# --- one run in floats, deciding only what rounding cannot change ---------------------------


def _run_float(problem: Problem, prepared: _Prepared, endowment: Fraction) -> tuple[list[int], bool]:
    costs = prepared.float_costs
    start = float(endowment)
    budgets = [start] * len(problem.groups)
    live = list(prepared.live)
    rank = problem.rank
    # Heap keys are certified lower bounds of each price; with everyone able to pay it is 1/(total points).
    heap = [((1.0 / s.total_points) * (1 - EXACT_ERROR), rank[j], j) for j, s in enumerate(live) if s is not None]
    heapq.heapify(heap)
    selected: list[int] = []
    tie_broken = False
    while heap:
        evaluated: list[_FloatPrice] = []
        lowest_upper = float("inf")
        while heap and heap[0][0] <= lowest_upper:
            _, _, j = heapq.heappop(heap)
            price = _price_float(j, live, budgets, costs[j], start)
            if price is not None:
                evaluated.append(price)
                lowest_upper = min(lowest_upper, price.upper)
        if not evaluated:
            break
        # Whoever might truly be cheapest: its interval reaches below every other's upper end.
        contenders = [p for p in evaluated if p.lower <= lowest_upper]
        if len(contenders) > 1:
            if any(p.total_points is None for p in contenders):
                raise _Ambiguous
            # Exact prices 1/points: the most points wins, then the tie-break rank.
            most = max(p.total_points for p in contenders)
            contenders = sorted((p for p in contenders if p.total_points == most), key=lambda p: rank[p.project])
            tie_broken = tie_broken or len(contenders) > 1
        winner = contenders[0]
        if not winner.clear_payers():
            raise _Ambiguous
        selected.append(winner.project)
        _pay_float(live[winner.project], budgets, winner.per_point)
        for p in evaluated:
            if p is not winner:
                heapq.heappush(heap, (p.lower, rank[p.project], p.project))
    return selected, tie_broken


class _LiveSupporters:
    """A project's supporters during one float run.

    Prices are computed over one entry per voter (a group of identical ballots repeated), so that
    every pass is a plain float list operation; payments are made once per group. Immutable, so
    that every run can start from the same objects.
    """

    def __init__(self, voters: list[int], voter_points: list[int], groups: list[int], points: list[int]):
        self.voters = voters
        self.voter_points = voter_points
        self.groups = groups
        self.points = points
        self.unit_points = points.count(1) == len(points)
        self.total_points = sum(voter_points)
        self.values_of = _getter(voters)
        self.group_budgets_of = _getter(groups)

    @classmethod
    def of(cls, s: _Supporters) -> _LiveSupporters:
        voters = [g for g, m in zip(s.groups, s.multiplicity, strict=True) for _ in range(m)]
        voter_points = [p for p, m in zip(s.points, s.multiplicity, strict=True) for _ in range(m)]
        return cls(voters, voter_points, list(s.groups), list(s.points))

    def without_drained(self, values: Sequence[float], budgets: list[float]) -> _LiveSupporters:
        # A zero budget is falsy: compress keeps exactly the voters who still have money.
        group_budgets = self.group_budgets_of(budgets)
        return _LiveSupporters(list(compress(self.voters, values)), list(compress(self.voter_points, values)),
                               list(compress(self.groups, group_budgets)), list(compress(self.points, group_budgets)))


def _getter(indices: list[int]) -> Callable[[list[float]], Sequence[float]]:
    if not indices:
        return lambda budgets: ()
    if len(indices) == 1:
        only = indices[0]
        return lambda budgets: (budgets[only],)
    return itemgetter(*indices)


@dataclass
class _FloatPrice:
    project: int
    lower: float  # the true price per unit of utility lies in [lower, upper]
    upper: float
    total_points: int | None  # set when the price is exactly 1/total_points
    per_point: float  # what each supporter pays per point, unless that is more than they have
    ratios: Sequence[float]  # each voter's budget per point
    band: float  # how far a budget per point may be off the true one

    def clear_payers(self) -> bool:
        """No voter's budget is within rounding of what they owe: who pays all they have is certain."""
        low, high = self.per_point - self.band, self.per_point + self.band
        return not [r for r in self.ratios if low <= r <= high]


def _price_float(j: int, live: list[_LiveSupporters | None], budgets: list[float], cost: float, start: float
                 ) -> _FloatPrice | None:
    """The project's price in floats with an error interval wide enough for any rounding; None once unaffordable."""
    s = live[j]
    assert s is not None
    values = s.values_of(budgets)
    drained = values.count(0.0)
    if drained * 4 > len(values):
        # Drained voters (certified by `clear_payers`) pay nothing more: drop them so later steps scan fewer.
        s = live[j] = s.without_drained(values, budgets)
        values = s.values_of(budgets)
        drained = 0
        if not values:
            return None
    # Budgets carry rounding error proportional to the endowment; sums of them, to the supporters' endowment.
    tolerance = MARGIN * start
    slack = MARGIN * (cost + start * len(values))
    available = sum(values)
    if available < cost - slack:
        return None
    if available <= cost + slack:
        raise _Ambiguous
    ratios = values if s.unit_points else list(map(truediv, values, s.voter_points))
    points = s.total_points
    per_point = cost / points
    if not drained and min(ratios) > per_point * (1 + MARGIN) + tolerance:
        # Everyone can pay their share with room to spare: the price is exactly 1/(total points).
        price = 1.0 / points
        return _FloatPrice(j, price * (1 - EXACT_ERROR), price * (1 + EXACT_ERROR), points, per_point, (), 0.0)
    paid_by_poor, poor_points = _poor_share(s, values, ratios, cost, per_point)
    per_point = (cost - paid_by_poor) / (points - poor_points)
    band = MARGIN * per_point + tolerance
    price = per_point / cost
    if paid_by_poor == 0.0:
        # Only drained voters fall short; if nobody else is near the line the price is exactly 1/(points left).
        candidate = _FloatPrice(j, price * (1 - EXACT_ERROR), price * (1 + EXACT_ERROR), points - poor_points, per_point,
                                ratios, band)
        if candidate.clear_payers():
            return candidate
    # per_point·(points left) = cost − paid_by_poor, whose absolute error is below slack.
    error = slack / (cost - paid_by_poor)
    if error > 1e-3:
        raise _Ambiguous
    return _FloatPrice(j, price * (1 - error), price * (1 + error), None, per_point, ratios, band)


def _poor_share(s: _LiveSupporters, values: Sequence[float], ratios: Sequence[float], cost: float, per_point: float
                ) -> tuple[float, int]:
    """(budget of the voters who cannot pay the price, their points).

    Those who cannot pay the current price pay all they have, which raises the price for the rest;
    repeat until nobody new falls short. The price only rises, so the set of the poor only grows,
    and an unchanged count means an unchanged set.
    """
    points = s.total_points
    paid_by_poor, poor_points = 0.0, 0
    for _ in range(ITERATION_LIMIT):
        if s.unit_points:
            poor = [v for v in values if v < per_point]
            paid, short = sum(poor), len(poor)
        else:
            falls_short = [r < per_point for r in ratios]
            paid, short = sum(compress(values, falls_short)), sum(compress(s.voter_points, falls_short))
        if short == poor_points:
            return paid_by_poor, poor_points
        if short >= points:
            raise _Ambiguous  # everyone short: affordable only within rounding
        paid_by_poor, poor_points = paid, short
        per_point = max(per_point, (cost - paid_by_poor) / (points - poor_points))
    return _poor_share_by_sorting(s, values, ratios, cost)


def _poor_share_by_sorting(s: _LiveSupporters, values: Sequence[float], ratios: Sequence[float], cost: float
                           ) -> tuple[float, int]:
    """The same answer in one sort, for budgets spread so that the iteration would take long."""
    voter_points = s.voter_points
    order = sorted(range(len(ratios)), key=ratios.__getitem__)
    paid_by_poor, poor_points = 0.0, 0
    for i in order:
        if (cost - paid_by_poor) <= ratios[i] * (s.total_points - poor_points):
            return paid_by_poor, poor_points
        paid_by_poor += values[i]
        poor_points += voter_points[i]
    raise _Ambiguous


def _pay_float(s: _LiveSupporters, budgets: list[float], per_point: float) -> None:
    if s.unit_points:
        for g in s.groups:
            have = budgets[g]
            budgets[g] = have - per_point if have > per_point else 0.0
    else:
        for g, p in zip(s.groups, s.points, strict=True):
            due = per_point * p
            have = budgets[g]
            budgets[g] = have - due if have > due else 0.0


# --- one run in fractions: the definition, used when floats cannot tell ----------------------


def _run_exact(problem: Problem, supporters: list[_Supporters | None], endowment: Fraction) -> tuple[list[int], bool]:
    budgets = [endowment] * len(problem.groups)
    rank = problem.rank
    heap = [(Fraction(1, s.total_points), rank[j], j) for j, s in enumerate(supporters) if s is not None]
    heapq.heapify(heap)
    selected: list[int] = []
    tie_broken = False
    while heap:
        evaluated: list[tuple[Fraction, Fraction, int]] = []
        best: Fraction | None = None
        while heap and (best is None or heap[0][0] <= best):
            _, _, j = heapq.heappop(heap)
            s = supporters[j]
            assert s is not None
            price = _price_exact(s, budgets, problem.costs[j])
            if price is None:
                continue
            evaluated.append((*price, j))
            best = price[0] if best is None else min(best, price[0])
        if not evaluated:
            break
        near = sorted((e for e in evaluated if e[0] == best), key=lambda e: rank[e[2]])
        tie_broken = tie_broken or len(near) > 1
        _, per_point, j = near[0]
        selected.append(j)
        s = supporters[j]
        assert s is not None
        for g, p in zip(s.groups, s.points, strict=True):
            budgets[g] -= min(budgets[g], per_point * p)
        for e in evaluated:
            if e[2] != j:
                heapq.heappush(heap, (e[0], rank[e[2]], e[2]))
    return selected, tie_broken


def _price_exact(s: _Supporters, budgets: Sequence[Fraction], cost: Fraction) -> tuple[Fraction, Fraction] | None:
    values = [budgets[g] for g in s.groups]
    if sum(map(mul, s.multiplicity, values)) < cost:
        return None
    order = sorted(range(len(values)), key=lambda i: values[i] / s.points[i])
    paid_by_poor = Fraction(0)
    points_left = s.total_points
    for i in order:
        per_point = (cost - paid_by_poor) / points_left
        if per_point * s.points[i] <= values[i]:
            return per_point / cost, per_point
        paid_by_poor += s.multiplicity[i] * values[i]
        points_left -= s.multiplicity[i] * s.points[i]
    raise AssertionError("an affordable project always has a price")
