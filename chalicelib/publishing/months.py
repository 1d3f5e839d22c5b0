"""Which months exist for publication, and where they begin and end (Asia/Shanghai)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from chalicelib import clock
from chalicelib.clock import SHANGHAI
from chalicelib.errors import ErrorDetail, RuleViolationError, ValidationFailedError, bilingual

MONTH = re.compile(r"^(?P<year>[0-9]{4})-(?P<month>0[1-9]|1[0-2])$")
# Nothing was recorded before the platform opened; earlier months have nothing to publish.
FIRST_MONTH = "2026-01"


class MonthError(ValueError):
    """Not a month that can be published; `kind` says why (malformed, before_platform, not_over)."""

    def __init__(self, kind: str, message: str, message_zh: str):
        super().__init__(message)
        self.kind, self.message, self.message_zh = kind, message, message_zh


def _first_day(month: str) -> date:
    match = MONTH.match(month)
    if match is None:
        raise MonthError("malformed", "A month is written yyyy-mm, e.g. 2026-10.", "月份格式应为 yyyy-mm，例如 2026-10。")
    return date(int(match["year"]), int(match["month"]), 1)


def _next_first_day(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def bounds(month: str) -> tuple[str, str]:
    """The month as UTC instants [start, end): October 2026 runs from 2026-09-30T16:00Z to 2026-10-31T16:00Z."""
    first = _first_day(month)
    start = datetime(first.year, first.month, 1, tzinfo=SHANGHAI).astimezone(UTC)
    following = _next_first_day(first)
    end = datetime(following.year, following.month, 1, tzinfo=SHANGHAI).astimezone(UTC)
    return clock.iso(start), clock.iso(end)


def checked(month: str, now: datetime) -> str:
    """The month if it can be published now: well formed, not before the platform, and over."""
    first = _first_day(month)
    if month < FIRST_MONTH:
        raise MonthError("before_platform", f"Mulin holds no records before {FIRST_MONTH}.",
                         f"{FIRST_MONTH} 之前没有记录可公布。")
    _, end = bounds(month)
    if clock.iso(now) < end:
        raise MonthError("not_over", f"{first:%Y-%m} is not over yet; a month is published once it has ended.",
                         f"{first:%Y-%m} 尚未结束，月份结束后方可公布。")
    return month


def month_before(now: datetime) -> str:
    """The month that ended most recently, in Shanghai: at 01:00 on 1 November it is October."""
    today = now.astimezone(SHANGHAI).date()
    return (today.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")


def span(first: str, last: str) -> list[str]:
    """Every month from first to last inclusive."""
    day, end = _first_day(first), _first_day(last)
    months = []
    while day <= end:
        months.append(day.strftime("%Y-%m"))
        day = _next_first_day(day)
    return months


def year_of(month: str) -> int:
    return _first_day(month).year


def requested(month: str) -> str:
    """`month` as asked for through the API or the command line, or the 4xx saying why not."""
    try:
        return checked(month, clock.utc_now())
    except MonthError as exc:
        error = ValidationFailedError if exc.kind == "malformed" else RuleViolationError
        raise error(bilingual(exc.message, exc.message_zh), details=[
            ErrorDetail(field="month", type=exc.kind, message=exc.message, message_zh=exc.message_zh)]) from exc
