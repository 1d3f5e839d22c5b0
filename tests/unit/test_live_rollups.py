"""Weekly rollups change what a read of the live index costs, never what it answers: the index
computed from the day items alone and from rollups plus the other days is the same, on random
counters, at every level, whenever the rollups were written."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chalicelib.live import repository, rollups, service
from chalicelib.live.counters import COUNTERS

ANCHOR = date(2027, 3, 31)
SPAN = 480  # days of counters before ANCHOR: more than the index's 442 from any day below
CODES = ("310110012001", "310110012", "310110", "31")


class Table:
    """The counters' items in memory, with the repository's read and write functions over them."""

    def __init__(self, days: dict[str, dict[str, int]]) -> None:
        self.days = days
        self.weeks: dict[date, rollups.Week] = {}
        self.days_read = 0

    def read_counters(self, division: str, first: date, last: date) -> dict[str, dict[str, int]]:
        found = {day: dict(counts) for day, counts in self.days.items() if first.isoformat() <= day <= last.isoformat()}
        self.days_read += len(found)
        return found

    def read_rollups(self, division: str, first: date, last: date) -> dict[date, rollups.Week]:
        return {week: rolled for week, rolled in self.weeks.items() if first <= week <= last}

    def put_rollup(self, division: str, monday: date, week: rollups.Week, at: str) -> None:
        self.weeks.setdefault(monday, week)


@pytest.fixture
def table(monkeypatch):
    """Installs a Table; entries and fund pools are fixed, as they are no part of the counters."""
    made = Table({})
    monkeypatch.setattr(repository, "read_counters", made.read_counters)
    monkeypatch.setattr(repository, "read_rollups", made.read_rollups)
    monkeypatch.setattr(repository, "put_rollup", made.put_rollup)
    monkeypatch.setattr(service.index_repository, "entries_of", lambda code: ({}, []))
    monkeypatch.setattr(service, "_allocated", lambda code, year: 5_000_000)
    return made


counts = st.dictionaries(st.sampled_from(COUNTERS), st.integers(min_value=0, max_value=40), max_size=6)
counters = st.dictionaries(st.integers(min_value=0, max_value=SPAN), counts, max_size=160)


def as_days(drawn: dict[int, dict[str, int]]) -> dict[str, dict[str, int]]:
    return {(ANCHOR - timedelta(days=offset)).isoformat(): values for offset, values in drawn.items()}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drawn=counters, code=st.sampled_from(CODES), population=st.sampled_from((None, 40, 3_300)),
       today_back=st.integers(min_value=0, max_value=30), rolled_back=st.lists(st.integers(0, 60), max_size=3))
def test_the_index_from_rollups_is_the_index_from_the_days(table, drawn, code, population, today_back, rolled_back):
    table.days = as_days(drawn)
    table.weeks = {}
    today = ANCHOR - timedelta(days=today_back)
    from_days = service.compute(code, population, None, today)
    assert table.weeks == {}, "a read alone writes no rollup"
    # The hourly publisher's runs on earlier days (and today's), each writing the rollups it found missing.
    for back in sorted(rolled_back, reverse=True):
        service.compute(code, population, None, today - timedelta(days=back), keep_rollups=True)
    service.compute(code, population, None, today, keep_rollups=True)
    assert table.weeks
    assert service.compute(code, population, None, today) == from_days


def test_a_read_takes_the_closed_weeks_from_their_rollups(table):
    # Every day of the last 460 has counters: the read of a year and twelve weeks touches them all, then few.
    table.days = {(ANCHOR - timedelta(days=n)).isoformat(): {"ratings": 5, "rating_points": 20} for n in range(460)}
    before = service.compute("31", 3_300, None, ANCHOR)
    read_without = table.days_read
    # The hourly runs of a week ago and today.
    service.compute("31", 3_300, None, ANCHOR - timedelta(days=7), keep_rollups=True)
    service.compute("31", 3_300, None, ANCHOR, keep_rollups=True)
    table.days_read = 0
    assert service.compute("31", 3_300, None, ANCHOR) == before
    assert read_without == 438  # a Wednesday: 11 weeks and 3 days, and the year before
    # The open week's three days, and the days today's four weeks (from Thursday 4 March) and year
    # (from Wednesday 1 April 2026) cut off their first weeks.
    assert table.days_read == 3 + 4 + 5


def test_a_rollup_is_never_replaced_and_weeks_not_yet_closed_for_good_have_none(table):
    table.days = {"2027-03-22": {"replies": 2}, "2027-03-28": {"replies": 1}}
    service.compute("310110", None, None, date(2027, 3, 29), keep_rollups=True)
    # The week of 22–28 March ended yesterday: a late record may still reach it.
    assert date(2027, 3, 22) not in table.weeks
    service.compute("310110", None, None, date(2027, 3, 30), keep_rollups=True)
    assert table.weeks[date(2027, 3, 22)] == rollups.Week(total={"replies": 3}, sunday={"replies": 1})
    table.days["2027-03-23"] = {"replies": 7}
    service.compute("310110", None, None, date(2027, 3, 31), keep_rollups=True)
    assert table.weeks[date(2027, 3, 22)].total == {"replies": 3}


@given(first=st.dates(date(2026, 1, 1), date(2027, 12, 31)), length=st.integers(0, 400),
       today_after=st.integers(0, 30))
def test_closed_weeks_lie_whole_inside_the_span_and_end_two_days_before_today(first, length, today_after):
    last = first + timedelta(days=length)
    today = last + timedelta(days=today_after)
    weeks = rollups.closed_weeks(first, last, today)
    for week in weeks:
        assert week.weekday() == 0 and first <= week and week + timedelta(days=6) <= min(last, today - timedelta(days=2))
    # None left out: the next week would not fit.
    following = (weeks[-1] + timedelta(days=7)) if weeks else rollups.monday_of(first) + timedelta(days=7 * (first.weekday() > 0))
    assert following + timedelta(days=6) > min(last, today - timedelta(days=2))


@given(days=st.dictionaries(st.dates(date(2026, 1, 1), date(2026, 3, 31)).map(date.isoformat), counts, max_size=60),
       intervals=st.lists(st.tuples(st.dates(date(2026, 1, 1), date(2026, 3, 31)), st.integers(0, 80)),
                          min_size=1, max_size=5))
def test_sums_over_a_plan_are_the_days_own_sums(days, intervals):
    spans = [(start, start + timedelta(days=length)) for start, length in intervals]
    today = date(2026, 5, 1)
    every_week = rollups.closed_weeks(min(a for a, _ in spans), max(b for _, b in spans), today)
    rolled = {week: rollups.week_totals(days, week) for week in every_week}
    whole, runs = rollups.plan(spans, today, rolled)
    read = {day: c for day, c in days.items() if any(a.isoformat() <= day <= b.isoformat() for a, b in runs)}
    for span in spans:
        assert rollups.summed(read, {w: rolled[w] for w in whole}, span) == rollups.summed(days, {}, span)
