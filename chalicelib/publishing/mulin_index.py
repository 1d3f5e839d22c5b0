"""The Mulin index (睦邻指数): one published 0–100 figure per neighbourhood and month.

The formula is public and versioned (FORMULA, INDEX_VERSION) so that anyone can recompute a
published score from the published components: each raw value is normalised to 0–100 and
rounded to one decimal, and the score is the weighted mean of those rounded values over the
components that had data, itself rounded to one decimal. Both roundings are half to even
and exact: raw values are read at their shortest decimal spelling (0.1225 is 0.1225, not the
binary float just above it) and the arithmetic is done in fractions, so a score never
depends on floating-point accident. A change to any weight, target or rule is a new version;
scores of different versions are not compared.

The raw values are computed elsewhere; a component is None when the month gave it nothing to
measure (no replies due, no ratings, no round closed, no pool allocated).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

INDEX_VERSION = "1.1"
MINIMUM_COMPONENTS = 3
DECIMALS = 1
# Suggestions, ballots and fund applications per 1,000 residents in a month that count as full
# participation. About 40 a month in a committee of 4,000 residents: well above what most
# committees see now, so the component has room to show improvement.
PARTICIPATION_TARGET_PER_1000 = 10
# Where a committee has recorded its households but not its residents, residents are taken as
# households times Shanghai's average household size (2.32 people, 2020 census). Version 1.1
# added this; 1.0 left such committees without a participation component.
PEOPLE_PER_HOUSEHOLD = "2.32"

_HUNDRED = Fraction(100)


@dataclass(frozen=True)
class _Component:
    name: str
    weight: str  # a decimal string, so the weights sum to exactly 1
    lowest: Fraction
    highest: Fraction | None
    normalise: Callable[[Fraction], Fraction]
    definition_zh: str
    definition_en: str
    normalisation_zh: str
    normalisation_en: str


def _share(value: Fraction) -> Fraction:
    return value * _HUNDRED


def _rating(mean: Fraction) -> Fraction:
    return (mean - 1) / 4 * _HUNDRED


def _participation(per_1000: Fraction) -> Fraction:
    return min(_HUNDRED, per_1000 / PARTICIPATION_TARGET_PER_1000 * _HUNDRED)


# Participation weighs most because it is what the platform exists to raise; timeliness and
# satisfaction follow because they are what residents feel of the answers; adoption and fund
# use weigh least because they also depend on what residents ask for and on the year's calendar.
_COMPONENTS: tuple[_Component, ...] = (
    _Component(
        "participation", "0.25", Fraction(0), None, _participation,
        f"当月每千名居民提交的建议、投票和自治金申请数之和；只登记了户数时，居民数按户数 × {PEOPLE_PER_HOUSEHOLD}"
        "（2020年人口普查上海户均人数）估算。",
        "Suggestions, ballots and autonomy-fund applications in the month per 1,000 residents; where only the"
        f" number of households is recorded, residents are estimated as households × {PEOPLE_PER_HOUSEHOLD}"
        " (Shanghai's average household size, 2020 census).",
        f"min(100, 数值 ÷ {PARTICIPATION_TARGET_PER_1000} × 100)：每千人{PARTICIPATION_TARGET_PER_1000}件即满分。",
        f"min(100, value / {PARTICIPATION_TARGET_PER_1000} × 100): {PARTICIPATION_TARGET_PER_1000} per 1,000 residents"
        " scores full marks.",
    ),
    _Component(
        "reply_timeliness", "0.20", Fraction(0), Fraction(1), _share,
        "当月作出的答复中在答复期限内作出的比例（0–1）。",
        "Share (0–1) of the replies given in the month that were given by their deadline.",
        "比例 × 100。",
        "share × 100.",
    ),
    _Component(
        "satisfaction", "0.20", Fraction(1), Fraction(5), _rating,
        "当月居民对答复评价的平均分（1–5分）。",
        "Mean rating (1–5) residents gave to replies in the month.",
        "(平均分 − 1) ÷ 4 × 100：1分为0，5分为100。",
        "(mean − 1) / 4 × 100: 1 scores 0, 5 scores 100.",
    ),
    _Component(
        "adoption", "0.10", Fraction(0), Fraction(1), _share,
        "当月已答复建议中被采纳或部分采纳的比例（0–1）。",
        "Share (0–1) of the suggestions replied to in the month that were adopted or partly adopted.",
        "比例 × 100。",
        "share × 100.",
    ),
    _Component(
        "fund_use", "0.10", Fraction(0), Fraction(1), _share,
        "年初至今已拨付与已预留的自治金之和占已下达总额的比例（0–1）。",
        "Autonomy funds disbursed plus committed, as a share (0–1) of the year's allocation to date.",
        "比例 × 100。",
        "share × 100.",
    ),
    _Component(
        "turnout", "0.15", Fraction(0), Fraction(1), _share,
        "当月结束的投票轮次中投票数占有投票资格居民数的比例（0–1）。",
        "Ballots cast as a share (0–1) of eligible voters, over the voting rounds closed in the month.",
        "比例 × 100。",
        "share × 100.",
    ),
)
_BY_NAME = {component.name: component for component in _COMPONENTS}
COMPONENTS = tuple(_BY_NAME)

FORMULA: dict[str, Any] = {
    "name": {"zh": "睦邻指数", "en": "Mulin index"},
    "version": INDEX_VERSION,
    "scale": [0, 100],
    "minimum_components": MINIMUM_COMPONENTS,
    "aggregation": {
        "zh": "各分项先换算为0–100分，再按权重加权平均。当月无数据的分项不计入，其余分项的权重按比例放大至合计为1；"
              f"有数据的分项少于{MINIMUM_COMPONENTS}个时不计算指数。",
        "en": "Each component is normalised to 0–100, then the score is their weighted mean. Components with no data"
              " in the month are left out and the remaining weights scaled up to sum to 1; with fewer than"
              f" {MINIMUM_COMPONENTS} components with data there is no score.",
    },
    "rounding": {
        "decimals": DECIMALS,
        "mode": "half_to_even",
        "zh": "分项换算值与指数均保留一位小数，采用四舍六入五成双；指数由已公布（已取舍）的分项换算值计算。",
        "en": "Normalised components and the score are rounded to one decimal, half to even; the score is computed"
              " from the published (rounded) normalised components.",
    },
    "components": {
        component.name: {
            "weight": float(component.weight),
            "range": [float(component.lowest), None if component.highest is None else float(component.highest)],
            "definition": {"zh": component.definition_zh, "en": component.definition_en},
            "normalisation": {"zh": component.normalisation_zh, "en": component.normalisation_en},
            **({"target": PARTICIPATION_TARGET_PER_1000, "people_per_household": float(PEOPLE_PER_HOUSEHOLD)}
               if component.name == "participation" else {}),
        }
        for component in _COMPONENTS
    },
}


def _exact(name: str, value: object) -> Fraction:
    # bool is an int to Python, but True as a turnout is an upstream bug, not 100%.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name}: expected a number or None, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{name}: {value!r} is not a finite number")
    return Fraction(str(value))


def _round(value: Fraction) -> Fraction:
    # Fraction's round() is exact and rounds half to even.
    return round(value, DECIMALS)


def score(components: Mapping[str, float | None]) -> dict[str, Any]:
    """The index for one month from raw component values; a missing name counts as None.

    Raises ValueError for an unknown component name or a value outside its range, and
    TypeError for a value that is not a number: those are errors upstream, and a published
    index must not quietly absorb them.
    """
    unknown = sorted(set(components) - set(_BY_NAME))
    if unknown:
        raise ValueError(f"unknown components: {', '.join(unknown)}")
    report: dict[str, dict[str, Any]] = {}
    weighted = Fraction(0)
    total_weight = Fraction(0)
    for component in _COMPONENTS:
        raw = components.get(component.name)
        weight = Fraction(component.weight)
        if raw is None:
            report[component.name] = {"value": None, "normalised": None, "weight": float(weight)}
            continue
        value = _exact(component.name, raw)
        if value < component.lowest or (component.highest is not None and value > component.highest):
            upper = "" if component.highest is None else f"..{component.highest}"
            raise ValueError(f"{component.name}: {raw!r} is outside {component.lowest}{upper}")
        normalised = _round(component.normalise(value))
        report[component.name] = {"value": raw, "normalised": float(normalised), "weight": float(weight)}
        weighted += weight * normalised
        total_weight += weight
    used = sum(1 for entry in report.values() if entry["value"] is not None)
    result = None if used < MINIMUM_COMPONENTS else float(_round(weighted / total_weight))
    return {"score": result, "components": report, "version": INDEX_VERSION}


def residents(population: int | None, households: int | None) -> tuple[Fraction | None, str | None]:
    """The participation component's denominator and what it was taken from."""
    if population:
        return Fraction(population), "registered_residents"
    if households:
        return households * Fraction(PEOPLE_PER_HOUSEHOLD), "households"
    return None, None
