"""Pure rules of the working-day calendar and of deadline arithmetic.

A day is a working day by the first source that knows its year: a schedule an
administrator stored, then the chinesecalendar package (2004–2026 in 1.11.0), then plain
Monday to Friday, which is only a guess and makes any deadline that relies on it
provisional. Periods are counted in Asia/Shanghai dates as Chinese statute counts them:
the day of receipt is not counted, and a period ends at the end of its last day
(民法典 第二百零一条、第二百零三条). Instants go in and come out in UTC.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache

from chalicelib.clock import SHANGHAI
from chalicelib.errors import ErrorDetail, RuleViolationError
from chalicelib.workdays.models import DayCounting

SATURDAY = 5
MISSING_SCHEDULE_MONTH_DAY = (11, 1)


@dataclass(frozen=True)
class YearSchedule:
    """One year's departures from Monday to Friday."""

    holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()

    def is_working_day(self, day: date) -> bool:
        return day in self.workdays or (day.weekday() < SATURDAY and day not in self.holidays)


@cache
def _package_schedules() -> Mapping[int, YearSchedule]:
    # chinese_calendar's own is_workday() recomputes its year range on every call; the
    # per-year sets are built once and give the same answers (checked against its data).
    from chinese_calendar.constants import holidays, workdays

    years = {day.year for day in holidays} | {day.year for day in workdays}
    return {
        year: YearSchedule(
            holidays=frozenset(day for day in holidays if day.year == year),
            workdays=frozenset(day for day in workdays if day.year == year),
        )
        for year in range(min(years), max(years) + 1)
    }


def package_schedule(year: int) -> YearSchedule | None:
    """The schedule chinesecalendar knows for `year`, or None when the year is beyond it."""
    return _package_schedules().get(year)


@dataclass(frozen=True)
class WorkCalendar:
    """Stored schedules (by year) over the package's knowledge."""

    years: Mapping[int, YearSchedule] = field(default_factory=dict)

    def schedule(self, year: int) -> YearSchedule | None:
        stored = self.years.get(year)
        return stored if stored is not None else package_schedule(year)

    def knows(self, year: int) -> bool:
        """True when answers for `year` rest on a published schedule rather than a guess."""
        return self.schedule(year) is not None

    def is_working_day(self, day: date) -> bool:
        schedule = self.schedule(day.year)
        if schedule is None:
            return day.weekday() < SATURDAY
        return schedule.is_working_day(day)


def shanghai_date(instant: datetime) -> date:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("a naive datetime has no place in time; give it a timezone")
    return instant.astimezone(SHANGHAI).date()


def end_of_shanghai_day(day: date) -> datetime:
    """The last millisecond of `day` in Shanghai, as a UTC instant (15:59:59.999Z)."""
    local = datetime.combine(day, time(23, 59, 59, 999_000), tzinfo=SHANGHAI)
    return local.astimezone(UTC)


def _next_working_day_from(day: date, calendar: WorkCalendar) -> date:
    # Terminates: a stored year holds at most MAX_DATES holidays and an unknown year
    # works Monday to Friday, so every run of rest days is short.
    while not calendar.is_working_day(day):
        day += timedelta(days=1)
    return day


def _check_days(days: int) -> None:
    if days < 1:
        raise ValueError(f"a period is at least one day, not {days}")


def calendar_day_deadline(received: datetime, days: int, calendar: WorkCalendar) -> datetime:
    """End of the period of `days` calendar days (自然日) after receipt.

    A period whose last day is a rest day ends on the next working day (民法典 第二百零三条
    names statutory holidays; weekends are treated alike, as administrative practice does).
    """
    _check_days(days)
    last_day = shanghai_date(received) + timedelta(days=days)
    return end_of_shanghai_day(_next_working_day_from(last_day, calendar))


def working_day_deadline(received: datetime, days: int, calendar: WorkCalendar) -> datetime:
    """End of the `days`-th working day (工作日) after the day of receipt."""
    _check_days(days)
    day = shanghai_date(received)
    for _ in range(days):
        day = _next_working_day_from(day + timedelta(days=1), calendar)
    return end_of_shanghai_day(day)


_BY_COUNTING: dict[DayCounting, Callable[[datetime, int, WorkCalendar], datetime]] = {
    DayCounting.calendar: calendar_day_deadline,
    DayCounting.working: working_day_deadline,
}


def deadline(received: datetime, days: int, counting: DayCounting, calendar: WorkCalendar) -> datetime:
    return _BY_COUNTING[DayCounting(counting)](received, days, calendar)


def deadline_is_provisional(received: datetime, deadline: datetime, calendar: WorkCalendar) -> bool:
    """True when the period crosses a year whose schedule nobody has published to us yet.

    Such a deadline was counted on Monday to Friday and may move once the year is stored.
    """
    first, last = shanghai_date(received).year, shanghai_date(deadline).year
    return any(not calendar.knows(year) for year in range(first, last + 1))


def missing_schedule_warning(today: date, calendar: WorkCalendar) -> str | None:
    """A warning for administrators while a schedule that deadlines need is missing.

    The State Council publishes the next year's schedule in late October or November, so
    from 1 November on a missing next year is worth storing; a missing current year (the
    warning was ignored) always is.
    """
    if not calendar.knows(today.year):
        year = today.year
    elif (today.month, today.day) >= MISSING_SCHEDULE_MONTH_DAY and not calendar.knows(today.year + 1):
        year = today.year + 1
    else:
        return None
    return (
        f"The holiday schedule for {year} is missing: deadlines in {year} count Monday to Friday and are "
        f"provisional. Store the State Council's schedule at PUT /workdays/{year}. / "
        f"缺少 {year} 年节假日安排：{year} 年的期限暂按周一至周五计算，仅供参考。"
        f"请通过 PUT /workdays/{year} 录入国务院办公厅公布的节假日安排。"
    )


def _problem(field_name: str, day: date, message: str, message_zh: str) -> ErrorDetail:
    return ErrorDetail(
        field=field_name,
        type="calendar_rule",
        message=f"{day.isoformat()}: {message}",
        message_zh=f"{day.isoformat()}：{message_zh}",
    )


def checked_schedule(year: int, holidays: Iterable[date], workdays: Iterable[date]) -> YearSchedule:
    """The schedule to store for `year`, or RuleViolationError naming every wrong date."""
    holidays, workdays = frozenset(holidays), frozenset(workdays)
    problems = [
        _problem(name, day, f"not in {year}", f"不在 {year} 年内")
        for name, days in (("holidays", holidays), ("workdays", workdays))
        for day in sorted(days)
        if day.year != year
    ]
    problems += [
        _problem("workdays", day, "a make-up workday falls on a Saturday or Sunday", "调休上班日应为周六或周日")
        for day in sorted(workdays)
        if day.weekday() < SATURDAY
    ]
    problems += [
        _problem("workdays", day, "listed both as a holiday and as a workday", "不能既是假日又是上班日")
        for day in sorted(holidays & workdays)
    ]
    if problems:
        raise RuleViolationError(
            f"The schedule for {year} is not consistent. / {year} 年节假日安排有误。",
            details=problems,
        )
    return YearSchedule(holidays=holidays, workdays=workdays)


def working_days_between(start: date, end: date, calendar: WorkCalendar) -> int:
    """Working days after `start` up to and including `end`: a reply on the next working day took 1."""
    days, day = 0, start + timedelta(days=1)
    while day <= end:
        days += calendar.is_working_day(day)
        day += timedelta(days=1)
    return days
