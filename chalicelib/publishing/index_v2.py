"""The month's frozen copy of the Mulin index v2 (chalicelib/live/index.py), beside v1.1.

The live index reads the stream's counters over four weeks; the month's copy applies the same
formula to the month's own counts, so that it stays recountable from the month's files: each
row publishes every indicator's value, and live.index.score over those values gives the row's
score again. The month's counts map onto the counters as follows: a case's first response
(accepted or declined) stands for its acceptance, since the month's tally times that step;
approved autonomy-fund money is what the pool has committed or paid out by the month's end;
topics raised, meetings held and decisions carried are the month's deliberation counts; the
conventions adopted (2.1's rl_conventions) are the live counters' over the year ending on the
month's last day, for committees and streets, as the street's entries were in 2.0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from chalicelib.live import index
from chalicelib.live.service import residents
from chalicelib.publishing import deliberation
from chalicelib.publishing.aggregate import MonthTally


def month_counts(tally: MonthTally, code: str, ballots: int) -> dict[str, int]:
    s = tally.suggestions.get(code)
    counts = s.counts if s else Counter()
    ratings = s.ratings if s else Counter()
    return {
        "suggestions_received": counts["received"],
        "suggestions_accepted": counts["first_responses"],
        "suggestions_accepted_on_time": counts["first_responses_on_time"],
        "replies": counts["replied"],
        "replies_on_time": counts["replies_on_time"],
        "adoptions": counts["adopted"],
        "ratings": sum(ratings.values()),
        "rating_points": sum(score * n for score, n in ratings.items()),
        "ballots_cast": ballots,
        **deliberation.index_counts(tally, code),
    }


def scores(tally: MonthTally, round_rows: list[dict[str, Any]], pool_rows: list[dict[str, Any]],
           divisions: Mapping[str, Mapping[str, Any]], year: int,
           entered: Mapping[str, Mapping[str, float]],
           conventions: Mapping[str, int] | None = None) -> list[dict[str, Any]]:
    """Every committee and street with activity: values, normalised values and the score."""
    codes = {c for c in (*tally.suggestions, *tally.funds, *tally.deliberation, *(r["scope"] for r in round_rows))
             if len(c) in (9, 12)}
    rows = []
    for code in sorted(codes):
        division = divisions.get(code) or {}
        pools = [p for p in pool_rows if p["year"] == year and p["committee"].startswith(code)]
        allocated = sum(p["allocated_fen"] for p in pools)
        counts = month_counts(tally, code, sum(r["ballots"] for r in round_rows if r["scope"] == code))
        result = index.evaluate(
            counts,
            residents=residents(division.get("population"), division.get("households")),
            fund_approved_fen=sum(p["committed_fen"] + p["disbursed_fen"] for p in pools),
            allocated_fen=allocated or None, entered=entered.get(code, {}), conventions=(conventions or {}).get(code))
        # Named, so that the page can tell a withheld cell (too few people) from one with no data.
        withheld = sorted(i for i in index.withheld(counts) if result["components"][i]["value"] is None)
        rows.append({"division": code, "name": division.get("name"), **result, "withheld": withheld})
    return rows


def csv_rows(summary: Mapping[str, Any]) -> tuple[list[str], list[list[Any]]]:
    """mulin_index_v2.csv: one row per division, each indicator's value and normalised value."""
    header = ["division", "name", "score", "version",
              *[f"{i}_{part}" for i in index.BY_ID for part in ("value", "normalised")]]
    body = [[r["division"], r["name"], r["score"], r["version"],
             *[r["components"][i][part] for i in index.BY_ID for part in ("value", "normalised")]]
            for r in summary.get("mulin_index_v2", {}).get("scores", [])]
    return header, body
