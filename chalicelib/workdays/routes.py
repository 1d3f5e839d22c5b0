"""HTTP routes of the working-day calendar."""

from __future__ import annotations

from chalicelib.auth import Principal
from chalicelib.web.api import ApiBlueprint
from chalicelib.workdays import service
from chalicelib.workdays.models import YearScheduleUpdate, YearScheduleView

workdays_api = ApiBlueprint(__name__)


@workdays_api.operation(
    "/workdays/{year}",
    "GET", operation_id="getWorkdays",
    summary="A year's statutory holidays and make-up workdays (法定节假日与调休安排)",
    tags=("workdays",),
    response=YearScheduleView,
    authenticated=False,
)
def get_year_schedule(year: str) -> YearScheduleView:
    return service.get_year_schedule(year)


@workdays_api.operation(
    "/workdays/{year}",
    "PUT", operation_id="setWorkdays",
    summary="Store a year's schedule from the State Council notice (platform admins)",
    description="A stored schedule wins over the chinesecalendar package, so a known year may be corrected too.",
    tags=("workdays",),
    response=YearScheduleView,
    body=YearScheduleUpdate,
    errors=(409, 422),
)
def store_year_schedule(year: str, principal: Principal, body: YearScheduleUpdate) -> YearScheduleView:
    return service.store_year_schedule(principal, year, body)
