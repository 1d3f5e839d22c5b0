"""`mes_fast.py`'s integer run with budgets in a numpy int64 array, one entry per group of identical ballots.

The decisions, the error bound and every certificate are `mes_fast.py`'s, unchanged; only where the
integers live differs. Budgets are whole units below 2^62 (an endowment is about 2^59 units, so
fewer bits of room than the Python-integer run: a run the bounds cannot decide here raises
`Ambiguous` and is redone there). Every array operation stays inside int64: sums are taken in two
31-bit halves and put together in Python integers, a group's multiplicity weighs each entry instead
of repeating it, and scalars are clamped to the budgets' range before an array meets them. Payments
and prices stay Python integers, so money never passes through floating point.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from chalicelib.voting.mes_fast import (
    ITERATION_LIMIT,
    KEY_BITS,
    UNBOUNDED,
    Ambiguous,
    Engine,
    GroupsOfProject,
    Price,
    _key,
    _key_up,
)

Ints = npt.NDArray[np.int64]
# Room left under 2^63 for sums of halves and for `have - 1`: budgets stay below this.
LIMIT = 1 << 62
HALF_BITS = 31
HALF_MASK = (1 << HALF_BITS) - 1


def _clamp(x: int) -> int:
    """A bound for comparing with budgets (all in [0, LIMIT)) that gives the same answers and fits int64."""
    return -1 if x < -1 else LIMIT if x > LIMIT else x


def _weighted_sum(values: Ints, weights: Ints) -> int:
    """Σ weights × values exactly, for values below 2^62 and weights summing to well under 2^22."""
    high = int(np.dot(values >> HALF_BITS, weights))
    low = int(np.dot(values & HALF_MASK, weights))
    return (high << HALF_BITS) + low


class VecSupporters:
    """A project's supporting groups as arrays: group index, multiplicity, points, multiplicity × points."""

    def __init__(self, s: GroupsOfProject):
        self.groups = np.asarray(s.groups, dtype=np.intp)
        self.multiplicity = np.asarray(s.multiplicity, dtype=np.int64)
        self.points = np.asarray(s.points, dtype=np.int64)
        self.weighted_points = self.multiplicity * self.points
        self.unit_points = bool((self.points == 1).all())
        self.most_points = int(self.points.max(initial=1))
        self.total_points = int(self.weighted_points.sum())


class VecBudgets:
    """Each group's budget in units, within `error` units of the exact budget; 0 is exactly 0."""

    def __init__(self, start: int, groups: int, error: int):
        if start >= LIMIT:
            raise Ambiguous
        self.array: Ints = np.full(groups, start, dtype=np.int64)
        self.error = error

    def pay(self, s: VecSupporters, lo: int, hi: int) -> None:
        if lo + hi < 0:
            raise Ambiguous  # a negative payment is never a price; left to the Python-integer run
        due_per_point = _clamp((lo + hi) // 2)
        have = self.array[s.groups]
        if s.unit_points:
            self.array[s.groups] = np.where(have > due_per_point, have - due_per_point, 0)
        else:
            # have > due × points, without forming a product that could overflow where it fails.
            pays = (have - 1) // s.points >= due_per_point
            self.array[s.groups] = np.where(pays, have - due_per_point * s.points, 0)
        self.error += (hi - lo) * s.most_points


@dataclass
class VecPrice(Price):
    ratio_array: Ints | None = None

    def clear_payers(self) -> bool:
        low, high = self.lo - self.error, self.hi + self.error
        if not low <= self.threshold <= high:
            return False
        if self.ratio_array is None:
            return True
        r = self.ratio_array
        return not bool(((r >= _clamp(low)) & (r < _clamp(high))).any())


def _vec_price(j: int, lower: int, upper: int, total_points: int | None, lo: int, hi: int, ratios: Ints | None,
               error: int, threshold: int) -> VecPrice:
    return VecPrice(j, lower, upper, total_points, lo, hi, (), error, threshold, ratios)


def price(j: int, s: VecSupporters, budgets: VecBudgets, cost: int, floor: int, ceiling: int) -> Price | None:
    """`mes_fast._price` over the arrays: the same interval, the same None, the same `Ambiguous`."""
    values = budgets.array[s.groups]
    m = s.multiplicity
    error = budgets.error
    available = _weighted_sum(values, m)
    slack = int(np.dot(values != 0, m)) * error
    if available + slack < cost:
        return None
    if available - slack < cost:
        raise Ambiguous
    ratios = values if s.unit_points else values // s.points
    points = s.total_points
    lo, hi = cost // points, -(-cost // points)
    if floor <= lo and int(ratios.min()) >= hi + error:
        return _vec_price(j, _key(1, points), _key_up(1, points), points, lo, hi, None, error, lo)
    search = _PoorSearch(s, values, ratios, cost, error)
    search.run(max(lo, floor), ceiling)
    if not search.converged:
        bound = search.lower_per_point
        return _vec_price(j, _key(max(bound, 0), cost), UNBOUNDED, None, bound, bound, ratios, error, search.threshold)
    rest = points - search.poor_points
    poor_slack = search.poor_live * error
    lo = (cost - search.paid_by_poor - poor_slack) // rest
    hi = -((search.paid_by_poor - poor_slack - cost) // rest)
    if search.paid_by_poor == 0:
        candidate = _vec_price(j, _key(1, rest), _key_up(1, rest), rest, lo, hi, ratios, error, search.threshold)
        if candidate.clear_payers():
            return candidate
    return _vec_price(j, _key(max(lo, 0), cost), _key_up(hi, cost), None, lo, hi, ratios, error, search.threshold)


class _PoorSearch:
    """`mes_fast._PoorSearch.run` over the arrays; where that would fall back to sorting, this gives up."""

    def __init__(self, s: VecSupporters, values: Ints, ratios: Ints, cost: int, error: int):
        self.s, self.values, self.ratios, self.cost, self.error = s, values, ratios, cost, error
        self.paid_by_poor = self.poor_points = self.poor_live = 0
        self.lower_per_point = self.threshold = 0
        self.converged = False

    def run(self, per_point: int, give_up_above: int) -> None:
        s, values, cost = self.s, self.values, self.cost
        points = s.total_points
        counted = -1
        for _ in range(ITERATION_LIMIT):
            short_mask = self.ratios < _clamp(per_point)
            short = int(np.dot(short_mask, s.weighted_points))
            if short == counted:
                self.converged, self.threshold = True, per_point
                return
            if short >= points:
                raise Ambiguous
            counted = short
            short_values, short_m = values[short_mask], s.multiplicity[short_mask]
            self.paid_by_poor, self.poor_points = _weighted_sum(short_values, short_m), short
            self.poor_live = int(np.dot(short_values != 0, short_m))
            per_point = max(per_point, (cost - self.paid_by_poor) // (points - short))
            self.lower_per_point = (cost - self.paid_by_poor - self.poor_live * self.error) // (points - short)
            if (self.lower_per_point << KEY_BITS) > give_up_above * cost:
                return
        raise Ambiguous  # spread budgets: the Python-integer run sorts them


class _Arrays:
    precision_bits = 59

    def budgets(self, start: int, groups: int, error: int) -> VecBudgets:
        return VecBudgets(start, groups, error)

    def price(self, j: int, s: Any, budgets: Any, cost: int, floor: int, ceiling: int) -> Price | None:
        return price(j, s, budgets, cost, floor, ceiling)


ARRAYS: Engine = _Arrays()


def supporters(groups: Sequence[GroupsOfProject | None]) -> list[VecSupporters | None]:
    return [None if s is None else VecSupporters(s) for s in groups]
