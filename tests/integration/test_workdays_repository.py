"""Stored holiday schedules in DynamoDB: versioned writes with their audit event, and the
calendar every deadline reads, loaded with one Query and cached in the process."""

from datetime import date, timedelta

import boto3
import pytest

from chalicelib import aws
from chalicelib.auth import Principal, Role
from chalicelib.errors import ConflictError, ForbiddenError, RuleViolationError
from chalicelib.workdays import repository, service
from chalicelib.workdays.models import YearScheduleUpdate
from tests.integration.conftest import SETTINGS

ADMIN = Principal(user_id="admin-1", role=Role.platform_admin, jurisdiction="31")
NOTICE_2027 = "国务院办公厅关于2027年部分节假日安排的通知"


def spring_festival_2027(**changes) -> YearScheduleUpdate:
    holidays = [(date(2027, 2, 5) + timedelta(days=n)).isoformat() for n in range(8)]
    return YearScheduleUpdate.model_validate(
        {"holidays": holidays, "workdays": ["2027-02-20"], "source": NOTICE_2027, **changes}
    )


@pytest.fixture
def calendar_cache(aws):
    # The cache lives in the process; each test gets its own embedded AWS.
    service.reset_calendar_cache()
    yield
    service.reset_calendar_cache()


@pytest.fixture
def queries(calendar_cache):
    seen: list[dict] = []

    def record(params, **kwargs):
        seen.append(dict(params))

    # The parameters as the app passed them, once per Query it sends.
    events = aws.client("dynamodb").meta.events
    events.register("provide-client-params.dynamodb.Query", record, unique_id="count-queries")
    yield seen
    events.unregister("provide-client-params.dynamodb.Query", unique_id="count-queries")


def audit_events(year: int) -> list[dict]:
    return boto3.client("dynamodb", region_name="ap-east-1").query(
        TableName=SETTINGS["MULIN_TABLE"],
        KeyConditionExpression="PK = :pk",
        ExpressionAttributeValues={":pk": {"S": f"AUDIT#workdays#{year}"}},
    )["Items"]


def test_a_stored_year_reads_back_sorted_and_versioned(calendar_cache):
    update = spring_festival_2027(workdays=["2027-02-20", "2027-01-30"])
    stored = repository.put_year(2027, update, expected_version=0, actor_id="admin-1", actor_role="platform_admin")
    read = repository.get_year(2027)
    assert read == stored
    assert (read.year, read.version, read.notice, read.updated_by) == (2027, 1, NOTICE_2027, "admin-1")
    assert read.workdays == [date(2027, 1, 30), date(2027, 2, 20)]
    assert read.holidays[0] == date(2027, 2, 5) and len(read.holidays) == 8
    assert repository.get_year(2028) is None
    item = boto3.client("dynamodb", region_name="ap-east-1").get_item(
        TableName=SETTINGS["MULIN_TABLE"], Key={"PK": {"S": "CALENDAR"}, "SK": {"S": "YEAR#2027"}}
    )["Item"]
    assert item["workdays"] == {"L": [{"S": "2027-01-30"}, {"S": "2027-02-20"}]}


def test_a_write_and_its_audit_event_go_together(calendar_cache):
    first = repository.put_year(2027, spring_festival_2027(), 0, "admin-1", "platform_admin")
    repository.put_year(2027, spring_festival_2027(workdays=[]), 1, "admin-2", "platform_admin", previous=first)
    events = audit_events(2027)
    assert [e["actor_id"]["S"] for e in events] == ["admin-1", "admin-2"]
    assert all(e["action"] == {"S": "store_schedule"} for e in events)
    assert "before" not in events[0]
    assert events[1]["before"]["M"]["workdays"] == {"L": [{"S": "2027-02-20"}]}
    assert events[1]["after"]["M"]["workdays"] == {"L": []}
    assert repository.get_year(2027).version == 2


@pytest.mark.parametrize("stale_version", [0, 2])
def test_a_stale_version_is_a_conflict_and_changes_nothing(calendar_cache, stale_version):
    repository.put_year(2027, spring_festival_2027(), 0, "admin-1", "platform_admin")
    with pytest.raises(ConflictError):
        repository.put_year(2027, spring_festival_2027(workdays=[]), stale_version, "admin-2", "platform_admin")
    read = repository.get_year(2027)
    assert (read.version, read.workdays, read.updated_by) == (1, [date(2027, 2, 20)], "admin-1")
    assert len(audit_events(2027)) == 1


def test_a_correction_needs_a_year_to_exist(calendar_cache):
    with pytest.raises(ConflictError):
        repository.put_year(2029, spring_festival_2027(), 1, "admin-1", "platform_admin")
    assert repository.get_year(2029) is None and audit_events(2029) == []


def test_stored_years_are_listed_with_one_query(queries):
    for year in (2028, 2027, 2030):
        holidays = [f"{year}-10-0{d}" for d in range(1, 8)]
        repository.put_year(year, spring_festival_2027(holidays=holidays, workdays=[]), 0, "a", "platform_admin")
    assert [y.year for y in repository.list_stored_years()] == [2027, 2028, 2030]
    assert len(queries) == 1
    assert queries[0]["KeyConditionExpression"] == "PK = :pk AND begins_with(SK, :prefix)"


def test_the_calendar_is_read_once_and_then_served_from_memory(queries, monkeypatch):
    service.store_year_schedule(ADMIN, 2027, spring_festival_2027())
    # Storing reloads the calendar on the real clock; start over on the test's own.
    service.reset_calendar_cache()
    queries.clear()
    clock = [1000.0]
    monkeypatch.setattr(service.time, "monotonic", lambda: clock[0])

    calendar = service.load_calendar()
    assert calendar.knows(2027) and not calendar.is_working_day(date(2027, 2, 8))
    for _ in range(20):
        assert service.load_calendar() is calendar
    clock[0] += service.CALENDAR_TTL_SECONDS - 1
    assert service.load_calendar() is calendar
    assert len(queries) == 1

    clock[0] += 1
    assert service.load_calendar() is not calendar
    assert len(queries) == 2


def test_storing_a_year_refreshes_this_containers_calendar(calendar_cache):
    assert not service.load_calendar().knows(2027)
    view = service.store_year_schedule(ADMIN, 2027, spring_festival_2027())
    assert (view.source, view.version, view.notice) == ("stored", 1, NOTICE_2027)
    assert service.load_calendar().knows(2027)
    assert service.get_year_schedule(2027) == view


def test_a_correction_of_a_year_the_package_knows_wins(calendar_cache):
    assert service.get_year_schedule(2026).source == "chinesecalendar"
    holidays = [(date(2026, 10, 1) + timedelta(days=n)).isoformat() for n in range(8)]
    service.store_year_schedule(ADMIN, 2026, YearScheduleUpdate(holidays=holidays, workdays=[], source="correction"))
    assert not service.load_calendar().is_working_day(date(2026, 10, 8))
    assert service.get_year_schedule(2026).source == "stored"
    second = service.store_year_schedule(ADMIN, 2026, YearScheduleUpdate(holidays=holidays[:7], workdays=[], source="again"))
    assert second.version == 2


def test_the_service_refuses_before_it_writes(calendar_cache):
    official = Principal(user_id="s-1", role=Role.street_official, jurisdiction="310110012")
    with pytest.raises(ForbiddenError):
        service.store_year_schedule(official, 2027, spring_festival_2027())
    with pytest.raises(RuleViolationError):
        service.store_year_schedule(ADMIN, 2027, spring_festival_2027(workdays=["2027-02-17"]))
    assert repository.get_year(2027) is None and audit_events(2027) == []


def test_the_warning_follows_what_is_stored(calendar_cache):
    assert "2027" in service.calendar_warning(date(2026, 11, 1))
    assert service.calendar_warning(date(2026, 10, 31)) is None
    service.store_year_schedule(ADMIN, 2027, spring_festival_2027())
    assert service.calendar_warning(date(2026, 11, 1)) is None
