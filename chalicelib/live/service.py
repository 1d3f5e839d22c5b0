"""Use cases of the live index: a division's index now, and the street's quarterly entries.

The index is computed when asked, from the counters (the closed weeks' rollups in one Query, the
other days a Query per run: the shards of a day come back together; rollups.py), the division's
entries (one Query) and, for committees and streets, their autonomy-fund pools. The hourly
publisher (publish.py) writes the same answers to files, and the rollups a read found missing.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from fractions import Fraction
from typing import Any

from chalicelib import clock
from chalicelib.auth import Principal, require
from chalicelib.division_codes import is_well_formed, level_of
from chalicelib.errors import ConflictError, ErrorDetail, NotFoundError, RuleViolationError, ValidationFailedError
from chalicelib.live import entries as entry_rules
from chalicelib.live import index, index_repository, rollups
from chalicelib.live.models import (
    IndexComponent,
    IndexDimension,
    IndexEntry,
    IndexEntryChange,
    IndexEntryFigures,
    IndexEntryList,
    IndexEntryUpdate,
    IndexText,
    IndexTrendPoint,
    LiveIndex,
)
from chalicelib.storage.dynamo import ConditionFailedError

NO_DIVISION = "No such division. / 没有这个行政区划。"
# As v1.1: where a committee recorded households but not residents, residents are households
# × Shanghai's average household size (2020 census).
PEOPLE_PER_HOUSEHOLD = Fraction("2.32")
FUND_LEVELS = ("committee", "street")


def _detail(field: str, message: str, message_zh: str, kind: str = "value_error") -> ErrorDetail:
    return ErrorDetail(field=field, type=kind, message=message, message_zh=message_zh)


def _division(code: str) -> Any:
    from chalicelib.divisions.repository import get_division

    if not is_well_formed(code):
        raise ValidationFailedError("Not a division code. / 行政区划代码格式不正确。",
                                    details=[_detail("division", "a Shanghai division code such as 310110012001",
                                                     "应为上海市行政区划代码")])
    division = get_division(code)
    if division is None:
        raise NotFoundError(NO_DIVISION)
    return division


def residents(population: int | None, households: int | None) -> Fraction | None:
    if population:
        return Fraction(population)
    if households:
        return households * PEOPLE_PER_HOUSEHOLD
    return None


# --- the index -------------------------------------------------------------------------------


def _week_ends(today: date) -> list[date]:
    """The last day each of the last TREND_WEEKS ISO weeks reached: Sundays, then today."""
    this_sunday = today + timedelta(days=6 - today.weekday())
    ends = [this_sunday - timedelta(weeks=n) for n in range(index.TREND_WEEKS - 1, 0, -1)]
    return [*ends, today]


def _allocated(code: str, year: int) -> int | None:
    from chalicelib.funds import repository as funds

    if level_of(code) == "committee":
        pool = funds.get_pool(code, year, consistent=False)
        return pool.allocated_fen if pool else None
    return sum(pool.allocated_fen for pool in funds.pools_of_street(code, year)) or None


def read_sums(code: str, intervals: list[rollups.Interval], today: date, keep: bool = False) -> list[dict[str, int]]:
    """The counters of `code` summed over each interval: closed weeks an interval holds whole from
    their rollups (one Query), every other day from the day items (a Query per run of days). With
    `keep` (the hourly publisher), the closed weeks found without a rollup get theirs."""
    from chalicelib.live import repository

    first, last = min(a for a, _ in intervals), max(b for _, b in intervals)
    closed = rollups.closed_weeks(rollups.monday_of(first), last, today)
    rolled = repository.read_rollups(code, closed[0], closed[-1]) if closed else {}
    whole, runs = rollups.plan(intervals, today, rolled)
    days: dict[str, dict[str, int]] = {}
    for low, high in runs:
        days |= repository.read_counters(code, low, high)
    if keep:
        at = clock.iso(clock.utc_now())
        for week in (week for week in closed if week not in rolled):
            # Only from a week whose every day was read (the intervals here leave no gap).
            if any(low <= week and week + timedelta(days=6) <= high for low, high in runs):
                repository.put_rollup(code, week, rollups.week_totals(days, week), at)
    weeks = {week: rolled[week] for week in whole}
    return [rollups.summed(days, weeks, interval) for interval in intervals]


def compute(code: str, population: int | None, households: int | None, today: date,
            keep_rollups: bool = False) -> dict[str, Any]:
    """The index of a division at `today` with its trend, as plain data (the route and the files)."""
    level = level_of(code)
    ends = _week_ends(today)
    window = timedelta(days=index.WINDOW_DAYS - 1)
    funded = level in FUND_LEVELS
    a_year = timedelta(days=index.CONVENTION_DAYS - 1)
    # Per trend point: its four weeks, its year (conventions) and, where funded, its year to date.
    spans = [[(end - window, end), (end - a_year, end), *([(date(end.year, 1, 1), end)] if funded else [])]
             for end in ends]
    sums = read_sums(code, [span for point in spans for span in point], today, keep_rollups)
    per_end = [sums[i * len(spans[0]):(i + 1) * len(spans[0])] for i in range(len(ends))]
    entered: dict[str, dict[str, float]] = {}
    if entry_rules.may_be_entered_for(code):
        stored, _ = index_repository.entries_of(code)
        entered = {quarter: {k: float(v) for k, v in item["values"].items()} for quarter, item in stored.items()}
    pools = {year: _allocated(code, year) for year in {end.year for end in ends}} if funded else {}
    people = residents(population, households)
    points = []
    for end, (counts, year, *to_date) in zip(ends, per_end, strict=True):
        result = index.evaluate(
            counts, residents=people, entered=entry_rules.applying(entered, end),
            fund_approved_fen=to_date[0].get("fund_approved_fen", 0) if funded else None,
            allocated_fen=pools.get(end.year),
            conventions=year.get("conventions_adopted", 0))
        points.append((end, counts, result))
    end, counts, current = points[-1]
    withheld = index.withheld(counts)
    return {
        "division": code, "level": level, "version": index.INDEX_VERSION,
        "first_day": (end - window).isoformat(), "last_day": end.isoformat(),
        "score": current["score"],
        "dimensions": [{"id": name, "name": names, "score": current["dimensions"][name]}
                       for name, names in index.DIMENSIONS.items()],
        "components": [{"id": i.id, **index.describe(i), **current["components"][i.id],
                        "suppressed": i.id in withheld} for i in index.INDICATORS],
        "trend": [{"week": "{}-W{:02d}".format(*point[0].isocalendar()[:2]), "last_day": point[0].isoformat(),
                   "score": point[2]["score"]} for point in points],
        "minimum_people": index.formula()["suppression"]["minimum"],
    }


def live_index(code: str, now: datetime | None = None) -> LiveIndex:
    division = _division(code)
    now = now or clock.utc_now()
    data = compute(code, division.population, division.households, now.astimezone(clock.SHANGHAI).date())
    return _shown(data, division.name, clock.iso(now))


def _shown(data: dict[str, Any], name: str | None, as_of: str) -> LiveIndex:
    return LiveIndex(
        **{k: v for k, v in data.items() if k not in ("dimensions", "components", "trend")},
        name=name, as_of=as_of,
        dimensions=[IndexDimension(id=d["id"], name=IndexText(**d["name"]), score=d["score"]) for d in data["dimensions"]],
        components=[IndexComponent(**{**c, "name": IndexText(**c["name"]), "formula": IndexText(**c["formula"]),
                                      "source": IndexText(**c["source"])}) for c in data["components"]],
        trend=[IndexTrendPoint(**point) for point in data["trend"]],
    )


# --- the quarterly entries ---------------------------------------------------------------------


def _figures(values: dict[str, Any]) -> IndexEntryFigures:
    return IndexEntryFigures(**{k: int(v) for k, v in values.items()})


def _entry_view(item: dict[str, Any], events: list[dict[str, Any]]) -> IndexEntry:
    from chalicelib.uploads.service import photo_links

    return IndexEntry(
        division=item["division"], quarter=item["quarter"], values=_figures(item["values"]),
        evidence=photo_links(list(item["evidence"])), note=item.get("note"), entered_at=item["entered_at"],
        entered_by_role=item["entered_by_role"], version=int(item["version"]),
        history=[IndexEntryChange(at=e["at"], action=e["action"], actor_role=e["actor_role"],
                                  values=_figures(e.get("after") or {}))
                 for e in events if e.get("quarter") == item["quarter"]],
    )


def list_entries(principal: Principal, code: str) -> IndexEntryList:
    require(principal, "index.read_entries", code if is_well_formed(code) else None)
    _division(code)
    stored, events = index_repository.entries_of(code)
    return IndexEntryList(division=code, entries=[_entry_view(stored[q], events) for q in sorted(stored, reverse=True)])


def put_entry(principal: Principal, code: str, quarter: str, body: IndexEntryUpdate,
              now: datetime | None = None) -> IndexEntry:
    require(principal, "index.enter", code if is_well_formed(code) else None)
    division = _division(code)
    if not entry_rules.may_be_entered_for(code):
        raise RuleViolationError("Entries are made for committees and streets. / 只为居委会和街道填报。",
                                 details=[_detail("division", "a committee or a street", "应为居委会或街道")])
    measured = sorted(name for name in body.values.model_dump(exclude_none=True) if name not in index.ENTERED)
    if measured:
        raise RuleViolationError(
            "Measured indicators are not entered: since index 2.1, 居民公约 counts the conventions carried from meetings."
            " / 该指标由平台实时计量，无需填报：自指数2.1版起，居民公约按议事会议决议转化的公约计数。",
            details=[_detail(f"values.{name}", "measured by the platform since index 2.1; leave it out",
                             "自指数2.1版起由平台计量，请勿填报", "measured_indicator") for name in measured])
    now = now or clock.utc_now()
    if not entry_rules.QUARTER_PATTERN.fullmatch(quarter):
        raise ValidationFailedError("Not a quarter. / 季度格式不正确。",
                                    details=[_detail("quarter", "a quarter such as 2026-Q4", "应为如 2026-Q4 的季度")])
    if not entry_rules.enterable(quarter, now.astimezone(clock.SHANGHAI).date()):
        raise RuleViolationError(
            "That quarter cannot be entered: the current one and the four before it can. / 只能填报本季度及此前四个季度。",
            details=[_detail("quarter", "the current quarter or one of the four before it", "应为本季度或此前四个季度",
                             "quarter_closed")])
    from chalicelib.uploads.service import discard_kept, keep_photos, verify_photos

    refs = verify_photos(principal.user_id, list(body.evidence), field="evidence")
    stored, _ = index_repository.entries_of(code)
    before = stored.get(quarter)
    if (before is None) != (body.version is None) or (before and int(before["version"]) != body.version):
        raise _stale(before)
    version = 1 if before is None else int(before["version"]) + 1
    kept = keep_photos(refs, f"index-entries/{code}/{quarter}/v{version}")
    entry = {
        "type": "index_entry", "division": division.code, "quarter": quarter,
        "values": body.values.model_dump(exclude_none=True), "evidence": kept, "note": body.note,
        "entered_at": clock.iso(now), "entered_by": principal.person, "entered_by_role": principal.role.value,
        "version": version,
    }
    try:
        index_repository.put_entry(entry, body.version, principal, before)
    except ConditionFailedError:
        discard_kept(kept)
        raise _stale(index_repository.entries_of(code)[0].get(quarter)) from None
    stored, events = index_repository.entries_of(code)
    return _entry_view(stored[quarter], events)


def _stale(current: dict[str, Any] | None) -> Exception:
    version = None if current is None else int(current["version"])
    return ConflictError(
        "The entry changed since it was read: read it again. / 该季度的填报已有变动，请刷新后再试。",
        details=[ErrorDetail(field="version", type="stale_version", message=f"the current version is {version}",
                             message_zh=f"当前版本为 {version}", current_version=version)])
