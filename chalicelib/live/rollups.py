"""Weekly rollups: a closed ISO week's counters summed once, so that a read of a year is cheap.

The index sums a division's counters over intervals of up to a year (conventions over 365 days,
the fund over the year to date, for each of the 12 trend points): read day by day, that is about
450 days × 8 shards for the city. A rollup holds one closed ISO week (Monday to Sunday) of one
division, every shard and day summed, written once by the hourly publisher. A read then takes
the weeks an interval holds whole from their rollups and every other day from the day items:
the open weeks, the weeks not yet rolled up, and the days an interval's edge cuts off a week (a
Sunday trend point's four weeks are whole weeks, its 365 days whole weeks and the Sunday before,
which its rollup keeps apart; today's point, and the fund's 1 January, cut weeks).

A week is rolled up once its Sunday is ROLLUP_AFTER_DAYS behind: a counted record is dated by
its own write time and the stream holds it for 24 hours, so nothing reaches a day later than
the day after it. A rollup is written on the condition that there is none (never replaced);
one missing is read from the days and written at the next run.

The sums are the same either way: integer addition, and a counter present in a rollup exactly
when some day of the week has it (zeros included), as the days' own sum would have it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

ROLLUP_AFTER_DAYS = 2
WEEK = timedelta(days=7)

Counts = dict[str, int]
Interval = tuple[date, date]


@dataclass(frozen=True)
class Week:
    """A closed week's counters, and its Sunday's apart: a Sunday trend point's year is the 52
    weeks after the Sunday 364 days before it, and that Sunday."""

    total: Counts
    sunday: Counts


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def closed_weeks(first: date, last: date, today: date) -> list[date]:
    """The Mondays of the ISO weeks wholly inside [first, last] that are closed for good."""
    week = monday_of(first) if first.weekday() == 0 else monday_of(first) + WEEK
    newest_sunday = min(last, today - timedelta(days=ROLLUP_AFTER_DAYS))
    weeks = []
    while week + timedelta(days=6) <= newest_sunday:
        weeks.append(week)
        week += WEEK
    return weeks


def _inside(week: date, interval: Interval) -> bool:
    return interval[0] <= week and week + timedelta(days=6) <= interval[1]


def plan(intervals: Iterable[Interval], today: date, rolled: Iterable[date]) -> tuple[set[date], list[Interval]]:
    """(the rolled-up weeks to read, the runs of days to read) for sums over `intervals`: an
    interval takes a closed week it holds whole from its rollup, and so the Sunday it starts on;
    its other days from the day items (the open weeks, the days an edge cuts off a week)."""
    spans = list(intervals)
    first, last = min(a for a, _ in spans), max(b for _, b in spans)
    # The week `first` falls in too: its Sunday may start a year, and earlier runs rolled it up.
    whole = set(closed_weeks(monday_of(first), last, today)) & set(rolled)
    needed: set[date] = set()
    for span in spans:
        day = span[0]
        while day <= span[1]:
            week = monday_of(day)
            if week in whole and _inside(week, span):
                day = week + WEEK
                continue
            if not (week in whole and day == span[0] == week + timedelta(days=6)):
                needed.add(day)
            day += timedelta(days=1)
    runs: list[Interval] = []
    for day in sorted(needed):
        if runs and runs[-1][1] + timedelta(days=1) == day:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return whole, runs


def _add(totals: Counts, counts: Mapping[str, int]) -> None:
    for name, value in counts.items():
        totals[name] = totals.get(name, 0) + value


def summed(days: Mapping[str, Mapping[str, int]], weeks: Mapping[date, Week], interval: Interval) -> Counts:
    """The counters over `interval`: the weeks it holds whole, and the Sunday it starts on, from
    `weeks`; the other days from `days` ('YYYY-MM-DD' → counts; a day without events absent)."""
    totals: Counts = {}
    whole, sunday = set(), None
    for week, rolled in weeks.items():
        if _inside(week, interval):
            whole.add(week)
            _add(totals, rolled.total)
        elif interval[0] == week + timedelta(days=6):
            sunday = interval[0].isoformat()
            _add(totals, rolled.sunday)
    low, high = interval[0].isoformat(), interval[1].isoformat()
    for day, counts in days.items():
        if low <= day <= high and day != sunday and monday_of(date.fromisoformat(day)) not in whole:
            _add(totals, counts)
    return totals


def week_totals(days: Mapping[str, Mapping[str, int]], week: date) -> Week:
    """A week's rollup from its days."""
    return Week(total=summed(days, {}, (week, week + timedelta(days=6))),
                sunday=dict(days.get((week + timedelta(days=6)).isoformat(), {})))
