"""One run of equal shares in integers, taking only the decisions that rounding cannot change.

`mes.py` defines the method and runs it in fractions; this module runs it many times faster, for
add1's hundreds of runs. Money is an integer number of units of 2^-shift fen, the shift chosen so
that an endowment is at least 2^128 units, and every division rounds in a known direction. Every
budget is kept within `error` units of its exact value (a drained budget is exactly 0), so every
payment per point is an interval [lo, hi] that certainly holds the exact one. The error bound can
grow by a factor at every step (the poor's error is shared by fewer payers); on the largest sample
election it stays below 2^50 units, far under the 128 bits of room. A project is funded only when
its price interval lies wholly below every other's, or when the tied prices are exact (1/points,
when all supporters can still pay their share), so that the tie-break rank decides as it would in
fractions. A voter is drained to zero only when their budget is certainly below what they owe.
Anything closer raises `Ambiguous`, and the caller redoes the run in fractions. The budgets live
in Python integers here (`BIG_INTEGERS`); `mes_vec.py` is the same run with them in a numpy int64
array (59 bits of room instead of 128), which the caller tries first on large elections.

Speed comes from three things. Identical ballots are one group, but prices are computed over one
entry per voter, so every pass is a C-level operation on a list of integers. A project's price
only rises as budgets fall, so the last price computed is a lower bound and only the cheapest few
are priced each step (lazy evaluation). Pricing finds who cannot pay by Newton's method from
below, which yields a rising lower bound at every round: a project is dropped from the step as
soon as that bound exceeds the best price found, and a hint (add1's previous funding order) prices
the likely winner first so that this happens early.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import compress
from operator import floordiv, itemgetter
from typing import Any, Protocol

# An endowment is at least 2^PRECISION_BITS units: room for the error bound to grow over a whole run.
PRECISION_BITS = 128
# Prices per unit of utility (at most 1) are compared as integers scaled by 2^KEY_BITS.
KEY_BITS = 64
# Above every price: the upper end of a price nobody has bounded yet.
UNBOUNDED = 1 << (KEY_BITS + 1)
# Rounds of "who falls short of the price" before sorting instead; a handful suffice in real elections.
ITERATION_LIMIT = 12


class Ambiguous(Exception):
    """An integer decision fell inside the rounding error; the run must be redone in fractions."""


class GroupsOfProject(Protocol):
    """A project's supporters as `mes.py` keeps them: one entry per distinct ballot."""

    groups: list[int]
    multiplicity: list[int]
    points: list[int]


class Engine(Protocol):
    """How budgets are held and prices worked out: Python integers here, numpy arrays in `mes_vec.py`."""

    precision_bits: int

    def budgets(self, start: int, groups: int, error: int) -> Any: ...

    def price(self, j: int, s: Any, budgets: Any, cost: int, floor: int, ceiling: int) -> Price | None: ...


def run(live: Sequence[Any], costs: Sequence[Fraction], groups: int, rank: Sequence[int],
        endowment: Fraction, hint: Sequence[int] = (), engine: Engine | None = None) -> tuple[list[int], bool]:
    """(funded projects in order, whether an exact tie was broken by `rank`); raises `Ambiguous`.

    `hint` is a guess of the funding order: a wrong guess costs time only. `live` holds the
    engine's own view of each project's supporters (None: never funded).
    """
    engine = engine or BIG_INTEGERS
    shift = max(0, engine.precision_bits + 1 - (endowment.numerator.bit_length() - endowment.denominator.bit_length()))
    start, remainder = divmod(endowment.numerator << shift, endowment.denominator)
    budgets = engine.budgets(start, groups, error=1 if remainder else 0)
    _price = engine.price
    units = [_whole_units(cost, shift) for cost in costs]
    floors = [0] * len(live)
    in_play = [s is not None for s in live]
    # Heap keys are lower bounds of each price; with everyone able to pay it is 1/(total points).
    heap = [(_key(1, s.total_points), rank[j], j) for j, s in enumerate(live) if s is not None]
    heapq.heapify(heap)
    selected: list[int] = []
    tie_broken = False
    while heap:
        evaluated: list[Price] = []
        lowest_upper = UNBOUNDED
        guess = hint[len(selected)] if len(selected) < len(hint) else -1
        guess_popped = False
        if guess >= 0 and in_play[guess]:
            price = _price(guess, live[guess], budgets, units[guess], floors[guess], lowest_upper)
            if price is None:
                in_play[guess] = False
            else:
                floors[guess] = price.lo
                evaluated.append(price)
                lowest_upper = price.upper
        while heap and heap[0][0] <= lowest_upper:
            _, _, j = heapq.heappop(heap)
            if not in_play[j]:
                continue  # funded or found unaffordable since this entry was pushed
            if j == guess:
                guess_popped = True
                continue
            price = _price(j, live[j], budgets, units[j], floors[j], lowest_upper)
            if price is None:
                in_play[j] = False
                continue
            floors[j] = price.lo
            evaluated.append(price)
            lowest_upper = min(lowest_upper, price.upper)
        if not evaluated:
            break
        # Whoever might truly be cheapest: its interval reaches below every other's upper end.
        contenders = [p for p in evaluated if p.lower <= lowest_upper]
        if len(contenders) > 1:
            if any(p.total_points is None for p in contenders):
                raise Ambiguous
            # Exact prices 1/points: the most points wins, then the tie-break rank. None was refused
            # just above, which mypy cannot see through any(); a check here would cost every tie.
            most = max(p.total_points for p in contenders)  # type: ignore[type-var]
            contenders = sorted((p for p in contenders if p.total_points == most), key=lambda p: rank[p.project])
            tie_broken = tie_broken or len(contenders) > 1
        winner = contenders[0]
        if not winner.clear_payers():
            raise Ambiguous
        selected.append(winner.project)
        in_play[winner.project] = False
        budgets.pay(live[winner.project], winner.lo, winner.hi)
        for p in evaluated:
            # The guess, if never popped, still has its older (lower) entry in the heap.
            if p is not winner and (p.project != guess or guess_popped):
                heapq.heappush(heap, (p.lower, rank[p.project], p.project))
    return selected, tie_broken


def _whole_units(cost: Fraction, shift: int) -> int:
    units, remainder = divmod(cost.numerator << shift, cost.denominator)
    if remainder:
        raise Ambiguous  # costs are whole fen; anything finer is left to fractions
    return units


def _key(per_point: int, cost: int) -> int:
    """The price per unit of utility, per_point / cost, scaled by 2^KEY_BITS and rounded down."""
    return (per_point << KEY_BITS) // cost


def _key_up(per_point: int, cost: int) -> int:
    return -((-per_point << KEY_BITS) // cost)


class LiveSupporters:
    """A project's supporters as the integer runs read them; built once, shared by every run, never changed.

    Prices are computed over one entry per voter (a group of identical ballots repeated), so that
    every pass is a plain list operation; payments are made once per group. Drained voters stay in
    the lists: at exactly 0 they count as short of any price and pay nothing.
    """

    def __init__(self, voters: list[int], voter_points: list[int], groups: list[int], points: list[int]):
        self.voter_points = voter_points
        self.groups = groups
        self.points = points
        self.unit_points = points.count(1) == len(points)
        self.most_points = max(points, default=1)
        self.total_points = sum(voter_points)
        self.values_of = _getter(voters)

    @classmethod
    def of(cls, s: GroupsOfProject) -> LiveSupporters:
        voters = [g for g, m in zip(s.groups, s.multiplicity, strict=True) for _ in range(m)]
        voter_points = [p for p, m in zip(s.points, s.multiplicity, strict=True) for _ in range(m)]
        return cls(voters, voter_points, list(s.groups), list(s.points))


def _getter(indices: list[int]) -> Callable[[list[int]], Sequence[int]]:
    if not indices:
        return lambda budgets: ()
    if len(indices) == 1:
        only = indices[0]
        return lambda budgets: (budgets[only],)
    return itemgetter(*indices)


class _Budgets(list[int]):
    """Each group's budget in units, every one within `error` units of the exact budget.

    A budget shown as 0 is exactly 0: a payment leaves at least `error` units, or the exact
    remainder, unless the voter certainly could not pay and is drained.
    """

    def __init__(self, budgets: list[int], error: int):
        super().__init__(budgets)
        self.error = error

    def pay(self, s: LiveSupporters | None, lo: int, hi: int) -> None:
        assert s is not None
        due_per_point = (lo + hi) // 2
        if s.unit_points:
            for g in s.groups:
                have = self[g]
                if have > due_per_point:
                    self[g] = have - due_per_point
                elif have:
                    self[g] = 0
        else:
            for g, p in zip(s.groups, s.points, strict=True):
                due = due_per_point * p
                have = self[g]
                if have > due:
                    self[g] = have - due
                elif have:
                    self[g] = 0
        self.error += (hi - lo) * s.most_points


@dataclass
class Price:
    project: int
    lower: int  # the exact price per unit of utility lies in [lower, upper] / 2^KEY_BITS
    upper: int  # UNBOUNDED when only the lower bound was worked out
    total_points: int | None  # set when the price is exactly 1/total_points
    lo: int  # the exact payment per point lies in [lo, hi] units, unless the voter pays all they have
    hi: int
    ratios: Sequence[int]  # each voter's budget per point, rounded down
    error: int  # how far a budget may be off the exact one
    threshold: int  # the price was worked out taking those with a ratio below this as paying all they have

    def clear_payers(self) -> bool:
        """Who pays all they have is certain: nobody's budget is within rounding of what they owe, and
        the voters taken to fall short are exactly those certainly below the price."""
        low, high = self.lo - self.error, self.hi + self.error
        return low <= self.threshold <= high and not [r for r in self.ratios if low <= r < high]


class _BigIntegers:
    precision_bits = PRECISION_BITS

    def budgets(self, start: int, groups: int, error: int) -> _Budgets:
        return _Budgets([start] * groups, error)

    def price(self, j: int, s: Any, budgets: Any, cost: int, floor: int, ceiling: int) -> Price | None:
        return _price(j, s, budgets, cost, floor, ceiling)


def _price(j: int, s: LiveSupporters | None, budgets: _Budgets, cost: int, floor: int, ceiling: int) -> Price | None:
    """The project's price as an interval that certainly holds the exact one; None once unaffordable.

    `floor` is a payment per point known not to exceed the current one (the last lower bound found:
    prices only rise), where the search for who falls short starts. Once the price is certainly
    above `ceiling` (another project is cheaper), the search stops and returns only a lower bound.
    """
    assert s is not None
    values = s.values_of(budgets)
    error = budgets.error
    available = sum(values)
    slack = (len(values) - values.count(0)) * error
    if available + slack < cost:
        return None
    if available - slack < cost:
        raise Ambiguous
    ratios = values if s.unit_points else list(map(floordiv, values, s.voter_points))
    points = s.total_points
    lo, hi = cost // points, -(-cost // points)
    if floor <= lo and min(ratios) >= hi + error:
        # Everyone can pay their share: the price is exactly 1/(total points).
        return Price(j, _key(1, points), _key_up(1, points), points, lo, hi, (), error, lo)
    search = _PoorSearch(s, values, ratios, cost, error)
    search.run(max(lo, floor), ceiling)
    if not search.converged:
        bound = search.lower_per_point
        return Price(j, _key(max(bound, 0), cost), UNBOUNDED, None, bound, bound, ratios, error, search.threshold)
    rest = points - search.poor_points
    # The poor's exact budgets sum to within this of what they show; drained ones are exact.
    poor_slack = search.poor_live * error
    lo = (cost - search.paid_by_poor - poor_slack) // rest
    hi = -((search.paid_by_poor - poor_slack - cost) // rest)
    if search.paid_by_poor == 0:
        # Only drained voters fall short; if nobody else is near the line the price is exactly 1/(points left).
        candidate = Price(j, _key(1, rest), _key_up(1, rest), rest, lo, hi, ratios, error, search.threshold)
        if candidate.clear_payers():
            return candidate
    # Whatever the poor set, this lower bound holds (see _PoorSearch); the upper end holds once
    # clear_payers confirms the set.
    return Price(j, _key(max(lo, 0), cost), _key_up(hi, cost), None, lo, hi, ratios, error, search.threshold)


class _PoorSearch:
    """Who cannot pay the price, found from below (Newton's method on a concave piecewise-linear sum).

    Those who cannot pay the current price pay all they have, which raises the price for the rest;
    repeat until nobody new falls short. Each round's price is where the line "these pay all they
    have, everyone else the price" reaches the cost; for any choice of "these", that line lies
    above the true "what supporters can pay" curve, so its root never passes the true price: every
    round gives a lower bound, the poor only ever grow, and an unchanged count means an unchanged set.
    """

    def __init__(self, s: LiveSupporters, values: Sequence[int], ratios: Sequence[int], cost: int, error: int):
        self.s, self.values, self.ratios, self.cost, self.error = s, values, ratios, cost, error
        self.paid_by_poor = self.poor_points = self.poor_live = 0
        self.lower_per_point = self.threshold = 0
        self.converged = False

    def run(self, per_point: int, give_up_above: int) -> None:
        s, values, cost = self.s, self.values, self.cost
        points = s.total_points
        counted = -1
        for _ in range(ITERATION_LIMIT):
            if s.unit_points:
                short_of = [v for v in values if v < per_point]
                short = len(short_of)
            else:
                falls_short = [r < per_point for r in self.ratios]
                short_of = list(compress(values, falls_short))
                short = sum(compress(s.voter_points, falls_short))
            if short == counted:
                self.converged, self.threshold = True, per_point
                break
            if short >= points:
                raise Ambiguous  # everyone short: affordable only within rounding
            counted = short
            self._count(short_of, short)
            per_point = max(per_point, (cost - self.paid_by_poor) // (points - short))
            self.lower_per_point = (cost - self.paid_by_poor - self.poor_live * self.error) // (points - short)
            if (self.lower_per_point << KEY_BITS) > give_up_above * cost:
                break
        else:
            self._by_sorting()
            self.converged = True

    def _count(self, short_of: list[int], short_points: int) -> None:
        self.paid_by_poor, self.poor_points = sum(short_of), short_points
        self.poor_live = len(short_of) - short_of.count(0)

    def _by_sorting(self) -> None:
        """The same answer in one sort, for budgets spread so that the iteration would take long."""
        s, values, ratios = self.s, self.values, self.ratios
        order = sorted(range(len(ratios)), key=ratios.__getitem__)
        paid_by_poor = poor_points = 0
        for n, i in enumerate(order):
            if (self.cost - paid_by_poor) <= ratios[i] * (s.total_points - poor_points):
                if n and ratios[order[n - 1]] == ratios[i]:
                    raise Ambiguous  # equal ratios on both sides: the set is not "everyone below a ratio"
                self._count([values[k] for k in order[:n]], poor_points)
                self.threshold = ratios[i]
                return
            paid_by_poor += values[i]
            poor_points += s.voter_points[i]
        raise Ambiguous


BIG_INTEGERS: Engine = _BigIntegers()
