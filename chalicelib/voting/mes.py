"""The Method of Equal Shares with cost utilities and its "add1" completion.

This module owns the definition of equal shares; `tally.py` turns an election into its input and
its output into a published outcome, and `mes_fast.py` computes the same runs faster. Every
voter starts with an equal share of the budget (the endowment). A voter's utility for a project
is its cost times the voter's points for it (one point per approved project). Step by step, the
project that its supporters can pay for at the lowest price per unit of utility is funded, each
supporter paying that price times their utility, or all they have left if that is less; a project
its supporters can no longer pay for is out; exact ties go to the project ranked first by the
caller's order. "add1" reruns the whole method with the endowment raised by one currency unit at
a time, until an outcome leaves no supported project unfunded that would still fit the real
budget, or goes over it (then the previous outcome stands). This is pabutools 1.2.3's
`method_of_equal_shares(..., voter_budget_increment=1)`, decided the same way.

Each run is first tried in integers with certified rounding (`mes_fast.py`, its budgets in numpy
arrays by `mes_vec.py` and, if those lack the bits, in Python integers); a run that rounding
could decide differently is redone here in `Fraction`s, which is also the reference the tests
compare the fast path with.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from operator import mul

from chalicelib.voting import mes_fast

try:
    from chalicelib.voting import mes_vec
except ImportError:  # numpy absent: the Python-integer run alone, slower, same answers
    mes_vec = None  # type: ignore[assignment]

# Below this many voters numpy's fixed cost per call outweighs its speed: Python integers are quicker.
ARRAYS_FROM_VOTERS = 1000


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


@dataclass
class _Supporters:
    groups: list[int]
    multiplicity: list[int]
    points: list[int]
    total_points: int  # Σ multiplicity × points over `groups`


class _Prepared:
    """What every run of one problem shares: supporters per project, by group, as arrays and (when needed) by voter."""

    def __init__(self, problem: Problem, arrays_from_voters: int = ARRAYS_FROM_VOTERS):
        self.supporters = _supporters(problem)
        use_arrays = mes_vec is not None and problem.voters >= arrays_from_voters
        self.arrays = mes_vec.supporters(self.supporters) if use_arrays else None
        self._live: list[mes_fast.LiveSupporters | None] | None = None

    @property
    def live(self) -> list[mes_fast.LiveSupporters | None]:
        if self._live is None:
            self._live = [None if s is None else mes_fast.LiveSupporters.of(s) for s in self.supporters]
        return self._live


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


def equal_shares(problem: Problem, endowment: Fraction, *, exact: bool = False, prepared: _Prepared | None = None,
                 hint: Sequence[int] = ()) -> tuple[list[int], bool, bool]:
    """One run at a given per-voter endowment: (funded projects in order, tie broken, decided in fractions).

    `exact=True` skips the integer pass: slower, same answer; tests compare the two. `hint`, a likely
    funding order, only saves time.
    """
    prepared = prepared or _Prepared(problem)
    if not exact:
        if prepared.arrays is not None:
            try:
                selected, tie = mes_fast.run(prepared.arrays, problem.costs, len(problem.groups), problem.rank, endowment,
                                             hint, engine=mes_vec.ARRAYS if mes_vec else None)
                return selected, tie, False
            except mes_fast.Ambiguous:
                pass  # fewer bits of room than the Python integers: they may still decide it
        try:
            selected, tie = mes_fast.run(prepared.live, problem.costs, len(problem.groups), problem.rank, endowment, hint)
            return selected, tie, False
        except mes_fast.Ambiguous:
            pass
    selected, tie = _run_exact(problem, prepared.supporters, endowment)
    return selected, tie, True


def equal_shares_add1(problem: Problem, *, exact: bool = False, arrays_from_voters: int = ARRAYS_FROM_VOTERS
                      ) -> EqualSharesResult:
    """Equal shares completed by add1, exactly as defined in the module docstring.

    `arrays_from_voters` only chooses the faster integer engine for the size (tests set it to 0).
    """
    prepared = _Prepared(problem, arrays_from_voters)
    fundable = [j for j, s in enumerate(prepared.supporters) if s is not None]
    if problem.voters == 0:
        return EqualSharesResult((), Fraction(0), False, 0, 0)
    endowment = problem.budget / problem.voters
    previous: tuple[list[int], Fraction] | None = None
    runs = exact_runs = 0
    tie_any = False
    while True:
        hint = previous[0] if previous else ()
        selected, tie, in_fractions = equal_shares(problem, endowment, exact=exact, prepared=prepared, hint=hint)
        runs += 1
        exact_runs += in_fractions
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


# --- one run in fractions: the definition ------------------------------------------------


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
