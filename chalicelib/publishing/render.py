"""The files of a month: summary.json, CSV tables and index.html, each rendered deterministically."""

from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chalicelib.publishing import index_v2
from chalicelib.publishing.mulin_index import COMPONENTS
from chalicelib.publishing.names import DIMENSIONS, V1_DIMENSION, in_words, name

# Kept importable from here: every CSV cell of the month passes through them.
from chalicelib.spreadsheet import FORMULA_STARTS as FORMULA_STARTS
from chalicelib.spreadsheet import neutralised as neutralised

if TYPE_CHECKING:
    from jinja2 import Environment

JSON_TYPE = "application/json; charset=utf-8"
CSV_TYPE = "text/csv; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"
PB_TYPE = "text/plain; charset=utf-8"


@lru_cache(maxsize=1)
def _templates() -> Environment:
    # Built on first use: only the monthly publication renders pages, and Jinja2 would
    # otherwise weigh on every API container's cold start.
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    templates = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                            autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True,
                            keep_trailing_newline=True)
    templates.filters["zip"] = lambda first, second: zip(first, second, strict=True)
    templates.globals["name"] = name
    templates.globals["in_words"] = in_words
    templates.globals["withheld"] = _withheld
    return templates


def _withheld(values: Any) -> bool:
    """Whether a table or chart holds a suppressed cell, so its explanation is printed beside it."""
    return any(v is None for v in values)


def json_bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _csv(header: list[str], rows: list[list[Any]]) -> bytes:
    out = io.StringIO()
    # Every text cell quoted, " doubled inside: with the minimal quoting a carriage return in a
    # title (not in lineterminator) would be written bare and split the row.
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow([neutralised(v) for v in header])
    writer.writerows([[neutralised(v) for v in row] for row in rows])
    # A byte-order mark lets spreadsheet programs read the Chinese names as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def tables(summary: dict[str, Any]) -> dict[str, bytes]:
    s = summary["suggestions"]
    suggestion_columns = ["received", "accepted", "declined", "replied", "closed", "adopted",
                          "acknowledged_on_time_rate", "replied_on_time_rate", "adoption_rate",
                          "median_working_days_to_reply", "ratings", "satisfaction_mean"]
    scores = summary["mulin_index"]["scores"]
    return {
        "suggestions.csv": _csv(["division", "level", "name", *suggestion_columns,
                                 *[f"rating_{n}" for n in range(1, 6)]],
                                [[r["division"], r["level"], r["name"], *[r[c] for c in suggestion_columns],
                                  *[r["satisfaction_distribution"][str(n)] for n in range(1, 6)]] for r in s]),
        "suggestions_by_category.csv": _csv(["division", "category", "received"],
                                            [[r["division"], k, v] for r in s for k, v in r["by_category"].items()]),
        "suggestions_by_channel.csv": _csv(["division", "channel", "received"],
                                           [[r["division"], k, v] for r in s for k, v in r["by_channel"].items()]),
        "adopted_suggestions.csv": _csv(["tracking_no", "division", "category", "adoption", "title", "content", "reply"],
                                        [[a["tracking_no"], a["division"], a["category"], a["adoption"], a["title"],
                                          a["content"], a["reply"]] for a in summary["adopted_suggestions"]]),
        "rounds.csv": _csv(["round_id", "title", "scope", "rule", "ballots", "registered_residents", "turnout",
                            "budget_fen", "total_cost_fen"],
                           [[r["round_id"], r["title"], r["scope"], r["rule"], r["ballots"], r["registered_residents"],
                             r["turnout"], r["budget_fen"], r["total_cost_fen"]] for r in summary["rounds"]]),
        "round_projects.csv": _csv(["round_id", "project_id", "title", "cost_fen", "votes", "selected"],
                                   [[r["round_id"], p["id"], p["title"], p["cost_fen"], p["votes"], p["selected"]]
                                    for r in summary["rounds"] for p in r["projects"]]),
        "fund_applications.csv": _csv(["division", "level", "status", "applications"],
                                      [[r["division"], r["level"], k, v] for r in summary["funds"]
                                       for k, v in r["applications_by_status"].items()]),
        "fund_amounts.csv": _csv(["division", "level", "category", "approved_fen", "paid_fen"],
                                 [[r["division"], r["level"], c, r["approved_fen_by_category"].get(c, 0),
                                   r["paid_fen_by_category"].get(c, 0)] for r in summary["funds"]
                                  for c in sorted({*r["approved_fen_by_category"], *r["paid_fen_by_category"]})]),
        "pools.csv": _csv(["committee", "name", "year", "allocated_fen", "available_fen", "committed_fen",
                           "disbursed_fen", "use_rate"],
                          [[p["committee"], p["name"], p["year"], p["allocated_fen"], p["available_fen"],
                            p["committed_fen"], p["disbursed_fen"], p["use_rate"]] for p in summary["pools"]]),
        "mulin_index.csv": _csv(["division", "level", "name", "score", "version",
                                 *[f"{c}_{part}" for c in COMPONENTS for part in ("value", "normalised")]],
                                [[r["division"], r["level"], r["name"], r["score"], r["version"],
                                  *[r["components"][c][part] for c in COMPONENTS for part in ("value", "normalised")]]
                                 for r in scores]),
    }


DELIBERATION_COLUMNS = ["topics_raised", "supports", "meetings_held", "decisions", "decisions_carried"]


def tables_deliberation(summary: dict[str, Any]) -> dict[str, bytes]:
    """Deliberation counts per division, and their breakdowns (meetings by kind, carried by target)."""
    rows = summary.get("deliberation") or []
    parts = [("meetings_by_kind", "meetings_held"), ("carried_by_target", "decisions_carried")]
    return {
        "deliberation.csv": _csv(["division", "level", "name", *DELIBERATION_COLUMNS],
                                 [[r["division"], r["level"], r["name"], *[r[c] for c in DELIBERATION_COLUMNS]]
                                  for r in rows]),
        "deliberation_breakdown.csv": _csv(["division", "level", "count", "breakdown", "value"],
                                           [[r["division"], r["level"], total, key, n] for r in rows
                                            for part, total in parts for key, n in r[part].items()]),
    }


def tables_v2(summary: dict[str, Any]) -> dict[str, bytes]:
    """The v2 index's table, present when the summary holds the v2 copy."""
    if "mulin_index_v2" not in summary:
        return {}
    return {"mulin_index_v2.csv": _csv(*index_v2.csv_rows(summary))}


def page(summary: dict[str, Any], files: list[str]) -> bytes:
    # Columns and definitions follow the plan's dimensions, so a reader meets them in that order.
    ordered = sorted(COMPONENTS, key=lambda c: list(DIMENSIONS).index(V1_DIMENSION[c]))
    grouped = {d: [c for c in ordered if V1_DIMENSION[c] == d] for d in DIMENSIONS}
    return _templates().get_template("month.html").render(
        s=summary, files=files, components=ordered, dimensions=DIMENSIONS, dimension_of=V1_DIMENSION,
        dimension_components=grouped, v2=summary.get("mulin_index_v2"),
        v2_indicators=_v2_grouped(summary)).encode("utf-8")


def _v2_grouped(summary: dict[str, Any]) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """The month's v2 indicators per dimension, basic before guidance and measured before entered,
    as the plan lists them; from the frozen formula, so an older month reads as it was published."""
    indicators = (summary.get("mulin_index_v2") or {}).get("formula", {}).get("indicators", {})
    ordered = sorted(indicators.items(), key=lambda item: (item[1]["kind"] != "basic",
                                                           item[1]["method"] != "measured", item[0]))
    return {d: [(i, spec) for i, spec in ordered if spec["dimension"] == d] for d in DIMENSIONS}
