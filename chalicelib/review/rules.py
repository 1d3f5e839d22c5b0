"""What "new" and "due soon" mean for an official's queues, as pure functions."""

from __future__ import annotations

from datetime import datetime, timedelta

from chalicelib.clock import SHANGHAI
from chalicelib.workdays.rules import WorkCalendar, working_day_deadline

DUE_SOON_WORKING_DAYS = 2
# A count reads at most this many pages; a queue larger than that is reported as capped,
# which keeps the summary's cost bounded however far behind a jurisdiction is.
MAX_COUNT_PAGES = 5


def due_soon_before(now: datetime, calendar: WorkCalendar) -> datetime:
    """Work due before the end of the second working day after today is due soon."""
    return working_day_deadline(now, DUE_SOON_WORKING_DAYS, calendar)


def new_since(now: datetime, calendar: WorkCalendar) -> datetime:
    """New is what arrived since this time on the previous working day: on a Monday that is
    Friday's, so a weekend's arrivals count as new, as a daily digest reads them."""
    local = now.astimezone(SHANGHAI)
    day = local.date() - timedelta(days=1)
    while not calendar.is_working_day(day):
        day -= timedelta(days=1)
    return local.replace(year=day.year, month=day.month, day=day.day)


def counts(values: list[tuple[str, str | None]], now: str, soon: str, since: str) -> tuple[int, int, int]:
    """(new, due soon, overdue) of (arrived, due) pairs, all UTC ISO text."""
    new = sum(1 for arrived, _ in values if arrived >= since)
    due_soon = sum(1 for _, due in values if due is not None and now <= due < soon)
    overdue = sum(1 for _, due in values if due is not None and due < now)
    return new, due_soon, overdue
