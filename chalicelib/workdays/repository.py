"""Holiday schedules that administrators stored, one item per year.

| pattern                   | index | key condition                                    | example                       |
| ------------------------- | ----- | ------------------------------------------------ | ----------------------------- |
| get one stored year       | table | PK = CALENDAR AND SK = YEAR#{yyyy}               | PK=CALENDAR, SK=YEAR#2027     |
| load every stored year    | table | PK = CALENDAR AND begins_with(SK, "YEAR#")       | PK=CALENDAR                   |
| store a year (versioned)  | table | TransactWrite: Put YEAR#{yyyy} + audit event     | AUDIT#workdays#2027           |

The partition stays tiny (a few dozen items of about 2 KB) and is read once per
container every few minutes (see service.load_calendar), so it is never hot.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from chalicelib.storage import dynamo
from chalicelib.storage.audit import audit_put, utc_now_iso
from chalicelib.storage.items import to_item
from chalicelib.storage.keys import CALENDAR_PARTITION, CALENDAR_YEAR_PREFIX, calendar_year_key
from chalicelib.workdays.models import StoredYearSchedule, YearScheduleUpdate

YEARS_PAGE = 100


def _stored(item: dict[str, Any]) -> StoredYearSchedule:
    return StoredYearSchedule.model_validate({k: v for k, v in item.items() if k in StoredYearSchedule.model_fields})


def _iso_dates(days: list[date]) -> list[str]:
    return [day.isoformat() for day in sorted(days)]


def get_year(year: int, consistent: bool = False) -> StoredYearSchedule | None:
    item = dynamo.get_item(calendar_year_key(year), consistent=consistent)
    return _stored(item) if item else None


def list_stored_years() -> list[StoredYearSchedule]:
    years: list[StoredYearSchedule] = []
    start: dict[str, Any] | None = None
    while True:
        items, start = dynamo.query_page(
            key_condition="PK = :pk AND begins_with(SK, :prefix)",
            values={":pk": CALENDAR_PARTITION, ":prefix": CALENDAR_YEAR_PREFIX},
            limit=YEARS_PAGE,
            start_key=start,
        )
        years.extend(_stored(item) for item in items)
        if not start:
            return years


def put_year(
    year: int,
    schedule: YearScheduleUpdate,
    expected_version: int,
    actor_id: str,
    actor_role: str,
    previous: StoredYearSchedule | None = None,
) -> StoredYearSchedule:
    """Store (or replace) a year's schedule and its audit event in one transaction."""
    now = utc_now_iso()
    stored = StoredYearSchedule(
        year=year,
        holidays=sorted(schedule.holidays),
        workdays=sorted(schedule.workdays),
        notice=schedule.source,
        version=expected_version + 1,
        updated_at=datetime.fromisoformat(now),
        updated_by=actor_id,
    )
    record = {
        "year": year,
        "holidays": _iso_dates(stored.holidays),
        "workdays": _iso_dates(stored.workdays),
        "notice": stored.notice,
    }
    table = dynamo.table_name()
    if expected_version == 0:
        # The first schedule of a year: two administrators storing it at once must not
        # silently overwrite each other.
        condition: dict[str, Any] = {"ConditionExpression": "attribute_not_exists(PK)"}
    else:
        # A correction replaces exactly the version its author read, nothing newer.
        condition = {
            "ConditionExpression": "#version = :expected_version",
            "ExpressionAttributeNames": {"#version": "version"},
            "ExpressionAttributeValues": to_item({":expected_version": expected_version}),
        }
    dynamo.transact_write(
        [
            {
                "Put": {
                    "TableName": table,
                    "Item": to_item(
                        {
                            **calendar_year_key(year),
                            "type": "calendar_year",
                            **record,
                            "version": stored.version,
                            "updated_at": now,
                            "updated_by": actor_id,
                        }
                    ),
                    **condition,
                }
            },
            audit_put(
                table,
                subject=f"workdays#{year}",
                action="store_schedule",
                actor_id=actor_id,
                actor_role=actor_role,
                before=(
                    {
                        "holidays": _iso_dates(previous.holidays),
                        "workdays": _iso_dates(previous.workdays),
                        "notice": previous.notice,
                        "version": previous.version,
                    }
                    if previous
                    else None
                ),
                after=record,
                at=now,
            ),
        ]
    )
    return stored
