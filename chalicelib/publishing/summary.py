"""A month's summary as published in summary.json: counts, rates, rounds, funds and the index.

Pure: takes the month's tally and what the service read beside it, returns plain data in a
stable order, so that the same records always give the same bytes. Cells that count fewer than
MIN_PEOPLE people are null (suppressed), and so is every rate or mean taken over fewer people.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from chalicelib import disclosure
from chalicelib.live import index as live_index
from chalicelib.publishing import deliberation, index_v2, mulin_index
from chalicelib.publishing.aggregate import LEVELS, MonthTally, level_of, median
from chalicelib.publishing.cells import COUNTED, SCORES, withheld_suggestion_cells

SCHEMA_VERSION = "1.0"
MIN_PEOPLE = disclosure.MIN_PEOPLE
RATE_DECIMALS = 4
SUPPRESSION = {
    "minimum": MIN_PEOPLE,
    "zh": f"涉及不足{MIN_PEOPLE}人的单元格及据此计算的比例、平均数不予公布（记为 null），以免识别到个人；"
          "为使这些数字无法由合计减去其他数字推算出来，另有少量单元格一并不予公布（互补隐藏）。"
          "评分分布只在各分值都可公布时公布。",
    "en": f"Cells counting fewer than {MIN_PEOPLE} people, and rates or means taken over fewer, are not published"
          " (null), so that no one can be singled out; so that they cannot be worked back from a total minus the"
          " other cells, a few more cells are left out with them (complementary suppression). A distribution of"
          " ratings is published whole or not at all.",
}


def rate(part: int, whole: int) -> float | None:
    return round(part / whole, RATE_DECIMALS) if whole >= MIN_PEOPLE else None


def _named(code: str, divisions: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    return {"division": code, "level": level_of(code), "name": (divisions.get(code) or {}).get("name")}


def suggestions(tally: MonthTally, divisions: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    withheld = withheld_suggestion_cells(tally, MIN_PEOPLE)

    def shown(code: str, key: Any, value: int) -> int | None:
        return None if (code, key) in withheld else value

    rows = []
    for code in sorted(tally.suggestions):
        s = tally.suggestions[code]
        ratings = sum(s.ratings.values())
        replies_timed = sum(s.reply_days.values())
        adopted_shown = (code, "adopted") not in withheld and (code, "replied") not in withheld
        rows.append({
            **_named(code, divisions),
            **{name: shown(code, name, s.counts[name]) for name in COUNTED},
            "acknowledged_on_time_rate": rate(s.counts["first_responses_on_time"], s.counts["first_responses"]),
            "replied_on_time_rate": rate(s.counts["replies_on_time"], s.counts["replied"]),
            # adopted ÷ replied beside a shown replied would give a withheld adopted back.
            "adoption_rate": rate(s.counts["adopted"], s.counts["replied"]) if adopted_shown else None,
            "median_working_days_to_reply": median(s.reply_days) if replies_timed >= MIN_PEOPLE else None,
            "ratings": shown(code, "ratings", ratings),
            "satisfaction_mean": round(sum(k * v for k, v in s.ratings.items()) / ratings, 2)
            if ratings >= MIN_PEOPLE else None,
            "satisfaction_distribution": {score: shown(code, ("satisfaction_distribution", score), s.ratings[int(score)])
                                          for score in SCORES},
            "by_category": {name: shown(code, ("by_category", name), n) for name, n in sorted(s.categories.items())},
            "by_channel": {name: shown(code, ("by_channel", name), n) for name, n in sorted(s.channels.items())},
        })
    return rows


def rounds(results: list[dict[str, Any]], divisions: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for result in sorted(results, key=lambda r: r["round_id"]):
        population = (divisions.get(result["scope"]) or {}).get("population")
        rows.append({
            "round_id": result["round_id"], "kind": result.get("kind", "pb"), "title": result["title"],
            "scope": result["scope"],
            "scope_name": (divisions.get(result["scope"]) or {}).get("name"), "rule": result["rule"],
            "ballots": result["ballots"], "registered_residents": population,
            "turnout": min(1.0, round(result["ballots"] / population, RATE_DECIMALS)) if population else None,
            "budget_fen": result["budget_fen"], "total_cost_fen": result["total_cost_fen"],
            "tie_decided": result["tie_decided"],
            "projects": [{"id": p["id"], "title": p["title"], "cost_fen": p["cost_fen"], "votes": p["score"],
                          "selected": p["selected"]} for p in result["projects"]],
            "files": {"ballots": f"rounds/{result['round_id']}.pb", "results": f"rounds/{result['round_id']}.json"},
        })
    return rows


def funds(tally: MonthTally, divisions: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [{
        **_named(code, divisions),
        "applications_by_status": dict(sorted(f.statuses.items())),
        "approved_fen_by_category": dict(sorted(f.approved_by_category.items())),
        "paid_fen_by_category": dict(sorted(f.paid_by_category.items())),
        "moved_fen": dict(sorted(f.movements.items())),
    } for code, f in sorted(tally.funds.items())]


def pools(figures: Mapping[tuple[str, int], Mapping[str, int]], divisions: Mapping[str, Mapping[str, Any]]
          ) -> list[dict[str, Any]]:
    return [{
        "committee": committee, "name": (divisions.get(committee) or {}).get("name"), "year": year,
        **dict(figures[(committee, year)]),
        "use_rate": _use(figures[(committee, year)]),
    } for committee, year in sorted(figures)]


def _use(figures: Mapping[str, int]) -> float | None:
    allocated = figures["allocated_fen"]
    return round((figures["disbursed_fen"] + figures["committed_fen"]) / allocated, RATE_DECIMALS) if allocated else None


def index_scores(tally: MonthTally, round_rows: list[dict[str, Any]], pool_rows: list[dict[str, Any]],
                 divisions: Mapping[str, Mapping[str, Any]], year: int) -> list[dict[str, Any]]:
    """The Mulin index of every committee and street with activity, components beside the score."""
    codes = {c for c in (*tally.suggestions, *tally.funds, *(r["scope"] for r in round_rows)) if len(c) in (9, 12)}
    pools_of: dict[str, list[dict[str, Any]]] = {}
    for pool in pool_rows:
        if pool["year"] == year:
            for length in (9, 12):
                pools_of.setdefault(pool["committee"][:length], []).append(pool)
    rows = []
    for code in sorted(codes):
        s = tally.suggestions.get(code)
        counts = s.counts if s else Counter()
        ratings = s.ratings if s else Counter()
        own_rounds = [r for r in round_rows if r["scope"] == code]
        ballots = sum(r["ballots"] for r in own_rounds)
        applications = tally.funds[code].statuses["submitted"] if code in tally.funds else 0
        division = divisions.get(code) or {}
        population = division.get("population")
        people, base = mulin_index.residents(population, division.get("households"))
        acts = counts["received"] + ballots + applications
        rated = sum(ratings.values())
        own_pools = pools_of.get(code, [])
        allocated = sum(p["allocated_fen"] for p in own_pools)
        components = {
            "participation": round(float(acts / people * 1000), RATE_DECIMALS) if people and acts >= MIN_PEOPLE else None,
            "reply_timeliness": rate(counts["replies_on_time"], counts["replied"]),
            "satisfaction": round(sum(k * v for k, v in ratings.items()) / rated, 2) if rated >= MIN_PEOPLE else None,
            "adoption": rate(counts["adopted"], counts["replied"]),
            "fund_use": round(sum(p["disbursed_fen"] + p["committed_fen"] for p in own_pools) / allocated,
                              RATE_DECIMALS) if allocated else None,
            "turnout": min(1.0, round(ballots / population, RATE_DECIMALS)) if own_rounds and population else None,
        }
        rows.append({**_named(code, divisions), **mulin_index.score(components), "participation_base": base})
    return rows


def build(month: str, period: tuple[str, str], tally: MonthTally, divisions: Mapping[str, Mapping[str, Any]],
          results: list[dict[str, Any]], figures: Mapping[tuple[str, int], Mapping[str, int]],
          adopted: list[dict[str, Any]], entered: Mapping[str, Mapping[str, float]] | None = None,
          conventions: Mapping[str, int] | None = None) -> dict[str, Any]:
    round_rows = rounds(results, divisions)
    pool_rows = pools(figures, divisions)
    return {
        "schema_version": SCHEMA_VERSION,
        "month": month,
        "time_zone": "Asia/Shanghai",
        "period": {"start": period[0], "end": period[1]},
        "levels": list(LEVELS.values()),
        "suppression": SUPPRESSION,
        "suggestions": suggestions(tally, divisions),
        "adopted_suggestions": sorted(adopted, key=lambda a: a["tracking_no"]),
        "rounds": round_rows,
        "funds": funds(tally, divisions),
        "deliberation": deliberation.rows(tally, divisions, MIN_PEOPLE),
        "pools": pool_rows,
        "mulin_index": {"formula": mulin_index.FORMULA,
                        "scores": index_scores(tally, round_rows, pool_rows, divisions, int(month[:4]))},
        # v2 beside v1.1, each frozen with its formula; scores of the two are not compared.
        "mulin_index_v2": {"formula": live_index.formula(),
                           "scores": index_v2.scores(tally, round_rows, pool_rows, divisions, int(month[:4]),
                                                     entered or {}, conventions or {})},
    }
