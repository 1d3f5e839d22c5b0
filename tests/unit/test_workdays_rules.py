"""Working days and deadlines around the real 2026 holidays, counted in Shanghai dates."""

import csv
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chalicelib.errors import RuleViolationError
from chalicelib.workdays.models import DayCounting, YearScheduleUpdate
from chalicelib.workdays.rules import (
    SHANGHAI,
    WorkCalendar,
    YearSchedule,
    calendar_day_deadline,
    checked_schedule,
    deadline,
    deadline_is_provisional,
    end_of_shanghai_day,
    missing_schedule_warning,
    shanghai_date,
    working_day_deadline,
)

HOLIDAYS_CSV = Path(__file__).resolve().parents[2] / "data" / "holidays" / "cn_holidays_2024_2026.csv"
PACKAGE = WorkCalendar()
D = date


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def end_of(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 15, 59, 59, 999_000, tzinfo=UTC)


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


# A made-up 2027 schedule: a long Spring Festival and one make-up Saturday.
SCHEDULE_2027 = YearSchedule(holidays=frozenset(days(D(2027, 2, 5), D(2027, 2, 12))), workdays=frozenset({D(2027, 2, 20)}))
WITH_2027 = WorkCalendar(years={2027: SCHEDULE_2027})


# --- the calendar -------------------------------------------------------------------------


def test_every_day_of_2024_to_2026_matches_the_published_schedules():
    with HOLIDAYS_CSV.open(encoding="utf-8") as f:
        listed = {D.fromisoformat(row["date"]): row["kind"] for row in csv.DictReader(f)}
    for day in days(D(2024, 1, 1), D(2026, 12, 31)):
        kind = listed.get(day)
        expected = kind == "adjusted_workday" if kind else day.weekday() < 5
        assert PACKAGE.is_working_day(day) is expected, day
    assert all(PACKAGE.knows(year) for year in (2024, 2025, 2026))


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 9, 20), True),  # Sunday, make-up workday for National Day
        (D(2026, 9, 25), False),  # Friday, Mid-autumn
        (D(2026, 9, 26), False),
        (D(2026, 9, 27), False),
        (D(2026, 9, 28), True),
        (D(2026, 9, 30), True),
        *[(day, False) for day in days(D(2026, 10, 1), D(2026, 10, 7))],
        (D(2026, 10, 8), True),
        (D(2026, 10, 9), True),
        (D(2026, 10, 10), True),  # Saturday, make-up workday
        (D(2026, 10, 11), False),
        (D(2026, 2, 14), True),  # Saturday, make-up workday before Spring Festival
        *[(day, False) for day in days(D(2026, 2, 15), D(2026, 2, 23))],
        (D(2026, 2, 24), True),
        (D(2026, 2, 28), True),  # Saturday, make-up workday after it
        (D(2026, 3, 1), False),
    ],
)
def test_2026_autumn_and_spring_festival_days(day, working):
    assert PACKAGE.is_working_day(day) is working


def test_an_unknown_year_is_monday_to_friday_and_not_authoritative():
    assert not PACKAGE.knows(2027)
    assert [PACKAGE.is_working_day(day) for day in days(D(2027, 2, 8), D(2027, 2, 14))] == [True] * 5 + [False] * 2


def test_a_stored_year_wins_over_weekdays_and_over_the_package():
    assert WITH_2027.knows(2027)
    assert not WITH_2027.is_working_day(D(2027, 2, 8))
    assert WITH_2027.is_working_day(D(2027, 2, 20))
    corrected = WorkCalendar(years={2026: YearSchedule(holidays=frozenset({D(2026, 10, 8)}))})
    assert not corrected.is_working_day(D(2026, 10, 8))
    # The stored year replaces the package's entirely: its 10-01 block is gone.
    assert corrected.is_working_day(D(2026, 10, 1))


# --- Shanghai dates -----------------------------------------------------------------------


def test_shanghai_midnight_at_a_months_end():
    assert shanghai_date(utc(2026, 10, 31, 15, 59, 59)) == D(2026, 10, 31)
    assert shanghai_date(utc(2026, 10, 31, 16, 0, 0)) == D(2026, 11, 1)
    assert shanghai_date(datetime(2026, 11, 1, 0, 0, tzinfo=SHANGHAI)) == D(2026, 11, 1)


def test_a_naive_instant_is_refused():
    with pytest.raises(ValueError):
        shanghai_date(datetime(2026, 10, 31, 12, 0))


def test_end_of_a_shanghai_day_is_15_59_59_999_utc():
    assert end_of_shanghai_day(D(2026, 10, 8)) == utc(2026, 10, 8, 15, 59, 59, 999_000)
    assert end_of_shanghai_day(D(2026, 10, 8)).tzinfo == UTC


# --- calendar-day deadlines ---------------------------------------------------------------


def test_the_day_of_receipt_is_not_counted():
    # Received Monday 2026-11-02 in Shanghai; 15 days end on Tuesday 11-17.
    assert calendar_day_deadline(utc(2026, 11, 2, 1), 15, PACKAGE) == end_of(D(2026, 11, 17))


def test_receipt_a_second_before_and_after_shanghai_midnight_differs_by_a_day():
    # 10-31 + 3 = Tuesday 11-03; 11-01 + 3 = Wednesday 11-04.
    assert calendar_day_deadline(utc(2026, 10, 31, 15, 59, 59), 3, PACKAGE) == end_of(D(2026, 11, 3))
    assert calendar_day_deadline(utc(2026, 10, 31, 16, 0, 0), 3, PACKAGE) == end_of(D(2026, 11, 4))
    assert working_day_deadline(utc(2026, 10, 31, 15, 59, 59), 1, PACKAGE) == end_of(D(2026, 11, 2))
    assert working_day_deadline(utc(2026, 10, 30, 15, 59, 59), 1, PACKAGE) == end_of(D(2026, 11, 2))
    assert working_day_deadline(utc(2026, 10, 30, 16, 0, 0), 1, PACKAGE) == end_of(D(2026, 11, 2))
    assert working_day_deadline(utc(2026, 11, 2, 16, 0, 0), 1, PACKAGE) == end_of(D(2026, 11, 4))


@pytest.mark.parametrize("last_day", days(D(2026, 10, 1), D(2026, 10, 7)))
def test_a_period_ending_inside_national_day_moves_to_10_08(last_day):
    received = datetime.combine(last_day - timedelta(days=15), datetime.min.time(), tzinfo=SHANGHAI)
    assert calendar_day_deadline(received, 15, PACKAGE) == end_of(D(2026, 10, 8))


@pytest.mark.parametrize(
    ("received", "last_day"),
    [
        (D(2026, 9, 10), D(2026, 9, 28)),  # 09-25 is Mid-autumn; 09-26 and 09-27 are off too
        (D(2026, 9, 4), D(2026, 9, 20)),  # Saturday 09-19 → the make-up Sunday 09-20
        (D(2026, 9, 5), D(2026, 9, 20)),  # the make-up Sunday itself is a last day
        (D(2026, 9, 25), D(2026, 10, 10)),  # the make-up Saturday 10-10 is a last day
        (D(2026, 9, 26), D(2026, 10, 12)),  # Sunday 10-11 → Monday
        (D(2026, 2, 1), D(2026, 2, 24)),  # 02-16 inside Spring Festival → 02-24
        (D(2026, 1, 30), D(2026, 2, 14)),  # the make-up Saturday before Spring Festival
        (D(2026, 2, 13), D(2026, 2, 28)),  # the make-up Saturday after it
        (D(2025, 12, 17), D(2026, 1, 4)),  # New Year 01-01..03 → the make-up Sunday 01-04
        (D(2026, 10, 20), D(2026, 11, 4)),  # an ordinary Wednesday
    ],
)
def test_15_calendar_days_around_2026_holidays(received, last_day):
    instant = datetime.combine(received, datetime.min.time(), tzinfo=SHANGHAI) + timedelta(hours=10)
    assert calendar_day_deadline(instant, 15, PACKAGE) == end_of(last_day)
    assert deadline(instant, 15, DayCounting.calendar, PACKAGE) == end_of(last_day)


# --- working-day deadlines ----------------------------------------------------------------


def shanghai_noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, 0, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("received", "count", "last_day"),
    [
        # Wednesday before National Day: the whole block is skipped, Saturday 10-10 counts.
        (D(2026, 9, 30), 1, D(2026, 10, 8)),
        (D(2026, 9, 30), 2, D(2026, 10, 9)),
        (D(2026, 9, 30), 3, D(2026, 10, 10)),
        (D(2026, 9, 30), 4, D(2026, 10, 12)),
        (D(2026, 9, 30), 15, D(2026, 10, 27)),
        # Received during the block: counting starts after it.
        (D(2026, 10, 3), 1, D(2026, 10, 8)),
        (D(2026, 10, 7), 3, D(2026, 10, 10)),
        # Mid-autumn, and the make-up Sunday 09-20 a week earlier.
        (D(2026, 9, 24), 1, D(2026, 9, 28)),
        (D(2026, 9, 24), 4, D(2026, 10, 8)),
        (D(2026, 9, 18), 1, D(2026, 9, 20)),
        (D(2026, 9, 18), 2, D(2026, 9, 21)),
        # Spring Festival: the make-up Saturdays 02-14 and 02-28 count, 02-15..02-23 do not.
        (D(2026, 2, 12), 2, D(2026, 2, 14)),
        (D(2026, 2, 12), 3, D(2026, 2, 24)),
        (D(2026, 2, 13), 1, D(2026, 2, 14)),
        (D(2026, 2, 26), 2, D(2026, 2, 28)),
        (D(2026, 2, 26), 3, D(2026, 3, 2)),
    ],
)
def test_working_days_around_2026_holidays(received, count, last_day):
    assert working_day_deadline(shanghai_noon(received), count, PACKAGE) == end_of(last_day)
    assert deadline(shanghai_noon(received), count, DayCounting.working, PACKAGE) == end_of(last_day)


def test_sixty_working_days_across_national_day():
    # September counts 22 (Sunday 09-20 in, Friday 09-25 out), October 18 (five weekdays of
    # the block out, Saturday 10-10 in), and November's first 20 end on Friday 11-27.
    assert working_day_deadline(shanghai_noon(D(2026, 8, 31)), 60, PACKAGE) == end_of(D(2026, 11, 27))


def test_a_period_is_at_least_one_day():
    with pytest.raises(ValueError):
        working_day_deadline(shanghai_noon(D(2026, 9, 30)), 0, PACKAGE)
    with pytest.raises(ValueError):
        calendar_day_deadline(shanghai_noon(D(2026, 9, 30)), -1, PACKAGE)


# --- years nobody knows yet -----------------------------------------------------------------


def test_a_stored_2027_schedule_changes_deadlines():
    monday = shanghai_noon(D(2027, 2, 1))
    assert working_day_deadline(monday, 5, PACKAGE) == end_of(D(2027, 2, 8))
    assert working_day_deadline(monday, 5, WITH_2027) == end_of(D(2027, 2, 16))
    assert calendar_day_deadline(shanghai_noon(D(2027, 1, 24)), 15, PACKAGE) == end_of(D(2027, 2, 8))
    assert calendar_day_deadline(shanghai_noon(D(2027, 1, 24)), 15, WITH_2027) == end_of(D(2027, 2, 15))
    wednesday = shanghai_noon(D(2027, 2, 17))
    assert working_day_deadline(wednesday, 3, PACKAGE) == end_of(D(2027, 2, 22))
    assert working_day_deadline(wednesday, 3, WITH_2027) == end_of(D(2027, 2, 20))


def test_a_deadline_that_reaches_an_unknown_year_is_provisional():
    received = shanghai_noon(D(2026, 12, 20))
    due = working_day_deadline(received, 15, PACKAGE)
    assert shanghai_date(due).year == 2027
    assert deadline_is_provisional(received, due, PACKAGE)
    assert not deadline_is_provisional(received, working_day_deadline(received, 15, WITH_2027), WITH_2027)
    inside = shanghai_noon(D(2026, 10, 1))
    assert not deadline_is_provisional(inside, working_day_deadline(inside, 15, PACKAGE), PACKAGE)
    assert deadline_is_provisional(shanghai_noon(D(2028, 1, 3)), shanghai_noon(D(2028, 1, 20)), WITH_2027)


# --- the 1 November warning ---------------------------------------------------------------


def test_warning_from_the_first_of_november_while_next_year_is_missing():
    assert missing_schedule_warning(D(2026, 10, 31), PACKAGE) is None
    warning = missing_schedule_warning(D(2026, 11, 1), PACKAGE)
    assert warning is not None and "2027" in warning
    assert " / " in warning and "节假日" in warning
    assert missing_schedule_warning(D(2026, 12, 31), PACKAGE) == warning
    assert missing_schedule_warning(D(2026, 11, 1), WITH_2027) is None


def test_warning_while_the_current_year_itself_is_missing():
    assert "2027" in missing_schedule_warning(D(2027, 3, 1), PACKAGE)
    assert missing_schedule_warning(D(2027, 3, 1), WITH_2027) is None
    assert "2028" in missing_schedule_warning(D(2027, 11, 1), WITH_2027)


# --- a schedule to store ------------------------------------------------------------------


def test_a_consistent_schedule_is_accepted():
    schedule = checked_schedule(2027, SCHEDULE_2027.holidays, SCHEDULE_2027.workdays)
    assert schedule == SCHEDULE_2027


@pytest.mark.parametrize(
    ("holidays", "workdays", "field"),
    [
        ([D(2026, 12, 31)], [], "holidays"),
        ([D(2027, 2, 8)], [D(2028, 1, 8)], "workdays"),
        ([D(2027, 2, 8)], [D(2027, 2, 17)], "workdays"),  # a Wednesday
        ([D(2027, 2, 13)], [D(2027, 2, 13)], "workdays"),  # both at once
    ],
)
def test_an_inconsistent_schedule_breaks_a_rule_and_names_the_date(holidays, workdays, field):
    with pytest.raises(RuleViolationError) as caught:
        checked_schedule(2027, holidays, workdays)
    assert " / " in caught.value.message
    (problem,) = caught.value.details
    assert problem.field == field
    assert problem.message and problem.message_zh


def test_every_wrong_date_is_reported_at_once():
    with pytest.raises(RuleViolationError) as caught:
        checked_schedule(2027, [D(2026, 1, 1), D(2028, 1, 1)], [D(2027, 2, 17)])
    assert len(caught.value.details) == 3


def update(**changes):
    body = {"holidays": ["2031-10-01"], "workdays": ["2031-09-28"], "source": "国办发明电〔2030〕7号", **changes}
    return YearScheduleUpdate.model_validate(body)


@pytest.mark.parametrize(
    "changes",
    [
        {"holidays": ["2031-10-01", "2031-10-01"]},
        {"workdays": ["2031-09-28", "2031-09-28"]},
        {"holidays": []},
        {"holidays": [(D(2031, 1, 1) + timedelta(days=n)).isoformat() for n in range(61)]},
        {"source": ""},
        {"source": "x" * 301},
        {"holidays": ["2031-13-01"]},
        {"year": 2031},
    ],
)
def test_a_malformed_update_is_refused_by_the_model(changes):
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        update(**changes)


def test_a_well_formed_update_is_read():
    body = update()
    assert (body.holidays, body.workdays) == ([D(2031, 10, 1)], [D(2031, 9, 28)])


# --- properties -----------------------------------------------------------------------------

instants = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(UTC))
calendars = st.sampled_from([PACKAGE, WITH_2027])
periods = st.integers(min_value=1, max_value=90)


@given(instants, periods, calendars)
def test_working_day_deadlines_grow_strictly_with_the_count(received, n, calendar):
    assert working_day_deadline(received, n, calendar) < working_day_deadline(received, n + 1, calendar)


@given(instants, periods, st.sampled_from(list(DayCounting)), calendars)
def test_every_deadline_ends_a_working_day_in_shanghai(received, n, counting, calendar):
    due = deadline(received, n, counting, calendar)
    assert (due.hour, due.minute, due.second, due.microsecond, due.utcoffset()) == (15, 59, 59, 999_000, timedelta(0))
    assert calendar.is_working_day(shanghai_date(due))


@given(instants, periods, calendars)
def test_a_calendar_deadline_is_never_before_received_plus_days(received, n, calendar):
    assert calendar_day_deadline(received, n, calendar) >= received + timedelta(days=n)


@given(instants, periods, calendars)
def test_n_working_days_never_end_before_n_calendar_days(received, n, calendar):
    assert working_day_deadline(received, n, calendar) >= calendar_day_deadline(received, n, calendar)
