"""The live files: live/index/{division}.json for every division with counters in the last 12
weeks, and live/index/city.json, the city's overview ranked per district. Written hourly by the
`publish_live_index` schedule (app.py) and by `make run`'s worker, each file whole.

The committees come from the counter items' GSI1 keys (index_repository.active_committees),
their streets, districts and the city by lineage: no Scan. Each division's closed weeks found
without a rollup get theirs (rollups.py), so that the next reads, the API's too, are cheap.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from chalicelib import clock
from chalicelib.division_codes import CITY_CODE, level_of
from chalicelib.live import index, index_repository, service
from chalicelib.live.counters import lineage
from chalicelib.observability import logger

PREFIX = "live/index/"


def _bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _ranked(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Highest score first, those without a score last; equal scores share a rank."""
    ordered = sorted(rows, key=lambda r: (r["score"] is None, -(r["score"] or 0), r["division"]))
    ranked, previous, rank = [], None, 0
    for position, row in enumerate(ordered, start=1):
        if row["score"] is not None and row["score"] != previous:
            rank, previous = position, row["score"]
        ranked.append({**row, "rank": rank if row["score"] is not None else None})
    return ranked


def city_overview(files: dict[str, dict[str, Any]], as_of: str) -> dict[str, Any]:
    """Each district with its score, its streets and committees ranked within it."""
    row = {code: {"division": code, "name": data.get("name"), "score": data["score"]} for code, data in files.items()}
    districts = []
    for code in sorted(c for c in files if level_of(c) == "district"):
        inside = [c for c in files if c.startswith(code) and c != code]
        districts.append({
            **row[code],
            "streets": _ranked([row[c] for c in inside if level_of(c) == "street"]),
            "committees": _ranked([row[c] for c in inside if level_of(c) == "committee"]),
        })
    city = files.get(CITY_CODE, {})
    return {"version": index.INDEX_VERSION, "as_of": as_of, "city": {"division": CITY_CODE, "score": city.get("score")},
            "dimensions": city.get("dimensions", []), "districts": _ranked(districts), "formula": index.formula()}


def publish_all(now: datetime | None = None) -> dict[str, int]:
    from chalicelib.divisions.repository import get_divisions

    now = now or clock.utc_now()
    today = now.astimezone(clock.SHANGHAI).date()
    as_of = clock.iso(now)
    committees = index_repository.active_committees(today, index.TREND_WEEKS)
    codes = sorted({code for committee in committees for code in lineage(committee)})
    divisions = get_divisions(codes)
    files: dict[str, dict[str, Any]] = {}
    for code in codes:
        division = divisions.get(code)
        if division is None:
            continue
        data = service.compute(code, division.population, division.households, today, keep_rollups=True)
        files[code] = {**data, "name": division.name, "as_of": as_of}
        index_repository.put_live_file(f"{PREFIX}{code}.json", _bytes(files[code]))
    index_repository.put_live_file(f"{PREFIX}city.json", _bytes(city_overview(files, as_of)))
    logger.info("live index published", extra={"divisions": len(files)})
    return {"divisions": len(files)}
