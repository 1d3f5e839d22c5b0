"""Use cases of the working-day calendar: the calendar every deadline is counted on, a
year's schedule as the public sees it, and an administrator storing a year."""

from __future__ import annotations

import re
import time
from datetime import date

from chalicelib import clock
from chalicelib.auth import Principal, require
from chalicelib.errors import BadRequestError
from chalicelib.workdays import repository, rules
from chalicelib.workdays.models import StoredYearSchedule, YearScheduleUpdate, YearScheduleView

# Years an administrator may store: nothing before the platform existed, nothing so far
# ahead that it can only be a typo.
STORE_YEARS = range(2020, 2101)
READ_YEARS = range(1900, 2101)
CALENDAR_TTL_SECONDS = 300.0
_YEAR_PATTERN = re.compile(r"[0-9]{4}")

# Every request that computes a deadline needs the calendar; reading it once per container
# every few minutes keeps DynamoDB off that path. A schedule stored in another container
# is seen here within CALENDAR_TTL_SECONDS, which is far shorter than the weeks between a
# State Council notice and the first deadline it changes.
_calendar_cache: tuple[float, rules.WorkCalendar] | None = None


def reset_calendar_cache() -> None:
    global _calendar_cache
    _calendar_cache = None


def load_calendar() -> rules.WorkCalendar:
    """The calendar with every stored year, read at most once per CALENDAR_TTL_SECONDS."""
    global _calendar_cache
    now = time.monotonic()
    if _calendar_cache is not None and now - _calendar_cache[0] < CALENDAR_TTL_SECONDS:
        return _calendar_cache[1]
    calendar = rules.WorkCalendar(
        years={
            stored.year: rules.YearSchedule(holidays=frozenset(stored.holidays), workdays=frozenset(stored.workdays))
            for stored in repository.list_stored_years()
        }
    )
    _calendar_cache = (now, calendar)
    return calendar


def _checked_year(year: int | str, allowed: range) -> int:
    if isinstance(year, str):
        if not _YEAR_PATTERN.fullmatch(year):
            raise BadRequestError("A year is four digits, e.g. 2027. / 年份应为四位数字，如 2027。")
        year = int(year)
    if year not in allowed:
        raise BadRequestError(
            f"The year must be between {allowed.start} and {allowed.stop - 1}. / "
            f"年份应在 {allowed.start} 至 {allowed.stop - 1} 之间。"
        )
    return year


def today_in_shanghai() -> date:
    return rules.shanghai_date(clock.utc_now())


def calendar_warning(today: date | None = None) -> str | None:
    return rules.missing_schedule_warning(today or today_in_shanghai(), load_calendar())


def _stored_view(stored: StoredYearSchedule) -> YearScheduleView:
    return YearScheduleView(
        year=stored.year,
        holidays=stored.holidays,
        workdays=stored.workdays,
        source="stored",
        notice=stored.notice,
        version=stored.version,
        updated_at=stored.updated_at,
        warning=calendar_warning(),
    )


def get_year_schedule(year: int | str) -> YearScheduleView:
    year = _checked_year(year, READ_YEARS)
    # The item itself, not the cached calendar: the view shows its version and who
    # changed it last, and an administrator checking their correction must see it at once.
    stored = repository.get_year(year)
    if stored is not None:
        return _stored_view(stored)
    known = rules.package_schedule(year)
    return YearScheduleView(
        year=year,
        holidays=sorted(known.holidays) if known else [],
        workdays=sorted(known.workdays) if known else [],
        source="chinesecalendar" if known else "weekdays_only",
        warning=calendar_warning(),
    )


def store_year_schedule(principal: Principal, year: int | str, update: YearScheduleUpdate) -> YearScheduleView:
    """Store a year's schedule; one the package already knows may be stored too, as a correction."""
    require(principal, "workdays.update")
    year = _checked_year(year, STORE_YEARS)
    rules.checked_schedule(year, update.holidays, update.workdays)
    # Consistent, so that the version the write is conditioned on is the latest one.
    previous = repository.get_year(year, consistent=True)
    stored = repository.put_year(
        year,
        update,
        expected_version=previous.version if previous else 0,
        actor_id=principal.user_id,
        actor_role=principal.role.value,
        previous=previous,
    )
    reset_calendar_cache()
    return _stored_view(stored)
