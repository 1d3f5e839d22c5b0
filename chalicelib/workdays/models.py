"""How deadlines are counted, and a year's holiday schedule as the API takes and shows it."""


import enum
from datetime import date, datetime
from typing import Literal

from pydantic import Field, field_validator

from chalicelib.models import RequestModel, ResponseModel

# A State Council notice lists a few dozen days; a longer list is a mistake, not a schedule.
MAX_DATES = 60


class DayCounting(str, enum.Enum):
    """How a category counts its deadline periods."""

    calendar = "calendar"  # 自然日: the statutory default
    working = "working"  # 工作日: statutory holidays and make-up workdays observed


class YearScheduleUpdate(RequestModel):
    """A year's schedule as the State Council published it (国务院办公厅关于…部分节假日安排的通知)."""

    holidays: list[date] = Field(
        min_length=1,
        max_length=MAX_DATES,
        description="days off (法定节假日), including the weekend days inside each block",
    )
    workdays: list[date] = Field(
        max_length=MAX_DATES,
        description="make-up workdays (调休上班): Saturdays or Sundays that are working days",
    )
    source: str = Field(min_length=1, max_length=300, description="the notice's title or URL")

    @field_validator("holidays", "workdays")
    @classmethod
    def _no_duplicates(cls, days: list[date]) -> list[date]:
        repeated = sorted({day for day in days if days.count(day) > 1})
        if repeated:
            raise ValueError(f"dates listed twice: {', '.join(d.isoformat() for d in repeated)}")
        return days


class StoredYearSchedule(ResponseModel):
    """A schedule an administrator stored; it wins over the chinesecalendar package."""

    year: int
    holidays: list[date]
    workdays: list[date]
    notice: str
    version: int
    updated_at: datetime
    updated_by: str


class YearScheduleView(ResponseModel):
    year: int
    holidays: list[date] = Field(description="days off that the calendar knows for the year")
    workdays: list[date] = Field(description="make-up Saturdays and Sundays that are working days")
    source: Literal["stored", "chinesecalendar", "weekdays_only"] = Field(
        description="stored by an administrator; from the chinesecalendar package; or unknown, "
        "so Monday to Friday are counted as working days and deadlines are provisional"
    )
    notice: str | None = Field(default=None, description="the notice a stored schedule was taken from")
    version: int = Field(default=0, description="0 until an administrator stores the year")
    updated_at: datetime | None = None
    warning: str | None = Field(default=None, description="set from 1 November while next year's schedule is missing")
