"""One run of equal shares in floats, taking only the decisions that rounding cannot change.

`mes.py` defines the method and runs it in fractions; this module runs it many times faster, for
add1's hundreds of runs. Every price is computed with an interval that
certainly holds the exact price: budgets and their sums carry rounding errors far below
`MARGIN` (a relative 1e-9; the real errors are nearer 1e-13). A project is funded only when its
interval lies wholly below every other's, or when the tied prices are exact (1/points, when all
supporters can still pay their share), so that the tie-break rank decides as it would in
fractions. A voter is drained to zero only when their budget is clearly below what they owe.
Anything closer raises `Ambiguous`, and the caller redoes the run in fractions.

Speed comes from three things. Identical ballots are one group, but prices are computed over one
entry per voter, so every pass is a C-level operation on a list of floats. A project's price only
rises as budgets fall, so the last price computed is a lower bound and only the cheapest few are
priced each step (lazy evaluation). Pricing finds who cannot pay by Newton's method from below,
which yields a rising lower bound at every round: a project is dropped from the step as soon as
that bound exceeds the best price found, and a hint (add1's previous funding order) prices the
likely winner first so that this happens early.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import compress
from operator import itemgetter, truediv
from typing import Protocol

# Rounding error of a price computed in floats stays far below this relative margin (≈1e-13 for
# thousands of voters); anything closer is decided again with fractions.
MARGIN = 1e-9
# Relative rounding error of 1/n in floats, with room to spare.
EXACT_ERROR = 1e-15
# Rounds of "who falls short of the price" before sorting instead; a handful suffice in real elections.
ITERATION_LIMIT = 12


class Ambiguous(Exception):
    """A float decision fell inside the rounding margin; the run must be redone in fractions."""


class GroupsOfProject(Protocol):
    """A project's supporters as `mes.py` keeps them: one entry per distinct ballot."""

    groups: list[int]
    multiplicity: list[int]
    points: list[int]


def run(live: Sequence[LiveSupporters | None], costs: Sequence[float], groups: int, rank: Sequence[int],
        endowment: Fraction, hint: Sequence[int] = ()) -> tuple[list[int], bool]:
    """(funded projects in order, whether an exact tie was broken by `rank`); raises `Ambiguous`.

    `hint` is a guess of the funding order: a wrong guess costs time only.
    """
    start = float(endowment)
    budgets = [start] * groups
    floors = [0.0] * len(live)
    in_play = [s is not None for s in live]
    # Heap keys are certified lower bounds of each price; with everyone able to pay it is 1/(total points).
    heap = [((1.0 / s.total_points) * (1 - EXACT_ERROR), rank[j], j) for j, s in enumerate(live) if s is not None]
    heapq.heapify(heap)
    selected: list[int] = []
    tie_broken = False
    while heap:
        evaluated: list[Price] = []
        lowest_upper = float("inf")
        guess = hint[len(selected)] if len(selected) < len(hint) else -1
        guess_popped = False
        if guess >= 0 and in_play[guess]:
            price = _price(guess, live[guess], budgets, costs[guess], start, floors[guess], lowest_upper)
            if price is None:
                in_play[guess] = False
            else:
                floors[guess] = price.per_point
                evaluated.append(price)
                lowest_upper = price.upper
        while heap and heap[0][0] <= lowest_upper:
            _, _, j = heapq.heappop(heap)
            if not in_play[j]:
                continue  # funded or found unaffordable since this entry was pushed
            if j == guess:
                guess_popped = True
                continue
            price = _price(j, live[j], budgets, costs[j], start, floors[j], lowest_upper)
            if price is None:
                in_play[j] = False
                continue
            floors[j] = price.per_point
            evaluated.append(price)
            lowest_upper = min(lowest_upper, price.upper)
        if not evaluated:
            break
        # Whoever might truly be cheapest: its interval reaches below every other's upper end.
        contenders = [p for p in evaluated if p.lower <= lowest_upper]
        if len(contenders) > 1:
            if any(p.total_points is None for p in contenders):
                raise Ambiguous
            # Exact prices 1/points: the most points wins, then the tie-break rank.
            most = max(p.total_points for p in contenders)
            contenders = sorted((p for p in contenders if p.total_points == most), key=lambda p: rank[p.project])
            tie_broken = tie_broken or len(contenders) > 1
        winner = contenders[0]
        if not winner.clear_payers():
            raise Ambiguous
        selected.append(winner.project)
        in_play[winner.project] = False
        _pay(live[winner.project], budgets, winner.per_point)
        for p in evaluated:
            # The guess, if never popped, still has its older (lower) entry in the heap.
            if p is not winner and (p.project != guess or guess_popped):
                heapq.heappush(heap, (p.lower, rank[p.project], p.project))
    return selected, tie_broken


class LiveSupporters:
    """A project's supporters as the float runs read them; built once, shared by every run, never changed.

    Prices are computed over one entry per voter (a group of identical ballots repeated), so that
    every pass is a plain float list operation; payments are made once per group. Drained voters
    stay in the lists: at exactly 0.0 they count as short of any price and pay nothing.
    """

    def __init__(self, voters: list[int], voter_points: list[int], groups: list[int], points: list[int]):
        self.voter_points = voter_points
        self.groups = groups
        self.points = points
        self.unit_points = points.count(1) == len(points)
        self.total_points = sum(voter_points)
        self.values_of = _getter(voters)

    @classmethod
    def of(cls, s: GroupsOfProject) -> LiveSupporters:
        voters = [g for g, m in zip(s.groups, s.multiplicity, strict=True) for _ in range(m)]
        voter_points = [p for p, m in zip(s.points, s.multiplicity, strict=True) for _ in range(m)]
        return cls(voters, voter_points, list(s.groups), list(s.points))


def _getter(indices: list[int]) -> Callable[[list[float]], Sequence[float]]:
    if not indices:
        return lambda budgets: ()
    if len(indices) == 1:
        only = indices[0]
        return lambda budgets: (budgets[only],)
    return itemgetter(*indices)


@dataclass
class Price:
    project: int
    lower: float  # the true price per unit of utility lies in [lower, upper]
    upper: float  # infinite when only the lower bound was worked out
    total_points: int | None  # set when the price is exactly 1/total_points
    per_point: float  # what each supporter pays per point, unless that is more than they have
    ratios: Sequence[float]  # each voter's budget per point
    band: float  # how far a budget per point may be off the true one

    def clear_payers(self) -> bool:
        """No voter's budget is within rounding of what they owe: who pays all they have is certain."""
        low, high = self.per_point - self.band, self.per_point + self.band
        return not [r for r in self.ratios if low <= r <= high]


def _price(j: int, s: LiveSupporters | None, budgets: list[float], cost: float, start: float, floor: float,
           ceiling: float) -> Price | None:
    """The project's price in floats with an error interval wide enough for any rounding; None once unaffordable.

    `floor` is a payment per point known not to exceed the current one (the last one computed:
    prices only rise), where the search for who falls short starts. Once the price is certainly
    above `ceiling` (another project is cheaper), the search stops and returns only a lower bound.
    """
    assert s is not None
    values = s.values_of(budgets)
    # Budgets carry rounding error proportional to the endowment; sums of them, to the supporters' endowment.
    tolerance = MARGIN * start
    slack = MARGIN * (cost + start * len(values))
    available = sum(values)
    if available < cost - slack:
        return None
    if available <= cost + slack:
        raise Ambiguous
    ratios = values if s.unit_points else list(map(truediv, values, s.voter_points))
    points = s.total_points
    per_point = cost / points
    if floor <= per_point and min(ratios) > per_point * (1 + MARGIN) + tolerance:
        # Everyone can pay their share with room to spare: the price is exactly 1/(total points).
        price = 1.0 / points
        return Price(j, price * (1 - EXACT_ERROR), price * (1 + EXACT_ERROR), points, per_point, (), 0.0)
    search = _PoorSearch(s, values, ratios, cost, slack)
    search.run(max(per_point, floor * (1 - MARGIN)), ceiling * cost)
    if not search.converged:
        return Price(j, search.lower_per_point / cost, float("inf"), None, search.per_point, ratios, 0.0)
    paid_by_poor, poor_points = search.paid_by_poor, search.poor_points
    per_point = (cost - paid_by_poor) / (points - poor_points)
    band = MARGIN * per_point + tolerance
    price = per_point / cost
    if paid_by_poor == 0.0:
        # Only drained voters fall short; if nobody else is near the line the price is exactly 1/(points left).
        candidate = Price(j, price * (1 - EXACT_ERROR), price * (1 + EXACT_ERROR), points - poor_points, per_point, ratios,
                          band)
        if candidate.clear_payers():
            return candidate
    # per_point·(points left) = cost − paid_by_poor, whose absolute error is below slack.
    remaining = cost - paid_by_poor
    if remaining <= 1000 * slack:
        raise Ambiguous  # the poor pay nearly all of it: the rest is too small to price reliably
    error = slack / remaining
    return Price(j, price * (1 - error), price * (1 + error), None, per_point, ratios, band)


class _PoorSearch:
    """Who cannot pay the price, found from below (Newton's method on a concave piecewise-linear sum).

    Those who cannot pay the current price pay all they have, which raises the price for the rest;
    repeat until nobody new falls short. Each round's price is where the line "the poor pay all
    they have, everyone else the price" reaches the cost; that line lies above the true "what
    supporters can pay" curve, so its root never passes the true price: every round gives a lower
    bound (whoever was counted poor), the poor only ever grow, and an unchanged count means an
    unchanged set.
    """

    def __init__(self, s: LiveSupporters, values: Sequence[float], ratios: Sequence[float], cost: float, slack: float):
        self.s, self.values, self.ratios, self.cost, self.slack = s, values, ratios, cost, slack
        self.paid_by_poor, self.poor_points = 0.0, 0
        self.per_point = self.lower_per_point = 0.0
        self.converged = False

    def run(self, per_point: float, give_up_above: float) -> None:
        s, values, cost = self.s, self.values, self.cost
        points = s.total_points
        counted = -1
        for _ in range(ITERATION_LIMIT):
            if s.unit_points:
                short_of = [v for v in values if v < per_point]
                paid, short = sum(short_of), len(short_of)
            else:
                falls_short = [r < per_point for r in self.ratios]
                short_of = list(compress(values, falls_short))
                paid, short = sum(short_of), sum(compress(s.voter_points, falls_short))
            if short == counted:
                self.converged = True
                break
            if short >= points:
                raise Ambiguous  # everyone short: affordable only within rounding
            counted = short
            self.paid_by_poor, self.poor_points = paid, short
            per_point = max(per_point, (cost - paid) / (points - short))
            self.per_point = per_point
            self.lower_per_point = (cost - paid - self.slack) / (points - short)
            if self.lower_per_point > give_up_above:
                break
        else:
            self.paid_by_poor, self.poor_points = _poor_share_by_sorting(s, values, self.ratios, cost)
            self.converged = True


def _poor_share_by_sorting(s: LiveSupporters, values: Sequence[float], ratios: Sequence[float], cost: float
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
    raise Ambiguous


def _pay(s: LiveSupporters, budgets: list[float], per_point: float) -> None:
    # Drained voters (exactly 0.0) are skipped: they have nothing left to pay.
    if s.unit_points:
        for g in s.groups:
            have = budgets[g]
            if have > per_point:
                budgets[g] = have - per_point
            elif have:
                budgets[g] = 0.0
    else:
        for g, p in zip(s.groups, s.points, strict=True):
            due = per_point * p
            have = budgets[g]
            if have > due:
                budgets[g] = have - due
            elif have:
                budgets[g] = 0.0
