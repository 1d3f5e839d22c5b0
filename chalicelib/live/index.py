"""The Mulin index v2 (睦邻指数 2.0): the plan's indicator system over the live counters.

Four dimensions, as Yangpu's 14th five-year plan names them: 自治 self-governance, 共治
co-governance, 法治 rule of law and 德治 civic virtue, each with basic (基础性) and guidance
(引导性) indicators. The platform measures some from its counters (chalicelib/live/counters.py);
the street enters the others each quarter, with evidence (entries.py). Every indicator is a row
of INDICATORS: id, names, dimension, kind, how it is obtained, formula, source, target, weight.

The arithmetic is v1.1's (publishing/mulin_index.py), so a published score can be recounted
from its published components: a raw value is rounded to VALUE_DECIMALS, normalised from that
rounded value to 0–100 and rounded to one decimal, and the score is the weighted mean of the
rounded normalised values over the indicators that have a value (weights scaled up to sum to
1), rounded to one decimal. Every rounding is half to even and exact (fractions, never binary
floats). No value is taken from a count of fewer than disclosure.MIN_PEOPLE people: such an
indicator is suppressed and left out like a missing one. A change to an indicator, weight,
target or rule is a new INDEX_VERSION; scores of different versions are not compared.

2.1 (from 2.0): 居民公约 (rl_conventions) is measured, no longer entered: the conventions that
meetings' decisions were carried into (chalicelib/meetings/carrying.py) over the last year, per
1,000 residents. Its dimension, kind and weight are 2.0's; its target is per 1,000 residents.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from chalicelib import disclosure

INDEX_VERSION = "2.1"
MINIMUM_COMPONENTS = 3
DECIMALS = 1
VALUE_DECIMALS = 4
# The current value and each point of the trend are taken over four weeks: a committee's
# week alone rarely reaches the disclosure threshold.
WINDOW_DAYS = 28
# Conventions are adopted a few times a year at most: they are counted over a year, not four weeks.
CONVENTION_DAYS = 365
TREND_WEEKS = 12
DIMENSIONS: dict[str, dict[str, str]] = {
    "self_governance": {"zh": "自治", "en": "Self-governance"},
    "co_governance": {"zh": "共治", "en": "Co-governance"},
    "rule_of_law": {"zh": "法治", "en": "Rule of law"},
    "civic_virtue": {"zh": "德治", "en": "Civic virtue"},
}
_HUNDRED = Fraction(100)


@dataclass(frozen=True)
class Indicator:
    id: str
    zh: str
    en: str
    dimension: str
    kind: str  # basic | guidance
    method: str  # measured | entered
    weight: str  # a decimal string, so that the weights sum to exactly 1
    target: str  # the value that scores 100 (a rating mean of 5 for satisfaction)
    formula_zh: str
    formula_en: str
    source_zh: str
    source_en: str
    per_1000: bool = False  # entered as a count, scored per 1,000 residents
    upper: int = 0  # the largest value an entry may give (entered indicators only)

    def normalise(self, value: Fraction) -> Fraction:
        if self.id == "cv_satisfaction":
            return (value - 1) / 4 * _HUNDRED
        return min(_HUNDRED, value / Fraction(self.target) * _HUNDRED)


def _m(id_: str, zh: str, en: str, dimension: str, kind: str, weight: str, target: str,
       formula: tuple[str, str], source: tuple[str, str]) -> Indicator:
    return Indicator(id_, zh, en, dimension, kind, "measured", weight, target, *formula, *source)


def _e(id_: str, zh: str, en: str, dimension: str, kind: str, weight: str, target: str,
       formula: tuple[str, str], upper: int, per_1000: bool = False) -> Indicator:
    return Indicator(id_, zh, en, dimension, kind, "entered", weight, target, *formula,
                     "街道每季度填报，附佐证材料，留有审计记录",
                     "entered quarterly by the street, with evidence and an audit trail",
                     per_1000=per_1000, upper=upper)


_COUNTERS = ("实时计数（数据表变更流）：", "live counters (the table's stream): ")


def _src(*names: str) -> tuple[str, str]:
    return _COUNTERS[0] + "、".join(names), _COUNTERS[1] + ", ".join(names)


# Each dimension weighs a quarter. Inside one, the basic indicators weigh more than the guidance
# ones, and what the platform measures more than what is entered, since it cannot be checked as
# closely. Targets are set where most committees are not yet, so that the index can show progress.
INDICATORS: tuple[Indicator, ...] = (
    _m("sg_participation", "居民参与度", "Participation", "self_governance", "basic", "0.10", "10",
       ("四周内每千名居民提交的建议与投票数：(suggestions_received + ballots_cast) ÷ 居民数 × 1000；"
        "min(100, 数值 ÷ 10 × 100)。",
        "Suggestions and ballots in four weeks per 1,000 residents: (suggestions_received + ballots_cast) / residents"
        " × 1000; min(100, value / 10 × 100)."),
       _src("suggestions_received", "ballots_cast")),
    _m("sg_turnout", "投票参与率", "Ballot turnout", "self_governance", "basic", "0.05", "0.3",
       ("四周内投票数占居民数的比例：ballots_cast ÷ 居民数；min(100, 比例 ÷ 0.3 × 100)。",
        "Ballots in four weeks as a share of residents: ballots_cast / residents; min(100, share / 0.3 × 100)."),
       _src("ballots_cast")),
    _m("sg_topics", "议题提出", "Topics raised", "self_governance", "guidance", "0.02", "2",
       ("四周内每千名居民提出的议题数：topics_raised ÷ 居民数 × 1000；min(100, 数值 ÷ 2 × 100)。",
        "Topics raised in four weeks per 1,000 residents: topics_raised / residents × 1000; min(100, value / 2 × 100)."),
       _src("topics_raised")),
    _m("sg_meetings", "议题上会", "Topics brought to meetings", "self_governance", "guidance", "0.02", "0.5",
       ("四周内召开的议事会议数与提出的议题数之比：meetings_held ÷ topics_raised；min(100, 比值 ÷ 0.5 × 100)。",
        "Meetings held per topic raised in four weeks: meetings_held / topics_raised; min(100, ratio / 0.5 × 100)."),
       _src("meetings_held", "topics_raised")),
    _m("sg_decisions", "议题议决", "Decisions carried", "self_governance", "guidance", "0.03", "0.5",
       ("四周内表决通过的决定数与提出的议题数之比：decisions_carried ÷ topics_raised；min(100, 比值 ÷ 0.5 × 100)。",
        "Decisions carried per topic raised in four weeks: decisions_carried / topics_raised; min(100, ratio / 0.5 × 100)."),
       _src("decisions_carried", "topics_raised")),
    _e("sg_building_activities", "楼组活动", "Building-group activities", "self_governance", "guidance", "0.03", "12",
       ("本季度楼组（楼道）自治活动次数；min(100, 次数 ÷ 12 × 100)。",
        "Building-group (楼组) activities held in the quarter; min(100, count / 12 × 100)."), upper=10_000),
    _m("cg_acceptance_on_time", "按时受理率", "Accepted on time", "co_governance", "basic", "0.10", "1",
       ("四周内受理的建议中按时受理（转办）的比例：suggestions_accepted_on_time ÷ suggestions_accepted；比例 × 100。",
        "Share of the suggestions accepted (referred) in four weeks that were accepted on time:"
        " suggestions_accepted_on_time / suggestions_accepted; share × 100."),
       _src("suggestions_accepted_on_time", "suggestions_accepted")),
    _m("cg_adoption", "建议采纳率", "Suggestions adopted", "co_governance", "guidance", "0.08", "0.5",
       ("四周内答复的建议中被采纳或部分采纳的比例：adoptions ÷ replies；min(100, 比例 ÷ 0.5 × 100)。",
        "Share of the suggestions replied to in four weeks that were adopted or partly adopted: adoptions / replies;"
        " min(100, share / 0.5 × 100)."),
       _src("adoptions", "replies")),
    _m("cg_fund_approved", "自治金使用", "Autonomy fund approved", "co_governance", "guidance", "0.07", "0.8",
       ("年初至今批准的自治金占本年资金池下达额的比例：fund_approved_fen ÷ allocated_fen；min(100, 比例 ÷ 0.8 × 100)。"
        "只计居委会与街道（资金池按居委会设立）。",
        "Autonomy funds approved this year to date as a share of the year's pool allocation: fund_approved_fen /"
        " allocated_fen; min(100, share / 0.8 × 100). Committees and streets only (pools are per committee)."),
       ("实时计数 fund_approved_fen；自治金资金池（allocated_fen）", "live counter fund_approved_fen; the autonomy-fund pools"
        " (allocated_fen)")),
    _m("rl_reply_deadline", "依法按时答复率", "Replies within the statutory deadline", "rule_of_law", "basic", "0.13", "1",
       ("四周内作出的答复中在法定期限内作出的比例：replies_on_time ÷ replies；比例 × 100。",
        "Share of the replies given in four weeks that were given within the statutory deadline: replies_on_time /"
        " replies; share × 100."),
       _src("replies_on_time", "replies")),
    _m("rl_conventions", "居民公约", "Residents' conventions", "rule_of_law", "basic", "0.06", "0.3",
       ("近365天内议事会议决议转化的居民公约数，每千名居民计：conventions_adopted ÷ 居民数 × 1000；"
        "min(100, 数值 ÷ 0.3 × 100)（约3300人的居委会一年一项即满分）。",
        "Residents' conventions (居民公约) that meetings' decisions were carried into in the last 365 days, per 1,000"
        " residents: conventions_adopted / residents × 1000; min(100, value / 0.3 × 100) (one a year scores 100 in a"
        " committee of about 3,300 residents)."),
       _src("conventions_adopted")),
    _e("rl_legal_advice", "法律咨询服务", "Legal-advice sessions", "rule_of_law", "guidance", "0.06", "6",
       ("本季度社区法律咨询（法律顾问进社区）场次；min(100, 场次 ÷ 6 × 100)。",
        "Community legal-advice sessions held in the quarter; min(100, sessions / 6 × 100)."), upper=10_000),
    _m("cv_satisfaction", "居民满意度", "Satisfaction", "civic_virtue", "basic", "0.13", "5",
       ("四周内居民对答复评价的平均分（1–5）：rating_points ÷ ratings；(平均分 − 1) ÷ 4 × 100。",
        "Mean rating (1–5) residents gave to replies in four weeks: rating_points / ratings; (mean − 1) / 4 × 100."),
       _src("rating_points", "ratings")),
    _e("cv_volunteers", "注册志愿者", "Registered volunteers", "civic_virtue", "guidance", "0.06", "50",
       ("季末注册志愿者人数，每千名居民计；min(100, 每千人数 ÷ 50 × 100)。",
        "Registered volunteers at the quarter's end per 1,000 residents; min(100, per 1,000 / 50 × 100)."),
       upper=10_000_000, per_1000=True),
    _e("cv_commendations", "好人好事", "Good deeds commended", "civic_virtue", "guidance", "0.06", "4",
       ("本季度经街道认定表彰的好人好事、文明家庭等事例数；min(100, 数量 ÷ 4 × 100)。",
        "Good deeds, civic families and the like commended by the street in the quarter; min(100, count / 4 × 100)."),
       upper=10_000),
)
BY_ID = {indicator.id: indicator for indicator in INDICATORS}
ENTERED = tuple(i.id for i in INDICATORS if i.method == "entered")
MEASURED = tuple(i.id for i in INDICATORS if i.method == "measured")
assert sum(Fraction(i.weight) for i in INDICATORS) == 1


def formula() -> dict[str, Any]:
    """The published formula: what a reader needs to recount a score."""
    return {
        "name": {"zh": "睦邻指数", "en": "Mulin index"},
        "version": INDEX_VERSION,
        "scale": [0, 100],
        "minimum_components": MINIMUM_COMPONENTS,
        "window_days": WINDOW_DAYS,
        "convention_days": CONVENTION_DAYS,
        "dimensions": DIMENSIONS,
        "aggregation": {
            "zh": "各指标先换算为0–100分，再按权重加权平均。无数据或因人数不足而不予公布的指标不计入，"
                  f"其余指标的权重按比例放大至合计为1；有数值的指标少于{MINIMUM_COMPONENTS}个时不计算指数。",
            "en": "Each indicator is normalised to 0–100, then the score is their weighted mean. Indicators without data,"
                  " or withheld because they rest on too few people, are left out and the remaining weights scaled up to"
                  f" sum to 1; with fewer than {MINIMUM_COMPONENTS} indicators with a value there is no score.",
        },
        "rounding": {
            "value_decimals": VALUE_DECIMALS, "decimals": DECIMALS, "mode": "half_to_even",
            "zh": f"指标数值保留{VALUE_DECIMALS}位小数，换算值与指数保留一位小数，均采用四舍六入五成双；"
                  "换算值由已公布的数值计算，指数由已公布的换算值计算。",
            "en": f"Values are rounded to {VALUE_DECIMALS} decimals, normalised values and the score to one, half to even;"
                  " normalised values are computed from the published values and the score from the published"
                  " normalised values.",
        },
        "suppression": {
            "minimum": disclosure.MIN_PEOPLE,
            "zh": f"基于不足{disclosure.MIN_PEOPLE}人（件）的指标不予公布，也不计入指数。",
            "en": f"An indicator resting on fewer than {disclosure.MIN_PEOPLE} people is not published and does not"
                  " count towards the score.",
        },
        "indicators": {i.id: describe(i) for i in INDICATORS},
    }


def describe(indicator: Indicator) -> dict[str, Any]:
    return {
        "name": {"zh": indicator.zh, "en": indicator.en},
        "dimension": indicator.dimension,
        "kind": indicator.kind,
        "method": indicator.method,
        "weight": float(indicator.weight),
        "target": float(indicator.target),
        "formula": {"zh": indicator.formula_zh, "en": indicator.formula_en},
        "source": {"zh": indicator.source_zh, "en": indicator.source_en},
    }


def _rounded(value: Fraction, decimals: int) -> Fraction:
    # Fraction's round() is exact and rounds half to even.
    return round(value, decimals)


def _exact(name: str, value: object) -> Fraction:
    # bool is an int to Python, but True as a share is an upstream bug, not 100%.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name}: expected a number or None, got {value!r}")
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{name}: {value!r} is not a finite number ≥ 0")
    return Fraction(str(value))


def _shown(count: int) -> bool:
    """Whether a count of people may be used: disclosure's rule on a lone cell (zero is shown)."""
    return not disclosure.withheld({"cell": count}, (), minimum=disclosure.MIN_PEOPLE)


# The counts of people each measured indicator rests on: a count from 1 to MIN_PEOPLE − 1
# withholds it. Money has none (as the month's fund use in v1.1), nor have conventions: each is a
# public text published on the committee's page with its vote, not a count of people.
BASES: dict[str, tuple[str, ...]] = {
    "sg_participation": ("suggestions_received", "ballots_cast"),
    "sg_turnout": ("ballots_cast",),
    "sg_topics": ("topics_raised",),
    "sg_meetings": ("topics_raised",),
    "sg_decisions": ("topics_raised",),
    "cg_acceptance_on_time": ("suggestions_accepted",),
    "cg_adoption": ("replies",),
    "rl_reply_deadline": ("replies",),
    "cv_satisfaction": ("ratings",),
}


def withheld(counts: Mapping[str, int]) -> set[str]:
    """The measured indicators withheld for resting on too few people."""
    return {name for name, base in BASES.items()
            if not _shown(sum(int(counts.get(counter, 0)) for counter in base))}


def _ratio(part: int, whole: int) -> Fraction | None:
    return Fraction(part, whole) if whole and _shown(whole) else None


def measure(counts: Mapping[str, int], *, residents: Fraction | None, fund_approved_fen: int | None = None,
            allocated_fen: int | None = None, entered: Mapping[str, float] | None = None,
            conventions: int | None = None) -> dict[str, Fraction | None]:
    """Raw values of every indicator from a window's summed counters and what was entered; None
    where there is nothing to measure or the people counted are fewer than the threshold.
    `conventions`: conventions_adopted over the CONVENTION_DAYS ending on the window's last day."""
    def get(name: str) -> int:
        return int(counts.get(name, 0))

    def per_1000(count: int) -> Fraction | None:
        return Fraction(count) / residents * 1000 if residents and count and _shown(count) else None

    acts = get("suggestions_received") + get("ballots_cast")
    values: dict[str, Fraction | None] = {
        "sg_participation": per_1000(acts),
        "sg_turnout": Fraction(get("ballots_cast")) / residents if residents and get("ballots_cast")
        and _shown(get("ballots_cast")) else None,
        "sg_topics": per_1000(get("topics_raised")),
        "sg_meetings": _ratio(get("meetings_held"), get("topics_raised")),
        "sg_decisions": _ratio(get("decisions_carried"), get("topics_raised")),
        "cg_acceptance_on_time": _ratio(get("suggestions_accepted_on_time"), get("suggestions_accepted")),
        "cg_adoption": _ratio(get("adoptions"), get("replies")),
        # Money, not people: no threshold, as the month's fund use in v1.1.
        "cg_fund_approved": Fraction(fund_approved_fen or 0, allocated_fen) if allocated_fen else None,
        "rl_reply_deadline": _ratio(get("replies_on_time"), get("replies")),
        "cv_satisfaction": _ratio(get("rating_points"), get("ratings")),
        # None a year without one is not: zero conventions is a measured zero.
        "rl_conventions": Fraction(conventions) / residents * 1000 if residents and conventions is not None else None,
    }
    for indicator_id in ENTERED:
        raw = (entered or {}).get(indicator_id)
        if raw is None:
            values[indicator_id] = None
        elif BY_ID[indicator_id].per_1000:
            values[indicator_id] = _exact(indicator_id, raw) / residents * 1000 if residents else None
        else:
            values[indicator_id] = _exact(indicator_id, raw)
    return values


def published_value(value: Fraction | None) -> float | None:
    """A raw value as published: rounded to VALUE_DECIMALS, whose float prints exactly that decimal."""
    return None if value is None else float(_rounded(value, VALUE_DECIMALS))


def score(values: Mapping[str, float | None]) -> dict[str, Any]:
    """The index from published values (a missing id counts as None): the recount function.

    Raises ValueError for an unknown indicator or a negative value and TypeError for a value that
    is not a number: those are errors upstream that a published index must not absorb."""
    unknown = sorted(set(values) - set(BY_ID))
    if unknown:
        raise ValueError(f"unknown indicators: {', '.join(unknown)}")
    components: dict[str, dict[str, Any]] = {}
    weighted = Fraction(0)
    total_weight = Fraction(0)
    by_dimension: dict[str, list[Fraction]] = {name: [Fraction(0), Fraction(0)] for name in DIMENSIONS}
    for indicator in INDICATORS:
        raw = values.get(indicator.id)
        weight = Fraction(indicator.weight)
        if raw is None:
            components[indicator.id] = {"value": None, "normalised": None, "weight": float(weight)}
            continue
        value = _rounded(_exact(indicator.id, raw), VALUE_DECIMALS)
        normalised = _rounded(max(Fraction(0), indicator.normalise(value)), DECIMALS)
        components[indicator.id] = {"value": float(value), "normalised": float(normalised), "weight": float(weight)}
        weighted += weight * normalised
        total_weight += weight
        by_dimension[indicator.dimension][0] += weight * normalised
        by_dimension[indicator.dimension][1] += weight
    used = sum(1 for entry in components.values() if entry["value"] is not None)
    result = None if used < MINIMUM_COMPONENTS else float(_rounded(weighted / total_weight, DECIMALS))
    dimensions = {name: float(_rounded(part / weight, DECIMALS)) if weight else None
                  for name, (part, weight) in by_dimension.items()}
    return {"score": result, "components": components, "dimensions": dimensions, "version": INDEX_VERSION}


def evaluate(counts: Mapping[str, int], *, residents: Fraction | None, fund_approved_fen: int | None = None,
             allocated_fen: int | None = None, entered: Mapping[str, float] | None = None,
             conventions: int | None = None) -> dict[str, Any]:
    """measure() then score() over the published values, so that the figure shown is the recount."""
    raw = measure(counts, residents=residents, fund_approved_fen=fund_approved_fen,
                  allocated_fen=allocated_fen, entered=entered, conventions=conventions)
    return score({name: published_value(value) for name, value in raw.items()})
